package errorkeep

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// summaryOf is what the rules note of td's spans, as cutBatch notes them.
func summaryOf(rules *keepRules, td ptrace.Traces) traceSummary {
	var s traceSummary
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		res := rss.At(i).Resource()
		m := rules.resourceMarks(res)
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				rules.observeSpan(&s, arrival{id: spans.At(k).TraceID(), span: spans.At(k), resource: res})
				s.marks |= m
			}
		}
	}
	return s
}

// sampledID and unsampledID are trace IDs whose random bits pass and fail a 10%
// healthy threshold.
func sampledIDs(t *testing.T, threshold uint64) (sampled, unsampled pcommon.TraceID) {
	t.Helper()
	var haveS, haveU bool
	for n := uint64(1); !haveS || !haveU; n++ {
		id := traceID(n)
		if sampledByThreshold(randomness(id, ""), threshold) {
			sampled, haveS = id, true
		} else {
			unsampled, haveU = id, true
		}
	}
	return sampled, unsampled
}

// reasonNamed is the keep reason of the registered rule with that name.
func reasonNamed(t *testing.T, name string) keepReason {
	t.Helper()
	for i, entry := range keepRuleRegistry {
		if entry.reason == name {
			return keepReason(i + 1)
		}
	}
	t.Fatalf("no keep rule %q", name)
	return reasonNone
}

// The decider alone: no store, no lock, no processor.
func TestDeciderDecidesByPrecedence(t *testing.T) {
	cfg := defaultConfig() // 10% healthy, 2s latency, HTTP floor 500
	d := newDecider(cfg)
	tenPercent := thresholdForPercent(cfg.HealthyPercent)
	sampled, unsampled := sampledIDs(t, tenPercent)
	tests := []struct {
		name      string
		id        pcommon.TraceID
		spans     []spanSpec
		reason    string
		keep      bool
		threshold uint64
	}{
		{"error", unsampled, []spanSpec{{span: 1, err: true}}, "error", true, 0},
		{"error and slow: error first", unsampled, []spanSpec{{span: 1, err: true, dur: time.Hour}}, "error", true, 0},
		{"slow", unsampled, []spanSpec{{span: 1, dur: 3 * time.Second}}, "latency", true, 0},
		{"http 502", unsampled, []spanSpec{{span: 1, attrs: map[string]any{"http.response.status_code": int64(502)}}}, "error", true, 0},
		{"healthy, sampled", sampled, []spanSpec{{span: 1}}, "sampled", true, tenPercent},
		{"healthy, not sampled", unsampled, []spanSpec{{span: 1}}, "none", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := summaryOf(&d.rules, traceOf(tt.id, tt.spans...))
			dec, reason := d.decide(tt.id, &s)
			assert.Equal(t, tt.reason, reason.String())
			assert.Equal(t, tt.keep, dec.keep())
			assert.Equal(t, tt.threshold, dec.threshold())
		})
	}
}

func TestDeciderSaysWhatBecomesOfLateSpans(t *testing.T) {
	cfg := defaultConfig()
	tenPercent := thresholdForPercent(cfg.HealthyPercent)
	errorRule, sampled := reasonNamed(t, "error"), reasonNamed(t, "sampled")
	healthy := []spanSpec{{span: 9, parent: 1}}
	failing := []spanSpec{{span: 9, parent: 1, err: true}}
	tests := []struct {
		name          string
		past          decision
		spans         []spanSpec
		action        lateAction
		goesOutAs     decision
		alreadyCached bool
	}{
		{"kept for an error, healthy span follows", keptWith(0, errorRule), healthy, lateFollow, keptWith(0, errorRule), true},
		{"sampled, healthy span follows its threshold", keptWith(tenPercent, sampled), healthy, lateFollow, keptWith(tenPercent, sampled), true},
		{"sampled, failing span counts as itself from now on", keptWith(tenPercent, sampled), failing, lateFollow, keptWith(0, errorRule), true},
		{"let go of, failing span rescues", letGoTo(7), failing, lateRescue, keptWith(0, errorRule), true},
		{"let go of, healthy span goes too", letGoTo(7), healthy, lateLetGo, letGoTo(7), true},
		{"forgotten, failing span is remembered as kept", letGoTo(0), failing, lateRescue, keptWith(0, errorRule), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDecider(cfg)
			id := traceID(42)
			if tt.alreadyCached {
				d.remember(id, tt.past)
			}
			s := summaryOf(&d.rules, traceOf(id, tt.spans...))
			action, now := d.late(id, &s, tt.past)
			assert.Equal(t, tt.action, action)
			assert.Equal(t, tt.goesOutAs, now)
			if got, ok := d.recall(id); ok || tt.alreadyCached {
				assert.Equal(t, tt.goesOutAs, got, "remembered for the spans after")
			}
		})
	}
}

// Where a trace's late spans went is remembered once: the first segment that holds any
// of its spans is the one that says why a later rescue came too late.
func TestDeciderRemembersWhereLetGoSpansWentOnce(t *testing.T) {
	d := newDecider(defaultConfig())
	id := traceID(5)
	d.remember(id, letGoTo(0))
	d.letGoneTo(id, letGoTo(0), 3)
	got, _ := d.recall(id)
	assert.Equal(t, letGoTo(3), got)
	d.letGoneTo(id, got, 9)
	got, _ = d.recall(id)
	assert.Equal(t, letGoTo(3), got)
	d.letGoneTo(id, got, 0)
	got, _ = d.recall(id)
	assert.Equal(t, letGoTo(3), got)
}
