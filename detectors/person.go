package detectors

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
)

// cueKind says how much a cue vouches for the word after it.
type cueKind uint8

const (
	cueDecl  cueKind = iota + 1 // "my name is", "me llamo": any word but a stop word
	cueTitle                    // "Mr", "Sra.", "Herr": a capitalized word or a known name
	cueSelf                     // "I'm", "soy", "ich bin": a known name only
	cueGreet                    // "hi", "thanks", "Grüße": a vocative or a signature
	cueRel                      // "my wife", "mon fils", "ma collègue": a relative or colleague
	cueSpell                    // "that's spelled", "ça s'écrit": a name spelled letter by letter
	cueHouse                    // "au nom de", "bel bij", "Familie": a surname, or a pair of them
)

// cue is a phrase that introduces a name, as folded words.
type cue struct {
	words []string
	kind  cueKind
	lang  string // the language it belongs to; "" for several
	dot   bool   // a title that may be followed by "."
	// second is the hash of the second word, folded and without its colon,
	// or 0 for a one-word cue: the word after the first is hashed once and
	// only the cues it continues are tried.
	second uint64
	// strong is set for the self cues in the first person ("i'm", "sono",
	// "jsuis"), which take a name no list knows in lower-case chat.
	strong bool
	// of is set for the relative cues ending in a preposition ("amiga da").
	of bool
	// kin is set for the kinship and school words used as titles ("nonna",
	// "Oma", "juf"), which are nouns too: "für Oma Blumen".
	kin bool
}

// personCues lists the phrases that introduce a name, by language. The first
// word of each is a trigger keyword.
var personCues = []struct {
	lang, kind string
	phrases    []string
}{
	{"en", "decl", []string{"my name is", "my name's", "my full name is", "name is", "call me", "i'm called", "i am called", "name:", "full name:",
		"name on card:", "name on the card:", "cardholder:", "card holder:", "account holder:", "account name:", "customer:", "customer name:",
		"employee:", "patient:", "patient name:", "contact:", "recipient:", "chatting with", "you're chatting with",
		"calls me", "speaking with", "account name", "account name is", "surname is", "my surname is", "last name is", "my last name is", "surname:", "last name:"}},
	{"es", "decl", []string{"me llamo", "mi nombre es", "nombre:", "atiende", "titular:", "paciente:", "cliente:", "destinatario:",
		"se llama", "mi apellido es", "apellido es", "apellido:", "apellidos:"}},
	{"fr", "decl", []string{"je m'appelle", "mon nom est", "moi c'est", "nom:", "titulaire:", "patient:", "patiente:", "client:", "destinataire:",
		"discutez avec", "s'appelle", "mon nom c'est", "nom c'est", "mon nom de famille est", "soussigné", "soussignée", "je soussigné",
		"je soussignée", "l'attention de"}},
	{"de", "decl", []string{"ich heiße", "ich heisse", "mein name ist", "ich bin der", "ich bin die", "name:", "kontoinhaber", "kontoinhaberin",
		"kontoinhaber:", "karteninhaber:", "patient:", "patientin:", "kunde:", "empfänger:", "mein nachname ist", "nachname:"}},
	{"it", "decl", []string{"mi chiamo", "il mio nome è", "mio nome è", "nome:", "intestatario:", "intestataria:", "paziente:", "cliente:", "si chiama", "mio cognome è", "cognome:", "citofono"}},
	{"pt", "decl", []string{"me chamo", "eu me chamo", "chamo-me", "meu nome é", "o meu nome é", "nome:", "titular:", "paciente:", "cliente:", "se chama", "meu apelido é",
		"meu sobrenome é", "apelido:", "sobrenome:", "sobrenome é"}},
	{"nl", "decl", []string{"mijn naam is", "ik heet", "naam:", "spreekt met", "rekeninghouder:", "patiënt:", "klant:", "mijn achternaam is", "achternaam:"}},
	{"en", "self", []string{"i'm", "i am", "this is", "it's", "its", "speak to", "talk to", "speaking to"}},
	{"en", "rel", []string{"cousin of", "friend of", "sister of", "brother of", "wife of", "husband of", "daughter of", "mother of",
		"father of", "mum of", "mom of", "dad of", "girlfriend of", "boyfriend of", "partner of"}},
	{"en", "greet", []string{"hi", "hello", "hey", "hiya", "dear", "good morning", "morning", "thanks", "thank you", "thx", "ty", "regards", "best regards",
		"kind regards", "best", "cheers", "many thanks", "sincerely", "bye", "love", "congrats", "yo", "thanx", "thnx", "tks"}},
	{"en", "rel", []string{"my mom", "my mum", "my mother", "my dad", "my father", "my son", "my daughter", "my wife", "my husband", "my partner",
		"my brother", "my sister", "my friend", "my colleague", "my coworker", "my boss", "my manager", "my girlfriend", "my boyfriend",
		"my grandma", "my grandmother", "my grandpa", "my grandfather", "my aunt", "my uncle", "my niece", "my nephew", "my neighbour",
		"my neighbor", "your colleague", "patient", "colleague", "agent"}},
	{"es", "self", []string{"soy", "yo soy", "habla"}},
	{"es", "greet", []string{"hola", "holaa", "holaaa", "buenos días", "buenas", "buenas tardes", "buenas noches", "querido", "querida", "estimado", "estimada", "gracias",
		"muchas gracias", "saludos", "saludo", "atentamente", "besos", "bss", "chao", "adiós", "vale", "oye"}},
	{"es", "rel", []string{"mi madre", "mi padre", "mi hijo", "mi hija", "mi esposo", "mi esposa", "mi marido", "mi mujer",
		"mi hermano", "mi hermana", "mi compañero", "mi compañera", "mi jefe", "mi jefa", "mi novio", "mi novia", "mi amigo", "mi amiga",
		"mi abuela", "mi abuelo", "mi tío", "mi tía", "paciente", "amiga de", "amigo de", "hermana de", "hermano de", "primo de",
		"hija de", "hijo de", "madre de", "padre de", "novia de", "novio de", "mi primo", "mi prima"}},
	{"fr", "self", []string{"je suis", "c'est", "c", "ici", "jsuis", "chui"}},
	{"fr", "greet", []string{"bonjour", "bonsoir", "salut", "coucou", "cher", "chère", "merci", "cordialement", "bien à vous", "amitiés", "bises", "bisous",
		"pas de souci", "pas de soucis", "slt"}},
	{"fr", "rel", []string{"ma mère", "mon père", "mon fils", "ma fille", "mon mari", "ma femme", "mon frère", "ma sœur", "mon collègue", "ma collègue",
		"mon ami", "mon amie", "mon copain", "ma copine", "mon chef", "ma cheffe", "mon conseiller", "ma conseillère", "patient", "patiente",
		"mon cousin", "ma cousine", "cousin de", "cousine de", "frère de", "sœur de", "ami de", "amie de", "fils de", "fille de", "copine de",
		"copain de"}},
	{"de", "self", []string{"ich bin", "hier ist", "hier spricht"}},
	{"de", "greet", []string{"hallo", "guten tag", "liebe", "lieber", "servus", "moin", "danke", "vielen dank", "grüße", "grüsse", "viele grüße",
		"liebe grüße", "beste grüße", "gruß", "lg", "vg", "mfg", "freundlichen grüßen", "freundliche grüße", "tschüss"}},
	{"de", "rel", []string{"meine mutter", "mein vater", "mein sohn", "meine tochter", "meine frau", "mein mann",
		"mein bruder", "meine schwester", "mein kollege", "meine kollegin", "meinem kollegen", "meiner kollegin", "mein freund", "meine freundin",
		"mein chef", "meine chefin", "patient", "patientin", "mein cousin", "meine cousine",
		"schwester von", "bruder von", "freundin von", "freund von", "cousine von", "cousin von", "tochter von", "sohn von"}},
	{"it", "self", []string{"sono", "io sono"}},
	{"it", "greet", []string{"ciao", "ciaoo", "salve", "buongiorno", "buonasera", "caro", "cara", "gentile", "grazie", "grazie mille", "saluti", "cordiali saluti",
		"saluto", "distinti saluti", "abbraccio", "baci", "ehi", "nessun problema"}},
	{"it", "rel", []string{"mia madre", "mio padre", "mio figlio", "mia figlia", "mio marito", "mia moglie", "mio fratello", "mia sorella",
		"mio collega", "mia collega", "mio amico", "mia amica", "paziente",
		"mio cugino", "mia cugina", "cugina di", "cugino di", "amica di", "amico di", "sorella di", "fratello di", "figlia di", "figlio di"}},
	{"pt", "self", []string{"eu sou", "sou", "aqui é", "sou o", "sou a", "é o", "é a", "aqui é o", "aqui é a", "fala o", "fala a"}},
	{"pt", "greet", []string{"olá", "oi", "oii", "fala", "bom dia", "boa tarde", "boa noite", "prezado", "prezada", "obrigado", "obrigada", "abraços", "abraço",
		"cumprimentos", "atenciosamente", "beijos", "bjs", "valeu"}},
	{"pt", "rel", []string{"minha mãe", "meu pai", "meu filho", "minha filha", "meu marido", "minha esposa", "meu irmão", "minha irmã", "meu colega",
		"minha colega", "meu amigo", "minha amiga", "meu chefe", "minha chefe", "meu namorado", "minha namorada", "paciente", "meu primo",
		"minha prima", "amiga de", "amigo de", "irmã de", "irmão de", "filha de", "filho de", "amiga da", "amiga do",
		"amigo da", "amigo do", "irmã da", "irmã do", "irmão da", "irmão do", "filha da",
		"filha do", "filho da", "filho do"}},
	{"nl", "self", []string{"ik ben", "hallo met"}},
	{"nl", "greet", []string{"hoi", "hai", "goedemorgen", "goedemiddag", "beste", "groeten", "groetjes", "vriendelijke groet",
		"vriendelijke groeten", "bedankt", "dank je", "dank u", "doei", "dankjewel", "dankje", "dankjee", "thx"}},
	{"nl", "rel", []string{"mijn moeder", "mijn vader", "mijn zoon", "mijn dochter", "mijn man", "mijn vrouw", "mijn broer", "mijn zus", "mijn collega",
		"mijn vriend", "mijn vriendin", "mijn baas", "patiënt", "mijn neef", "mijn nicht",
		"zus van", "broer van", "vriendin van", "vriend van", "dochter van", "zoon van"}},
	// Bookings, doorbells and accounts in a household's or holder's name.
	// First words that are common ("a nombre de", "au nom de") would wake
	// the detector on every "a" and "au": the cue starts at the noun.
	{"en", "house", []string{"reserved under", "booked under", "family"}},
	{"es", "house", []string{"nombre de", "familia"}},
	{"fr", "house", []string{"nom de", "famille", "interphone"}},
	{"de", "house", []string{"klingel bei", "klingeln bei", "familie"}},
	{"it", "house", []string{"nome di", "intestato a", "intestata a", "famiglia"}},
	{"pt", "house", []string{"nome de", "família"}},
	{"nl", "house", []string{"bel bij", "aanbellen bij", "naam van", "familie"}},
	// Agents introducing themselves in a call: "sie sprechen mit herrn
	// becker", "você está falando com a Patrícia".
	{"en", "decl", []string{"you're speaking with", "you're speaking to", "you're through to", "you are speaking with"}},
	{"es", "decl", []string{"habla con", "hablando con"}},
	{"fr", "decl", []string{"parlez avec", "ligne avec"}},
	{"de", "decl", []string{"sprechen mit"}},
	{"it", "decl", []string{"parla con", "parlando con"}},
	{"pt", "decl", []string{"falando com a", "falando com o", "falando com", "fala com a", "fala com o"}},
	// Someone the writer talked to: a known name only ("I spoke with
	// Mary", not "spoke with Amazon").
	{"en", "self", []string{"spoke with", "spoke to", "talked to", "talked with"}},
	{"es", "self", []string{"hablé con"}},
	{"fr", "self", []string{"parlé avec", "parlé à"}},
	{"de", "self", []string{"sprach mit"}},
	{"it", "self", []string{"parlato con"}},
	{"pt", "self", []string{"falei com", "falei com a", "falei com o"}},
	{"nl", "self", []string{"sprak met", "gesproken met"}},
	{"", "spell", []string{"spelled", "spelt", "spelled like", "s'écrit", "se escribe", "se deletrea", "si scrive", "escreve-se",
		"se escreve", "schreibt sich", "geschrieben", "buchstabiert", "spel", "gespeld", "geschreven", "dat is"}},
	{"en", "title", []string{"mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof"}},
	{"es", "title", []string{"sr", "sra", "srta", "señor", "señora", "señorita", "don", "doña", "doctor", "doctora", "dra"}},
	{"fr", "title", []string{"m", "mme", "mlle", "monsieur", "madame", "mademoiselle", "docteur", "dr", "maître"}},
	{"de", "title", []string{"herr", "herrn", "frau", "hr", "fr", "doktor", "dr"}},
	{"it", "title", []string{"sig", "sig.ra", "sigra", "signor", "signore", "signora", "dott", "dott.ssa", "dottor", "dottore", "dottoressa"}},
	{"pt", "title", []string{"senhor", "senhora", "sr", "sra", "dona", "seu", "doutor", "doutora", "dr", "dra"}},
	{"nl", "title", []string{"dhr", "mevr", "mevrouw", "meneer", "heer", "dokter", "dr", "huisarts", "tandarts"}},
	// Kinship and school words used as titles: "nonna Pina", "Oma Truus",
	// "juf Anouk", "tía Maruja". A capitalized word or a known name follows.
	{"en", "kin", []string{"grandma", "grandpa", "granny", "auntie", "aunt", "uncle"}},
	{"es", "kin", []string{"tía", "tío", "abuela", "abuelo", "abuelita", "abuelito"}},
	{"fr", "kin", []string{"tante", "tonton", "tata", "tatie", "mamie", "papi", "papy", "mémé", "pépé"}},
	{"de", "kin", []string{"oma", "opa", "tante", "onkel"}},
	{"it", "kin", []string{"nonna", "nonno", "zia", "zio"}},
	{"pt", "kin", []string{"tia", "tio", "avó", "avô", "vovó", "vovô", "vó", "vô"}},
	{"nl", "kin", []string{"oma", "opa", "tante", "oom", "juf", "juffrouw", "meester"}},
}

// nameParticles join the parts of a surname ("van der Berg", "de la Cruz").
var nameParticles = foldSetOf(
	"von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "des", "le", "la", "dos", "das", "do",
	"ten", "ter", "zu", "vom", "y", "mac", "t",
)

// personFinder holds what the PERSON detectors share: the lexicon and the
// cues by first word. It is immutable.
type personFinder struct {
	lex *Lexicon
	// cueFirst maps a cue's first word, folded, to its index in cues.
	cueFirst foldIndex
	cues     []cueGroup
	// titles are the one-word titles ("meneer", "sra"), which a declaration
	// cue may put before the name ("spreekt met meneer de Wilde").
	titles foldIndex
}

// cueGroup is the cues that share a first word.
type cueGroup struct {
	cues []cue
	// seconds holds each cue's second hash, side by side: the cues a word
	// does not continue are passed over without reading them.
	seconds []uint64
	// single is set when a cue of the group is its first word alone.
	single bool
	// second has bit b set when a cue's second word starts with byte b: a
	// word after the first that no cue continues with is not folded.
	second [4]uint64
}

func newPersonFinder(lex *Lexicon) (*personFinder, []string) {
	p := &personFinder{lex: lex}
	kinds := map[string]cueKind{"decl": cueDecl, "self": cueSelf, "greet": cueGreet, "rel": cueRel, "title": cueTitle, "kin": cueTitle, "spell": cueSpell, "house": cueHouse}
	var kws []string
	seen := map[string]bool{}
	first := map[string]uint32{}
	titles := map[string]uint32{}
	for _, g := range personCues {
		for _, ph := range g.phrases {
			var c cue
			c.kind, c.lang, c.dot, c.kin = kinds[g.kind], g.lang, g.kind == "title", g.kind == "kin"
			for _, w := range strings.Fields(ph) {
				f, _ := foldAppend(nil, []byte(w))
				c.words = append(c.words, string(f))
			}
			c.strong = c.kind == cueSelf && firstPerson.has([]byte(c.words[0]))
			c.of = c.kind == cueRel && len(c.words) > 1 && nameParticles.has([]byte(c.words[len(c.words)-1]))
			if g.kind == "title" && len(c.words) == 1 && len(c.words[0]) > 1 {
				titles[c.words[0]] = 0
			}
			v, ok := first[c.words[0]]
			if !ok {
				v = uint32(len(p.cues))
				first[c.words[0]] = v
				p.cues = append(p.cues, cueGroup{})
			}
			grp := &p.cues[v]
			if len(c.words) > 1 {
				c.second = xxhash.Sum64String(strings.TrimSuffix(c.words[1], ":"))
				b := c.words[1][0]
				grp.second[b/64] |= 1 << (b % 64)
			}
			grp.cues = append(grp.cues, c)
			grp.seconds = append(grp.seconds, c.second)
			grp.single = grp.single || len(c.words) == 1
			// The engine matches a token's leading letters: "i" of "i'm".
			for _, kw := range []string{leadingLetters(strings.Fields(ph)[0]), c.words[0]} {
				if kw = leadingLetters(kw); kw != "" && !seen[kw] {
					seen[kw] = true
					kws = append(kws, kw)
				}
			}
		}
	}
	p.cueFirst = newFoldIndex(first)
	p.titles = newFoldIndex(titles)
	return p, kws
}

// leadingLetters returns the letters of w before its first apostrophe,
// hyphen, dot or colon.
func leadingLetters(w string) string {
	if i := strings.IndexAny(w, "'-.:’"); i >= 0 {
		return w[:i]
	}
	return w
}

// Person returns the PERSON detector: names after cues ("my name is",
// "me llamo", "Hi", "Thanks,", titles), capitalized given name and surname
// pairs from the lexicon, and capitalized given names that are not everyday
// words. Its sibling PersonLower finds names in lower-case text.
func Person(lex *Lexicon) Detector {
	p, kws := newPersonFinder(lex)
	return Detector{
		Name:    "person",
		Kind:    KindPerson,
		Trigger: Trigger{Any: ClassUpper, MinLen: 2, Keywords: kws},
		Find:    p.find,
	}
}

// PersonAccented returns the PERSON detector for capitalized words that
// start with a letter outside ASCII ("Özlem Yılmaz", "Álvaro", "Élodie"):
// the engine's upper-case class is A-Z only, so Person does not wake for
// them. It wakes on any token with non-ASCII bytes and drops at once those
// whose first letter is not such a capital.
func PersonAccented(lex *Lexicon) Detector {
	p, _ := newPersonFinder(lex)
	return Detector{
		Name:    "person-accented",
		Kind:    KindPerson,
		Trigger: Trigger{Any: ClassHigh, MinLen: 2},
		Find:    p.findAccented,
	}
}

// findAccented is find for tokens whose leading word starts with a
// non-ASCII capital.
func (p *personFinder) findAccented(dst []Finding, in Input, tok Token) ([]Finding, int) {
	if tok.WordStart >= tok.WordEnd || in.Text[tok.WordStart] < utf8.RuneSelf || !isUpperAt(in.Text, tok.WordStart) {
		return dst, tok.End // Person has the words starting with A-Z
	}
	return p.find(dst, in, tok)
}

// PersonLower returns the detector for names without capitals, in voice
// transcripts and in chat typed all in lower case: a given name followed by
// a surname ("anna smith"), or a given name that is no everyday word. In
// texts that have capitals and are not transcripts it gives up at its first
// token, so it costs one pass over the text.
func PersonLower(lex *Lexicon) Detector {
	p, _ := newPersonFinder(lex)
	return Detector{
		Name:    "person-lower",
		Kind:    KindPerson,
		Trigger: Trigger{All: ClassLower, MinLen: 3},
		Find:    p.findLower,
	}
}

// PersonHandle returns the detector for @handles made of a real name
// ("@alex.kowalski", "@maria_rossi"): a part that is a known given name or
// surname, and no everyday word or stop word, makes the handle a PERSON.
// "@here", "@ops-team" and handles with digits are left alone.
func PersonHandle(lex *Lexicon) Detector {
	p := &personFinder{lex: lex}
	return Detector{
		Name:    "person-handle",
		Kind:    KindPerson,
		Trigger: Trigger{All: ClassAt, Any: ClassLower | ClassUpper, MinLen: 4},
		Find:    p.findHandle,
	}
}

// PersonSpeaking returns the detector for a name put before the words a
// caller answers the phone with: "John speaking", "jorge al habla", "Weber
// am Apparat". The name must be a known given name or surname and no stop
// word ("who is speaking").
func PersonSpeaking(lex *Lexicon) Detector {
	p := &personFinder{lex: lex}
	return Detector{
		Name:    "person-speaking",
		Kind:    KindPerson,
		Trigger: Trigger{Keywords: []string{"speaking", "habla", "apparat"}},
		Find:    p.findSpeaking,
	}
}

// speakingParticle returns the word between the name and the keyword kw:
// "al habla", "am Apparat"; "" for "John speaking".
func speakingParticle(kw []byte) string {
	switch string(kw) {
	case "habla":
		return "al"
	case "apparat":
		return "am"
	}
	return ""
}

func (p *personFinder) findSpeaking(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	var buf [maxFold]byte
	kw, ok := foldAppend(buf[:0], text[tok.Start:tok.WordEnd])
	if !ok {
		return dst, tok.End
	}
	if string(kw) == "speaking" && tok.WordEnd == tok.End && tok.End < len(text) {
		return dst, tok.End // "English speaking staff": "John speaking," ends a clause
	}
	s, e := prevWord(text, tok.Start)
	if particle := speakingParticle(kw); particle != "" {
		var pbuf [maxFold]byte
		if s < 0 || gapBetween(text, e, tok.Start) != gapSpace {
			return dst, tok.End
		}
		if k, ok := foldAppend(pbuf[:0], text[s:e]); !ok || string(k) != particle {
			return dst, tok.End
		}
		s, e = prevWord(text, s)
	}
	if s < 0 || !lettersOnly(text, s, e) {
		return dst, tok.End
	}
	ent := p.lookupName(text[s:e])
	// The word lists hold many given names as words ("jorge", "Marta"):
	// the cue is strong enough that only stop words and brands are refused.
	if ent&EntryName == 0 || ent&(EntryBrand|EntryAmbiguous) != 0 || ent.StopAny() {
		return dst, tok.End
	}
	return append(dst, p.finding(text, s, e, 0.7, "person-speaking")), tok.End
}

func (p *personFinder) findHandle(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	s, e := tok.Start, tok.End
	if text[s] != '@' {
		return dst, tok.End // an e-mail address: "bob@example.com"
	}
	s++
	for e > s && strings.IndexByte(".,!?:;)", text[e-1]) >= 0 {
		e--
	}
	if e-s < 3 || e-s > maxFold {
		return dst, tok.End
	}
	named, initials := false, true
	var first Entry
	for i := s; i < e; {
		j := i
		for j < e && text[j] != '.' && text[j] != '_' && text[j] != '-' {
			j++
		}
		if j == i || !lettersOnly(text, i, j) {
			return dst, tok.End
		}
		ent := p.lex.Lookup(text[i:j])
		if i == s {
			first = ent
		} else if j-i > 1 {
			initials = false
		}
		if ent&EntryName != 0 && ent&(EntryBrand|EntryAmbiguous) == 0 && !ent.StopAny() && !ent.Word(in.Lang) {
			named = true
		}
		i = j + 1
	}
	if !named && initials && first&EntryFirst != 0 && !first.StopAny() && first&EntryBrand == 0 {
		// A given name and initials ("@eva.b", "@marina.c") is a person
		// even when the name is a word too; alone ("@simona"), only a
		// popular name that is no everyday word ("@grace" may be a bot).
		named = bytes.IndexAny(text[s:e], "._-") > 0 || first&(EntryPopular|EntryAmbiguous) == EntryPopular
	}
	if !named && !p.initialHandle(text[s:e]) {
		return dst, tok.End
	}
	return append(dst, p.finding(text, s, e, 0.7, "person-handle")), tok.End
}

func (p *personFinder) find(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	ws, we := nextWord(text, tok.Start)
	if ws < 0 || ws >= tok.End {
		return dst, tok.End
	}
	// The word is folded once; it is hashed only if a byte filter (cue
	// first words, then given names) lets it through.
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[ws:we])
	if !ok {
		return dst, tok.End
	}
	var h uint64
	if p.cueFirst.mayHave(k) {
		h = xxhash.Sum64(k)
		if g, ok := p.cueFirst.get(h); ok {
			grp := &p.cues[g]
			next := cueNextWord{second: &grp.second}
			var nh uint64 // the next word's hash; 0 for none a cue continues with
			if grp.second != [4]uint64{} {
				nh = next.hash(text, we)
			}
			seconds := grp.seconds
			if nh == 0 && !grp.single {
				seconds = nil // "my order": no cue of "my" goes on so, and none is "my" alone
			}
			for i, second := range seconds {
				if second != 0 && second != nh {
					continue
				}
				c := &grp.cues[i]
				if c.lang == "pt" && c.words[0] == "e" && text[ws] == 'e' {
					continue // "e o Totoloto" is "and the", "é o Rui" "it's Rui"
				}
				if f, ok := p.afterCue(in, c, ws, we, &next); ok {
					dst = append(dst, f)
					if c.kind == cueGreet || c.kind == cueRel {
						if g, ok := p.andName(in, f.End); ok {
							return append(dst, g), g.End // "thanks Tunde and Ines"
						}
					}
					return dst, f.End
				}
			}
		}
	}
	if !isUpperAt(text, ws) {
		return dst, tok.End
	}
	if we-ws == 1 {
		if end, ok := p.initialName(in, ws, we); ok {
			return append(dst, p.finding(text, ws, end, 0.7, "person-initial")), end // "K. Nakamura-Lopez"
		}
		return dst, tok.End
	}
	if glued(text, ws, we) {
		return dst, tok.End // "chloe_m_27", "Amore&Co": a user name or a brand
	}
	full := we
	if t := trimPossessive(text, ws, we); t != we {
		we, h = t, 0
		k, _ = foldAppend(buf[:0], text[ws:we])
	}
	e := p.firstNameEntry(text[ws:we], k, h)
	if e&EntryFirst == 0 {
		if full == we && we-ws <= 10 && speechMayFollow(text, we) {
			// A word no list knows as a given name, before "dice", "zegt".
			if f, ok := p.bareName(in, p.lookupName(text[ws:we]), ws, we, full); ok {
				return append(dst, f), f.End
			}
		}
		return dst, tok.End
	}
	if e.Stop(in.Lang) && e&(EntryPopular|EntryAmbiguous) == 0 {
		return dst, tok.End // "Can", "El": no name starts with a function word
	}
	if isAllUpperWord(text, ws, we) && !nextAllUpper(text, we) {
		return dst, tok.End // "MAC vom Drucker", "IBAN": acronyms in mixed case
	}
	if end, ok := p.notName(text, in.Lang, k, ws, we); ok {
		return dst, end
	}
	clean := !e.StopAny() && e&(EntryAmbiguous|EntryBrand|EntryPlace) == 0
	if sentenceStart(text, ws) && e.Word(in.Lang) && e&EntryPopular == 0 {
		clean = false // "Journey starts…": a capital says nothing here
	}
	if in.Lang == "de" && e.wordIn("de") && e&EntryPopular == 0 {
		clean = false // German capitalizes its nouns: "Sommer", "Damen"
	}
	// A given name that is also a surname and an everyday word ("Easter",
	// "Spring") starts no name with another everyday word.
	wordy := e.Word(in.Lang) && e&EntryLast != 0 && e&(EntryPopular|EntryAmbiguous) == 0
	end := p.extend(text, in.Lang, we, true, clean, wordy)
	if end == we && wordy && p.upperWordFollows(text, in.Lang, we) {
		return dst, tok.End // "Easter Sunday", "Spring Boot": a term of two words
	}
	if (end > we || clean) && (orgAround(text, ws, end) || p.personaFollows(text, end)) {
		return dst, end // "Clínica Vida", "I'm Juniper, Parcelwise's assistant"
	}
	switch {
	case end > we:
		return append(dst, p.finding(text, ws, end, 0.75, "person-name-pair")), end
	case clean && !isAllUpperWord(text, ws, we) && !particleNumber(text, we):
		return append(dst, p.finding(text, ws, we, 0.6, "person-given-name")), we
	case full == we && e&(EntryBrand|EntryPlace) == 0 && !isAllUpperWord(text, ws, we) && teamFollows(text, we):
		return append(dst, p.finding(text, ws, we, 0.6, "person-team")), we // "Grace from legal"
	}
	if f, ok := p.bareName(in, e, ws, we, full); ok {
		return append(dst, f), f.End // "Rob's job", "Bas zegt", "Zé, o IBAN"
	}
	return dst, tok.End
}

// firstNameEntry is lookupName for a word w, folded to k with hash h (0 when
// not yet computed), that matters only if it is a given name: it returns 0
// at once for a word the lexicon's given-name filter rules out. A
// hyphenated word gets the name flags its parts share, so the filter does
// not apply to it.
func (p *personFinder) firstNameEntry(w, k []byte, h uint64) Entry {
	// The filter first: most words fail it, and few have a hyphen.
	if !p.lex.mayBeFirst(k) && bytes.IndexByte(w, '-') < 0 {
		return 0
	}
	if h == 0 {
		h = xxhash.Sum64(k)
	}
	if e := p.lex.get(h); e != 0 || bytes.IndexByte(w, '-') < 0 && bytes.IndexByte(w, '\'') < 0 {
		return e
	}
	return p.lookupName(w)
}

// cueNextWord is the word after a cue's first word, found and folded at the
// first cue that needs it: a first word such as "my" starts twenty cues.
type cueNextWord struct {
	done bool
	s, e int // -1 when no word follows after spaces only, or none a cue continues with
	n    int // length of the folded word in buf
	buf  [maxFold]byte
	// second, when set, has the first bytes of the words the cues continue
	// with; a word starting otherwise is not folded.
	second *[4]uint64
}

// at returns the word after end, which follows the cue's first word after
// spaces only, and its folded form; s is -1 when there is none.
func (n *cueNextWord) at(text []byte, end int) (s, e int, k []byte) {
	if !n.done {
		n.done = true
		n.s, n.e = nextWord(text, end)
		if n.s < 0 || gapBetween(text, end, n.s) != gapSpace {
			n.s = -1
		} else if b := text[n.s] | 0x20; n.second != nil && text[n.s] < 0x80 && n.second[b/64]&(1<<(b%64)) == 0 {
			n.s = -1 // no cue goes on with this word
		} else {
			k, _ := foldAppend(n.buf[:0], text[n.s:n.e])
			n.n = len(k)
		}
	}
	return n.s, n.e, n.buf[:n.n]
}

// hash returns the hash of the word after end, as at finds it, or 0 when
// there is none.
func (n *cueNextWord) hash(text []byte, end int) uint64 {
	s, _, k := n.at(text, end)
	if s < 0 {
		return 0
	}
	return xxhash.Sum64(k)
}

// lookupName returns the lexicon entry of word w. A hyphenated word the
// lexicon does not know ("Anna-Lena", "García-López") gets the name flags
// all its parts share. It does not allocate.
func (p *personFinder) lookupName(w []byte) Entry {
	e := p.lex.Lookup(w)
	if e != 0 {
		return e
	}
	if i := bytes.IndexByte(w, '\''); i > 0 && i < 3 && len(w) <= maxFold {
		// "O'Brien", "D'Angelo": lists spell them without the apostrophe.
		var buf [maxFold]byte
		k := append(append(buf[:0], w[:i]...), w[i+1:]...)
		return p.lex.Lookup(k) & EntryLast
	}
	if bytes.IndexByte(w, '-') < 0 {
		return e
	}
	if saintPrefix(w) {
		return 0 // "Saint-Valentin", "Sankt-Johann": a holiday or a place
	}
	shared, places := EntryName, true
	for part := range bytes.SplitSeq(w, []byte{'-'}) {
		ent := p.lex.Lookup(part)
		shared &= ent
		// "Anna-Lena" is no route though Anna is a town too.
		places = places && ent&EntryPlace != 0 && ent&EntryPopular == 0
		if shared == 0 && !places {
			break
		}
	}
	if places {
		return 0 // "Milano-Roma", "Paris-Lyon": a route between places
	}
	return shared
}

// notName reports whether the given name text[ws:we] is part of something
// else, and where that ends: a place ("San Francisco", "São Paulo", "Santa
// Catarina"), a street ("rue Victor Hugo", "Via Giuseppe Verdi") or a date
// ("Jan 15").
func (p *personFinder) notName(text []byte, lang string, k []byte, ws, we int) (int, bool) {
	if streetWords.has(k) && streetAfterNumber(text, ws) {
		return we, true // "14 bellfield ave": the street's type, not "Ave"
	}
	if end := p.placeFrom(text, ws); end > we {
		return end, true
	}
	// The word before: folded once for the cheap tests, then a place
	// through the word ("New York").
	if ps, pe := prevWord(text, ws); ps >= 0 && gapBetween(text, pe, ws) == gapSpace {
		var buf [maxFold]byte
		if k, ok := foldAppend(buf[:0], text[ps:pe]); ok && (streetWords.has(k) || determiners.has(k) && !prepositionIn(k, lang)) {
			// "rue Victor Hugo"; "the Brooklyn Bridge": names take no
			// article in these languages.
			return we, true
		}
		if p.placeFrom(text, ps) >= we {
			return we, true
		}
	}
	if monthNextToNumber(text, ws, we) {
		return we, true
	}
	return 0, false
}

// placeFrom returns the end of the longest place name of two to four words
// that starts at the word at s, or -1. A first word that starts no place
// is ruled out before any lookup.
func (p *personFinder) placeFrom(text []byte, s int) int {
	var buf [maxFold]byte
	best := -1
	_, e := nextWord(text, s)
	if k, ok := foldAppend(buf[:0], text[s:e]); !ok || !p.lex.mayStartPlace(k) {
		return -1
	}
	for n := 1; n < maxPlaceWords; n++ {
		ns, ne := nextWord(text, e)
		if ns < 0 || gapBetween(text, e, ns) != gapSpace {
			break
		}
		e = ne
		key, ok := foldAppend(buf[:0], text[s:e])
		if !ok {
			break
		}
		if p.lex.mayStartPlace(key) && p.lex.lookupFolded(key)&EntryPlace != 0 {
			best = e
		}
	}
	return best
}

// streetWords precede street names, which are often a person's name ("rue
// Victor Hugo", "Calle Isabel la Católica"): ADDRESS's, not PERSON's.
var streetWords = foldSetOf(
	"rue", "avenue", "boulevard", "bd", "allee", "place", "quai", "impasse", "rua", "avenida", "av", "travessa",
	"praca", "largo", "alameda", "calle", "c", "paseo", "plaza", "via", "viale", "piazza", "corso", "vicolo",
	"street", "st", "road", "rd", "lane", "drive", "ave", "strasse", "str", "platz", "weg", "straat", "laan",
	"plein", "gracht",
)

// determiners do not precede a person's name in English, Spanish, French,
// Italian or Dutch; in German an article before a capitalized word almost
// always marks a noun ("der Link", "die App"), the colloquial "die Anna"
// being rare in writing. Portuguese puts articles before names ("o João").
var determiners = foldSetOf(
	"the", "a", "an", "el", "los", "las", "un", "una", "le", "les", "une", "il", "lo", "gli", "het", "een",
	"der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer",
)

// monthWords are month names and abbreviations that are also given names
// ("Jan", "Mai", "June"); beside a number they are dates.
var monthWords = foldSetOf(
	"jan", "june", "april", "may", "august", "mai", "juni", "juli", "mar", "gen", "mag", "avril", "abril",
	"agosto", "julia", "juno",
)

// monthNextToNumber reports whether text[ws:we] is a month word with a
// number right before or after it ("Jan 15", "3 Mai").
func monthNextToNumber(text []byte, ws, we int) bool {
	var buf [8]byte
	k, ok := foldAppend(buf[:0], text[ws:we])
	if !ok || !monthWords.has(k) {
		return false
	}
	i := we
	for i < len(text) && (text[i] == ' ' || text[i] == '.') {
		i++
	}
	if i < len(text) && text[i] >= '0' && text[i] <= '9' {
		return true
	}
	j := ws - 1
	for j >= 0 && (text[j] == ' ' || text[j] == '.') {
		j--
	}
	return j >= 0 && text[j] >= '0' && text[j] <= '9'
}

// nextAllUpper reports whether the word after end is in capitals too, as in
// a form filled in capitals ("JOHN SMITH").
func nextAllUpper(text []byte, end int) bool {
	s, e := nextWord(text, end)
	return s >= 0 && gapBetween(text, end, s) == gapSpace && isAllUpperWord(text, s, e)
}

// afterCue reports the name that follows cue c, whose first word is
// text[ws:we].
func (p *personFinder) afterCue(in Input, c *cue, ws, we int, next *cueNextWord) (Finding, bool) {
	text := in.Text
	end := we
	for i, w := range c.words[1:] {
		if i == 0 {
			// The cue's second word: folded once for all cues sharing the first.
			s, e, k := next.at(text, end)
			if s < 0 || string(k) != strings.TrimSuffix(w, ":") {
				return Finding{}, false
			}
			end = e
			continue
		}
		s, e := nextWord(text, end)
		if s < 0 || gapBetween(text, end, s) != gapSpace {
			return Finding{}, false
		}
		var buf [maxFold]byte
		if k, _ := foldAppend(buf[:0], text[s:e]); string(k) != strings.TrimSuffix(w, ":") {
			return Finding{}, false
		}
		end = e
	}
	last := c.words[len(c.words)-1]
	if strings.HasSuffix(last, ":") && (end >= len(text) || text[end] != ':') {
		return Finding{}, false
	}
	if c.kind == cueTitle && len(last) == 1 && (end >= len(text) || text[end] != '.') {
		return Finding{}, false // "M." but not a lone "m"
	}
	// "frau" and "dona" in prose are words; "signor Bianchi", "sr. Almeida"
	// in typed chat are titles before a known name.
	low := lowerText(in) // once: it scans the text
	lowTitle := c.kind == cueTitle && !isUpperAt(text, ws) && !low
	s, e := nextWord(text, end)
	if s < 0 {
		return Finding{}, false
	}
	if c.kind == cueTitle && end+1 == s && text[end] == '.' {
		// "Dott.ssa", "Sig.ra": the title's feminine ending.
		end = e
		if s, e = nextWord(text, end); s < 0 {
			return Finding{}, false
		}
	}
	g := gapBetween(text, end, s)
	if g == gapOther && !(c.dot && text[end] == '.' && gapBetween(text, end+1, s) == gapSpace) {
		return Finding{}, false
	}
	if c.kind == cueTitle && g == gapBreak {
		return Finding{}, false // "Madame, Monsieur,": a salutation
	}
	if c.kind == cueGreet && g == gapBreak && !sameLine(text, s) {
		// A signature under a sign-off: "Cordialement,\nH. Quintard".
		if ne, ok := p.initialSurname(text, s, e); ok {
			return p.finding(text, s, ne, 0.8, "person-signature"), true
		}
	}
	// A strong title before a lower-case word that no list knows: "frau
	// lindqvist", "señor etxeberria"; not after an article ("die frau kommt").
	strongLow := c.kind == cueTitle && lowerTitles.has([]byte(last)) && !afterWord(text, ws, notTitleBefore)
	if c.kind == cueDecl || c.kind == cueTitle {
		// "spreekt met meneer de Wilde", "à l'attention de Monsieur Le Bihan",
		// "Frau Dr. von der Leyen"
		if te, ok := p.titleEnd(text, s, e); ok {
			s2, e2 := nextWord(text, te)
			if s2 < 0 || gapBetween(text, te, s2) != gapSpace {
				return Finding{}, false
			}
			s, e, strongLow = s2, e2, true
		}
	}
	for n := 0; n < 2 && low && fillerWord(text, s, e); n++ {
		// "hallo äh friedhelm": a hesitation between cue and name.
		s2, e2 := nextWord(text, e)
		if s2 < 0 || gapBetween(text, e, s2) == gapOther {
			return Finding{}, false
		}
		s, e = s2, e2
	}
	if c.kind == cueSpell || c.kind == cueDecl && low && spelledLetters(text, s, e) == 1 {
		// "ça s'écrit l e f e v r e", "o sobrenome é c a r d o s o"
		if se := spellEnd(text, end); se > end {
			return p.finding(text, s, se, 0.8, "person-spelled"), true
		}
		if c.kind == cueSpell {
			return Finding{}, false
		}
	}
	start := s
	particle := false
	if (c.kind == cueDecl || c.kind == cueTitle || c.kind == cueHouse) && isUpperAt(text, s) && capParticle(text, s, e) {
		// "mevrouw El Amrani", "Herr Ben Salah"
		if s2, e2 := nextWord(text, e); s2 >= 0 && gapBetween(text, e, s2) == gapSpace && isUpperAt(text, s2) {
			s, e, particle = s2, e2, true
		}
	}
	if particleWord(text[s:e]) { // "Herr von Weizsäcker", "Sra. de la Cruz"
		if c.kind != cueDecl && c.kind != cueTitle && c.kind != cueHouse {
			return Finding{}, false // "soy de Valencia", "merci de votre aide"
		}
		for n := 0; n < 3 && particleWord(text[s:e]); n++ {
			s2, e2, ok := nextSurnameWord(text, e)
			if !ok {
				return Finding{}, false
			}
			s, e = s2, e2
		}
		if !isUpperAt(text, s) && !low {
			return Finding{}, false
		}
		if ent := p.lex.Lookup(text[s:e]); ent&EntryPlace != 0 && ent&EntryLast == 0 {
			return Finding{}, false // "name: de Lyon"
		}
		particle = true
	}
	e = trimPossessive(text, s, e)
	if glued(text, s, e) {
		return Finding{}, false // "it's chloe_m_27", "di Amore&Co"
	}
	ent := p.lookupName(text[s:e])
	upper := isUpperAt(text, s)
	// Only titles ask whether the word is shaped like a name.
	shaped := c.kind == cueTitle && nameShaped(ent, in.Lang) && hyphenLetters(text, s, e) && !isAllUpperWord(text, s, e)
	if particle && !upper && ent&EntryName == 0 {
		return Finding{}, false // "me llamo la atención": a lower-case surname after a particle must be one
	}
	if lowTitle && !(upper && (ent&EntryName != 0 || shaped) && !ent.StopAny()) && !(strongLow && shaped) {
		return Finding{}, false
	}
	var ok bool
	switch c.kind {
	case cueDecl:
		ok = ent&EntryFirst != 0 && (!ent.Stop(in.Lang) || ent&(EntryAmbiguous|EntryPopular) != 0) ||
			!ent.StopAny() && (upper || !ent.Word(in.Lang) || ent&EntryLast != 0) // "citofono benedetti"
	case cueTitle:
		ok = (upper && (ent&EntryName != 0 || !ent.StopAny())) || (ent&EntryName != 0 && !ent.StopAny()) || strongLow && shaped
		if len(last) == 1 {
			ok = upper && (ent&EntryName != 0 || shaped)
		}
		if c.kin && (in.Lang == "de" || !upper) {
			// German capitalizes the nouns after "Oma" too: a known name only.
			ok = ent&EntryName != 0 && !ent.StopAny() && (!ent.wordIn(in.Lang) || ent&EntryPopular != 0)
		}
	case cueSelf:
		ok = p.selfName(in, ent, s, e, upper, c.strong, low)
	case cueGreet, cueRel:
		ok = p.addressedName(in, c, ent, s, e, upper, low)
	case cueHouse:
		ok = p.householdName(in, ent, s, e, upper, low)
	}
	if !ok && c.kind != cueSpell && !ent.StopAny() && e-s >= 3 && spellsWord(text, s, e) {
		ok = true // "mein name ist kranz k wie kaufmann r a n z"
	}
	if !ok {
		return Finding{}, false
	}
	end = p.extend(text, in.Lang, e, upper, true, false)
	if low {
		end = spellEnd(text, end) // "kowalczyk k o w a l c z y k"
	}
	if c.kind == cueHouse {
		end = p.pairEnd(in, end) // "klingel bei Wagner/Yılmaz"
	}
	if (c.kind == cueSelf || c.kind == cueGreet) && (p.personaFollows(text, end) || orgAround(text, start, end) || low && orgHeadFollows(text, end)) {
		return Finding{}, false // "Soy Lía, la asistente virtual…"
	}
	conf := float32(0.85)
	if c.kind != cueDecl && c.kind != cueTitle {
		conf = 0.8
	}
	if in.Lang != "" && c.lang != "" && c.lang != in.Lang {
		conf -= 0.1 // another language's cue: still found, less sure
	}
	return p.finding(text, start, end, conf, "person-cue"), true
}

// selfName reports whether text[s:e], after a cue that does not say a name
// follows ("hi", "thanks", "this is", "my daughter"), is one: a known given
// name, capitalized, or not an everyday word, or followed by a surname or by
// words that end a self-introduction ("this is grace i'm calling").
func (p *personFinder) selfName(in Input, ent Entry, s, e int, upper, strong, low bool) bool {
	text := in.Text
	if !upper && (ent&EntryName != 0 && ent&EntryBrand == 0 || nameShaped(ent, in.Lang)) &&
		e-s >= 3 && lettersOnly(text, s, e) && p.relativeFollows(text, e) {
		// "sono vale la cugina di…", "aqui é a babi amiga da…": a relative
		// or friend right after the word says it was a name, even one that
		// is also a word ("vale").
		return true
	}
	if !upper && p.vocative(text, s, e) {
		return false // "i'm fine", "ciao amore 😘"
	}
	if upper && ent&EntryName == 0 && p.unknownName(text, in.Lang, ent, s, e) {
		// A capitalized word no list knows: "I'm Priyanka Venkataraman",
		// "je suis Océane,". German capitalizes nouns ("Ich bin Rentner,"),
		// so there a surname must follow.
		return p.upperNameFollows(text, in.Lang, e) || in.Lang != "de" && vocativeEnd(text, e)
	}
	if !upper && ent&EntryName == 0 && nameShaped(ent, in.Lang) && e-s >= 3 && lettersOnly(text, s, e) {
		// A lower-case word no list knows, with a known surname or a
		// spelling after it: "hallo friedhelm kowalczyk", "soy iker e t…".
		// The surname must be no everyday word: "i'm moving house".
		// After "jsuis", "sou o", "i'm", words that start the rest of the
		// message say the introduction is over: "jsuis noham g perdu…".
		return p.extend(text, in.Lang, e, false, true, true) > e || spellEnd(text, e) > e ||
			strong && !in.Spoken && low && !p.vocative(text, s, e) && !gerund(text, in.Lang, s, e) && !participle(text[s:e]) &&
				!verbLike(text[s:e]) && !accentedEnd(text[s:e]) && p.clauseFollows(text, e) // not "je suis désolé pour…"
	}
	if ent&EntryName == 0 || ent&EntryBrand != 0 {
		return false
	}
	if upper {
		return !isAllUpperWord(text, s, e)
	}
	if ent.Stop(in.Lang) {
		// "i'm bill o'brien": a given name that is a stop word somewhere
		// counts before a surname; "in", "so" are too short for names.
		return e-s >= 4 && ent&EntryFirst != 0 && p.extend(text, in.Lang, e, false, true, ent.Word(in.Lang)) > e
	}
	if p.extend(text, in.Lang, e, false, true, false) > e {
		return true // "its paris hilton", "soy ramón etxeberria e t x e…"
	}
	if ent&EntryFirst == 0 {
		return false
	}
	known := ent&(EntryAmbiguous|EntryPopular) != 0 // "grace", "rose", "anna"
	if ent&(EntryAmbiguous|EntryPlace) == 0 && (!ent.Word(in.Lang) || ent&EntryPopular != 0) {
		return true
	}
	// A given name that a word list also has ("joana", "océane") when
	// what follows shows the introduction is over.
	// A town's name too ("fala a rafaela da assistência", "this is austin
	// from support"): places follow no self-introduction cue.
	return (known || ent&EntryAmbiguous == 0) && low && p.nameEndsHere(text, s, e)
}

// addressedName reports whether text[s:e], after a greeting, thanks or
// sign-off ("hi jorge", "Grüße, Horst") or a relative or colleague ("mi
// compañera rocío"), is a name. These cues are followed by a name more
// often than "I'm" is, so a given name that is also an everyday word counts
// when it closes the phrase ("oi joão, tudo bem?", "hi will,"), and after a
// relative or colleague a given name needs no more ("mijn collega sem").
func (p *personFinder) addressedName(in Input, c *cue, ent Entry, s, e int, upper, low bool) bool {
	text, kind := in.Text, c.kind
	if kind == cueGreet && !sameLine(text, s) && !shortLine(text, e) {
		return false // "Hello,\n\nCan you…": a sentence, not a signature line
	}
	end := vocativeEnd(text, e)
	if kind == cueRel && !upper && p.relativeName(in, c, ent, s, e) {
		return true // "my wife shaz", "mijn dochter ineke"
	}
	// In chat typed without capitals, and in voice, a lower-case word is
	// all a name gets; in capitalized text it is a word ("Thanks, verified.").
	if !upper && low && lettersOnly(text, s, e) && !p.vocative(text, s, e) {
		// Typed chat goes on after a name with a stop word; a transcript
		// goes on after "hi" with anything ("buongiorno chiamo per…").
		goesOn := !in.Spoken && p.stopFollows(text, in.Lang, e)
		switch {
		case ent&EntryName == 0 && nameShaped(ent, in.Lang) && e-s >= 3 && !verbLike(text[s:e]) && (end || kind == cueGreet && goesOn):
			// A lower-case word no list knows closing the greeting or
			// followed by the message: "ciaoo vitto 😍", "holaa itziar ya…".
			return true
		case kind == cueGreet && ent&EntryFirst != 0 && ent&(EntryBrand|EntryPlace) == 0 && emojiFollows(text, e):
			return true // "thx jo 💛", "vale lu 😘": a short name is often a stop word somewhere
		case ent&EntryFirst != 0 && ent&(EntryAmbiguous|EntryBrand|EntryPlace) == 0 && !ent.Stop(in.Lang) && goesOn:
			return true // "grazie nico sei un tesoro"
		case kind == cueRel && ent&EntryName != 0 && ent&EntryBrand == 0 && !ent.Stop(in.Lang) && end && c.of:
			return true // "amiga da lari,": a friend of someone is someone
		}
	}
	if upper && ent&EntryName == 0 && p.unknownName(text, in.Lang, ent, s, e) {
		// "Hallo Swaantje, Ihr Termin…", "Dank je, Marijke. Wat…", "the
		// cousin of Anneliese". A greeting or thanks must address the word
		// on its line with the message going on: a signature after "Viele
		// Grüße," or "Thanks," is as often a team ("Vertrieb", "Ops").
		return kind == cueRel || end && sameLine(text, s) && moreAfter(text, e) ||
			kind == cueGreet && sameLine(text, s) && p.stopFollows(text, in.Lang, e) // "coucou Steph tu peux…"
	}
	if !upper && p.vocative(text, s, e) {
		return false // "ciao amore 😘", "hola tio"
	}
	if p.selfName(in, ent, s, e, upper, false, low) {
		return true
	}
	if ent&EntryBrand != 0 || ent.Stop(in.Lang) || isAllUpperWord(text, s, e) {
		return false
	}
	if ent&EntryFirst == 0 || ent&EntryPlace != 0 && ent&EntryPopular == 0 {
		return false
	}
	if upper {
		return !ent.Word(in.Lang) || ent&(EntryPopular|EntryAmbiguous) != 0 || end
	}
	if ent&EntryAmbiguous != 0 {
		return end // "hi will," but not "thanks will do"
	}
	return end || kind == cueRel
}

// andName reports a second capitalized name joined by "and" to the name
// ending at end, after a greeting or thanks: "thanks Olumide and Wen".
func (p *personFinder) andName(in Input, end int) (Finding, bool) {
	text := in.Text
	s, e := nextWord(text, end)
	if s < 0 || gapBetween(text, end, s) != gapSpace {
		return Finding{}, false
	}
	var buf [4]byte
	if k, ok := foldAppend(buf[:0], text[s:min(e, s+4)]); !ok || e-s > 3 || !conjunctions.has(k) {
		return Finding{}, false
	}
	s2, e2 := nextWord(text, e)
	if s2 < 0 || gapBetween(text, e, s2) != gapSpace || !isUpperAt(text, s2) || isAllUpperWord(text, s2, e2) || !lettersOnly(text, s2, e2) {
		return Finding{}, false
	}
	ent := p.lookupName(text[s2:e2])
	if !(ent&EntryName != 0 && ent&EntryBrand == 0 && !ent.Stop(in.Lang) || p.unknownName(text, in.Lang, ent, s2, e2)) {
		return Finding{}, false
	}
	if !vocativeEnd(text, e2) {
		return Finding{}, false
	}
	return p.finding(text, s2, e2, 0.75, "person-cue"), true
}

// conjunctions join two names: "Tunde and Ines", "Ana y Luis".
var conjunctions = foldSetOf("and", "y", "e", "et", "und", "en", "&")

// firstPerson are the first words of the self cues that speak in the first
// person: "i'm", "soy", "jsuis", "sono", "sou", "aqui é", "ik ben".
var firstPerson = foldSetOf("i'm", "i", "this", "soy", "yo", "je", "jsuis", "chui", "ich", "sono", "io", "sou", "eu", "aqui", "ik")

// relativeWords name a relative or friend: "sono bea la cugina di…".
var relativeWords = foldSetOf(
	"cousin", "friend", "sister", "brother", "wife", "husband", "daughter", "son", "mum", "mom", "dad", "neighbour", "neighbor",
	"primo", "prima", "amigo", "amiga", "hermano", "hermana", "hijo", "hija", "novio", "novia", "vecino", "vecina",
	"cousine", "ami", "amie", "frère", "sœur", "fils", "fille", "copain", "copine", "voisin", "voisine",
	"cugino", "cugina", "amico", "amica", "fratello", "sorella", "figlio", "figlia", "vicino", "vicina", "moglie", "marito",
	"irmão", "irmã", "filho", "filha", "namorado", "namorada", "vizinho", "vizinha", "esposa", "marido",
	"freund", "freundin", "schwester", "bruder", "tochter", "sohn", "nachbar", "nachbarin",
	"neef", "nicht", "vriend", "vriendin", "zus", "broer", "dochter", "zoon", "buurman", "buurvrouw",
)

// relativeFollows reports whether a relative or friend follows the word
// ending at e, after an article or possessive at most, with a preposition
// after it: "bea la cugina di…", "gorka el primo de…", "babi amiga da…".
func (p *personFinder) relativeFollows(text []byte, e int) bool {
	var buf [maxFold]byte
	for n := 0; n < 2; n++ {
		k, _, e2, ok := foldedNext(buf[:0], text, e)
		if !ok {
			return false
		}
		if relativeWords.has(k) {
			s3, e3 := nextWord(text, e2)
			if s3 < 0 || gapBetween(text, e2, s3) != gapSpace {
				return false
			}
			return particleWord(text[s3:e3]) || ofWord(text[s3:e3])
		}
		if n > 0 || !determiners.has(k) && !articles.has(k) {
			return false
		}
		e = e2
	}
	return false
}

// articles come between a name and the relative after it: "la cugina",
// "el primo", "my cousin".
var articles = foldSetOf("el", "la", "le", "il", "lo", "o", "a", "the", "my", "mi", "ma", "mon", "mia", "mio", "meu", "minha", "der", "die", "het")

// ofWord reports whether w is "of" or its like, which a particle set lacks.
func ofWord(w []byte) bool {
	return len(w) == 2 && (w[0]|0x20) == 'o' && (w[1]|0x20) == 'f'
}

// clauseFollows reports whether a word that starts what people say after
// their name follows the word ending at e on its line: "jsuis noham g
// perdu…", "sou o davi este é…", "this is shreya my order…".
func (p *personFinder) clauseFollows(text []byte, e int) bool {
	return beforeWord(text, e, afterNameWords)
}

// stopFollows reports whether a stop word of lang that is no name particle
// follows the word ending at e on its line: "holaa itziar ya llegué",
// "grazie nico sei un tesoro".
func (p *personFinder) stopFollows(text []byte, lang string, e int) bool {
	s, e2 := nextWord(text, e)
	if s < 0 || gapBetween(text, e, s) != gapSpace || isUpperAt(text, s) || particleWord(text[s:e2]) {
		return false
	}
	return p.lex.Lookup(text[s:e2]).Stop(lang)
}

// emojiFollows reports whether an emoji comes right after the word ending
// at e, after spaces: "thx jo 💛".
func emojiFollows(text []byte, e int) bool {
	for e < len(text) && text[e] == ' ' {
		e++
	}
	return e < len(text) && emojiAt(text, e)
}

// vocative reports whether text[s:e] is a word that follows greetings but
// is no name: "thx bro", "merci bcp", "hola tio".
func (p *personFinder) vocative(text []byte, s, e int) bool {
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[s:e])
	return !ok || vocativeWords.has(k) || p.cueFirst.has(k) // "gracias adiós"
}

// gerund reports whether text[s:e] is an English -ing form: "i'm calling from…".
func gerund(text []byte, lang string, s, e int) bool {
	return (lang == "en" || lang == "") && e-s > 4 && string(text[e-3:e]) == "ing"
}

// emojiAt reports whether an emoji or a dingbat ("❤", "☺", "♥") starts at i.
func emojiAt(text []byte, i int) bool {
	return text[i] >= 0xf0 || text[i] == 0xe2 && i+1 < len(text) && text[i+1] >= 0x98 && text[i+1] <= 0x9e
}

// vocativeEnd reports whether the word ending at e closes a phrase: the
// text ends, or a comma, full stop, !, ?, colon, semicolon, emoji or line
// break follows it.
func vocativeEnd(text []byte, e int) bool {
	for i := e; i < len(text); i++ {
		switch c := text[i]; {
		case c == ' ' || c == '\t':
			continue
		case c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' || c == '\r' || c == ')':
			return true
		case c == '\\':
			return escapedBreak(text, i)
		case emojiAt(text, i):
			return true // an emoji: "trop bien inès 😍", "merci steph ❤️"
		default:
			return false
		}
	}
	return true
}

// lettersOnly reports whether text[s:e] is one run of letters.
func lettersOnly(text []byte, s, e int) bool {
	for i := s; i < e; {
		ok, n := isLetterAt(text, i)
		if !ok {
			return false
		}
		i += n
	}
	return true
}

// nameEndsHere reports whether what follows the word text[s:e] shows it was
// a name in a lower-case self-introduction: the end of the text or of a
// clause, the same word again ("mark mark thompson"), or a word that starts
// what people say after their name.
func (p *personFinder) nameEndsHere(text []byte, s, e int) bool {
	ns, ne := nextWord(text, e)
	if ns < 0 {
		return true
	}
	if gapBetween(text, e, ns) != gapSpace {
		return true
	}
	var a, b [maxFold]byte
	k, _ := foldAppend(a[:0], text[ns:ne])
	if w, _ := foldAppend(b[:0], text[s:e]); string(w) == string(k) {
		return true
	}
	return afterNameWords.has(k)
}

// afterNameWords start what people say right after their name in speech:
// "this is grace i'm calling", "thank you rose you've been…", "le atiende
// cristina en qué…". Bare pronouns are left out: "hi may i ask…".
var afterNameWords = foldSetOf(
	"i'm", "im", "i've", "i'd", "you've", "you're", "calling", "speaking", "here", "again", "from", "and",
	"thanks", "bye", "aqui", "desde", "llamo", "le", "gracias", "en", "que", "j'appelle", "merci", "pour", "au",
	"hier", "aus", "vom", "danke", "ich", "sono", "chiamo", "grazie", "per", "falo", "obrigado", "obrigada",
	"tudo", "van", "bedankt", "waarmee", "ik", "du", "da", "do", "dal", "della", "del", "how", "what",
	// Possessives and demonstratives that start the message proper: "this
	// is shreya my order…", "sou o davi este é…"; "g" is chat for "j'ai".
	"my", "mon", "mes", "mio", "mia", "meu", "minha", "mein", "meine", "mijn", "este", "esta", "questo", "questa", "g", "jai", "j'ai",
)

// extend returns the end of the name whose first word ends at end: further
// given names, surnames and particles on the same line, up to four words.
// In capitalized text, a clean first word takes any capitalized word that is
// not a stop word; otherwise the next word must be a known surname. In
// lower-case text a surname that is an everyday word does not follow a
// first word that is one too (wordy): "mark long" is no name.
func (p *personFinder) extend(text []byte, lang string, end int, upper, clean, wordy bool) int {
	for n := 0; n < 3; n++ {
		s, e := nextWord(text, end)
		if s < 0 || gapBetween(text, end, s) != gapSpace {
			return end
		}
		if particleWord(text[s:e]) && !isUpperAt(text, s) {
			// A particle counts only with a surname after it.
			s2, e2, ok := nextSurnameWord(text, e)
			if ok && particleWord(text[s2:e2]) && !isUpperAt(text, s2) {
				s2, e2, ok = nextSurnameWord(text, e2) // "van 't Hof", "van der Berg"
			}
			if !ok || upper != isUpperAt(text, s2) {
				return end
			}
			e2 = trimPossessive(text, s2, e2)
			ent2 := p.lookupName(text[s2:e2])
			if ent2.StopAny() || (!upper && ent2&EntryLast == 0) || (upper && ent2&EntryLast == 0 && (ent2.Word(lang) || camelInside(text[s2:e2]))) {
				return end // "MAC vom Drucker", "Anna aus Köln"
			}
			if !upper && wordy && ent2.Word(lang) {
				return end // "data de nascimento"
			}
			if ent2&EntryAmbiguous != 0 && (text[s]|0x20) == 'y' {
				return end // "Rosa y Blanca": colours, not a double surname
			}
			end = e2
			continue
		}
		if upper && isUpperAt(text, s) && particleWord(text[s:e]) {
			// "Giancarlo De Santis", "Anna Van der Berg"
			e2, ok := p.upperParticleEnd(text, lang, e)
			if !ok {
				return end
			}
			end, wordy, clean = e2, false, true
			continue
		}
		e = trimPossessive(text, s, e)
		ent := p.lookupName(text[s:e])
		if upper && ent&EntryName == 0 {
			if _, ok := p.titleEnd(text, s, e); ok {
				return end // "Cara Sra. Magalhães": the title starts a name of its own
			}
		}
		var ok bool
		switch {
		case upper:
			ok = isUpperAt(text, s) && !ent.StopAny() && (ent&EntryLast != 0 && ent&EntryAmbiguous == 0 ||
				clean && (ent&EntryName != 0 || ent&(EntryPlace|EntryBrand) == 0)) &&
				!(wordy && ent.Word(lang)) && // "Easter Sunday", "Spring Boot"
				!(ent&EntryLast == 0 && camelInside(text[s:e])) // "Sam MatchMakers"
		default:
			ok = !isUpperAt(text, s) && ent&EntryLast != 0 && !ent.StopAny() && ent&EntryAmbiguous == 0 &&
				!(wordy && ent.Word(lang))
			if !ok && clean && ent == 0 && e-s >= 4 && lettersOnly(text, s, e) && spellEnd(text, e) > e {
				// A surname no list knows, spelled out next: "ramón etxeberria e t x e…".
				ok = true
			}
			if !ok && ent&EntryFirst != 0 && !ent.StopAny() && ent&EntryAmbiguous == 0 &&
				(!ent.Word(lang) || ent&EntryPopular != 0) {
				// A middle given name, if a surname follows: "marcos vinícius pereira".
				ok = p.extend(text, lang, e, false, false, false) > e
			}
		}
		if !ok {
			return end
		}
		end, wordy = e, false
		if !clean {
			clean = true // "Will Smith": after a surname, the name is sure
		}
	}
	return end
}

func particleWord(w []byte) bool {
	var buf [8]byte
	if len(w) > len(buf) {
		return false
	}
	k, _ := foldAppend(buf[:0], w)
	return nameParticles.has(k)
}

// findLower finds names in lower-case text: transcripts, or chat with no
// capital at all.
func (p *personFinder) findLower(dst []Finding, in Input, tok Token) ([]Finding, int) {
	if !lowerText(in) {
		// Capitals carry the signal: Person handles this text, but for a
		// name typed in lower case after a comma ("mine, siobhan mcnamara").
		return p.commaNames(dst, in), len(in.Text)
	}
	text := in.Text
	ws, we := nextWord(text, tok.Start)
	if ws < 0 || ws >= tok.End || isUpperAt(text, ws) {
		return dst, tok.End
	}
	we = trimPossessive(text, ws, we)
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[ws:we])
	if !ok || glued(text, ws, we) {
		return dst, tok.End
	}
	if in.Spoken && we-ws >= 3 && spellsWord(text, ws, we) {
		// A word and its spelling: "the last name is hugo h-u-g-o".
		if end := spellEnd(text, we); !p.lex.Lookup(text[ws:we]).StopAny() {
			return append(dst, p.finding(text, ws, end, 0.8, "person-spelled")), end
		}
	}
	e := p.firstNameEntry(text[ws:we], k, 0)
	if e&EntryFirst == 0 || e.StopAny() || e&EntryBrand != 0 {
		return dst, tok.End
	}
	if end, ok := p.notName(text, in.Lang, k, ws, we); ok {
		return dst, end
	}
	if orgHeadFollows(text, we) {
		return dst, tok.End // "calling rowan pharmacy"
	}
	wordy := e.Word(in.Lang) && e&EntryPopular == 0
	if end := p.extend(text, in.Lang, we, false, false, wordy); end > we {
		return append(dst, p.finding(text, ws, end, 0.7, "person-name-pair")), end
	}
	if e&(EntryAmbiguous|EntryPlace) == 0 && !e.Word(in.Lang) && we-ws >= 3 && !vocativeWords.has(k) && !determinerBefore(text, in.Lang, ws) {
		return append(dst, p.finding(text, ws, we, 0.5, "person-given-name")), we
	}
	return dst, tok.End
}

// lowerText reports whether names in the text come without capitals: a
// speech transcript, or a message typed with no capital letter.
func lowerText(in Input) bool { return in.Spoken || !hasUpper(in.Text) }

func isAllUpperWord(text []byte, s, e int) bool {
	if e-s < 2 {
		return false
	}
	for i, c := range text[s:e] {
		if c >= 'a' && c <= 'z' || c >= 0xc0 && lowerRuneAt(text, s+i) {
			return false
		}
	}
	return true
}

// finding reports text[s:e] as a person; the value is the folded name with
// single spaces, so "Anna  Müller" and "anna muller" share a pseudonym.
func (p *personFinder) finding(text []byte, s, e int, conf float32, rule string) Finding {
	v, _ := foldAppend(make([]byte, 0, e-s+4), text[s:e])
	return Finding{Kind: KindPerson, Start: s, End: e, Confidence: conf, Rule: rule, Value: v}
}

// nameShaped reports whether a word with entry ent may be a name the lexicon
// does not list: no stop word or brand anywhere, no everyday word of lang,
// and no place unless it is also a name.
func nameShaped(ent Entry, lang string) bool {
	return !ent.StopAny() && ent&EntryBrand == 0 && !ent.Word(lang) && (ent&EntryPlace == 0 || ent&EntryName != 0)
}

// upperNameFollows reports whether a capitalized word that may be a surname
// follows the word ending at e on the same line: "Priyanka Venkataraman".
func (p *personFinder) upperNameFollows(text []byte, lang string, e int) bool {
	s, e2 := nextWord(text, e)
	if s < 0 || gapBetween(text, e, s) != gapSpace || !isUpperAt(text, s) || isAllUpperWord(text, s, e2) {
		return false
	}
	ent := p.lookupName(text[s:e2])
	return ent&EntryLast != 0 && !ent.StopAny() || nameShaped(ent, lang) && lettersOnly(text, s, e2)
}

// titleEnd reports whether text[s:e] is a one-word title ("meneer", "Mme"),
// and the end of it with its dot.
func (p *personFinder) titleEnd(text []byte, s, e int) (int, bool) {
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[s:e])
	if !ok || !p.titles.has(k) {
		return 0, false
	}
	if e < len(text) && text[e] == '.' {
		e++
	}
	return e, true
}

// nextSurnameWord returns the word after a surname particle ending at end,
// which follows it after spaces or, for "'t" ("van 't Hof"), an apostrophe.
func nextSurnameWord(text []byte, end int) (int, int, bool) {
	s, e := nextWord(text, end)
	if s < 0 {
		return 0, 0, false
	}
	if g := gapBetween(text, end, s); g == gapSpace {
		return s, e, true
	}
	// "van 't Hof": spaces, then an apostrophe right before a lone t.
	if e-s != 1 || text[s]|0x20 != 't' {
		return 0, 0, false
	}
	a := s - 1
	if a >= 2 && text[a] == 0x99 && text[a-1] == 0x80 && text[a-2] == 0xe2 {
		a -= 2
	} else if text[a] != '\'' {
		return 0, 0, false
	}
	if a == end || gapBetween(text, end, a) != gapSpace {
		return 0, 0, false
	}
	return s, e, true
}

// afterWord reports whether the word before the one at ws, after spaces
// only, is in set.
func afterWord(text []byte, ws int, set foldIndex) bool {
	var buf [maxFold]byte
	k, _, _, ok := foldedPrev(buf[:0], text, ws)
	return ok && set.has(k)
}

// notTitleBefore make a title word a noun: "die frau kommt", "a madame",
// "meine frau hat".
var notTitleBefore = foldSetOf(
	"the", "a", "an", "my", "your", "der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "meine", "mein",
	"meiner", "deine", "seine", "ihre", "un", "una", "une", "uno", "um", "uma", "een", "mi", "mia", "mio", "ma", "mon", "minha", "mijn",
	"su", "sua", "tu", "ta", "sa", "tua",
)

// lowerTitles are the titles that announce a name even in lower case and
// before a word no list knows ("frau lindqvist", "señor etxeberria"); "miss",
// "dona", "seu" and "doctor" are everyday words too.
var lowerTitles = foldSetOf(
	"mr", "mrs", "señor", "señora", "señorita", "sr", "sra", "srta", "monsieur", "madame", "mademoiselle", "mme", "mlle",
	"herr", "herrn", "frau", "signor", "signora", "signorina", "sig", "senhor", "senhora", "meneer", "mevrouw", "mevr", "dhr", "heer",
)

// vocativeWords follow greetings and thanks but are no names: "Hi Team,",
// "Hallo zusammen", "Danke Schön!".
var vocativeWords = foldSetOf(
	"team", "all", "everyone", "everybody", "guys", "folks", "there", "again", "so", "much", "lot", "mate", "bro", "dude", "sir", "madam",
	"zusammen", "leute", "alle", "allerseits", "schön", "sehr", "vielmals", "kollegen", "tous", "toutes", "monde", "beaucoup", "encore",
	"ragazzi", "tutti", "mille", "todos", "todas", "chicos", "gente", "pessoal", "galera", "allemaal", "iedereen", "jongens", "wel",
	"support", "service", "admin",
	// Chat abbreviations, address terms and replies: "merci bcp", "thx bro",
	// "hola tio", "ciao amore", "vale genial", "i'm fine".
	"bcp", "mdr", "ptdr", "lol", "lmao", "omg", "pls", "plz", "btw", "jaja", "jajaja", "haha", "hahaha", "kkk", "rsrs", "xd", "xoxo",
	"man", "pal", "buddy", "babe", "hun", "love", "dear", "darling", "sis", "fam", "yall", "mec", "gars", "copain", "copine", "chérie", "chéri",
	"tio", "tia", "tía", "chica", "chicas", "chaval", "amigo", "amiga", "amigos", "amigas", "guapa", "guapo", "cariño", "amor", "mi",
	"amore", "cari", "care", "caro", "cara", "raga", "bello", "bella", "tesoro", "mano", "mana", "querido", "querida", "schatz", "lieb",
	"genial", "guay", "vale", "bueno", "claro", "perfecto", "perfeito", "parfait", "perfetto", "super", "top", "cool", "nice", "great",
	"ok", "okay", "oki", "fine", "good", "well", "sorry", "back", "here", "done", "ready", "sure", "home", "ja", "yes", "no", "nee",
	"igualmente", "também", "tambien", "aussi", "infiniment", "infinite", "tantissimo", "tanto", "tante", "muito", "muchas", "muchísimas",
	"heaps", "loads", "lots", "tons", "anyway", "dir", "euch", "je", "u", "jij", "jullie", "voi", "vous", "toi", "você", "vocês",
	"yeah", "yep", "yup", "um", "uh", "pues", "bon", "ben", "allora", "dunque", "então", "entao", "also", "nou", "oké",
	"stanco", "stanca", "cansado", "cansada", "fatigué", "fatiguée", "müde", "moe", "tired", "pronto", "pronta", "listo", "lista", "prêt",
)

// spellWords join a spelled letter to the word that names it: "b as in
// bravo", "b wie Berta", "b comme Bernard", "b come Bologna", "b de Barcelona",
// "b als in Bernard".
var spellWords = foldSetOf("as", "like", "for", "wie", "comme", "come", "como", "de", "di", "da", "als", "van", "voor", "pour", "per", "para")

// spellEnd returns the end of a name spelled out letter by letter right
// after end ("k o w a l c z y k", "h-u-g-o", "b as in bravo r as in
// romeo"), or end when fewer than three letters follow.
func spellEnd(text []byte, end int) int {
	var letters [maxFold]byte
	e, _ := spelled(text, end, &letters)
	return e
}

// spellsWord reports whether the word text[s:e] is followed by its own
// spelling, or the first three letters of it at least: "hugo h u g o",
// "kranz k wie kaufmann r a n z", "etxeberria e t x e…".
func spellsWord(text []byte, s, e int) bool {
	if !startsSpelling(text, e) {
		return false
	}
	var letters, word [maxFold]byte
	se, n := spelled(text, e, &letters)
	if se == e {
		return false
	}
	w, ok := foldAppend(word[:0], text[s:e])
	return ok && n <= len(w) && string(w[:n]) == string(letters[:n])
}

// startsSpelling reports, cheaply, whether two lone letters follow end
// after spaces ("h u", "h-u"): the only way a spelling starts.
func startsSpelling(text []byte, end int) bool {
	i := end
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i == end {
		return false
	}
	for n := 0; n < 2; n++ {
		if i+1 >= len(text) {
			return false
		}
		if c := text[i+1]; n == 0 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false // a word of two letters or more, most often
		}
		ok, l := isLetterAt(text, i)
		if !ok {
			return false
		}
		if i+l >= len(text) || text[i+l] != ' ' && text[i+l] != '-' && text[i+l] != ',' {
			// "k wie kaufmann": a connector may come second.
			if n == 0 {
				return false
			}
			_, e := nextWord(text, i)
			var buf [8]byte
			k, _ := foldAppend(buf[:0], text[i:min(e, i+8)])
			return e-i <= 6 && spellWords.has(k)
		}
		i += l + 1
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	return true
}

// spelled returns the end of the spelling after end and its letters,
// folded, in letters (n of them); the end is end itself when fewer than
// three letters follow.
func spelled(text []byte, end int, letters *[maxFold]byte) (int, int) {
	n, last := 0, end
	var buf [maxFold]byte
	for i := end; ; {
		s, e := nextWord(text, i)
		if s < 0 || gapBetween(text, i, s) == gapOther {
			break
		}
		if l := spelledLetters(text, s, e); l > 0 {
			for j := s; j < e; {
				_, w := isLetterAt(text, j)
				if f, ok := foldAppend(buf[:0], text[j:j+w]); ok && len(f) == 1 && n < len(letters) {
					letters[n] = f[0]
					n++
				}
				j += w
				if j < e {
					j++ // the hyphen
				}
			}
			last, i = e, e
			continue
		}
		k, _ := foldAppend(buf[:0], text[s:e])
		if n > 0 && apostropheWords.has(k) {
			last, i = e, e // "d apostrofo a m i c o"
			continue
		}
		if n == 0 || !spellWords.has(k) {
			break
		}
		// The connector, "in" after "as"/"als", then the word for the letter.
		s, e = nextWord(text, e)
		if s >= 0 && e-s == 2 && (text[s]|0x20) == 'i' && (text[s+1]|0x20) == 'n' {
			s, e = nextWord(text, e)
		}
		if s < 0 || e-s < 2 {
			break
		}
		last, i = e, e
	}
	if n < 3 {
		return end, 0
	}
	return last, n
}

// apostropheWords name an apostrophe in a spelled name: "o apostrophe n e i l l".
var apostropheWords = foldSetOf("apostrophe", "apostrofo", "apóstrofo", "apóstrofe", "apostroph", "apostrof")

// spelledLetters returns how many letters the word text[s:e] spells: one
// letter, or letters joined by hyphens ("h-u-g-o"); 0 for any other word.
func spelledLetters(text []byte, s, e int) int {
	n := 0
	for i := s; i < e; {
		ok, l := isLetterAt(text, i)
		if !ok {
			return 0
		}
		i += l
		n++
		if i < e {
			if text[i] != '-' {
				return 0
			}
			i++
		}
	}
	return n
}

// unknownName reports whether the capitalized word text[s:e], with entry
// ent, may be a name no list knows: name-shaped, letters only, not in
// capitals and not a word that follows greetings ("Hi Team,").
func (p *personFinder) unknownName(text []byte, lang string, ent Entry, s, e int) bool {
	if !nameShaped(ent, lang) || !lettersOnly(text, s, e) && !capitalParts(text, s, e) || isAllUpperWord(text, s, e) {
		return false
	}
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[s:e])
	return ok && len(k) >= 3 && !vocativeWords.has(k) && !p.titles.has(k)
}

// initialSurname returns the end of an initial and a capitalized word
// ("H. Quintard") starting at the one-letter word text[s:e] and ending its
// line.
func (p *personFinder) initialSurname(text []byte, s, e int) (int, bool) {
	if e-s != 1 || !isUpperAt(text, s) || e+1 >= len(text) || text[e] != '.' {
		return 0, false
	}
	s2, e2 := nextWord(text, e+1)
	if s2 != e+2 || text[e+1] != ' ' || !isUpperAt(text, s2) || isAllUpperWord(text, s2, e2) || !lettersOnly(text, s2, e2) || !shortLine(text, e2) {
		return 0, false
	}
	if ent := p.lookupName(text[s2:e2]); ent.StopAny() || ent&EntryBrand != 0 {
		return 0, false
	}
	return e2, true
}

// shortLine reports whether at most one more word follows the word ending
// at e on its line, as in a signature ("Best,\nAnna Weber").
func shortLine(text []byte, e int) bool {
	words := 0
	for i := e; i < len(text); i++ {
		c := text[i]
		if c == '\n' || c == '\r' || escapedBreak(text, i) {
			break
		}
		if i > e && c != ' ' && c != '\t' && (text[i-1] == ' ' || text[i-1] == '\t') {
			words++
		}
	}
	return words <= 1
}

// verbLike reports whether a lower-case word of six or more bytes ends like
// a verb form or participle of the seven languages ("funcionou", "entendido",
// "compris", "arrived"): after "obrigado" or "merci" such a word is a reply,
// while nicknames are short or in the name lists.
func verbLike(w []byte) bool {
	if len(w) < 6 {
		return false
	}
	for _, suf := range verbEndings {
		if len(w) > len(suf)+2 && string(w[len(w)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// verbEndings are endings of verb forms that given names rarely have.
var verbEndings = []string{"ou", "ei", "ado", "ada", "ido", "ida", "ndo", "ato", "ito", "iu", "ed", "ing", "é", "ée", "er", "is", "ert", "te", "en"}

// sameLine reports whether no line break comes between the word at s and
// the word before it.
func sameLine(text []byte, s int) bool {
	_, pe := prevWord(text, s)
	for i := max(pe, 0); i < s; i++ {
		if text[i] == '\n' || text[i] == '\r' || escapedBreak(text, i) {
			return false
		}
	}
	return true
}

// moreAfter reports whether a word follows the punctuation that closes the
// word ending at e on its line: "Marijke. Wat is…".
func moreAfter(text []byte, e int) bool {
	for i := e; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n' || c == '\r' || escapedBreak(text, i):
			return false
		case c >= '0' && c <= '9' || c >= 0x80:
			return true
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			return true
		}
	}
	return false
}

// upperWordFollows reports whether a capitalized everyday word of lang
// follows the word ending at e on the same line.
func (p *personFinder) upperWordFollows(text []byte, lang string, e int) bool {
	s, e2 := nextWord(text, e)
	return s >= 0 && gapBetween(text, e, s) == gapSpace && isUpperAt(text, s) && p.lookupName(text[s:e2]).Word(lang)
}

// saintPrefix reports whether the hyphenated word w starts with a saint's
// title: "Saint-Valentin", "Sainte-Marie", "San-Martín", "Sankt-Peter".
func saintPrefix(w []byte) bool {
	i := bytes.IndexByte(w, '-')
	if i < 2 || i > 6 {
		return false
	}
	var buf [8]byte
	k, _ := foldAppend(buf[:0], w[:i])
	return saintWords.has(k)
}

// saintWords start the hyphenated names of feasts and towns.
var saintWords = foldSetOf("saint", "sainte", "st", "ste", "sankt", "san", "santa", "santo", "sao")

// streetAfterNumber reports whether the street type ("ave", "rd", "str")
// at ws comes after a house number and one or two words: "14 bellfield ave".
func streetAfterNumber(text []byte, ws int) bool {
	i := ws
	for n := 0; n < 2; n++ {
		ps, pe := prevWord(text, i)
		if ps < 0 || gapBetween(text, pe, i) != gapSpace {
			return false
		}
		j := ps - 1
		for j >= 0 && text[j] == ' ' {
			j--
		}
		if j >= 0 && text[j] >= '0' && text[j] <= '9' {
			return true
		}
		i = ps
	}
	return false
}

// fillerWords are hesitations in speech transcripts: "hallo äh friedhelm".
var fillerWords = foldSetOf("äh", "ähm", "eh", "ehm", "ehh", "euh", "heu", "uh", "uhm", "um", "umm", "hum", "hm", "hmm", "mm", "eeh", "ahm", "ah")

// capParticles start Arabic and Berber surnames when capitalized: "El
// Amrani", "Ben Salah", "Aït Ali".
var capParticles = foldSetOf("el", "al", "ben", "bin", "ibn", "abu", "ait", "ou")

// fillerWord reports whether text[s:e] is a hesitation ("äh", "euh").
func fillerWord(text []byte, s, e int) bool {
	var buf [8]byte
	if e-s > len(buf) {
		return false
	}
	k, _ := foldAppend(buf[:0], text[s:e])
	return fillerWords.has(k)
}

// capParticle reports whether text[s:e] is one of capParticles.
func capParticle(text []byte, s, e int) bool {
	var buf [8]byte
	if e-s > len(buf) {
		return false
	}
	k, _ := foldAppend(buf[:0], text[s:e])
	return capParticles.has(k)
}

// capitalParts reports whether text[s:e] is capitalized words of two
// letters or more joined by hyphens: "Lan-Anh", "Marie-Noëlle".
func capitalParts(text []byte, s, e int) bool {
	if !hyphenLetters(text, s, e) {
		return false
	}
	for i := s; i < e; {
		j := i
		for j < e && text[j] != '-' {
			j++
		}
		if j-i < 2 || !isUpperAt(text, i) {
			return false
		}
		i = j + 1
	}
	return true
}

// glued reports whether the word text[s:e] is glued to an underscore, an
// ampersand or a digit: part of a user name ("chloe_m_27") or a brand
// ("Amore&Co", "M&S"), not a name.
func glued(text []byte, s, e int) bool {
	gluing := func(c byte) bool { return c == '_' || c == '&' || c >= '0' && c <= '9' }
	return e < len(text) && gluing(text[e]) || s > 0 && gluing(text[s-1])
}

// orgHeadFollows reports whether the word after e, in any case, is an
// organisation's head noun: "calling rowan pharmacy".
func orgHeadFollows(text []byte, e int) bool {
	s, e2 := nextWord(text, e)
	if s < 0 || gapBetween(text, e, s) != gapSpace {
		return false
	}
	var buf [maxFold]byte
	k, ok := foldAppend(buf[:0], text[s:e2])
	return ok && orgHeads.has(k)
}

// camelInside reports whether w has a capital after three lower-case
// letters or more: "MatchMakers", "PayPal", not "McDonald" or "MacKenzie".
func camelInside(w []byte) bool {
	lower := 0
	for _, c := range w {
		switch {
		case c >= 'a' && c <= 'z':
			lower++
		case c >= 'A' && c <= 'Z':
			if lower >= 3 {
				return true
			}
			lower = 0
		default:
			lower = 0
		}
	}
	return false
}

// teamWords name the departments a colleague is "from" in office chat.
var teamWords = foldSetOf("legal", "hr", "finance", "accounts", "accounting", "it", "sales", "marketing", "support", "ops",
	"payroll", "procurement", "compliance", "billing", "reception", "facilities", "engineering", "controlling",
	"buchhaltung", "personalabteilung", "vertrieb", "einkauf", "rrhh", "contabilidad", "ventas", "compras",
	"juridique", "compta", "comptabilité", "rh", "ventes", "contabilità", "amministrazione", "vendite", "acquisti",
	"financeiro", "vendas", "compras", "juridico", "jurídico", "boekhouding", "verkoop", "inkoop", "personeelszaken")

// teamFrom are the prepositions between a colleague and a department, and
// teamArticles the articles that may follow them.
var (
	teamFrom     = foldSetOf("from", "in", "aus", "von", "de", "du", "di", "da", "do", "van", "bij")
	teamArticles = foldSetOf("the", "dem", "der", "la", "el", "le", "il", "lo", "o", "a", "het", "de", "l'")
)

// teamFollows reports whether a department follows the word ending at e:
// "Grace from legal", "Frieder aus dem Controlling", "Ana de RRHH".
func teamFollows(text []byte, e int) bool {
	var buf [maxFold]byte
	s, e2 := nextWord(text, e)
	if s < 0 || gapBetween(text, e, s) != gapSpace {
		return false
	}
	if k, ok := foldAppend(buf[:0], text[s:e2]); !ok || !teamFrom.has(k) {
		return false
	}
	for n := 0; n < 2; n++ {
		s2, e3 := nextWord(text, e2)
		if s2 < 0 || gapBetween(text, e2, s2) != gapSpace {
			return false
		}
		k, ok := foldAppend(buf[:0], text[s2:e3])
		if !ok {
			return false
		}
		if teamWords.has(k) {
			return true
		}
		if n > 0 || !teamArticles.has(k) {
			return false
		}
		e2 = e3
	}
	return false
}
