package detectors

import (
	"fmt"
	"testing"
)

func TestWordMapGet(t *testing.T) {
	var m wordMap[int]
	for i := range 100 { // enough to grow the table several times
		m.set(fmt.Sprintf("w%d", i), i)
	}
	m.set("w7", 700) // a second set replaces the value
	tests := []struct {
		give   string
		want   int
		wantOK bool
	}{
		{give: "w0", want: 0, wantOK: true},
		{give: "w7", want: 700, wantOK: true},
		{give: "w99", want: 99, wantOK: true},
		{give: "w100"},
		{give: "x1"},
		{give: ""},
		{give: "w"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, ok := m.get([]byte(tt.give))
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("get(%q) = %d, %v; want %d, %v", tt.give, got, ok, tt.want, tt.wantOK)
			}
		})
	}
	if m.n != 100 {
		t.Errorf("n = %d; want 100", m.n)
	}
	n := 0
	for range m.all() {
		n++
	}
	if n != 100 {
		t.Errorf("all yielded %d words; want 100", n)
	}
}

func TestWordListHas(t *testing.T) {
	l := newWordList("de en a uit")
	tests := []struct {
		give string
		want bool
	}{
		{give: "de", want: true},
		{give: "uit", want: true},
		{give: "a", want: true},
		{give: "d"},
		{give: "ed"},
		{give: "DE"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := l.has([]byte(tt.give)); got != tt.want {
				t.Errorf("has(%q) = %v; want %v", tt.give, got, tt.want)
			}
		})
	}
}
