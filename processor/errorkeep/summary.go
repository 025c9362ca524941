package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import "go.opentelemetry.io/collector/pdata/pcommon"

// traceSummary is what the spans of one trace have shown so far, noted as they
// arrive so that nothing is read again at the decision. One is held per buffered
// trace, so it is kept to 32 bytes: the span times and counts every rule may use,
// one mark bit per keep rule (marks), a few flags, and what the keyed healthy
// sampler needs (rule_keyed.go).
type traceSummary struct {
	minStart pcommon.Timestamp
	maxEnd   pcommon.Timestamp
	spans    uint32
	bytes    uint32 // encoded size of the spans
	// key is a hash of the trace's sampling key, from its root span once that
	// arrived (flagKeyFromRoot), from its first span until then (flagKeyed).
	key uint32
	// rv16 is the top 16 bits of the explicit randomness a span carried in
	// tracestate (flagRV): all a threshold of 16 bits compares.
	rv16 uint16
	// marks holds one bit per keep rule that some span or resource satisfied
	// (keepRules hands them out, in precedence order).
	marks marks
	flags summaryFlags
}

// marks is a set of keep rules, one bit each.
type marks uint8

// maxRules is how many keep rules marks has room for.
const maxRules = 8

type summaryFlags uint8

const (
	// flagRoot: a root span (one without a parent) arrived.
	flagRoot summaryFlags = 1 << iota
	// flagInStore: some of the spans are in the store's folder, not held in memory.
	flagInStore
	// flagOT: a span carried an "ot" tracestate member, and flagOTSampled says
	// whether its explicit randomness (or, without rv, the trace ID's) passes the
	// healthy threshold. The first such span decides, as for the W3C randomness itself.
	flagOT
	flagOTSampled
	// flagKeyed: key is set; flagKeyFromRoot: by the root span.
	flagKeyed
	flagKeyFromRoot
	// flagRV: rv16 is set.
	flagRV
)

func (s *traceSummary) has(f summaryFlags) bool { return s.flags&f != 0 }

// observeTimes notes one span's start and end, and counts it.
func (s *traceSummary) observeTimes(start, end pcommon.Timestamp) {
	if s.spans == 0 || (start != 0 && start < s.minStart) {
		s.minStart = start
	}
	s.maxEnd = max(s.maxEnd, end)
	s.spans++
}

// duration is from the earliest start to the latest end seen.
func (s *traceSummary) duration() int64 {
	if s.maxEnd <= s.minStart {
		return 0
	}
	return int64(s.maxEnd - s.minStart)
}

// merge adds what another part of the same trace showed.
func (s *traceSummary) merge(o *traceSummary) {
	if s.spans == 0 || (o.minStart != 0 && o.minStart < s.minStart) {
		s.minStart = o.minStart
	}
	s.maxEnd = max(s.maxEnd, o.maxEnd)
	s.marks |= o.marks
	if !s.has(flagKeyFromRoot) && (o.has(flagKeyFromRoot) || !s.has(flagKeyed)) && o.has(flagKeyed) {
		s.key = o.key
	}
	if !s.has(flagRV) && o.has(flagRV) { // the first span with explicit randomness decides
		s.rv16 = o.rv16
	}
	kept := s.flags & (flagOT | flagOTSampled | flagRV)
	s.flags |= o.flags
	if kept&flagOT != 0 {
		s.flags = s.flags&^(flagOT|flagOTSampled) | kept&(flagOT|flagOTSampled)
	}
	s.spans += o.spans
	s.bytes = saturatingAdd(s.bytes, o.bytes)
}

func saturatingAdd(a, b uint32) uint32 {
	if a > ^uint32(0)-b {
		return ^uint32(0)
	}
	return a + b
}
