package metrics

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

func TestHandler(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := New(reg)
	m.Events.WithLabelValues("message", "written").Add(3)
	m.Lag.WithLabelValues("conversations", "2").Set(7)
	var notReady error = errors.New("no partitions assigned")
	srv := httptest.NewServer(Handler(reg, func() error { return notReady }))
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		name     string
		give     string
		ready    error
		wantCode int
		want     string
	}{
		{"metrics", "/metrics", nil, 200, `convanon_events_total{outcome="written",type="message"} 3`},
		{"lag", "/metrics", nil, 200, `convanon_consumer_lag{partition="2",topic="conversations"} 7`},
		{"healthz", "/healthz", notReady, 200, "ok"},
		{"readyz not ready", "/readyz", notReady, 503, "not ready: no partitions assigned"},
		{"readyz ready", "/readyz", nil, 200, "ready"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			notReady = tt.ready
			code, body := get(tt.give)
			if code != tt.wantCode || !strings.Contains(body, tt.want) {
				t.Errorf("GET %s = %d, %q; want %d and %q", tt.give, code, body, tt.wantCode, tt.want)
			}
		})
	}
}

func TestNewTwiceOnOneRegistryPanics(t *testing.T) {
	// Registering twice is a wiring bug: each pipeline gets its own registry.
	reg := prometheus.NewRegistry()
	New(reg)
	defer func() {
		if recover() == nil {
			t.Errorf("New on a registry that has the metrics = no panic, want one")
		}
	}()
	New(reg)
}
