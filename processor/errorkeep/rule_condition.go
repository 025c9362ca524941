package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
)

// conditionRule keeps a trace when a span or a resource carries one of the
// configured attributes (with one of its values, when values are given). One mark
// bit.
type conditionRule struct {
	mark       marks
	conditions []condition
}

type condition struct {
	attribute string
	values    map[string]struct{} // nil: any value
}

func newConditionRule(cfg *Config, mark marks) keepRule {
	if len(cfg.Conditions) == 0 {
		return nil
	}
	r := &conditionRule{mark: mark}
	for _, cc := range cfg.Conditions {
		cond := condition{attribute: cc.Attribute}
		if len(cc.Values) > 0 {
			cond.values = make(map[string]struct{}, len(cc.Values))
			for _, v := range cc.Values {
				cond.values[v] = struct{}{}
			}
		}
		r.conditions = append(r.conditions, cond)
	}
	return r
}

func (r *conditionRule) observeSpan(s *traceSummary, a arrival) {
	if s.marks&r.mark == 0 && r.matches(a.span.Attributes()) {
		s.marks |= r.mark
	}
}

func (r *conditionRule) resourceMarks(res pcommon.Resource) marks {
	if r.matches(res.Attributes()) {
		return r.mark
	}
	return 0
}

func (r *conditionRule) matches(attrs pcommon.Map) bool {
	for i := range r.conditions {
		cond := &r.conditions[i]
		v, ok := attrs.Get(cond.attribute)
		if !ok {
			continue
		}
		if cond.values == nil {
			return true
		}
		if _, hit := cond.values[v.AsString()]; hit {
			return true
		}
	}
	return false
}

func (r *conditionRule) keeps(_ pcommon.TraceID, s *traceSummary) (uint64, bool) {
	return 0, s.marks&r.mark != 0
}
