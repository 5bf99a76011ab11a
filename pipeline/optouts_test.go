package pipeline

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/convanon/convanon/internal/demo"
)

// TestOptOutsFollow loads the opt-out topic to its end before ready, then
// applies records produced later, tombstones included.
func TestOptOutsFollow(t *testing.T) {
	addrs := startCluster(t)
	rec := func(key, value string) demo.Record {
		r := demo.Record{Topic: "training-optouts", Key: []byte(key)}
		if value != "" {
			r.Value = []byte(value)
		}
		return r
	}
	produce(t, addrs, []demo.Record{
		rec("user:u-1", `{"training":false}`),
		rec("tenant:t-1", `{"decisions":false}`),
		rec("user:u-2", `{"training":false}`),
		rec("user:u-2", ""), // tombstone: u-2 back to defaults
		rec("bogus", `{"training":false}`),
	})
	oo := newOptOuts()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- oo.follow(ctx, testCluster(addrs), "training-optouts", 1<<20, slog.New(slog.DiscardHandler), ready)
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("follow returned before ready: %v", err)
	}
	tests := []struct {
		name         string
		tenant, user string
		want         consent
	}{
		{"user opted out", "t-0", "u-1", consent{false, true}},
		{"tenant without decisions", "t-1", "u-3", consent{true, false}},
		{"tombstoned user", "t-0", "u-2", consentAll},
		{"unknown subject", "t-0", "u-9", consentAll},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := oo.consent(tt.tenant, tt.user); got != tt.want {
				t.Errorf("consent(%s, %s) = %+v, want %+v", tt.tenant, tt.user, got, tt.want)
			}
		})
	}
	if got := oo.bad.Load(); got != 1 {
		t.Errorf("malformed opt-outs = %d, want 1", got)
	}

	produce(t, addrs, []demo.Record{rec("user:u-9", `{"training":false}`), rec("user:u-1", "")})
	for oo.consent("t-0", "u-9") == consentAll || oo.consent("t-0", "u-1") != consentAll {
		if ctx.Err() != nil {
			t.Fatal("opt-outs produced after start were not applied")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("follow after cancel = %v, want nil", err)
	}
}
