package detectors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCardinal(t *testing.T) {
	type result struct {
		Val            int
		Span           string
		Ordinal, Lead0 bool
	}
	tests := []struct {
		give string
		want result
	}{
		{"mil novecientos setenta y nueve gracias", result{Val: 1979, Span: "mil novecientos setenta y nueve"}},
		{"neunzehnhundertachtzig", result{Val: 1980, Span: "neunzehnhundertachtzig"}},
		{"millenovecentottantuno.", result{Val: 1981, Span: "millenovecentottantuno"}},
		{"mille neuf cent quatre-vingt-deux", result{Val: 1982, Span: "mille neuf cent quatre-vingt-deux"}},
		{"zweitausendfünf", result{Val: 2005, Span: "zweitausendfünf"}},
		{"two thousand and six", result{Val: 2006, Span: "two thousand and six"}},
		{"negentienhonderd", result{Val: 1900, Span: "negentienhonderd"}},
		{"four twenty two", result{Val: 4, Span: "four"}},
		{"nineteen seventy", result{Val: 19, Span: "nineteen"}},
		{"cento e vinte apartamento", result{Val: 120, Span: "cento e vinte"}},
		{"duzentos e dez quatro", result{Val: 210, Span: "duzentos e dez"}},
		{"soixante-neuf mille lyon", result{Val: 69000, Span: "soixante-neuf mille"}},
		{"quatro mil e quatrocentos", result{Val: 4400, Span: "quatro mil e quatrocentos"}},
		{"honderdvijftig drie", result{Val: 150, Span: "honderdvijftig"}},
		{"ochenta y", result{Val: 80, Span: "ochenta"}},
		{"oh five", result{Val: 5, Span: "oh five", Lead0: true}},
		{"twenty first of", result{Val: 21, Span: "twenty first", Ordinal: true}},
		{"twenty-third", result{Val: 23, Span: "twenty-third", Ordinal: true}},
		{"dritten mai", result{Val: 3, Span: "dritten", Ordinal: true}},
		{"vierentwintigste", result{Val: 24, Span: "vierentwintigste", Ordinal: true}},
		{"tercero izquierda", result{Val: 3, Span: "tercero", Ordinal: true}},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			c, ok := readCardinal([]byte(tt.give), 0)
			if !ok {
				t.Fatalf("readCardinal(%q) found no number", tt.give)
			}
			got := result{Val: c.val, Span: tt.give[c.start:c.end], Ordinal: c.ordinal, Lead0: c.lead0}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("readCardinal(%q) mismatch (-want +got):\n%s", tt.give, diff)
			}
		})
	}
}

func TestReadCardinalNone(t *testing.T) {
	for _, give := range []string{"hello", "and one", "oh", "novembre", "centro", "double five", ", two"} {
		t.Run(give, func(t *testing.T) {
			if c, ok := readCardinal([]byte(give), 0); ok {
				t.Errorf("readCardinal(%q) = %d, want no number", give, c.val)
			}
		})
	}
}
