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
	// A bare "account number" is as often a customer account (OPERATIONAL);
	// a bank's routing or sort code nearby makes it a bank account.
	bankCues = []string{"bank account", "checking account", "savings account", "routing", "sort code", "kontonummer",
		"numéro de compte", "número de cuenta", "conto corrente", "numero di conto", "número da conta", "rekeningnummer"}
)

// govIDRules are the national identifiers GovID knows. Rule ids are
// "<country>-<identifier>", safe to log.
var govIDRules = []idRule{
	{id: "us-itin", kind: KindGovID, shape: "ddddddddd", layouts: []string{"999-99-9999"}, cues: []string{"itin", "taxpayer identification"}, check: ckUSITIN},
	{id: "passport", kind: KindGovID, charset: 'x', minLen: 6, maxLen: 10, cues: passportCues},
	{id: "id-card", kind: KindGovID, charset: 'x', minLen: 6, maxLen: 12, cues: idCardCues},
	{id: "drivers-licence", kind: KindGovID, charset: 'x', minLen: 5, maxLen: 16, cues: licenceCues},
	{id: "uk-driving-licence", kind: KindGovID, shape: "xxxxxddddddxxdAA", distinct: true, check: ckUKDrivingLicence},
	{id: "bank-account", kind: KindGovID, context: true, charset: 'd', minLen: 7, maxLen: 17, cues: bankCues},
	{id: "us-aba-routing", kind: KindGovID, shape: "ddddddddd", cues: []string{"routing", "aba"}, check: ckABARouting},
	{id: "uk-nhs", kind: KindGovID, shape: "dddddddddd", cues: []string{"nhs"}, check: ckUKNHS},
	{id: "uk-nino", kind: KindGovID, shape: "AAddddddA", distinct: true, cues: []string{"national insurance", "ni number", "nino"}, check: ckUKNINO},
	{id: "es-dni", kind: KindGovID, shape: "ddddddddA", distinct: true, cues: []string{"dni", "nif", "d.n.i"}, check: ckESNIF},
	{id: "es-nie", kind: KindGovID, shape: "AdddddddA", distinct: true, cues: []string{"nie", "nif"}, check: ckESNIF},
	{id: "it-fiscal-code", kind: KindGovID, shape: "AAAAAAxxAxxAxxxA", distinct: true, cues: []string{"codice fiscale", "cf"}, check: ckITFiscal},
	{id: "it-vat", kind: KindGovID, shape: "ddddddddddd", cues: []string{"partita iva", "p.iva", "piva", "vat"}, check: ckLuhnValid},
	{id: "it-identity-card", kind: KindGovID, shape: "AAdddddAA", cues: idCardCues},
	{id: "pl-pesel", kind: KindGovID, shape: "ddddddddddd", cues: []string{"pesel"}, check: ckPESEL},
	{id: "sg-nric", kind: KindGovID, shape: "AdddddddA", distinct: true, cues: []string{"nric", "fin", "ic number"}, check: ckSGNRIC},
	{id: "sg-uen", kind: KindGovID, charset: 'x', minLen: 9, maxLen: 10, cues: []string{"uen"}},
	{id: "au-abn", kind: KindGovID, shape: "ddddddddddd", layouts: []string{"99 999 999 999"}, cues: []string{"abn"}, check: ckAUABN},
	{id: "au-acn", kind: KindGovID, shape: "ddddddddd", cues: []string{"acn"}, check: ckAUACN},
	{id: "au-tfn", kind: KindGovID, shape: "ddddddddd", cues: []string{"tfn", "tax file number"}, check: ckAUTFN},
	{id: "au-medicare", kind: KindGovID, shape: "dddddddddd", layouts: []string{"9999 99999 9"}, cues: []string{"medicare"}, check: ckAUMedicare},
	{id: "in-pan", kind: KindGovID, shape: "AAAAAddddA", distinct: true, cues: []string{"pan"}, check: ckINPAN},
	{id: "in-aadhaar", kind: KindGovID, shape: "dddddddddddd", layouts: []string{"9999 9999 9999", "9999-9999-9999"}, cues: []string{"aadhaar", "aadhar", "uidai"}, check: ckAadhaar},
	{id: "in-voter-id", kind: KindGovID, shape: "AAAddddddd", cues: []string{"voter", "epic"}},
	{id: "in-gstin", kind: KindGovID, shape: "ddAAAAAddddAxZx", distinct: true, cues: []string{"gstin", "gst"}, check: ckINGSTIN},
	{id: "fi-hetu", kind: KindGovID, shape: "ddddddcdddx", distinct: true, cues: []string{"henkilötunnus", "hetu"}, check: ckFIHetu},
	{id: "fi-hetu", kind: KindGovID, shape: "dddddddddx", layouts: []string{"999999-999X"}, cues: []string{"henkilötunnus", "hetu"}, check: ckFIHetuDash},
	{id: "kr-rrn", kind: KindGovID, shape: "ddddddddddddd", layouts: []string{"999999-9999999"}, cues: []string{"주민등록번호", "rrn", "resident registration"}, check: ckKRRRN},
	{id: "kr-drivers-licence", kind: KindGovID, shape: "dddddddddddd", layouts: []string{"99-99-999999-99"}, cues: []string{"운전면허"}},
	{id: "th-tnin", kind: KindGovID, shape: "ddddddddddddd", layouts: []string{"9-9999-99999-99-9", "9 9999 99999 99 9"}, cues: []string{"thai id", "tnin", "บัตรประชาชน"}, check: ckTHID},
	{id: "se-personnummer", kind: KindGovID, shape: "dddddddddd", layouts: []string{"999999-9999"}, cues: []string{"personnummer"}, check: ckSEPersonnummer},
	{id: "se-personnummer", kind: KindGovID, shape: "dddddddddddd", layouts: []string{"99999999-9999"}, cues: []string{"personnummer"}, check: ckSEPersonnummer},
	{id: "tr-kimlik", kind: KindGovID, shape: "ddddddddddd", cues: []string{"kimlik", "tckn", "tc no"}, check: ckTRKimlik},
	{id: "ng-nin", kind: KindGovID, shape: "ddddddddddd", cues: []string{"nin", "national identification number"}},
	{id: "ca-sin", kind: KindGovID, shape: "ddddddddd", cues: []string{"sin", "social insurance", "nas", "assurance sociale"}, check: ckCASIN},
	{id: "de-steuer-id", kind: KindGovID, shape: "ddddddddddd", layouts: []string{"99 999 999 999"},
		cues: []string{"steuer-id", "steuer id", "steuerid", "steueridentifikationsnummer", "identifikationsnummer", "idnr", "steuernummer", "tin"}, check: ckDESteuerID},
	{id: "fr-nir", kind: KindGovID, shape: "dddddxxdddddddd", layouts: []string{"9 99 99 99 999 999 99", "9 99 99 9X 999 999 99"},
		cues: []string{"sécurité sociale", "securite sociale", "nir", "sécu", "insee", "carte vitale"}, check: ckFRNIR},
	{id: "br-cpf", kind: KindGovID, shape: "ddddddddddd", layouts: []string{"999.999.999-99"}, cues: []string{"cpf"}, check: ckBRCPF},
	{id: "br-cnpj", kind: KindGovID, shape: "dddddddddddddd", layouts: []string{"99.999.999/9999-99"}, cues: []string{"cnpj"}, check: ckBRCNPJ},
	{id: "nl-bsn", kind: KindGovID, shape: "ddddddddd", cues: []string{"bsn", "burgerservicenummer", "burgerservice", "sofinummer"}, check: ckNLBSN},
	{id: "be-national-number", kind: KindGovID, shape: "ddddddddddd", layouts: []string{"99.99.99-999.99"}, cues: []string{"rijksregisternummer", "rijksregister", "numéro national", "registre national"}, check: ckBENational},
	{id: "ch-ahv", kind: KindGovID, shape: "ddddddddddddd", layouts: []string{"756.9999.9999.99"}, cues: []string{"ahv", "avs", "sozialversicherungsnummer"}, check: ckCHAHV},
	{id: "de-rvnr", kind: KindGovID, shape: "ddddddddAddd", cues: []string{"rentenversicherungsnummer", "sozialversicherungsnummer", "rvnr", "svnr", "versicherungsnummer"}},
	{id: "es-nss", kind: KindGovID, shape: "dddddddddddd", cues: []string{"seguridad social", "nss", "afiliación", "afiliacion"}, check: ckESNSS},
	{id: "mx-nss", kind: KindGovID, shape: "ddddddddddd", cues: []string{"imss", "nss", "seguro social"}, check: ckLuhnValid},
	{id: "pt-nif", kind: KindGovID, shape: "ddddddddd", cues: []string{"nif", "contribuinte"}, check: ckPTNIF},
	{id: "pt-citizen-card", kind: KindGovID, shape: "dddddddddAAd", cues: []string{"cartão de cidadão", "cartao de cidadao", "cc"}},
	{id: "ie-pps", kind: KindGovID, charset: 'x', minLen: 8, maxLen: 9, cues: []string{"pps", "ppsn"}, check: ckIEPPS},
	{id: "mx-rfc", kind: KindGovID, shape: "AAAAddddddxxx", cues: []string{"rfc"}},
	{id: "ar-dni", kind: KindGovID, charset: 'd', minLen: 7, maxLen: 8, cues: []string{"dni"}},
	{id: "br-rg", kind: KindGovID, charset: 'x', minLen: 8, maxLen: 9, cues: []string{"rg", "identidade"}},
	{id: "fr-tax-number", kind: KindGovID, shape: "ddddddddddddd", cues: []string{"numéro fiscal", "numero fiscal", "spi"}},
	// A MAC address said or written without separators; mac.go finds the
	// separated forms.
	{id: "mac-compact", kind: KindMACAddress, shape: "xxxxxxxxxxxx", cues: []string{"mac", "mac-adresse", "mac-adres"}, check: ckHex},
	{id: "mx-curp", kind: KindGovID, shape: "AAAAddddddAAAAAAxd", distinct: true, cues: []string{"curp"}, check: ckMXCURP},
}
