package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import "go.opentelemetry.io/collector/pdata/pcommon"

// decision is what was decided for a trace, remembered for its late spans.
type decision struct {
	keep bool
	// stored is the rescue-store segment a not-kept trace's spans went to, 0 when
	// they were not stored; it says why a rescue that finds nothing came too late.
	stored    uint32
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

// update replaces the decision remembered for id, as when a late span rescues a
// trace, or remembers it when the cache had already forgotten it.
func (c *decisionCache) update(id pcommon.TraceID, d decision) {
	if _, ok := c.byID[id]; ok {
		c.byID[id] = d
		return
	}
	c.put(id, d)
}
