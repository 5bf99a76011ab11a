package detectors

// Cue words shared by several rules.
var (
	passportCues = []string{"passport", "pasaporte", "passeport", "reisepass", "reisepassnummer", "passnummer", "passaporto", "passaporte", "paspoort", "여권"}
	idCardCues   = []string{"identity card", "id card", "id number", "national id", "carta d'identità", "carta di identità",
		"personalausweis", "ausweisnummer", "ausweis", "carte d'identité", "carte nationale d'identité", "cni",
		"documento de identidad", "carteira de identidade", "identiteitskaart", "id-kaart", "identiteitsbewijs", "cie"}
	licenceCues = []string{"driver's license", "drivers license", "driver license", "driver's licence", "driving licence",
		"driving license", "licence number", "license number", "führerschein", "führerscheinnummer", "permis de conduire",
		"carnet de conducir", "licencia de conducir", "permiso de conducir", "patente", "carta de condução", "cnh", "rijbewijs"}
	bankCues = []string{"bank account", "account number", "acct", "checking account", "savings account", "kontonummer",
		"numéro de compte", "número de cuenta", "conto corrente", "numero di conto", "número da conta", "rekeningnummer"}
)

// govIDRules are the national identifiers GovID knows. Rule ids are
// "<country>-<identifier>", safe to log.
var govIDRules = []idRule{
	{id: "us-itin", kind: KindGovID, shape: "ddddddddd", layouts: []string{"999-99-9999"}, cues: []string{"itin", "taxpayer identification"}, check: checkUSITIN},
	{id: "passport", kind: KindGovID, charset: 'x', minLen: 6, maxLen: 10, cues: passportCues},
	{id: "id-card", kind: KindGovID, charset: 'x', minLen: 6, maxLen: 12, cues: idCardCues},
	{id: "drivers-licence", kind: KindGovID, charset: 'x', minLen: 5, maxLen: 16, cues: licenceCues},
	{id: "uk-driving-licence", kind: KindGovID, shape: "xxxxxddddddxxdAA", distinct: true, check: checkUKDrivingLicence},
	{id: "bank-account", kind: KindGovID, charset: 'd', minLen: 6, maxLen: 17, cues: bankCues},
	{id: "us-aba-routing", kind: KindGovID, shape: "ddddddddd", cues: []string{"routing", "aba"}, check: checkABARouting},
	{id: "uk-nhs", kind: KindGovID, shape: "dddddddddd", cues: []string{"nhs"}, check: checkUKNHS},
	{id: "uk-nino", kind: KindGovID, shape: "AAddddddA", distinct: true, cues: []string{"national insurance", "ni number", "nino"}, check: checkUKNINO},
	{id: "es-dni", kind: KindGovID, shape: "ddddddddA", distinct: true, cues: []string{"dni", "nif", "d.n.i"}, check: checkESNIF},
	{id: "es-nie", kind: KindGovID, shape: "AdddddddA", distinct: true, cues: []string{"nie", "nif"}, check: checkESNIF},
	{id: "it-fiscal-code", kind: KindGovID, shape: "AAAAAAxxAxxAxxxA", distinct: true, cues: []string{"codice fiscale", "cf"}, check: checkITFiscal},
	{id: "it-vat", kind: KindGovID, shape: "ddddddddddd", cues: []string{"partita iva", "p.iva", "piva", "vat"}, check: luhnValid},
	{id: "it-identity-card", kind: KindGovID, shape: "AAdddddAA", cues: idCardCues},
	{id: "pl-pesel", kind: KindGovID, shape: "ddddddddddd", cues: []string{"pesel"}, check: checkPESEL},
	{id: "sg-nric", kind: KindGovID, shape: "AdddddddA", distinct: true, cues: []string{"nric", "fin", "ic number"}, check: checkSGNRIC},
	{id: "sg-uen", kind: KindGovID, charset: 'x', minLen: 9, maxLen: 10, cues: []string{"uen"}},
	{id: "au-abn", kind: KindGovID, shape: "ddddddddddd", layouts: []string{"99 999 999 999"}, cues: []string{"abn"}, check: checkAUABN},
	{id: "au-acn", kind: KindGovID, shape: "ddddddddd", cues: []string{"acn"}, check: checkAUACN},
	{id: "au-tfn", kind: KindGovID, shape: "ddddddddd", cues: []string{"tfn", "tax file number"}, check: checkAUTFN},
	{id: "au-medicare", kind: KindGovID, shape: "dddddddddd", layouts: []string{"9999 99999 9"}, cues: []string{"medicare"}, check: checkAUMedicare},
	{id: "in-pan", kind: KindGovID, shape: "AAAAAddddA", distinct: true, cues: []string{"pan"}, check: checkINPAN},
	{id: "in-aadhaar", kind: KindGovID, shape: "dddddddddddd", layouts: []string{"9999 9999 9999", "9999-9999-9999"}, cues: []string{"aadhaar", "aadhar", "uidai"}, check: checkAadhaar},
	{id: "in-voter-id", kind: KindGovID, shape: "AAAddddddd", cues: []string{"voter", "epic"}},
	{id: "in-gstin", kind: KindGovID, shape: "ddAAAAAddddAxZx", distinct: true, cues: []string{"gstin", "gst"}, check: checkINGSTIN},
	{id: "fi-hetu", kind: KindGovID, shape: "ddddddcdddx", distinct: true, cues: []string{"henkilötunnus", "hetu"}, check: checkFIHetu},
	{id: "fi-hetu", kind: KindGovID, shape: "dddddddddx", layouts: []string{"999999-999X"}, cues: []string{"henkilötunnus", "hetu"}, check: checkFIHetuDash},
	{id: "kr-rrn", kind: KindGovID, shape: "ddddddddddddd", layouts: []string{"999999-9999999"}, cues: []string{"주민등록번호", "rrn", "resident registration"}, check: checkKRRRN},
	{id: "kr-drivers-licence", kind: KindGovID, shape: "dddddddddddd", layouts: []string{"99-99-999999-99"}, cues: []string{"운전면허"}},
	{id: "th-tnin", kind: KindGovID, shape: "ddddddddddddd", layouts: []string{"9-9999-99999-99-9", "9 9999 99999 99 9"}, cues: []string{"thai id", "tnin", "บัตรประชาชน"}, check: checkTHID},
	{id: "se-personnummer", kind: KindGovID, shape: "dddddddddd", layouts: []string{"999999-9999"}, cues: []string{"personnummer"}, check: checkSEPersonnummer},
	{id: "se-personnummer", kind: KindGovID, shape: "dddddddddddd", layouts: []string{"99999999-9999"}, cues: []string{"personnummer"}, check: checkSEPersonnummer},
	{id: "tr-kimlik", kind: KindGovID, shape: "ddddddddddd", cues: []string{"kimlik", "tckn", "tc no"}, check: checkTRKimlik},
	{id: "ng-nin", kind: KindGovID, shape: "ddddddddddd", cues: []string{"nin", "national identification number"}},
	{id: "ca-sin", kind: KindGovID, shape: "ddddddddd", cues: []string{"sin", "social insurance"}, check: checkCASIN},
	{id: "de-steuer-id", kind: KindGovID, shape: "ddddddddddd", layouts: []string{"99 999 999 999"},
		cues: []string{"steuer-id", "steuerid", "steueridentifikationsnummer", "identifikationsnummer", "idnr", "steuernummer", "tin"}, check: checkDESteuerID},
	{id: "fr-nir", kind: KindGovID, shape: "dddddxxdddddddd", layouts: []string{"9 99 99 99 999 999 99", "9 99 99 9X 999 999 99"},
		cues: []string{"sécurité sociale", "securite sociale", "nir", "sécu", "insee", "carte vitale"}, check: checkFRNIR},
	{id: "br-cpf", kind: KindGovID, shape: "ddddddddddd", layouts: []string{"999.999.999-99"}, cues: []string{"cpf"}, check: checkBRCPF},
	{id: "br-cnpj", kind: KindGovID, shape: "dddddddddddddd", layouts: []string{"99.999.999/9999-99"}, cues: []string{"cnpj"}, check: checkBRCNPJ},
	{id: "mx-curp", kind: KindGovID, shape: "AAAAddddddAAAAAAxd", distinct: true, cues: []string{"curp"}, check: checkMXCURP},
}
