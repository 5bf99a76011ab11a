package detectors

// medicalRules are the health identifiers GovID knows besides the national
// ones: US NPI (Luhn over 80840), Medicare Beneficiary Identifiers, DEA
// registration numbers, European Health Insurance Card numbers, German health-insurance numbers
// (Krankenversichertennummer), Dutch AGB codes, and medical-licence, medical-record and
// health-plan member numbers announced by a cue word in any configured
// language. They report MEDICAL.
var medicalRules = []idRule{
	{id: "us-npi", kind: KindMedical, shape: "dddddddddd", cues: []string{"npi", "national provider"}, check: ckUSNPI},
	{id: "us-mbi", kind: KindMedical, shape: "dAxdAxdAAdd", distinct: true, cues: []string{"mbi", "medicare"}, check: ckUSMBI},
	{id: "us-dea", kind: KindMedical, shape: "AAddddddd", cues: []string{"dea"}, check: ckUSDEA},
	{id: "de-kvnr", kind: KindMedical, shape: "Addddddddd", cues: []string{"krankenversichertennummer", "versichertennummer", "kvnr", "krankenkasse", "versicherungsnummer", "gesundheitskarte"}, check: ckDEKVNR},
	{id: "medical-licence", kind: KindMedical, charset: 'x', minLen: 4, maxLen: 14, cues: []string{
		"medical license", "medical licence", "medical license number", "número de colegiado", "colegiado", "approbation",
		"lanr", "arztnummer", "rpps", "adeli", "ordine dei medici", "crm", "big-nummer", "big-registratie"}},
	{id: "medical-record", kind: KindMedical, charset: 'x', minLen: 4, maxLen: 14, cues: []string{
		"mrn", "medical record", "patient id", "patient number", "chart number", "historia clínica", "número de historia",
		"dossier médical", "numéro de dossier", "dossier patient", "uzi", "patientennummer", "patienten-id", "cartella clinica", "prontuário", "patiëntnummer",
		"processo clínico", "processo clinico", "número de processo", "n.º de processo"}},
	// A European Health Insurance Card's number (the Italian tessera
	// sanitaria's TEAM number among them): 20 digits under ISO/IEC 7812,
	// "80" for health, the country's numeric code, Luhn at the end
	// ("80380 000 1234 5678 9014"). Specific enough to need no cue.
	{id: "ehic-card", kind: KindMedical, shape: "80dddddddddddddddddd", distinct: true, cues: []string{"tessera", "ehic", "team", "tarjeta sanitaria europea", "carte européenne", "gesundheitskarte"}, check: ckLuhnValid},
	// A Dutch AGB code registers a care provider: eight digits.
	{id: "nl-agb", kind: KindMedical, shape: "dddddddd", cues: []string{"agb-code", "agb code", "agb"}},
	{id: "health-plan-member", kind: KindMedical, charset: 'x', minLen: 5, maxLen: 20, cues: []string{
		"member id", "member number", "membership number", "subscriber id", "health plan", "insurance id", "health insurance", "insurance card", "hospital number", "nhs hospital",
		"tarjeta sanitaria", "utente", "sns", "carteirinha", "convênio", "plano de saúde", "zorgpas", "rx", "prescription",
		"número de afiliado", "numéro d'adhérent", "mitgliedsnummer", "tessera sanitaria", "cartão sus", "cns", "polisnummer", "zorgverzekering",
		// Health insurers named in the sentence: "mijn relatienummer bij de zorgverzekeraar is RN 4471 0928 13".
		"zorgverzekeraar", "mutuelle", "krankenversicherung", "seguro de salud", "seguro médico", "seguro de saúde",
		"assicurazione sanitaria", "health insurer"}},
}
