package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import "go.opentelemetry.io/collector/pdata/pcommon"

// decision is what was decided for a trace, remembered for its late spans.
type decision struct {
	keep      bool
	threshold uint64 // written to kept spans' tracestate
}

// decisionCache remembers the most recent decisions, forgetting the oldest first.
// It grows with use up to size rather than allocate it all up front: a sidecar that
// sees little traffic should not hold room for 200,000 decisions. Not safe for
// concurrent use: the processor holds its lock.
type decisionCache struct {
	byID map[pcommon.TraceID]decision
	ring []pcommon.TraceID
	next int
	size int
}

func newDecisionCache(size int) decisionCache {
	return decisionCache{byID: make(map[pcommon.TraceID]decision), size: size}
}

func (c *decisionCache) get(id pcommon.TraceID) (decision, bool) {
	d, ok := c.byID[id]
	return d, ok
}

// put remembers d for id. The processor decides a trace only while it is not in the
// cache (spans of a remembered trace follow the decision instead of being buffered),
// so id is never already here.
func (c *decisionCache) put(id pcommon.TraceID, d decision) {
	if len(c.ring) < c.size {
		c.ring = append(c.ring, id)
	} else {
		delete(c.byID, c.ring[c.next])
		c.ring[c.next] = id
		c.next = (c.next + 1) % len(c.ring)
	}
	c.byID[id] = d
}
