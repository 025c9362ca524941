package errorkeep

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDecisionCacheForgetsOldestFirstAndGrowsOnlyWithUse(t *testing.T) {
	c := newDecisionCache(3)
	assert.Zero(t, cap(c.ring), "nothing allocated before use")
	for i := uint64(1); i <= 5; i++ {
		c.put(traceID(i), decision{keep: i%2 == 0})
	}
	for i := uint64(1); i <= 2; i++ {
		_, ok := c.get(traceID(i))
		assert.False(t, ok, "trace %d forgotten", i)
	}
	for i := uint64(3); i <= 5; i++ {
		d, ok := c.get(traceID(i))
		assert.True(t, ok, "trace %d remembered", i)
		assert.Equal(t, i%2 == 0, d.keep)
	}
	assert.Len(t, c.byID, 3)
}
