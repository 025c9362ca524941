package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"math"
	"strconv"
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"
)

// keyedSampler keeps healthy traces toward healthy_throughput's number per second,
// shared among keys by a throughputBudget. A trace's key is the values of the
// configured attributes on its root span (its first span until the root arrives) or
// that span's resource; a hash of it (4 bytes) and the top 16 bits of any explicit
// randomness (2 bytes) are noted in the summary as spans arrive. The budget is
// counted and adjusted under the processor's lock (keeps, adjust); observeSpan, which
// runs outside it, only reads the span.
type keyedSampler struct {
	noResourceMarks
	key    []string
	budget *throughputBudget
}

func newKeyedSampler(cfg *ThroughputConfig) *keyedSampler {
	return &keyedSampler{key: cfg.Key, budget: newThroughputBudget(cfg)}
}

func (r *keyedSampler) observeSpan(s *traceSummary, a arrival) {
	if !s.has(flagRV) {
		if rv, ok := explicitRandomness(a.span.TraceState().AsRaw()); ok {
			s.rv16, s.flags = uint16(rv>>(randomnessBits-16)), s.flags|flagRV
		}
	}
	root := a.span.ParentSpanID().IsEmpty()
	if s.has(flagKeyFromRoot) || (s.has(flagKeyed) && !root) {
		return
	}
	s.key, s.flags = keyHash(r.key, a.span, a.resource), s.flags|flagKeyed
	if root {
		s.flags |= flagKeyFromRoot
	}
}

func (r *keyedSampler) keeps(id pcommon.TraceID, s *traceSummary) (uint64, bool) {
	r16 := uint32(id[9])<<8 | uint32(id[10]) // the top of the trace ID's 56 random bits
	if s.has(flagRV) {
		r16 = uint32(s.rv16)
	}
	t16 := r.budget.admit(s.key)
	keep := r16 >= t16
	if keep {
		r.budget.kept()
	}
	return uint64(t16) << (randomnessBits - 16), keep
}

func (r *keyedSampler) start(logger *zap.Logger) { r.budget.replicas.start(logger) }

func (r *keyedSampler) stop() { r.budget.replicas.stop() }

// adjust recomputes the budget's shares on the decision loop's tick.
func (r *keyedSampler) adjust(now time.Time) { r.budget.adjust(now) }

// explicitRandomness is the rv of a tracestate's ot member, when it has one.
func explicitRandomness(traceState string) (uint64, bool) {
	rv, ok := otSubKey(otValue(traceState), "rv")
	if !ok || len(rv) != 14 {
		return 0, false
	}
	v, err := strconv.ParseUint(rv, 16, 64)
	return v, err == nil
}

// keyHash hashes a span's key (FNV-1a over each part, a separator between parts)
// without allocating: it runs for every root span.
func keyHash(names []string, span ptrace.Span, res pcommon.Resource) uint32 {
	h := uint32(2166136261)
	write := func(b byte) { h = (h ^ uint32(b)) * 16777619 }
	forEachKeyPart(names, span, res, func(part pcommon.Value, name string, isName bool) {
		write(0xff)
		switch {
		case isName:
			for i := 0; i < len(name); i++ {
				write(name[i])
			}
		case part.Type() == pcommon.ValueTypeStr:
			str := part.Str()
			for i := 0; i < len(str); i++ {
				write(str[i])
			}
		case part.Type() == pcommon.ValueTypeInt:
			for v, i := uint64(part.Int()), 0; i < 8; v, i = v>>8, i+1 {
				write(byte(v))
			}
		case part.Type() == pcommon.ValueTypeDouble:
			for v, i := math.Float64bits(part.Double()), 0; i < 8; v, i = v>>8, i+1 {
				write(byte(v))
			}
		case part.Type() == pcommon.ValueTypeBool && part.Bool():
			write(1)
		default:
			write(byte(part.Type()))
		}
	})
	return h
}

// keyString is a span's key as text, its parts separated by spaces: the
// errorkeep.key attribute.
func keyString(names []string, span ptrace.Span, res pcommon.Resource) string {
	var b strings.Builder
	forEachKeyPart(names, span, res, func(part pcommon.Value, name string, isName bool) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if isName {
			b.WriteString(name)
			return
		}
		b.WriteString(part.AsString())
	})
	return b.String()
}

// forEachKeyPart visits the value of each key attribute, looked up on the span, then
// on its resource. The first attribute found on neither stands for the span's name
// (visited as name, isName set); later missing ones are left out.
func forEachKeyPart(names []string, span ptrace.Span, res pcommon.Resource, visit func(part pcommon.Value, name string, isName bool)) {
	named := false
	for _, n := range names {
		v, ok := span.Attributes().Get(n)
		if !ok {
			v, ok = res.Attributes().Get(n)
		}
		switch {
		case ok:
			visit(v, "", false)
		case !named:
			named = true
			visit(v, span.Name(), true)
		}
	}
}
