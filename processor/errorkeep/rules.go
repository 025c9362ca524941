package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"
)

// keepRule is one reason to keep a trace. A rule looks at every span as it arrives
// and at every resource once per batch, notes in the trace's summary what it needs
// (its mark, one bit, for most rules), and says at the decision whether it keeps the
// trace. Nothing is read again at the decision: a buffered trace may be on disk.
type keepRule interface {
	// observeSpan notes in s what a span shows for this rule. It runs for every span
	// and must not allocate.
	observeSpan(s *traceSummary, a arrival)
	// resourceMarks are the marks a resource gives every span under it; 0 for none.
	resourceMarks(res pcommon.Resource) marks
	// keeps reports whether the rule keeps the trace, and the sampling threshold its
	// spans go out with (0: each span counts as itself).
	keeps(id pcommon.TraceID, s *traceSummary) (threshold uint64, ok bool)
}

// arrival is one span as it arrives: with its trace ID (a batch's are blanked once
// observed) and the resource it came under.
type arrival struct {
	id       pcommon.TraceID
	span     ptrace.Span
	resource pcommon.Resource
}

// adjuster is a rule whose verdicts depend on time, adjusted on every tick of the
// decision loop (the keyed sampler's budget), under the processor's lock.
type adjuster interface {
	adjust(now time.Time)
}

// background is a rule with work of its own between decisions (the keyed sampler's
// replica count, looked up by DNS), started with the processor and stopped with it.
type background interface {
	start(logger *zap.Logger)
	stop()
}

// ruleEntry registers a keep rule.
type ruleEntry struct {
	// reason names the rule: it is the reason attribute of errorkeep's kept-trace
	// metrics (metadata.yaml declares the same list).
	reason string
	// onItsOwn: a span that satisfies the rule by itself is kept even when it arrives
	// after its trace was decided not kept, and brings the trace back (rescue). True
	// for rules that look only at spans; not for samplers, whose verdict belongs to
	// the trace as a whole.
	onItsOwn bool
	// build returns the rule as cfg sets it up, with mark as its bit in a summary's
	// marks; nil when cfg turns it off.
	build func(cfg *Config, mark marks) keepRule
}

// keepRuleRegistry is every keep rule, in precedence order: the first rule that keeps
// a trace names why it was kept. Adding a rule is a file with its type and
// constructor, and a line here.
var keepRuleRegistry = [...]ruleEntry{
	{reason: "error", onItsOwn: true, build: newErrorRule},
	{reason: "latency", onItsOwn: true, build: newLatencyRule},
	{reason: "condition", onItsOwn: true, build: newConditionRule},
	{reason: "sampled", build: newHealthySampler},
}

// keepReason is a rule's place in keepRuleRegistry, plus one; reasonNone (0) is no
// rule.
type keepReason uint8

const reasonNone keepReason = 0

// numReasons counts reasonNone and every registered rule: the size of arrays indexed
// by keepReason.
const numReasons = len(keepRuleRegistry) + 1

func (r keepReason) String() string {
	if r == reasonNone {
		return "none"
	}
	return keepRuleRegistry[r-1].reason
}

// keepRules are the rules a config turns on, in precedence order.
type keepRules struct {
	rules     []keepRule
	reasons   []keepReason // reasons[i] is rules[i]'s
	adjusters []adjuster
	// onItsOwn are the rules a late span can satisfy by itself, as indexes in rules.
	onItsOwn []int
}

func newKeepRules(cfg *Config) keepRules {
	var k keepRules
	for i, entry := range keepRuleRegistry {
		r := entry.build(cfg, marks(1)<<i)
		if r == nil {
			continue
		}
		if entry.onItsOwn {
			k.onItsOwn = append(k.onItsOwn, len(k.rules))
		}
		if a, ok := r.(adjuster); ok {
			k.adjusters = append(k.adjusters, a)
		}
		k.rules = append(k.rules, r)
		k.reasons = append(k.reasons, keepReason(i+1))
	}
	return k
}

// observeSpan notes one span, for every rule.
func (k *keepRules) observeSpan(s *traceSummary, a arrival) {
	s.observeTimes(a.span.StartTimestamp(), a.span.EndTimestamp())
	if a.span.ParentSpanID().IsEmpty() {
		s.flags |= flagRoot
	}
	for _, r := range k.rules {
		r.observeSpan(s, a)
	}
}

// resourceMarks are the marks res gives every span under it.
func (k *keepRules) resourceMarks(res pcommon.Resource) marks {
	var m marks
	for _, r := range k.rules {
		m |= r.resourceMarks(res)
	}
	return m
}

// keep returns the first rule that keeps a trace with summary s, and the threshold
// its spans go out with; reasonNone when no rule does.
func (k *keepRules) keep(id pcommon.TraceID, s *traceSummary) (keepReason, uint64) {
	for i, r := range k.rules {
		if threshold, ok := r.keeps(id, s); ok {
			return k.reasons[i], threshold
		}
	}
	return reasonNone, 0
}

// qualifies returns the first rule that spans with summary s satisfy by
// themselves, whatever the rest of their trace (a late span that does is never
// dropped); reasonNone for none.
func (k *keepRules) qualifies(id pcommon.TraceID, s *traceSummary) keepReason {
	for _, i := range k.onItsOwn {
		if _, ok := k.rules[i].keeps(id, s); ok {
			return k.reasons[i]
		}
	}
	return reasonNone
}

// adjust lets the rules that change with time adjust to now.
func (k *keepRules) adjust(now time.Time) {
	for _, a := range k.adjusters {
		a.adjust(now)
	}
}

// start starts the rules' background work.
func (k *keepRules) start(logger *zap.Logger) {
	for _, r := range k.rules {
		if b, ok := r.(background); ok {
			b.start(logger)
		}
	}
}

// stop stops it; safe to call more than once, and without start.
func (k *keepRules) stop() {
	for _, r := range k.rules {
		if b, ok := r.(background); ok {
			b.stop()
		}
	}
}

// noResourceMarks is for rules that look at spans only.
type noResourceMarks struct{}

func (noResourceMarks) resourceMarks(pcommon.Resource) marks { return 0 }
