package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// decider is where every decision is taken: it turns what a trace showed into a
// decision, remembers decisions for the spans that arrive after them, and says what
// becomes of those late spans. It holds no spans, touches no store and takes no lock:
// admission calls it under the processor's.
type decider struct {
	rules keepRules
	cache decisionCache
}

func newDecider(cfg *Config) decider {
	return decider{rules: newKeepRules(cfg), cache: newDecisionCache(cfg.DecisionCacheSize)}
}

// decide decides a trace from its summary: kept, with the threshold its spans go out
// with and the rule that kept it, or not (reasonNone). The caller lets go of a trace
// not kept and then remembers the decision with where its spans went.
func (d *decider) decide(id pcommon.TraceID, s *traceSummary) (decision, keepReason) {
	reason, threshold := d.rules.keep(id, s)
	if reason == reasonNone {
		return letGoTo(0), reasonNone
	}
	return keptWith(threshold, reason), reason
}

// adjust lets the rules that change with time (the keyed sampler's budget) adjust.
func (d *decider) adjust(now time.Time) { d.rules.adjust(now) }

// remember records the decision for trace id. A trace is decided only while the cache
// does not hold it (its spans follow the remembered decision instead of being
// buffered), so id is new here.
func (d *decider) remember(id pcommon.TraceID, dec decision) { d.cache.put(id, dec) }

// recall returns the decision remembered for trace id.
func (d *decider) recall(id pcommon.TraceID) (decision, bool) { return d.cache.get(id) }

// lateAction is what becomes of spans that arrive after their trace was decided.
type lateAction uint8

const (
	// lateFollow: forward them with the trace's threshold.
	lateFollow lateAction = iota
	// lateRescue: the trace was let go of, and these spans qualify on their own: they
	// are kept with threshold 0, so is every later span, and what was let go of comes
	// back.
	lateRescue
	// lateLetGo: the trace was not kept, and neither are they: they join its spans
	// in the store, for a later rescue.
	lateLetGo
)

// late says what becomes of spans with summary s of trace id, decided past, and
// updates the remembered decision: a late span that qualifies on its own is never
// dropped, and from it on the trace is kept with threshold 0 for the rule it
// satisfied (it then counts as itself, whatever sampling had kept it with). The
// decision returned is the one they go out with.
func (d *decider) late(id pcommon.TraceID, s *traceSummary, past decision) (lateAction, decision) {
	qualified := d.rules.qualifies(id, s)
	switch {
	case past.keep() && (past.threshold() == 0 || qualified == reasonNone):
		return lateFollow, past
	case past.keep(): // kept by sampling until now
		now := keptWith(0, qualified)
		d.cache.update(id, now)
		return lateFollow, now
	case qualified != reasonNone:
		now := keptWith(0, qualified)
		d.cache.update(id, now)
		return lateRescue, now
	}
	return lateLetGo, past
}

// letGoneTo notes where the late spans of trace id, decided past (not kept), went in
// the store: the first segment that holds any of the trace's spans says, when a
// rescue finds nothing, why it came too late.
func (d *decider) letGoneTo(id pcommon.TraceID, past decision, stored uint32) {
	if past.stored() == 0 && stored != 0 {
		d.cache.update(id, letGoTo(stored))
	}
}
