package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"encoding/binary"
	"math/bits"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// decision is what was decided for a trace, remembered for its late spans, in 8
// bytes (200,000 are remembered): the top bit says kept. A kept trace has its
// sampling threshold in the low 56 bits (a kept trace's is below 2^56, "reject all")
// and the rule that kept it in the 7 bits above; a trace not kept has in the low bits
// the rescue-store segment its spans went to (0 when they were not stored), which
// says why a rescue that finds nothing came too late.
type decision uint64

const (
	keptFlag    decision = 1 << 63
	reasonShift          = randomnessBits
	reasonMask  decision = 0x7f << reasonShift
)

// keptWith is the decision to keep a trace for reason, its spans carrying threshold
// (below 2^56).
func keptWith(threshold uint64, reason keepReason) decision {
	return keptFlag | decision(reason)<<reasonShift&reasonMask | decision(threshold)&(1<<reasonShift-1)
}

// letGoTo is the decision not to keep a trace whose spans went to store segment
// stored (0: not stored).
func letGoTo(stored uint32) decision { return decision(stored) }

func (d decision) keep() bool { return d&keptFlag != 0 }

// threshold is a kept trace's sampling threshold.
func (d decision) threshold() uint64 { return uint64(d & (1<<reasonShift - 1)) }

// reason is the rule that kept a kept trace.
func (d decision) reason() keepReason { return keepReason((d & reasonMask) >> reasonShift) }

// stored is where a trace not kept went in the rescue store, 0 when nowhere.
func (d decision) stored() uint32 {
	if d.keep() {
		return 0
	}
	return uint32(d)
}

// decisionCache remembers the most recent decisions, forgetting the oldest first.
// It grows with use up to size rather than allocate it all up front: a sidecar that
// sees little traffic should not hold room for 200,000 decisions. Trace IDs are
// folded to 64 bits (foldTraceID), which halves what an entry costs; two
// random IDs fold alike about once in 2^64 pairs, and then one trace's late spans
// would follow the other's decision (a qualifying span is kept whatever it says).
// Not safe for concurrent use: the processor holds its lock.
type decisionCache struct {
	byID map[uint64]decision
	ring []uint64
	next int
	size int
}

func newDecisionCache(size int) decisionCache {
	return decisionCache{byID: make(map[uint64]decision), size: size}
}

func (c *decisionCache) get(id pcommon.TraceID) (decision, bool) {
	d, ok := c.byID[foldTraceID(id)]
	return d, ok
}

// put remembers d for id. The processor decides a trace only while it is not in the
// cache (spans of a remembered trace follow the decision instead of being buffered),
// so id is never already here.
func (c *decisionCache) put(id pcommon.TraceID, d decision) {
	c.putKey(foldTraceID(id), d)
}

func (c *decisionCache) putKey(key uint64, d decision) {
	if len(c.ring) < c.size {
		c.ring = append(c.ring, key)
	} else {
		delete(c.byID, c.ring[c.next])
		c.ring[c.next] = key
		c.next = (c.next + 1) % len(c.ring)
	}
	c.byID[key] = d
}

// update replaces the decision remembered for id, as when a late span rescues a
// trace, or remembers it when the cache had already forgotten it.
func (c *decisionCache) update(id pcommon.TraceID, d decision) {
	key := foldTraceID(id)
	if _, ok := c.byID[key]; ok {
		c.byID[key] = d
		return
	}
	c.putKey(key, d)
}

// foldTraceID folds a trace ID into 64 bits: the low half (random in every W3C and
// 64-bit ID) mixed with the high half, so that IDs that differ in either half fold
// apart.
func foldTraceID(id pcommon.TraceID) uint64 {
	hi, lo := binary.LittleEndian.Uint64(id[:8]), binary.LittleEndian.Uint64(id[8:])
	return lo ^ bits.RotateLeft64(hi*0x9E3779B97F4A7C15, 32)
}
