package detectors

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testLexicon is loaded once for the package's tests; it is immutable.
var testLexicon = sync.OnceValue(mustLexicon)

// nameEngine is an engine over the PERSON and LOCATION detectors.
func nameEngine(t testing.TB) *Engine {
	t.Helper()
	lex := testLexicon()
	e, err := New([]Detector{Person(lex), PersonAccented(lex), PersonLower(lex), PersonHandle(lex), PersonSpeaking(lex), Location(lex)})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

// found returns "KIND:text" for each finding.
func found(text string, fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Kind.String()+":"+text[f.Start:f.End])
	}
	return out
}

type nameCase struct {
	name   string
	give   string
	lang   string
	spoken bool
	want   []string
}

func runNameCases(t *testing.T, tests []nameCase) {
	t.Helper()
	e := nameEngine(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.give, e.ScanInput(nil, Input{Text: []byte(tt.give), Lang: tt.lang, Spoken: tt.spoken}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ScanInput(%q, %q) mismatch (-want +got):\n%s", tt.give, tt.lang, diff)
			}
		})
	}
}

// personTruePositives: names that must be found, with their exact spans.
var personTruePositives = []nameCase{
	{"en decl", "Hello, my name is Anna Kowalczyk and I need help", "en", false, []string{"PERSON:Anna Kowalczyk"}},
	{"en decl lower", "hi my name is john and my order is late", "en", false, []string{"PERSON:john"}},
	{"en this is asr", "hi this is anna smith calling about my bill", "en", true, []string{"PERSON:anna smith"}},
	{"en i'm name-word", "Hi, I'm May, how can I help?", "en", false, []string{"PERSON:May"}},
	{"en pair name-word", "I loved the film with Will Smith yesterday", "en", false, []string{"PERSON:Will Smith"}},
	{"en thanks", "Thanks, John", "en", false, []string{"PERSON:John"}},
	{"en regards newline", "See you soon.\nRegards,\nMaria Rossi", "en", false, []string{"PERSON:Maria Rossi"}},
	{"en title", "Please ask for Dr. Hernández at the desk", "en", false, []string{"PERSON:Hernández"}},
	{"en mid-sentence given name", "I spoke to Jennifer yesterday", "en", false, []string{"PERSON:Jennifer"}},
	{"en possessive", "That is Michael's phone", "en", false, []string{"PERSON:Michael"}},
	{"en call me", "you can call me Bill", "en", false, []string{"PERSON:Bill"}},
	{"es decl", "Hola, me llamo María José García López", "es", false, []string{"PERSON:María José García López"}},
	{"es saludos", "Saludos, Pedro", "es", false, []string{"PERSON:Pedro"}},
	{"es title", "La Sra. Fernández llamó ayer", "es", false, []string{"PERSON:Fernández"}},
	{"fr decl", "Bonjour, je m'appelle Jean-Pierre Dubois", "fr", false, []string{"PERSON:Jean-Pierre Dubois"}},
	{"fr title", "Mme Lefèvre a appelé", "fr", false, []string{"PERSON:Lefèvre"}},
	{"de decl", "Hallo, ich heiße Jonas Müller", "de", false, []string{"PERSON:Jonas Müller"}},
	{"de title particle", "Herr von Weizsäcker ruft zurück", "de", false, []string{"PERSON:von Weizsäcker"}},
	{"de grüße", "Viele Grüße, Jonas", "de", false, []string{"PERSON:Jonas"}},
	{"it decl", "Ciao, mi chiamo Giulia Bianchi", "it", false, []string{"PERSON:Giulia Bianchi"}},
	{"it title", "Il Dott. Esposito è in ferie", "it", false, []string{"PERSON:Esposito"}},
	{"pt decl", "Olá, meu nome é João da Silva", "pt", false, []string{"PERSON:João da Silva"}},
	{"pt chamo-me", "chamo-me Inês", "pt", false, []string{"PERSON:Inês"}},
	{"nl decl", "Hoi, mijn naam is Daan de Vries", "nl", false, []string{"PERSON:Daan de Vries"}},
	{"nl ik heet", "ik heet sanne", "nl", false, []string{"PERSON:sanne"}},
	{"nl title", "Dhr. Jansen belt terug", "nl", false, []string{"PERSON:Jansen"}},
	{"other language cue", "Thanks a lot! Saludos, Pedro", "en", false, []string{"PERSON:Pedro"}},
	{"asr pair no cue", "yes so anna smith is the account holder", "en", true, []string{"PERSON:anna smith"}},
	{"lower chat greeting", "hey sarah are you coming", "en", false, []string{"PERSON:sarah"}},
	{"form label", "Cardholder: Priya Raman\nExpiry: 09/29", "en", false, []string{"PERSON:Priya Raman"}},
	{"de kontoinhaber", "Überweisung an Kontoinhaber Gerhard Brenner bitte", "de", false, []string{"PERSON:Gerhard Brenner"}},
	{"hyphenated given name", "Guten Tag, hier ist Eva-Maria Lindner", "de", false, []string{"PERSON:Eva-Maria Lindner"}},
	{"apostrophe surname lower", "hey i'm sean o'connor from the gym", "en", false, []string{"PERSON:sean o'connor"}},
	{"escaped newline signature", `Merci,\nCamille Rousseau\nService client`, "fr", false, []string{"PERSON:Camille Rousseau"}},
	{"relation cue asr", "i'm calling for my husband rafael", "en", true, []string{"PERSON:rafael"}},
	{"lower title in chat", "grazie signora Ferrari, a presto", "it", false, []string{"PERSON:Ferrari"}},
	{"title feminine ending", "Appuntamento con la Dott.ssa Greco alle nove", "it", false, []string{"PERSON:Greco"}},
	{"self intro name-word asr", "hello this is hope i'm returning your call", "en", true, []string{"PERSON:hope"}},
	{"stutter asr", "yes it's grace grace porter", "en", true, []string{"PERSON:grace", "PERSON:grace porter"}},
	{"asr middle name", "ana paula ribeiro", "pt", true, []string{"PERSON:ana paula ribeiro"}},
	{"agent turn es", "Gracias Lucía, ya está actualizado.", "es", false, []string{"PERSON:Lucía"}},
	{"pt article cue", "oi, aqui é o Thiago da loja", "pt", false, []string{"PERSON:Thiago"}},
	{"surname from census", "Please forward this to Karen Okafor today", "en", false, []string{"PERSON:Karen Okafor"}},
	{"decl asr", "buenas tardes le atiende marina", "es", true, []string{"PERSON:marina"}},
	{"pt vocative word-name", "oi joão, tudo bem?", "pt", false, []string{"PERSON:joão"}},
	{"nl relative stop-name", "ik verbind u door met mijn collega sem", "nl", true, []string{"PERSON:sem"}},
	{"de thanks extra name", "Danke Uwe, bis Montag!", "de", false, []string{"PERSON:Uwe"}},
	{"es sign-off next line", "Un saludo,\nBegoña", "es", false, []string{"PERSON:Begoña"}},
	{"nl bare popular name", "Bram heeft deze week dienst", "nl", false, []string{"PERSON:Bram"}},
	{"it colleague", "le passo il mio collega salvatore", "it", true, []string{"PERSON:salvatore"}},
}

// personUnknownNames: names no list knows, after strong cues, titles,
// greetings and relatives; names spelled out in voice; and the hard
// negatives that share their cues.
var personUnknownNames = []nameCase{
	{"en self two unknown words", "Hello, I'm Adaeze Nwachukwu and I need a refund", "en", false, []string{"PERSON:Adaeze Nwachukwu"}},
	{"en self unknown then comma", "I'm Siosaia, the order number is below", "en", false, []string{"PERSON:Siosaia"}},
	{"en calls me", "people at work calls me Teo mostly", "en", false, []string{"PERSON:Teo"}},
	{"en account name", "the account name is Obiora Eze", "en", false, []string{"PERSON:Obiora Eze"}},
	{"en relative of", "it's a gift for the sister of Zainab", "en", false, []string{"PERSON:Zainab"}},
	{"en agent voice", "you're speaking with kaveh how can i help", "en", true, []string{"PERSON:kaveh"}},
	{"de greeting unknown", "Hallo Imke, der Termin steht.", "de", false, []string{"PERSON:Imke"}},
	{"de lower title unknown", "hier ist frau brinkhaus wegen der rechnung", "de", true, []string{"PERSON:brinkhaus"}},
	{"de filler", "ja hallo äh detlef kowalski", "de", true, []string{"PERSON:detlef kowalski"}},
	{"nl thanks unknown", "Dank je, Wietske. Wat is je adres?", "nl", false, []string{"PERSON:Wietske"}},
	{"nl title particles", "meneer Van 't Hek belt terug", "nl", false, []string{"PERSON:Van 't Hek"}},
	{"nl title arabic particle", "Geachte mevrouw El Idrissi, uw afspraak staat", "nl", false, []string{"PERSON:El Idrissi"}},
	{"nl decl title", "u spreekt met meneer Hoekstra", "nl", false, []string{"PERSON:Hoekstra"}},
	{"fr s'appelle", "mon fils s'appelle Nolhan", "fr", false, []string{"PERSON:Nolhan"}},
	{"fr soussigné", "Je soussigné Gwenaël Tanguy certifie", "fr", false, []string{"PERSON:Gwenaël Tanguy"}},
	{"fr lower title unknown", "bonjour monsieur kerjean", "fr", false, []string{"PERSON:kerjean"}},
	{"es title voice", "le atiende el señor arrizabalaga", "es", true, []string{"PERSON:arrizabalaga"}},
	{"es spelled surname", "soy aitor goiri g o i r i", "es", true, []string{"PERSON:aitor goiri g o i r i"}},
	{"it spelled hyphens", "mi chiamo nives p-i-c-c-o", "it", true, []string{"PERSON:nives p-i-c-c-o"}},
	{"en nato spelling", "my surname is oduya o as in oscar d as in delta u y a", "en", true,
		[]string{"PERSON:oduya o as in oscar d as in delta u y a"}},
	{"pt relative of", "é para a amiga de Iracema", "pt", false, []string{"PERSON:Iracema"}},
	{"pt relative of contracted", "oi aqui é a bruna amiga da Jussara", "pt", false, []string{"PERSON:bruna", "PERSON:Jussara"}},
	{"nl lower title capital particle", "Ik heb meneer De Bruijne gesproken", "nl", false, []string{"PERSON:De Bruijne"}},
	{"de spelled wie", "mein name ist kranz k wie kaufmann r a n z", "de", true, []string{"PERSON:kranz k wie kaufmann r a n z"}},
	{"en self town name voice", "hi this is austin from support", "en", true, []string{"PERSON:austin"}},
	{"fr self place negative", "je suis à paris depuis lundi", "fr", false, []string{"LOCATION:paris"}},
	{"fr spelling cue", "ça s'écrit k e r g o a t", "fr", true, []string{"PERSON:k e r g o a t"}},
	{"en spelling cue", "that's spelled o k a f o r", "en", true, []string{"PERSON:o k a f o r"}},
	{"en spelled word not name", "spelled it wrong again", "en", true, []string{}},
	{"de sign-off team", "Danke für die Info.\nViele Grüße, Buchhaltung", "de", false, []string{}},
	{"en sign-off team", "the report is attached.\nThanks, Finance", "en", false, []string{}},
	{"fr salutation", "Madame, Monsieur,\nje vous écris", "fr", false, []string{}},
	{"en holiday", "We open again after Easter Monday", "en", false, []string{}},
	{"fr saint holiday", "un cadeau pour la Saint-Nicolas", "fr", false, []string{}},
	{"es colours", "Rosa y Blanca son los colores del equipo", "es", false, []string{}},
	{"en street type", "drop it at 22 maple ave please", "en", false, []string{}},
	{"en hi team", "Hi Team, the build is green", "en", false, []string{}},
	{"de ich bin noun", "Ich bin Rentner, bitte helfen Sie mir", "de", false, []string{}},
	{"de article frau", "eine frau kommt morgen vorbei", "de", true, []string{}},
	{"es me llamo la atención", "me llamo la atención el precio", "es", false, []string{}},
	{"en moving house", "i'm moving house next week", "en", false, []string{}},
	{"greet all caps", "Hi NIF, thanks", "en", false, []string{}},
	{"title then title", "Estimada Sra. Galindo:", "es", false, []string{"PERSON:Galindo"}},
}

// personNegatives: ordinary chat and near-misses that must not be names.
var personNegatives = []nameCase{
	{"may i help", "May I help you with anything else?", "en", false, []string{}},
	{"will you", "Will you send it tomorrow?", "en", false, []string{}},
	{"grace period", "Is there a grace period on the bill?", "en", false, []string{}},
	{"paris agreement", "We discussed the Paris Agreement in class", "en", false, []string{}},
	{"paris lower", "the paris agreement was signed", "en", false, []string{}},
	{"brand", "My Mercedes needs a service", "en", false, []string{}},
	{"sentence-initial word", "Summer is almost here", "en", false, []string{}},
	{"i'm fine", "I'm fine thanks, I'm going home", "en", false, []string{}},
	{"hi team", "Hi Team, the build is green", "en", false, []string{}},
	{"thanks will do", "thanks will do", "en", false, []string{}},
	{"ich bin Arzt", "Ich bin Arzt in der Klinik", "de", false, []string{}},
	{"die frau", "die frau von nebenan", "de", false, []string{}},
	{"soy de", "soy de aquí", "es", false, []string{}},
	{"acronyms", "Send the PDF to IT ASAP", "en", false, []string{}},
	{"product", "I bought an iPhone and a Galaxy Tab", "en", false, []string{}},
	{"month", "See you in June or July", "en", false, []string{}},
	{"my name is not", "my name is not on the list", "en", false, []string{}},
	{"sentence-initial verb es", "Suelen tardar dos días", "es", false, []string{}},
	{"sentence-initial verb es 2", "Cierra la puerta al salir", "es", false, []string{}},
	{"can", "Can I change the delivery address?", "en", false, []string{}},
	{"call me back", "call me back on the landline", "en", false, []string{}},
	{"place with given name", "We fly to San Diego and then Santa Monica", "en", false, []string{}},
	{"street named after a person", "la tienda está en la calle Isabel Allende", "es", false, []string{}},
	{"month abbreviation", "Delivery between Jan 3 and Jan 9", "en", false, []string{}},
	{"article", "the Brooklyn Bridge and the Victoria Line", "en", false, []string{}},
	{"acronym", "die MAC vom Router", "de", false, []string{}},
	{"german noun", "Der Termin für Sommer ist bestätigt", "de", false, []string{}},
	{"folded word", "merci et bonne journée", "fr", false, []string{}},
	{"self cue particle place", "sono di Verona", "it", false, []string{"LOCATION:Verona"}},
	{"filler word asr", "hi may i ask about my bill", "en", true, []string{}},
	{"weekday", "closed until Sunday", "en", false, []string{}},
	{"en thanks will do", "thanks will do", "en", false, []string{}},
	{"de grüße an alle", "Grüße an alle", "de", false, []string{}},
	{"pt sem problemas", "Sem problemas, obrigado", "pt", false, []string{}},
	{"es paz", "Queremos paz y tranquilidad en el barrio.", "es", false, []string{}},
}

// personLowerChat: nicknames after greetings and thanks, self-introductions
// and relatives in lower-case chat and voice, spellings with no name before
// them, names joined by "and"; and the chat words that follow the same cues.
var personLowerChat = []nameCase{
	{"en thanks nickname emoji", "thx kez 💛 see u later", "en", false, []string{"PERSON:kez"}},
	{"en stop-word name emoji", "thx jo 💛 see u in 20", "en", false, []string{"PERSON:jo"}},
	{"fr merci dingbat", "merci steph ❤️", "fr", false, []string{"PERSON:steph"}},
	{"it greeting emoji", "ciaoo ludo 😍 vieni sabato?", "it", false, []string{"PERSON:ludo"}},
	{"es greeting stop word after", "holaa itziar ya llegué", "es", false, []string{"PERSON:itziar"}},
	{"it thanks word-name verb after", "grazie nico sei un tesoro", "it", false, []string{"PERSON:nico"}},
	{"es vale emoji", "jaja vale lu 😘", "es", false, []string{"PERSON:lu"}},
	{"fr jsuis clause", "slt jsuis noham g perdu mon tel", "fr", false, []string{"PERSON:noham"}},
	{"pt sou o clause", "sou o rui este é o meu número novo", "pt", false, []string{"PERSON:rui"}},
	{"it sono relative", "ehi sono vale la cugina di mattia", "it", false, []string{"PERSON:vale", "PERSON:mattia"}},
	{"es soy relative", "oye soy gorka el primo de amaiur, me pasas su numero?", "es", false, []string{"PERSON:gorka", "PERSON:amaiur"}},
	{"en i'm stop-word name surname", "hi i'm bill o'brien, i got a bill", "en", false, []string{"PERSON:bill o'brien"}},
	{"en this is possessive after", "hi this is anna my number is five", "en", true, []string{"PERSON:anna"}},
	{"pt spelled surname only", "o sobrenome é c a r d o s o", "pt", true, []string{"PERSON:c a r d o s o"}},
	{"nl dat is spelled", "dat is j a n s e n", "nl", true, []string{"PERSON:j a n s e n"}},
	{"it spelled apostrophe", "si scrive d apostrofo a m i c o", "it", true, []string{"PERSON:d apostrofo a m i c o"}},
	{"it citofono surname", "citofono benedetti secondo piano", "it", false, []string{"PERSON:benedetti"}},
	{"fr pas de souci", "Pas de souci Mathis, un lien vous a été envoyé.", "fr", false, []string{"PERSON:Mathis"}},
	{"en thanks two names", "deploy is done, thanks Olumide and Wen", "en", false, []string{"PERSON:Olumide", "PERSON:Wen"}},
	{"en handle of a name", "@marta.wisniewska can you take this ticket?", "en", false, []string{"PERSON:marta.wisniewska"}},
	{"en handle here", "@here deploy is done", "en", false, []string{}},
	{"en handle team", "@ops-team please check", "en", false, []string{}},
	{"en e-mail is no handle", "write to bob.smith@example.com", "en", false, []string{}},
	{"fr merci bcp", "merci bcp", "fr", false, []string{}},
	{"fr je suis adjective", "je suis désolé pour ce désagrément", "fr", false, []string{}},
	{"es soy participle", "soy nuevo por aqui y no encuentro el boton", "es", false, []string{}},
	{"it sono participle", "sono arrivato ieri e non trovo il pacco", "it", false, []string{}},
	{"en thx bro", "thx bro", "en", false, []string{}},
	{"es name before al habla", "jorge al habla dígame", "es", true, []string{"PERSON:jorge"}},
	{"de name before am Apparat", "Hier Weber am Apparat", "de", false, []string{"PERSON:Weber"}},
	{"en name speaking", "John speaking, how can I help?", "en", false, []string{"PERSON:John"}},
	{"en language speaking", "our English speaking staff", "en", false, []string{}},
	{"en who is speaking", "who is speaking please", "en", false, []string{}},
	{"fr signature with an initial", "Je vous adresse ma demande.\nCordialement,\nH. Quintard", "fr", false, []string{"PERSON:H. Quintard"}},
	{"en signature of a team", "Best,\nThe Team", "en", false, []string{}},
	{"en initial then a sentence", "Regards,\nA. Please call me", "en", false, []string{}},
	{"pt thanks then a verb", "obrigado funcionou", "pt", false, []string{}},
	{"en greeting then a sentence on the next line", "Hello,\n\nCan you help me reset my password", "en", false, []string{}},
	{"en sign-off then a signature line", "Best,\nAnna Weber", "en", false, []string{"PERSON:Anna Weber"}},
	{"it grazie mille", "grazie mille", "it", false, []string{}},
	{"es vale genial", "vale genial", "es", false, []string{}},
	{"it sono stanco", "sono stanco oggi", "it", false, []string{}},
	{"pt sou o primeiro", "sou o primeiro da fila", "pt", false, []string{}},
	{"en i'm fine", "i'm fine, no worries", "en", false, []string{}},
	{"nl dat is goed", "dat is goed", "nl", false, []string{}},
	{"it si scrive con la h", "si scrive con la h", "it", false, []string{}},
	{"it ciao amore", "ciao amore 😘", "it", false, []string{}},
	{"address term in another language", "ciao amore 😘", "en", false, []string{}},
	{"es hola tio", "hola tio que tal", "es", false, []string{}},
	{"es relative verb", "mi abuela nació el 4 de octubre", "es", false, []string{}},
	{"en capitalized text lower word", "Thanks, verified. How can I help today?", "en", false, []string{}},
	{"it voice verb after greeting", "sì buongiorno ehm chiamo per la bolletta", "it", true, []string{}},
	{"en voice calling", "hi um i'm calling from leeds my boiler stopped", "en", true, []string{"LOCATION:leeds"}},
	{"es gracias adiós", "vale pues ya está todo gracias adiós", "es", true, []string{}},
}

func TestPersonLowerChat(t *testing.T) { runNameCases(t, personLowerChat) }

func TestPersonTruePositives(t *testing.T) { runNameCases(t, personTruePositives) }
func TestPersonNegatives(t *testing.T)     { runNameCases(t, personNegatives) }
func TestPersonUnknownNames(t *testing.T)  { runNameCases(t, personUnknownNames) }

// chatNoNames is conversation-shaped text with capitals, cues and no names.
const chatNoNames = "Hi, I'm having trouble with my order. It was supposed to arrive on Monday but " +
	"the tracking page says it is still in the warehouse. Thanks for checking! Could you " +
	"also tell me if the Pro plan includes priority support? Will it be refunded? "

func BenchmarkNamesNoNames(b *testing.B) {
	e := nameEngine(b)
	text := []byte(chatNoNames)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.ScanInput(dst[:0], Input{Text: text, Lang: "en"})
	}
}

func BenchmarkNamesSpoken(b *testing.B) {
	e := nameEngine(b)
	text := []byte("hi this is anna smith calling about my order i live in leeds and my number is on file thanks")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var dst []Finding
	for b.Loop() {
		dst = e.ScanInput(dst[:0], Input{Text: text, Lang: "en", Spoken: true})
	}
}

func BenchmarkLoadLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNamesCorpus scans the sample corpus's messages, each with its language
// and channel, with the PERSON and LOCATION detectors alone: their cost per
// byte, and their allocations (only findings allocate).
func BenchmarkNamesCorpus(b *testing.B) {
	data, err := os.ReadFile(corpusPath)
	if err != nil {
		b.Fatalf("read corpus sample: %v", err)
	}
	var ins []Input
	var n int64
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		var m struct{ Text, Lang, Channel string }
		if len(line) == 0 {
			continue
		}
		if err := json.Unmarshal(line, &m); err != nil {
			b.Fatalf("parse corpus sample: %v", err)
		}
		ins = append(ins, Input{Text: []byte(m.Text), Lang: m.Lang, Spoken: m.Channel == "voice"})
		n += int64(len(m.Text))
	}
	e := nameEngine(b)
	var dst []Finding
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			dst = e.ScanInput(dst[:0], in)
		}
	}
}

// TestPersonFrames covers names with no cue word before them (vocatives,
// subjects of speech verbs, possessors), relatives before a lower-case
// name, household and booking cues, initials with double-barrelled
// surnames, agents in voice, and the guards against bot personas,
// organisations and everyday words.
func TestPersonFrames(t *testing.T) {
	runNameCases(t, []nameCase{
		// Vocatives opening a message.
		{"en vocative nickname", "hiya Bex!! can you send me your address", "en", false, []string{"PERSON:Bex"}},
		{"en vocative comma", "Kez, can you forward me the ref", "en", false, []string{"PERSON:Kez"}},
		{"pt vocative accent", "Zé, o IBAN para a prenda", "pt", false, []string{"PERSON:Zé"}},
		{"fr vocative after greeting", "coucou Steph tu peux m'envoyer ton adresse", "fr", false, []string{"PERSON:Steph"}},
		{"fr vocative unknown then pronoun", "coucou Maëlys tu viens ce soir", "fr", false, []string{"PERSON:Maëlys"}},
		{"nl presentative", "Jasper hier, mijn rekeningnummer volgt", "nl", false, []string{"PERSON:Jasper"}},
		{"es interjection not a name", "Vale, nos vemos mañana a las 10", "es", false, []string{}},
		{"en word at start not a name", "Sure, can you send it again", "en", false, []string{}},
		{"en product at start", "Monday works. Tuesday I have the dentist", "en", false, []string{}},
		// Subjects of speech verbs and possessors.
		{"es subject dice", "oye, Maripaz dice que su hermano viene", "es", false, []string{"PERSON:Maripaz"}},
		{"es unknown subject dice", "Txomin dice que no puede", "es", false, []string{"PERSON:Txomin"}},
		{"fr subject clitic", "Ludo m'a dit que le colis était arrivé", "fr", false, []string{"PERSON:Ludo"}},
		{"de subject meint", "Basti meint, der Techniker kommt morgen", "de", false, []string{"PERSON:Basti"}},
		{"it subject ha detto", "Gigi ha detto che il bonifico è partito", "it", false, []string{"PERSON:Gigi"}},
		{"pt subject falou", "Guga falou que o técnico vem amanhã", "pt", false, []string{"PERSON:Guga"}},
		{"de ambiguous name subject", "Max meint, das passt", "de", false, []string{"PERSON:Max"}},
		{"en month subject", "May said the rate goes up", "en", false, []string{}},
		{"nl word name subject", "Bas zegt dat de monteur morgen komt", "nl", false, []string{"PERSON:Bas"}},
		{"en word name possessive", "since march lol. Rob's job moved", "en", false, []string{"PERSON:Rob"}},
		{"en org subject", "Everyone says the app is slow", "en", false, []string{}},
		{"en brand subject", "Netflix says my card was declined", "en", false, []string{}},
		{"en brand subject that", "Google says the store is closed", "en", false, []string{}},
		{"fr company subject", "Chronopost dit que le colis est livré", "fr", false, []string{}},
		{"nl camel-case subject", "PostNL zegt dat het pakket bezorgd is", "nl", false, []string{}},
		{"pt bank subject", "Nubank disse que o pix caiu", "pt", false, []string{}},
		{"en brand possessive pair", "Victoria's Secret order is late", "en", false, []string{}},
		{"en place vocative", "Paris, here we come!", "en", false, []string{}},
		{"en popular name place vocative", "Florence, can you call me back", "en", false, []string{"PERSON:Florence"}},
		{"pt greeting fala", "Fala Tuca, beleza?", "pt", false, []string{"PERSON:Tuca"}},
		{"pt fala not greeting", "Fala sério, que demora", "pt", false, []string{}},
		{"de title chain", "Frau Dr. von der Leyen hat angerufen", "de", false, []string{"PERSON:von der Leyen"}},
		{"de noun subject", "Kundenservice sagt, das dauert", "de", false, []string{}},
		{"en brand possessive", "Apple's new phone is out", "en", false, []string{}},
		// Relatives before a lower-case name.
		{"en wife nickname", "um my wife shaz will be in she works from home", "en", true, []string{"PERSON:shaz"}},
		{"en sister short", "btw my sister ama is landing at gatwick at 7", "en", false, []string{"PERSON:ama"}},
		{"nl daughter", "mijn dochter ineke doet verder de administratie", "nl", false, []string{"PERSON:ineke"}},
		{"pt wife", "minha esposa cida vai estar em casa", "pt", false, []string{"PERSON:cida"}},
		{"es brother word name", "mi hermano nacho recoge el paquete", "es", false, []string{"PERSON:nacho"}},
		{"de husband", "mein mann jörg ist tagsüber zu hause", "de", true, []string{"PERSON:jörg"}},
		{"en relative then verb", "my wife works from home", "en", false, []string{}},
		{"es relative then verb", "mi abuela nació el 4 de octubre", "es", false, []string{}},
		{"en relative then ambiguous", "my son will call you", "en", false, []string{}},
		{"nl relative then participle", "mijn vriendin gebeld heeft", "nl", false, []string{}},
		{"en relative then living verb", "my dad lives in Leeds now", "en", false, []string{"LOCATION:Leeds"}},
		{"nl relative then living verb", "mijn zus woont in Utrecht", "nl", false, []string{"LOCATION:Utrecht"}},
		{"it relative then living verb", "mia madre abita a Torino", "it", false, []string{"LOCATION:Torino"}},
		{"de relative then living verb", "meine mutter wohnt in Köln", "de", false, []string{"LOCATION:Köln"}},
		{"fr relative then living verb", "ma sœur habite à Lyon", "fr", false, []string{"LOCATION:Lyon"}},
		// Household and booking cues.
		{"fr au nom de", "interphone au nom de Ndiaye", "fr", false, []string{"PERSON:Ndiaye"}},
		{"nl bel bij particle", "Oudegracht 112bis 🏡 bel bij de Vries", "nl", false, []string{"PERSON:de Vries"}},
		{"de slash pair", "klingel bei Wagner/Yılmaz", "de", false, []string{"PERSON:Wagner/Yılmaz"}},
		{"de Familie hyphen", "buchen auf Familie Nowak-Schulze bitte", "de", false, []string{"PERSON:Nowak-Schulze"}},
		{"en reserved under", "table for 4 reserved under Okafor at 8pm", "en", false, []string{"PERSON:Okafor"}},
		{"en ampersand pair", "reserved under Smith & Jones", "en", false, []string{"PERSON:Smith & Jones"}},
		{"es a nombre de", "la mesa está a nombre de Echeverría", "es", false, []string{"PERSON:Echeverría"}},
		{"it intestato a", "conto intestato a Giancarlo De Santis", "it", false, []string{"PERSON:Giancarlo De Santis"}},
		{"pt em nome de", "a reserva está em nome de Albuquerque", "pt", false, []string{"PERSON:Albuquerque"}},
		{"fr au nom de la société", "facture au nom de la société", "fr", false, []string{}},
		{"en reserved under my name", "it's reserved under my name", "en", false, []string{}},
		{"nl bel bij aankomst", "Bel bij aankomst even aan", "nl", false, []string{}},
		// Honorifics with particles, initials.
		{"nl mevrouw double particle", "Beste mevrouw Van Oranje-Nassau Bos, bedankt", "nl", false, []string{"PERSON:Van Oranje-Nassau Bos"}},
		{"nl heer", "Geachte heer Van den Broek, uw aanvraag", "nl", false, []string{"PERSON:Van den Broek"}},
		{"en initial double-barrelled", "pkg for K. Nakamura-Lopez delivered", "en", false, []string{"PERSON:K. Nakamura-Lopez"}},
		{"en initial word", "see section A. Table 3", "en", false, []string{}},
		// Agents in voice.
		{"de agent herrn", "guten tag sie sprechen mit herrn becker von den stadtwerken", "de", true, []string{"PERSON:becker"}},
		{"pt agent article", "bom dia você está falando com a Patrícia como posso ajudar", "pt", true, []string{"PERSON:Patrícia"}},
		{"en agent lower", "hi you're speaking with dan how can i help", "en", true, []string{"PERSON:dan"}},
		// Someone the writer talked to.
		{"en spoke with place name", "I spoke with Mary yesterday. I want to change my address.", "en", false, []string{"PERSON:Mary"}},
		{"pt falei com", "ontem falei com a Luíza do suporte", "pt", false, []string{"PERSON:Luíza"}},
		{"en spoke with brand", "I spoke with Amazon yesterday", "en", false, []string{}},
		// Bot personas and organisations.
		{"en persona", "Hello! I'm Juniper, Parcelwise's assistant. What can I do?", "en", false, []string{}},
		{"de persona", "Hallo! Ich bin Kira, die digitale Assistentin der Sparkasse.", "de", false, []string{}},
		{"fr persona elision", "Bonjour, je suis Élise, l'assistante de la mutuelle.", "fr", false, []string{}},
		{"en human assistant", "Hi, I'm Sarah, Dr Patel's assistant.", "en", false, []string{"PERSON:Sarah", "PERSON:Patel"}},
		{"fr mutuelle", "l'assistante de la Mutuelle Océane vous répond", "fr", false, []string{}},
		{"nl apotheek particle", "Apotheek De Linde: uw recept ligt klaar", "nl", false, []string{}},
		{"pt clinica", "Clínica Vida: sua consulta é amanhã", "pt", false, []string{}},
		{"it resort", "Ho trovato l'hotel Costa Smeralda Resort, camera 207", "it", false, []string{}},
		{"pt e o not a cue", "qual a diferença entre o Euromilhões e o Totoloto?", "pt", false, []string{}},
		{"pt é o cue", "oi, é o Rui da loja", "pt", false, []string{"PERSON:Rui"}},
		{"nl participle after ik ben", "hallo, ik ben verhuisd en wil mijn adres wijzigen", "nl", false, []string{}},
		{"it acronym after article", "devo comunicare il nuovo iban per l'accredito", "it", false, []string{}},
		{"fr name before quantity", "(Lot de 2 tee-shirts, taille M)", "fr", false, []string{}},
		// A lower-case full name after a comma in capitalized text.
		{"en lower pair after comma", "mine, siobhan mcnamara. my neighbour Gaz takes stuff in", "en", false, []string{"PERSON:siobhan mcnamara", "PERSON:Gaz"}},
		{"fr lower pair after comma", "Oui, jean dupont, au 3e", "fr", false, []string{"PERSON:jean dupont"}},
		{"en lower words after comma", "Yes, mark long is fine", "en", false, []string{}},
		{"en lower ambiguous after comma", "Sure, will do that, grace period ends Friday", "en", false, []string{}},
		// Slack handles.
		{"fr initial surname handle", "@cmartin peux-tu regarder le ticket ?", "fr", false, []string{"PERSON:cmartin"}},
		{"en handle word", "@channel the deploy is done", "en", false, []string{}},
		{"en handle team", "@oncall can you check", "en", false, []string{}},
	})
}

func TestHasUpper(t *testing.T) {
	tests := []struct {
		give string
		want bool
	}{
		{give: "", want: false},
		{give: "all lower case, eight+ bytes long", want: false},
		{give: "@[`{ ~ symbols around the letters: @@@@[[[[````{{{{", want: false},
		{give: "ünïcödé lower çase only ñ ß œ", want: false},
		{give: "ÀÉÎÕÜ: capitals outside ascii only", want: false},
		{give: "A", want: true},
		{give: "12345678Z", want: true},
		{give: "lower case then Anna", want: true},
		{give: "ünïcödé then M", want: true},
		{give: "12345678\xc1Z", want: true},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := hasUpper([]byte(tt.give)); got != tt.want {
				t.Errorf("hasUpper(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func TestWordBounds(t *testing.T) {
	tests := []struct {
		give     string
		from     int // nextWord starts here; prevWord ends at the text's end
		wantNext [2]int
		wantPrev [2]int
	}{
		{give: "  hello, world", wantNext: [2]int{2, 7}, wantPrev: [2]int{9, 14}},
		{give: `x\nAnna`, from: 1, wantNext: [2]int{3, 7}, wantPrev: [2]int{3, 7}},
		{give: "l'été-là!", wantNext: [2]int{0, 11}, wantPrev: [2]int{0, 11}},
		{give: "«Müller»", wantNext: [2]int{2, 9}, wantPrev: [2]int{2, 9}},
		{give: "\xff\xfeabc", wantNext: [2]int{2, 5}, wantPrev: [2]int{2, 5}},
		{give: "123 -- 456", wantNext: [2]int{-1, -1}, wantPrev: [2]int{-1, -1}},
		{give: "don't-", wantNext: [2]int{0, 5}, wantPrev: [2]int{0, 5}},
		{give: "tab\there", from: 3, wantNext: [2]int{4, 8}, wantPrev: [2]int{4, 8}},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			text := []byte(tt.give)
			if s, e := nextWord(text, tt.from); [2]int{s, e} != tt.wantNext {
				t.Errorf("nextWord(%q, %d) = %d, %d, want %v", tt.give, tt.from, s, e, tt.wantNext)
			}
			if s, e := prevWord(text, len(text)); [2]int{s, e} != tt.wantPrev {
				t.Errorf("prevWord(%q, %d) = %d, %d, want %v", tt.give, len(text), s, e, tt.wantPrev)
			}
		})
	}
}

func TestFoldAppend(t *testing.T) {
	tests := []struct {
		give   string
		want   string
		wantOK bool
	}{
		{give: "Müller  Straße\tX", want: "muller strasse x", wantOK: true},
		{give: "ABC\x01d", want: "abc\x01d", wantOK: true},
		{give: "O’Brien", want: "o'brien", wantOK: true},
		{give: strings.Repeat("A", maxFold), want: strings.Repeat("a", maxFold), wantOK: true},
		{give: strings.Repeat("A", maxFold+1), want: strings.Repeat("a", maxFold), wantOK: false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			var buf [maxFold]byte
			got, ok := foldAppend(buf[:0], []byte(tt.give))
			if string(got) != tt.want || ok != tt.wantOK {
				t.Errorf("foldAppend(%q) = %q, %v, want %q, %v", tt.give, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// personRound2 covers names in chat written by people nobody tuned for:
// given names from the populations of the seven languages' countries as
// subject or object, accented capitals, kinship words, handles, and the
// product, route and persona words that look like them.
var personRound2 = []nameCase{
	// Given names of Europe's and Brazil's populations, anywhere in a sentence.
	{"pt sentence start", "Thiago me manda o contrato até amanhã?", "pt", false, []string{"PERSON:Thiago"}},
	{"it sentence start", "ok. Simona ti chiama dopo pranzo", "it", false, []string{"PERSON:Simona"}},
	{"es object", "pásale el informe a Rodrigo cuando puedas", "es", false, []string{"PERSON:Rodrigo"}},
	{"en object Indian", "can you ask Rajesh about the rota", "en", false, []string{"PERSON:Rajesh"}},
	{"nl object Turkish", "ik heb het doorgestuurd naar Mehmet", "nl", false, []string{"PERSON:Mehmet"}},
	{"de Romanian subject", "Mihai kommt morgen später", "de", false, []string{"PERSON:Mihai"}},
	{"en vocative end", "I'm sorry about the delay, Chinedu.", "en", false, []string{"PERSON:Chinedu"}},
	// Accented capitals start a name.
	{"de accented pair", "Zuständig ist jetzt Ömer Öztürk aus der Buchhaltung", "de", false, []string{"PERSON:Ömer Öztürk"}},
	{"es accented pair", "el finiquito de Álvaro Domínguez está pendiente", "es", false, []string{"PERSON:Álvaro Domínguez"}},
	{"fr accented given", "Élodie a déjà envoyé le dossier", "fr", false, []string{"PERSON:Élodie"}},
	// Full names of people from elsewhere.
	{"de Balkan pair", "die Lohnabrechnung von Goran Jovanović fehlt", "de", false, []string{"PERSON:Goran Jovanović"}},
	{"en Nigerian pair", "please add Tunde Okonkwo to the thread", "en", false, []string{"PERSON:Tunde Okonkwo"}},
	{"es Romanian pair", "Saludos, Florin Ionescu", "es", false, []string{"PERSON:Florin Ionescu"}},
	{"nl Surinamese pair", "de ouders van Anil Jagessar hebben gebeld", "nl", false, []string{"PERSON:Anil Jagessar"}},
	// Kinship and school words before a name.
	{"it nonno", "facciamo una torta per nonno Peppino", "it", false, []string{"PERSON:Peppino"}},
	{"de Oma", "Oma Hildegard kommt zum Kaffee", "de", false, []string{"PERSON:Hildegard"}},
	{"nl juf", "juf Marloes is ziek vandaag", "nl", false, []string{"PERSON:Marloes"}},
	{"es tía", "mañana viene la tía Maruja a comer", "es", false, []string{"PERSON:Maruja"}},
	{"fr mamie", "on va chez Mamie Odette dimanche", "fr", false, []string{"PERSON:Odette"}},
	{"fr hyphenated unknown", "Mon fils Minh-Tuan est malade", "fr", false, []string{"PERSON:Minh-Tuan"}},
	// Handles made of a given name and initials.
	{"handle name initial", "@laura.k kannst du das prüfen", "de", false, []string{"PERSON:laura.k"}},
	{"handle word name initial", "@marina.s can you check", "en", false, []string{"PERSON:marina.s"}},
	{"handle popular alone", "@chris can you check", "en", false, []string{"PERSON:chris"}},
	// A colleague named with a department.
	{"en team ambiguous", "also Mark from accounts needs the figures", "en", false, []string{"PERSON:Mark"}},
	{"de team", "Will aus dem Controlling hat angerufen", "de", false, []string{"PERSON:Will"}},
	{"en team word", "Spring from the sales team is over", "en", false, []string{}},
	{"en team place", "Paris from the legal side", "en", false, []string{}},
	// Near misses: none of these is a person.
	{"handle channel", "@channel the build is green", "en", false, []string{}},
	{"handle team initial", "@ops.b restart it", "en", false, []string{}},
	{"persona emoji", "Hi, I'm Juniper 🌼, your travel assistant", "en", false, []string{}},
	{"persona compound", "Hallo, ich bin Lisa, dein Reiseassistent.", "de", false, []string{}},
	{"route", "Treno Torino-Genova delle 8:15 cancellato", "it", false, []string{}},
	{"user name", "my username is emma_r_91", "en", false, []string{}},
	{"brand ampersand", "Grazie da Bianca&Co!", "it", false, []string{}},
	{"car make", "uw Kia Sportage staat klaar", "nl", false, []string{}},
	{"drogaria", "Drogaria Esperança: seu pedido saiu", "pt", false, []string{}},
	{"lower pharmacy", "thank you for calling hazel pharmacy how can i help", "en", false, []string{}},
	{"camel brand after particle", "Hoi, ik ben Noor van ShopSmart.", "nl", false, []string{"PERSON:Noor"}},
	{"kinship noun de", "Die Oma kocht heute", "de", false, []string{}},
	{"kinship before noun de", "Ich habe für Oma Blumen gekauft", "de", false, []string{}},
	{"kinship known name de", "Wir fahren zu Opa Heinz nach Hause", "de", false, []string{"PERSON:Heinz"}},
	{"sentence start word", "Vale, nos vemos mañana", "es", false, []string{}},
	{"sentence start verb es", "Lea el contrato antes de firmar", "es", false, []string{}},
	{"sentence start verb it", "Andrei volentieri al mare", "it", false, []string{}},
	{"month", "Im Mai ist das Büro zu", "de", false, []string{}},
	{"town", "Ik woon in Zaandam sinds mei", "nl", false, []string{"LOCATION:Zaandam"}},
}

func TestPersonRound2(t *testing.T) { runNameCases(t, personRound2) }
