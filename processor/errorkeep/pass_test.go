package errorkeep

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A pass taken from the pool again starts empty, at its own time.
func TestPassesComeBackEmpty(t *testing.T) {
	var pool passPool
	ps := pool.get(t0)
	ps.out.early, ps.out.latencies = 3, append(ps.out.latencies, time.Second)
	ps.kept.addStored(traceID(1), keptWith(0, 1), [][]byte{{1}})
	pool.put(ps)
	again := pool.get(t0.Add(time.Minute))
	assert.Equal(t, t0.Add(time.Minute), again.now)
	assert.True(t, again.kept.empty())
	assert.Zero(t, again.out.early)
	assert.Empty(t, again.out.latencies)
	assert.False(t, again.decidedEarly())
}
