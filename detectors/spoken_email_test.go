package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSpokenEmailTruePositives(t *testing.T) {
	tests := []struct {
		name, give, want, value string
		spoken                  bool
	}{
		{"en", "sure it's john dot smith at example dot com thanks", "john dot smith at example dot com", "john.smith@example.com", true},
		{"en spelled", "email is j o h n at example dot co dot uk", "j o h n at example dot co dot uk", "john@example.co.uk", true},
		{"en underscore digits", "anna underscore b 42 at example dot org", "anna underscore b 42 at example dot org", "anna_b42@example.org", true},
		{"en plus tag", "my email is robert plus news at example dot com", "robert plus news at example dot com", "robert+news@example.com", true},
		{"es arroba", "mi correo es ana punto garcia arroba ejemplo punto es", "ana punto garcia arroba ejemplo punto es", "ana.garcia@ejemplo.es", true},
		{"de Punkt", "meine Mail ist jonas Punkt weber at beispiel Punkt de", "jonas Punkt weber at beispiel Punkt de", "jonas.weber@beispiel.de", true},
		{"de ät", "thomas punkt mueller ät example punkt de", "thomas punkt mueller ät example punkt de", "thomas.mueller@example.de", true},
		{"half written", "write to john.smith at example.com please", "john.smith at example.com", "john.smith@example.com", false},
		{"at with spoken domain", "it's john@example dot com", "john@example dot com", "john@example.com", false},
		{"typed chat with cue", "my email is maria at example dot com", "maria at example dot com", "maria@example.com", false},
		{"es guion bajo", "es luis guion bajo p arroba ejemplo punto mx", "luis guion bajo p arroba ejemplo punto mx", "luis_p@ejemplo.mx", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New([]Detector{SpokenEmail})
			if err != nil {
				t.Fatal(err)
			}
			fs := e.ScanInput(nil, Input{Text: []byte(tt.give), Spoken: tt.spoken})
			got := []spanWant{}
			for _, f := range fs {
				got = append(got, spanWant{f.Kind, f.Start, f.End})
			}
			if diff := cmp.Diff([]spanWant{at(KindEmail, tt.give, tt.want)}, got); diff != "" {
				t.Fatalf("Scan(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
			if tt.value != "" && string(fs[0].Value) != tt.value {
				t.Errorf("Scan(%q).Value = %q, want %q", tt.give, fs[0].Value, tt.value)
			}
		})
	}
}

func TestSpokenEmailTrueNegatives(t *testing.T) {
	tests := []struct{ name, give string }{
		{"meet at noon", "let's meet at noon at the station"},
		{"look at site", "you can look at example dot com for details"},
		{"at home", "i'm at home dot"},
		{"no tld", "john at example dot something"},
		{"written email", "john@example.com"},
		{"dot com bubble", "we were at the dot com bubble"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanOne(t, SpokenEmail, Input{Text: []byte(tt.give), Spoken: true}); len(got) != 0 {
				t.Errorf("Scan(%q) = %v, want none", tt.give, got)
			}
		})
	}
}
