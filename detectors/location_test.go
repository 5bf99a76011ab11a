package detectors

import "testing"

var locationTruePositives = []nameCase{
	{"en live in", "I live in Leeds with my family", "en", false, []string{"LOCATION:Leeds"}},
	{"en from", "I'm from Manchester originally", "en", false, []string{"LOCATION:Manchester"}},
	{"en based in multiword", "we are based in New York", "en", false, []string{"LOCATION:New York"}},
	{"en with country", "I live in Lyon, France now", "en", false, []string{"LOCATION:Lyon, France"}},
	{"es", "vivo en Sevilla desde 2019", "es", false, []string{"LOCATION:Sevilla"}},
	{"de", "ich wohne in Köln", "de", false, []string{"LOCATION:Köln"}},
	{"de aus", "Ich komme aus Österreich", "de", false, []string{"LOCATION:Österreich"}},
	{"fr", "j'habite à Lyon", "fr", false, []string{"LOCATION:Lyon"}},
	{"fr d'", "je viens d'Avignon", "fr", false, []string{"LOCATION:Avignon"}},
	{"fr d’", "je viens d’Avignon", "fr", false, []string{"LOCATION:Avignon"}},
	{"it", "abito a Torino", "it", false, []string{"LOCATION:Torino"}},
	{"pt", "moro em Campinas", "pt", false, []string{"LOCATION:Campinas"}},
	{"nl", "ik woon in Utrecht", "nl", false, []string{"LOCATION:Utrecht"}},
	{"asr", "yeah i live in san francisco", "en", true, []string{"LOCATION:san francisco"}},
	{"other language", "btw vivo en Madrid", "en", false, []string{"LOCATION:Madrid"}},
}

var locationNegatives = []nameCase{
	{"paris agreement", "the Paris agreement was signed in 2015", "en", false, []string{}},
	{"from monday", "from Monday on", "en", false, []string{}},
	{"not a place", "I live in hope", "en", false, []string{}},
	{"word place lower", "I'm in nice weather", "en", false, []string{}},
	{"product", "I'm in Excel right now", "en", false, []string{}},
}

func TestLocationTruePositives(t *testing.T) { runNameCases(t, locationTruePositives) }
func TestLocationNegatives(t *testing.T)     { runNameCases(t, locationNegatives) }
