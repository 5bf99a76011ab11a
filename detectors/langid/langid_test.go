package langid

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"testing"
)

// labeled are chat-like sentences per language, short and long.
var labeled = []struct{ lang, text string }{
	{"en", "hi, is my order on its way?"},
	{"en", "Thanks, that worked. Can you also update my address please?"},
	{"en", "hello this is anna calling about the bill i got yesterday"},
	{"en", "I was charged twice for the same subscription last month"},
	{"en", "yeah no worries, just let me know when it ships"},
	{"en", "The app keeps crashing when I open settings"},
	{"es", "hola, ¿dónde está mi pedido?"},
	{"es", "Gracias, ya funciona. ¿Puedes cambiar también mi dirección?"},
	{"es", "me cobraron dos veces la misma suscripción el mes pasado"},
	{"es", "buenos días, necesito ayuda con mi cuenta"},
	{"es", "La aplicación se cierra cuando abro la configuración"},
	{"es", "vale, avísame cuando lo envíen"},
	{"fr", "bonjour, où est ma commande ?"},
	{"fr", "Merci, ça marche. Vous pouvez aussi changer mon adresse ?"},
	{"fr", "on m'a facturé deux fois le même abonnement le mois dernier"},
	{"fr", "je suis très déçu du service client"},
	{"fr", "L'application plante quand j'ouvre les réglages"},
	{"fr", "d'accord, dites-moi quand le colis part"},
	{"de", "hallo, wo ist meine Bestellung?"},
	{"de", "Danke, das hat funktioniert. Können Sie auch meine Adresse ändern?"},
	{"de", "mir wurde letzten Monat dasselbe Abo zweimal berechnet"},
	{"de", "Die App stürzt ab, wenn ich die Einstellungen öffne"},
	{"de", "ok, sag mir Bescheid, wenn es verschickt wird"},
	{"de", "Guten Tag, ich brauche Hilfe mit meinem Konto"},
	{"it", "ciao, dov'è il mio ordine?"},
	{"it", "Grazie, ha funzionato. Potete anche cambiare il mio indirizzo?"},
	{"it", "mi hanno addebitato due volte lo stesso abbonamento il mese scorso"},
	{"it", "L'app si chiude quando apro le impostazioni"},
	{"it", "va bene, fammi sapere quando viene spedito"},
	{"it", "buongiorno, ho bisogno di aiuto con il mio account"},
	{"pt", "olá, onde está o meu pedido?"},
	{"pt", "Obrigado, funcionou. Você também pode mudar o meu endereço?"},
	{"pt", "fui cobrado duas vezes pela mesma assinatura no mês passado"},
	{"pt", "O aplicativo fecha quando abro as configurações"},
	{"pt", "beleza, me avisa quando for enviado"},
	{"pt", "bom dia, preciso de ajuda com a minha conta"},
	{"nl", "hoi, waar is mijn bestelling?"},
	{"nl", "Bedankt, het werkt. Kunnen jullie ook mijn adres wijzigen?"},
	{"nl", "ik ben vorige maand twee keer voor hetzelfde abonnement betaald"},
	{"nl", "De app crasht als ik de instellingen open"},
	{"nl", "oké, laat me weten wanneer het verzonden wordt"},
	{"nl", "goedemorgen, ik heb hulp nodig met mijn account"},
}

func TestDetectAccuracy(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	right, cheap := 0, 0
	for _, tt := range labeled {
		got, _ := d.Detect([]byte(tt.text), "")
		if got == tt.lang {
			right++
		} else {
			t.Logf("Detect(%q) = %q, want %q", tt.text, got, tt.lang)
		}
		var sc scores
		d.scan(&sc, []byte(tt.text), -1)
		if b, s, _ := sc.top(len(d.langs)); clearLead(b, s) {
			cheap++
		}
	}
	acc := float64(right) / float64(len(labeled))
	t.Logf("accuracy %.3f (%d/%d); answered by word score alone: %d", acc, right, len(labeled), cheap)
	if acc < 0.9 {
		t.Errorf("accuracy %.3f, want >= 0.9", acc)
	}
}

func TestDetectHint(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	tests := []struct {
		name, give, hint string
		want             string
		wantConfident    bool
	}{
		{"hint wins", "hello there", "de", "de", true},
		{"region hint", "hola", "pt-BR", "pt", true},
		{"unconfigured hint ignored", "where is my parcel, it was due yesterday", "ja", "en", true},
		{"nothing to go on", "ok", "", "", false},
		{"lead on a long text answers", "Me cobraron dos veces este mes.", "", "es", true},
		{"tie decided among the tied", "bel me terug op 0160 68165005 prima", "", "nl", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := d.Detect([]byte(tt.give), tt.hint)
			if got != tt.want || conf != tt.wantConfident {
				t.Errorf("Detect(%q, %q) = %q, %v; want %q, %v", tt.give, tt.hint, got, conf, tt.want, tt.wantConfident)
			}
		})
	}
}

func TestNewUnknownLanguage(t *testing.T) {
	if _, err := New([]string{"en", "xx"}); err == nil {
		t.Errorf("New([en xx]) = nil error, want an error")
	}
}

// BenchmarkDetectCheap measures the word-score path (a confident message).
func BenchmarkDetectCheap(b *testing.B) {
	d, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	text := []byte("Hi, thanks for the update. Can you tell me when my order will be shipped? I have been waiting for a week.")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Detect(text, "")
	}
}

// BenchmarkDetectLingua measures the lingua path (no function words).
func BenchmarkDetectLingua(b *testing.B) {
	d, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	text := []byte("Bestellung 4411 Lieferung verspätet, Rückerstattung beantragt, Kundennummer beigefügt, Rechnung anbei, Zustellung unbekannt verzogen")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Detect(text, "")
	}
}

func TestDetectIn(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	tests := []struct {
		name, give, hint, prior string
		want                    string
		wantSure                bool
	}{
		{"short turn keeps the conversation's language", "ok 👍", "", "de", "de", false},
		{"identifier only keeps it", "AB-4421-X", "", "fr", "fr", false},
		{"clear switch wins", "Gracias, ya funciona. ¿Me pueden ayudar con otra cosa?", "", "en", "es", true},
		{"hint wins over prior", "ok", "pt-BR", "en", "pt", true},
		{"no prior: plain detection", "Vielen Dank, das hat funktioniert und die App läuft wieder.", "", "", "de", true},
		{"long turn confirms the conversation's language", "Thanks, that worked. Can you also update my address please? I moved last week and the new one is on the form.", "", "en", "en", true},
		{"switch after a greeting in the old language", "Hi! Necesito ayuda con mi cuenta, no puedo entrar y ya probé todo lo que me dijeron.", "", "en", "es", true},
		{"switch to a close language", "Hola, ¿dónde está mi pedido? Lo pedí hace una semana y todavía no ha llegado.", "", "pt", "es", true},
		{"switch after two words of the old language", "Thanks, but necesito ayuda con mi cuenta: no puedo entrar y ya probé todo lo que me dijeron ustedes.", "", "en", "es", true},
		{"switch after a word of the old language", "ok merci, je voudrais aussi changer mon adresse de livraison s'il vous plaît", "", "en", "fr", true},
		{"switch back", "Thanks! Is there anything else I need to do before the parcel ships?", "", "de", "en", true},
		{"unknown prior: plain score", "Danke, das hat funktioniert. Können Sie auch meine Adresse ändern?", "", "xx", "de", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, sure := d.DetectIn([]byte(tt.give), tt.hint, tt.prior)
			if got != tt.want || sure != tt.wantSure {
				t.Errorf("DetectIn(%q, %q, %q) = %q, %v; want %q, %v", tt.give, tt.hint, tt.prior, got, sure, tt.want, tt.wantSure)
			}
		})
	}
}

func TestDetectElisions(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	tests := []struct {
		name, give, want string
	}{
		{"Italian articles and prepositions", "L'app si chiude all'avvio, dov'è l'errore?", "it"},
		{"French articles and pronouns", "j'ouvre l'appli et qu'est-ce qu'il se passe", "fr"},
		{"contraction found whole", "don't worry, it's fine", "en"},
		{"typographic apostrophes", "L’app si chiude all’avvio, dov’è l’errore?", "it"},
		{"typographic contraction", "don’t worry, it’s fine", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := d.Detect([]byte(tt.give), ""); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func TestScanStopsOnceConfirmed(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	text := []byte("Thanks, that is what I needed. I will try it again tonight and tell you if it works, the app was slow all week.")
	tests := []struct {
		name      string
		prior     int
		wantWhole bool
	}{
		{"no prior reads everything", -1, true},
		{"any language confirmed stops early", anyLanguage, false},
		{"prior confirmed stops early", slices.Index(d.langs, "en"), false},
		{"other prior reads everything", slices.Index(d.langs, "de"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sc scores
			if got := d.scan(&sc, text, tt.prior) == len(text); got != tt.wantWhole {
				t.Errorf("scan(%q, %d) read all of it: %v, want %v", text, tt.prior, got, tt.wantWhole)
			}
		})
	}
}

func TestScanProse(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	en := slices.Index(d.langs, "en")
	tests := []struct {
		name string
		give string
		want int32 // English score
	}{
		{"plain words", "the and", 4},
		{"marks around words", "(the) \"and\"... 'the'", 6},
		{"typographic quotes around words", "‘the’ “and”", 4},
		{"trailing apostrophes", "the' the’", 4},
		{"upper case", "THE And", 4},
		{"words in an identifier", "the_and-the 4the http://the.and", 0},
		{"words inside marks", "the,and the.and", 0},
		{"hyphenated words", "the-and", 4},
		{"command-line flags", "-the --and -", 0},
		{"too long to look up", "thethethethethethe", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sc scores
			d.scan(&sc, []byte(tt.give), -1)
			if got := sc[en]; got != tt.want {
				t.Errorf("scan(%q): English score %d, want %d", tt.give, got, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name       string
		give, want string // give is loaded whole, at the end of its buffer
	}{
		{"lower case", "hello", "hello"},
		{"upper case folded", "HeLLo", "hello"},
		{"apostrophe kept", "Don't", "don't"},
		{"non-ASCII bytes kept", "ÉTÉ", "ÉtÉ"},
		{"eight bytes", "ABCDEFGH", "abcdefgh"},
		{"sixteen bytes", "ABCDEFGHIJKLMNOP", "abcdefghijklmnop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want [wordMax]byte
			copy(want[:], tt.want)
			wlo, whi := binary.LittleEndian.Uint64(want[:8]), binary.LittleEndian.Uint64(want[8:])
			text := []byte("  " + tt.give + " and more text after it")
			lo, hi := load(text, 2, 2+len(tt.give))
			if lo != wlo || hi != whi {
				t.Errorf("load(%q) = %#x %#x, want %#x %#x (%q)", tt.give, lo, hi, wlo, whi, tt.want)
			}
			atEnd := []byte(tt.give)
			if lo, hi := load(atEnd, 0, len(atEnd)); lo != wlo || hi != whi {
				t.Errorf("load(%q) at the end of its buffer = %#x %#x, want %#x %#x", tt.give, lo, hi, wlo, whi)
			}
		})
	}
}

func TestWordTable(t *testing.T) {
	d, err := New([]string{"en", "de"})
	if err != nil {
		t.Fatalf("New([en de]): %v", err)
	}
	tests := []struct {
		give string
		want uint8
	}{
		{"the", 1},
		{"und", 2},
		{"in", 3},
		{"zebra", 0},
		{"th", 0},
		{"thee", 0},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := d.words.get(load([]byte(tt.give), 0, len(tt.give))); got != tt.want {
				t.Errorf("words.get(%q) = %b, want %b", tt.give, got, tt.want)
			}
		})
	}
}

func TestTied(t *testing.T) {
	tests := []struct {
		name string
		give scores
		want int
	}{
		{"two tied", scores{2, 0, 1, 2}, 0b1001},
		{"no evidence", scores{}, 0b1111},
		{"one best", scores{1, 0, 0, 0}, 0b1111},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			best, _, _ := tt.give.top(4)
			if got := tt.give.tied(4, best); got != tt.want {
				t.Errorf("%v.tied(4, %d) = %b, want %b", tt.give, best, got, tt.want)
			}
		})
	}
}

func TestScanBudget(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	tests := []struct {
		name string
		give string
		want int // bytes read
	}{
		{"short text read whole", "no function words here", len("no function words here")},
		{"long text read up to the budget", strings.Repeat("abc ", 1000), maxScanBytes},
		{"the last token read whole", strings.Repeat("a", maxScanBytes-2) + " " + strings.Repeat("b", 10) + " c", maxScanBytes - 1 + 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sc scores
			if got := d.scan(&sc, []byte(tt.give), -1); got != tt.want {
				t.Errorf("scan(%d bytes) read %d, want %d", len(tt.give), got, tt.want)
			}
		})
	}
}

func TestLinguaText(t *testing.T) {
	long := strings.Repeat("mot ", maxLinguaBytes) // a space at every fourth byte
	noSpace := strings.Repeat("é", maxLinguaBytes) // two bytes a rune
	tests := []struct {
		name, give, want string
	}{
		{"short text whole", "bonjour à tous", "bonjour à tous"},
		{"long text cut after a space", long, long[:maxLinguaBytes-1]},
		{"no space: cut at a rune", noSpace, noSpace[:maxLinguaBytes]},
		{"no space, odd budget: cut before the rune", "x" + noSpace, "x" + noSpace[:maxLinguaBytes-2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := linguaText([]byte(tt.give)); got != tt.want {
				t.Errorf("linguaText(%d bytes) = %d bytes %.20q…, want %d bytes", len(tt.give), len(got), got, len(tt.want))
			}
		})
	}
}

// TestDetectConcurrent runs ties (lingua among the tied languages, built on
// first use) from several goroutines; run it with -race.
func TestDetectConcurrent(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	const give, want = "bel me terug op 0160 68165005 prima", "nl"
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() { got[i], _ = d.Detect([]byte(give), "") })
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("goroutine %d: Detect(%q) = %q, want %q", i, give, g, want)
		}
	}
}

// TestWordTableHoldsEveryWord checks that no two words of the default
// languages share a slot's tag along a probe: each is found with its own
// languages.
func TestWordTableHoldsEveryWord(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	for w, langs := range wordLangs(d.langs) {
		if len(w) > wordMax {
			continue
		}
		if got := d.words.get(load([]byte(w), 0, len(w))); got != langs {
			t.Errorf("words.get(%q) = %b, want %b", w, got, langs)
		}
	}
}
