package errorkeep

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

func TestDecisionCacheForgetsOldestFirstAndGrowsOnlyWithUse(t *testing.T) {
	c := newDecisionCache(3)
	assert.Zero(t, cap(c.ring), "nothing allocated before use")
	for i := uint64(1); i <= 5; i++ {
		d := letGoTo(uint32(i))
		if i%2 == 0 {
			d = keptWith(i, 1)
		}
		c.put(traceID(i), d)
	}
	for i := uint64(1); i <= 2; i++ {
		_, ok := c.get(traceID(i))
		assert.False(t, ok, "trace %d forgotten", i)
	}
	for i := uint64(3); i <= 5; i++ {
		d, ok := c.get(traceID(i))
		assert.True(t, ok, "trace %d remembered", i)
		assert.Equal(t, i%2 == 0, d.keep())
	}
	assert.Len(t, c.byID, 3)
}

// A decision is 8 bytes: every threshold a kept trace can have (below "reject all",
// 2^56), every keep reason and every store segment come back as they went in, and a
// kept trace has no segment.
func TestDecisionPacksIntoEightBytes(t *testing.T) {
	for _, th := range []uint64{0, 1, thresholdForPercent(10), 1<<56 - 1} {
		for r := range keepReason(numReasons) {
			d := keptWith(th, r)
			assert.True(t, d.keep())
			assert.Equal(t, th, d.threshold())
			assert.Equal(t, r, d.reason())
			assert.Zero(t, d.stored())
		}
	}
	for _, seq := range []uint32{0, 1, 1<<32 - 1} {
		d := letGoTo(seq)
		assert.False(t, d.keep())
		assert.Equal(t, seq, d.stored())
	}
	assert.Equal(t, uintptr(8), unsafe.Sizeof(decision(0)))
}
