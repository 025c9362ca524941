package handoff

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/metadata"
)

func TestDrainClock(t *testing.T) {
	var c drainClock
	t0 := time.Unix(100, 0)
	c.started()
	c.started()
	assert.Equal(t, t0.Add(time.Minute), c.deadline(t0, time.Minute))
	assert.Equal(t, t0.Add(time.Second), c.deadline(t0.Add(30*time.Second), time.Second), "the first shutdown sets the clock")
	c.stopped()
	c.stopped()
	later := t0.Add(time.Hour)
	assert.Equal(t, later.Add(time.Minute), c.deadline(later, time.Minute), "a new run starts over")
}

// The handoffs of one collector shut down one after another; the second does not get
// a fresh drain_timeout of its own: its drain ends when the first's does. (With a
// drain_timeout of an hour, a second full wait would time the test out.)
func TestHandoffsShareOneDrainDeadline(t *testing.T) {
	var mu sync.Mutex
	now := time.Unix(1000, 0)
	clock := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return now
	}
	cfg := testConfig(t.TempDir())
	cfg.DrainTimeout = time.Hour
	shared := &drainClock{}
	host := componenttest.NewNopHost()

	healthy := newControlled()
	first, err := newTracesHandoff(processortest.NewNopSettings(metadata.Type), cfg, shared, healthy, withClock(clock))
	require.NoError(t, err)
	secondSet := processortest.NewNopSettings(metadata.Type)
	secondSet.ID = component.NewIDWithName(metadata.Type, "second")
	down := newControlled()
	down.set(errors.New("backend down"))
	second, err := newTracesHandoff(secondSet, cfg, shared, down, withClock(clock))
	require.NoError(t, err)
	require.NoError(t, first.Start(context.Background(), host))
	require.NoError(t, second.Start(context.Background(), host))
	require.NoError(t, first.ConsumeTraces(context.Background(), traces(0, 3)))
	require.NoError(t, second.ConsumeTraces(context.Background(), traces(0, 3)))

	require.NoError(t, first.Shutdown(context.Background()), "drained at once: its backend is up")
	assert.Equal(t, 3, healthy.sink.SpanCount())
	mu.Lock()
	now = now.Add(time.Hour) // the first handoff's drain took the whole hour
	mu.Unlock()
	require.NoError(t, second.Shutdown(context.Background()), "returns at the shared deadline, already passed")
	assert.Equal(t, int64(3), second.journal.Usage().Items, "left in the folder")
}
