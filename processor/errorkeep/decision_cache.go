package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import "go.opentelemetry.io/collector/pdata/pcommon"

// decision is what was decided for a trace, remembered for its late spans.
type decision struct {
	keep      bool
	threshold uint64 // written to kept spans' tracestate
}

// decisionCache remembers the most recent decisions, forgetting the oldest first.
// Not safe for concurrent use: the processor holds its lock.
type decisionCache struct {
	byID map[pcommon.TraceID]decision
	ring []pcommon.TraceID
	next int
}

func newDecisionCache(size int) decisionCache {
	return decisionCache{byID: make(map[pcommon.TraceID]decision, size), ring: make([]pcommon.TraceID, 0, size)}
}

func (c *decisionCache) get(id pcommon.TraceID) (decision, bool) {
	d, ok := c.byID[id]
	return d, ok
}

func (c *decisionCache) put(id pcommon.TraceID, d decision) {
	if _, ok := c.byID[id]; ok {
		c.byID[id] = d
		return
	}
	if len(c.ring) < cap(c.ring) {
		c.ring = append(c.ring, id)
	} else {
		delete(c.byID, c.ring[c.next])
		c.ring[c.next] = id
		c.next = (c.next + 1) % len(c.ring)
	}
	c.byID[id] = d
}
