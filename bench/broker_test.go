package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestServeBroker(t *testing.T) {
	tests := []struct {
		name    string
		give    string
		want    *regexp.Regexp
		wantErr bool
	}{
		{"addresses then eof", "", regexp.MustCompile(`^addrs [0-9.:,]+\n$`), false},
		{"cpu requests", "cpu\ncpu\n", regexp.MustCompile(`^addrs [0-9.:,]+\ncpu [0-9]+\ncpu [0-9]+\n$`), false},
		{"unknown request", "stop\n", regexp.MustCompile(`^addrs [0-9.:,]+\n$`), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := serveBroker(strings.NewReader(tt.give), &out)
			if (err != nil) != tt.wantErr {
				t.Fatalf("serveBroker(%q) error = %v, want error %t", tt.give, err, tt.wantErr)
			}
			if !tt.want.MatchString(out.String()) {
				t.Errorf("serveBroker(%q) wrote %q, want it to match %s", tt.give, out.String(), tt.want)
			}
		})
	}
}
