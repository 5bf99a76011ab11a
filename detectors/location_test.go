package detectors

import (
	"strings"
	"testing"
)

var locationTruePositives = []nameCase{
	{"en live in", "I live in Leeds with my family", "en", false, []string{"LOCATION:Leeds"}},
	{"en from", "I'm from Manchester originally", "en", false, []string{"LOCATION:Manchester"}},
	{"en based in multiword", "we are based in New York", "en", false, []string{"LOCATION:New York"}},
	{"en with country", "I live in Lyon, France now", "en", false, []string{"LOCATION:Lyon, France"}},
	{"es", "vivo en Sevilla desde 2019", "es", false, []string{"LOCATION:Sevilla"}},
	{"de", "ich wohne in Köln", "de", false, []string{"LOCATION:Köln"}},
	{"de aus", "Ich komme aus Österreich", "de", false, []string{"LOCATION:Österreich"}},
	{"fr", "j'habite à Lyon", "fr", false, []string{"LOCATION:Lyon"}},
	{"fr postal code before the city", "j'habite à 69003 Lyon", "fr", false, []string{"LOCATION:Lyon"}},
	{"es postal code before the city", "vivo en 46001 Valencia", "es", false, []string{"LOCATION:Valencia"}},
	{"fr d'", "je viens d'Avignon", "fr", false, []string{"LOCATION:Avignon"}},
	{"fr d’", "je viens d’Avignon", "fr", false, []string{"LOCATION:Avignon"}},
	{"it", "abito a Torino", "it", false, []string{"LOCATION:Torino"}},
	{"pt", "moro em Campinas", "pt", false, []string{"LOCATION:Campinas"}},
	{"nl", "ik woon in Utrecht", "nl", false, []string{"LOCATION:Utrecht"}},
	{"asr", "yeah i live in san francisco", "en", true, []string{"LOCATION:san francisco"}},
	{"other language", "btw vivo en Madrid", "en", false, []string{"LOCATION:Madrid"}},
	{"anchor before", "ich bin seit Montag in Hannover", "de", false, []string{"LOCATION:Hannover"}},
	{"anchor far before", "nací un martes de 1990 en Valladolid", "es", false, []string{"LOCATION:Valladolid"}},
	{"anchor after", "in Worcester where i grew up", "en", false, []string{"LOCATION:Worcester"}},
	{"list of places", "je vis en Suisse, à Lausanne", "fr", false, []string{"LOCATION:Suisse", "LOCATION:Lausanne"}},
	{"marketplace pickup", "pickup only in Tacoma", "en", false, []string{"LOCATION:Tacoma"}},
	{"origin after name", "I'm Omar from Leicester", "en", false, []string{"PERSON:Omar", "LOCATION:Leicester"}},
	{"grew up", "sono cresciuto a Bari", "it", false, []string{"LOCATION:Bari"}},
	{"pt colloquial", "tô em Recife essa semana", "pt", false, []string{"LOCATION:Recife"}},
	{"asr anchored", "ik zit nu in rotterdam", "nl", true, []string{"LOCATION:rotterdam"}},
}

var locationNegatives = []nameCase{
	{"paris agreement", "the Paris agreement was signed in 2015", "en", false, []string{}},
	{"from monday", "from Monday on", "en", false, []string{}},
	{"not a place", "I live in hope", "en", false, []string{}},
	{"word place lower", "I'm in nice weather", "en", false, []string{}},
	{"product", "I'm in Excel right now", "en", false, []string{}},
	{"prose place", "The museum in Amsterdam opens at nine", "en", false, []string{}},
	{"other clause", "soy de aquí, ¿envían a Chile?", "es", false, []string{}},
	{"possessive is no anchor", "mi cuenta de Colombia no funciona", "es", false, []string{}},
	{"business we", "In Bremen haben wir eine Filiale", "de", false, []string{}},
	{"street", "Ja, wir sind in der Rua de Santa Luzia", "de", false, []string{}},
	{"lower word place", "mi fecha de nacimiento es el 3 de mayo", "es", false, []string{}},
	{"given name", "I got a text from Jordan", "en", false, []string{}},
}

func TestLocationTruePositives(t *testing.T) { runNameCases(t, locationTruePositives) }
func TestLocationNegatives(t *testing.T)     { runNameCases(t, locationNegatives) }

// locationBackwardCases: cues are matched backwards from their last word,
// so their first word must still start a token and their words follow
// each other after spaces only.
var locationBackwardCases = []nameCase{
	{"three words", "i come from Leeds", "en", false, []string{"LOCATION:Leeds"}},
	{"quoted first word", "(i come from Leeds)", "en", false, []string{"LOCATION:Leeds"}},
	{"first word inside a token", "x-live in Leeds", "en", false, []string{}},
	{"comma inside the cue", "based, in Leeds", "en", false, []string{}},
	{"elided ascii", "je viens d'Avignon", "fr", false, []string{"LOCATION:Avignon"}},
	{"elided after a line break", "je viens\nd'Avignon", "fr", false, []string{}},
	{"loose cue lower case", "aus köln", "de", false, []string{}},
	{"two cues end together", "ich bin geboren in Köln", "nl", false, []string{"LOCATION:Köln"}},
}

func TestLocationBackwardCues(t *testing.T) { runNameCases(t, locationBackwardCases) }

// TestLocationCueLength keeps every cue within maxCueWords, the words
// cueStart reads back.
func TestLocationCueLength(t *testing.T) {
	for _, g := range locationCues {
		for _, ph := range g.phrases {
			if n := len(strings.Fields(ph)); n > maxCueWords {
				t.Errorf("cue %q: %d words; want at most %d", ph, n, maxCueWords)
			}
		}
	}
}

// locationColloquial: where a person lives, is or comes from, said in
// passing, in questions, or with a verb of moving house.
var locationColloquial = []nameCase{
	{"de gezogen", "wir sind letztes Jahr nach Köln gezogen", "de", false, []string{"LOCATION:Köln"}},
	{"de ziehe nach", "ich ziehe nächsten Monat nach Hamburg", "de", false, []string{"LOCATION:Hamburg"}},
	{"es ido a vivir", "se ha ido a vivir a Bilbao", "es", false, []string{"LOCATION:Bilbao"}},
	{"es question", "¿ahora vivís en Córdoba?", "es", false, []string{"LOCATION:Córdoba"}},
	{"fr êtes à", "vous êtes à Lyon maintenant ?", "fr", false, []string{"LOCATION:Lyon"}},
	{"fr on vient de", "on vient de Roubaix", "fr", false, []string{"LOCATION:Roubaix"}},
	{"fr déménagé", "on a déménagé à Nantes", "fr", false, []string{"LOCATION:Nantes"}},
	{"it trasferiti", "vi siete trasferiti a Napoli?", "it", false, []string{"LOCATION:Napoli"}},
	{"pt mudou pra", "a gente se mudou pra Fortaleza", "pt", false, []string{"LOCATION:Fortaleza"}},
	{"pt morar pra", "ela foi morar pra Recife", "pt", false, []string{"LOCATION:Recife"}},
	{"nl komen uit", "wij komen uit Utrecht", "nl", false, []string{"LOCATION:Utrecht"}},
	{"nl naar verhuisd", "we zijn naar Utrecht verhuisd", "nl", false, []string{"LOCATION:Utrecht"}},
	{"en just outside", "we live just outside Bath", "en", false, []string{"LOCATION:Bath"}},
	{"en relocated", "I relocated to Denver in May", "en", false, []string{"LOCATION:Denver"}},
}

// locationNotHome: a workplace, a trip or a passing mention.
var locationNotHome = []nameCase{
	{"de workplace", "ich arbeite in Wien", "de", false, []string{}},
	{"de commute", "ich pendle jeden Tag nach Stuttgart", "de", false, []string{}},
	{"de travel nach", "ich fliege morgen nach Berlin", "de", false, []string{}},
	{"it flight origin", "il volo parte da Bologna alle 7", "it", false, []string{}},
	{"en flight", "I'm flying from Denver tomorrow", "en", false, []string{}},
	{"es workplace", "trabajo en Zaragoza tres días", "es", false, []string{}},
	{"nl meeting", "ik werk in Utrecht", "nl", false, []string{}},
	{"fr viens de verb", "je viens de recevoir le colis", "fr", false, []string{}},
	{"nl naar without moving", "ik ga morgen naar Utrecht", "nl", false, []string{}},
	{"en wedding", "she will be absent for a family wedding in Lagos. Kind regards", "en", false, []string{}},
	{"es boda", "vamos a la boda en Sevilla el sábado", "es", false, []string{}},
	{"de hochzeit", "wir sind auf einer Hochzeit in Leipzig", "de", false, []string{}},
	{"en works in", "my brother works in Zaragoza", "en", false, []string{}},
}

func TestLocationColloquial(t *testing.T) { runNameCases(t, locationColloquial) }
func TestLocationNotHome(t *testing.T)    { runNameCases(t, locationNotHome) }
