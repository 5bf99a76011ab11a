package pipeline

import (
	"errors"
	"fmt"
	"slices"

	"github.com/convanon/convanon/detectors"
	"github.com/convanon/convanon/internal/config"
	"github.com/convanon/convanon/internal/events"
	"github.com/convanon/convanon/internal/keys"
)

// verdict is what policy decides for one event.
type verdict uint8

const (
	keep       verdict = iota
	dropOptOut         // the user or tenant opted out of this data
	dropPolicy         // the tenant's configuration does not collect it
)

// tenantPolicy is what configuration says about one tenant.
type tenantPolicy struct {
	decisions bool
	channels  map[string]bool // nil keeps every channel
	anon      *Anonymizer     // with the tenant's per-type actions
}

// policy resolves tenant policies; tenants not configured get def. It is
// immutable and shared by every partition goroutine.
type policy struct {
	tenants map[string]*tenantPolicy
	def     *tenantPolicy
}

// newPolicy builds the tenants' policies and their anonymizers, reporting
// every bad per-type action with its configuration key.
func newPolicy(tenants map[string]config.Tenant, eng *detectors.Engine, ring keys.Source) (*policy, error) {
	defAnon, err := NewAnonymizer(eng, ring, nil)
	if err != nil {
		return nil, err
	}
	p := &policy{
		tenants: map[string]*tenantPolicy{},
		def:     &tenantPolicy{decisions: true, anon: defAnon},
	}
	var errs []error
	ids := make([]string, 0, len(tenants))
	for id := range tenants {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		t := tenants[id]
		tp := &tenantPolicy{decisions: t.CollectsDecisions(), anon: defAnon}
		if len(t.Actions) > 0 {
			acts, err := ParseActions(t.Actions)
			if err != nil {
				errs = append(errs, fmt.Errorf("tenants.%s.%w", id, err))
				continue
			}
			if tp.anon, err = NewAnonymizer(eng, ring, acts); err != nil {
				errs = append(errs, fmt.Errorf("tenants.%s: %w", id, err))
				continue
			}
		}
		if len(t.Channels) > 0 {
			tp.channels = map[string]bool{}
			for _, ch := range t.Channels {
				tp.channels[ch] = true
			}
		}
		p.tenants[id] = tp
	}
	return p, errors.Join(errs...)
}

// tenant returns the policy of tenant id.
func (p *policy) tenant(id string) *tenantPolicy {
	if tp, ok := p.tenants[id]; ok {
		return tp
	}
	return p.def
}

// admit decides whether ev goes on to the datasets and aggregates. Opt-outs
// come first: a user or tenant that opted out of training contributes
// nothing, aggregates included; a decisions opt-out drops only decisions.
// Then the tenant's configuration: decision collection and kept channels.
func admit(ev *events.Event, tp *tenantPolicy, oo *optOuts) verdict {
	c := oo.consent(ev.TenantID, ev.UserID)
	switch {
	case !c.training:
		return dropOptOut
	case ev.Type == events.TypeDecision && !c.decisions:
		return dropOptOut
	case ev.Type == events.TypeDecision && !tp.decisions:
		return dropPolicy
	case tp.channels != nil && ev.Channel != "" && !tp.channels[ev.Channel]:
		return dropPolicy
	}
	return keep
}
