package handoff

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/metadata"
	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/metadatatest"
)

func TestDeliversEverythingItAccepted(t *testing.T) {
	bothModes(t, func(t *testing.T, cfg *Config) {
		next := newControlled()
		h := newHarness(t, cfg, next)
		for i := range 50 {
			require.NoError(t, h.ConsumeTraces(context.Background(), traces(i*10, 10)))
		}
		require.Eventually(t, func() bool { return next.sink.SpanCount() == 500 }, waitFor, tick)
		require.Eventually(t, func() bool { return h.usage().Records == 0 }, waitFor, tick)
		metadatatest.AssertEqualProcessorHandoffAcceptedItems(t, h.tt, counted(500, "traces"), ignoreTime...)
		metadatatest.AssertEqualProcessorHandoffDeliveredItems(t, h.tt, counted(500, "traces"), ignoreTime...)
		metadatatest.AssertEqualProcessorHandoffBacklogItems(t, h.tt, counted(0, "traces"), ignoreTime...)
		metadatatest.AssertEqualProcessorHandoffCapacityBytes(t, h.tt, counted(cfg.MaxBytes, "traces"), ignoreTime...)
		names := spanNames(next.sink.AllTraces())
		assert.Len(t, names, 500)
		seen := map[string]bool{}
		for _, n := range names {
			seen[n] = true
		}
		assert.Len(t, seen, 500, "every span once")
	})
}

// While every delivery slot is busy, requests wait in the folder; the next delivery
// takes as many as batch::max_items allows, in one request.
func TestABacklogGoesOutInFullBatches(t *testing.T) {
	bothModes(t, func(t *testing.T, cfg *Config) {
		cfg.NumConsumers = 1
		cfg.Batch.MaxItems = 25
		next := newControlled()
		next.holdAll()
		h := newHarness(t, cfg, next)
		require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 10)))
		<-next.entered // the one slot is busy with the first request
		for i := 1; i < 10; i++ {
			require.NoError(t, h.ConsumeTraces(context.Background(), traces(i*10, 10)))
		}
		next.release()
		require.Eventually(t, func() bool { return next.sink.SpanCount() == 100 }, waitFor, tick)
		assert.Equal(t, []int{10, 20, 20, 20, 20, 10}, next.callCounts(), "the backlog in batches of whole requests up to 25 spans")
		names := spanNames(next.sink.AllTraces())
		for i, n := range names {
			assert.Equal(t, fmt.Sprintf("span-%d", i), n, "oldest first")
		}
	})
}

// With batch::min_items, a delivery waits for that many items (or flush_timeout).
func TestMinItemsMakesADeliveryWait(t *testing.T) {
	cfg := testConfig("")
	cfg.Batch.MinItems = 30
	cfg.Batch.FlushTimeout = time.Hour
	next := newControlled()
	h := newHarness(t, cfg, next)
	for i := range 3 {
		require.NoError(t, h.ConsumeTraces(context.Background(), traces(i*10, 10)))
	}
	require.Eventually(t, func() bool { return next.sink.SpanCount() == 30 }, waitFor, tick)
	assert.Equal(t, []int{30}, next.callCounts(), "one delivery once 30 spans waited")

	// The flush timeout sends what waits, however little.
	cfg = testConfig("")
	cfg.Batch.MinItems = 1000
	cfg.Batch.FlushTimeout = 20 * time.Millisecond
	next = newControlled()
	h = newHarness(t, cfg, next)
	require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 3)))
	require.Eventually(t, func() bool { return next.sink.SpanCount() == 3 }, waitFor, tick)
}

func TestRetriesUntilTheNextConsumerTakesIt(t *testing.T) {
	bothModes(t, func(t *testing.T, cfg *Config) {
		next := newControlled()
		next.set(errors.New("gateway unavailable"))
		h := newHarness(t, cfg, next)
		require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 5)))
		for range 3 {
			<-next.entered
		}
		next.set(nil)
		require.Eventually(t, func() bool { return next.sink.SpanCount() == 5 }, waitFor, tick)
		attempts := len(next.callCounts())
		assert.GreaterOrEqual(t, attempts, 4)
		metadatatest.AssertEqualProcessorHandoffFailedDeliveries(t, h.tt, counted(int64(attempts-1), "traces"), ignoreTime...)
		metadatatest.AssertEqualProcessorHandoffDeliveredItems(t, h.tt, counted(5, "traces"), ignoreTime...)
		assert.Positive(t, h.logs.FilterMessageSnippet("delivery failed").Len())
	})
}

func TestAPermanentRefusalIsDroppedAndCounted(t *testing.T) {
	bothModes(t, func(t *testing.T, cfg *Config) {
		next := newControlled()
		next.set(consumererror.NewPermanent(errors.New("bad request")))
		h := newHarness(t, cfg, next)
		require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 5)))
		require.Eventually(t, func() bool { return h.usage().Records == 0 }, waitFor, tick)
		assert.Len(t, next.callCounts(), 1, "not retried")
		metadatatest.AssertEqualProcessorHandoffDroppedItems(t, h.tt, counted(5, "traces"), ignoreTime...)
	})
}

func TestAFullFolderRefusesRetryably(t *testing.T) {
	bothModes(t, func(t *testing.T, cfg *Config) {
		cfg.MaxBytes = 256 << 10
		cfg.SegmentBytes = 32 << 10
		next := newControlled()
		next.set(errors.New("gateway down"))
		h := newHarness(t, cfg, next)
		var err error
		accepted := 0
		for err == nil {
			if err = h.ConsumeTraces(context.Background(), traces(accepted*100, 100)); err == nil {
				accepted++
			}
		}
		assert.False(t, consumererror.IsPermanent(err), "the sender keeps the data and retries")
		assert.Contains(t, err.Error(), "handoff handoff: journal: full (max_bytes 262144)")
		assert.LessOrEqual(t, h.usage().Stored, cfg.MaxBytes)
		metadatatest.AssertEqualProcessorHandoffRefusedItems(t, h.tt, counted(100, "traces"), ignoreTime...)

		next.set(nil)
		require.Eventually(t, func() bool { return next.sink.SpanCount() == accepted*100 }, waitFor, tick)
		require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 100)), "room again")
	})
}

// A request larger than a delivery may carry is split when accepted.
func TestAnOversizedRequestIsSplit(t *testing.T) {
	cfg := testConfig(filepath.Join(t.TempDir(), "handoff"))
	cfg.Batch.MaxItems = 30
	next := newControlled()
	h := newHarness(t, cfg, next)
	require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 100)))
	require.Eventually(t, func() bool { return next.sink.SpanCount() == 100 }, waitFor, tick)
	for _, n := range next.callCounts() {
		assert.LessOrEqual(t, n, 30)
	}
	assert.Len(t, spanNames(next.sink.AllTraces()), 100)
}

// Shutdown keeps delivering: a next consumer that takes its time still gets all.
func TestShutdownDrainsEverything(t *testing.T) {
	bothModes(t, func(t *testing.T, cfg *Config) {
		next := newControlled()
		next.set(errors.New("gateway restarting"))
		h := newHarness(t, cfg, next)
		for i := range 20 {
			require.NoError(t, h.ConsumeTraces(context.Background(), traces(i*5, 5)))
		}
		<-next.entered
		go func() {
			// The gateway is back a few attempts into the drain.
			for range 5 {
				<-next.entered
			}
			next.set(nil)
		}()
		require.NoError(t, h.Shutdown(context.Background()))
		assert.Equal(t, 100, next.sink.SpanCount(), "all delivered before Shutdown returned")
		assert.Equal(t, 1, h.logs.FilterMessageSnippet("handoff drained").Len())
		if cfg.Directory != "" {
			files, err := os.ReadDir(h.dir)
			require.NoError(t, err)
			for _, f := range files {
				assert.Equal(t, "lock", f.Name(), "a drained folder holds no segment")
			}
		}
	})
}

// When the drain timeout passes with the next tier down, what is left stays in the
// folder, counted and logged with its size only; a start on the folder delivers it.
func TestShutdownLeavesWhatItCannotDeliverCountedAndLogged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "handoff")
	cfg := testConfig(dir)
	cfg.DrainTimeout = 50 * time.Millisecond
	next := newControlled()
	next.set(errors.New("gateway down"))
	h := newHarness(t, cfg, next)
	td := traces(0, 7)
	td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Attributes().PutStr("secret", "hunter2")
	require.NoError(t, h.ConsumeTraces(context.Background(), td))
	require.NoError(t, h.ConsumeTraces(context.Background(), traces(100, 3)))
	require.NoError(t, h.Shutdown(context.Background()))

	metadatatest.AssertEqualProcessorHandoffLeftItems(t, h.tt, counted(10, "traces"), ignoreTime...)
	left := h.logs.FilterMessageSnippet("drain_timeout passed").All()
	require.Len(t, left, 1)
	fields := left[0].ContextMap()
	assert.Equal(t, int64(10), fields["items"])
	assert.Equal(t, int64(2), fields["requests"])
	assert.Positive(t, fields["bytes"])
	assert.Contains(t, left[0].Message, dir)
	for _, entry := range h.logs.All() {
		assert.NotContains(t, fmt.Sprint(entry.Message, entry.ContextMap()), "hunter2", "never the content")
	}

	// The next start on the folder (a container restarting in place) delivers it.
	next2 := newControlled()
	h2 := newHarness(t, cfg, next2)
	require.Eventually(t, func() bool { return next2.sink.SpanCount() == 10 }, waitFor, tick)
	metadatatest.AssertEqualProcessorHandoffRecoveredItems(t, h2.tt, counted(10, "traces"), ignoreTime...)
	assert.Equal(t, 1, h2.logs.FilterMessageSnippet("an earlier run left").Len())
}

// Without a folder, what the drain could not deliver is lost, and said so.
func TestShutdownInMemorySaysWhatIsLost(t *testing.T) {
	cfg := testConfig("")
	cfg.DrainTimeout = 20 * time.Millisecond
	next := newControlled()
	next.set(errors.New("gateway down"))
	h := newHarness(t, cfg, next)
	require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 4)))
	require.NoError(t, h.Shutdown(context.Background()))
	metadatatest.AssertEqualProcessorHandoffLeftItems(t, h.tt, counted(4, "traces"), ignoreTime...)
	assert.Equal(t, 1, h.logs.FilterMessageSnippet("lost with the process").Len())
}

// A delivery in flight when the drain ends is cancelled and stays in the folder.
func TestTheDrainEndsDeliveriesInFlight(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "handoff")
	cfg := testConfig(dir)
	cfg.DrainTimeout = 20 * time.Millisecond
	next := newControlled()
	next.holdAll()
	h := newHarness(t, cfg, next)
	require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 4)))
	<-next.entered
	require.NoError(t, h.Shutdown(context.Background()))
	metadatatest.AssertEqualProcessorHandoffLeftItems(t, h.tt, counted(4, "traces"), ignoreTime...)
	next.release()
}

func TestShutdownIsIdempotentAndNeedsNoStart(t *testing.T) {
	p, err := newTracesHandoff(processortest.NewNopSettings(metadata.Type), testConfig(t.TempDir()), &drainClock{}, consumertest.NewNop())
	require.NoError(t, err)
	require.NoError(t, p.Shutdown(context.Background()))
	require.NoError(t, p.Shutdown(context.Background()))

	h := newHarness(t, testConfig(t.TempDir()), consumertest.NewNop())
	require.NoError(t, h.Start(context.Background(), componenttest.NewNopHost()), "a second Start is harmless")
	require.NoError(t, h.Shutdown(context.Background()))
	require.NoError(t, h.Shutdown(context.Background()))
	assert.Error(t, h.ConsumeTraces(context.Background(), traces(0, 1)), "closed")
}

// Each handoff, and each signal of one, has its own folder; the same handoff twice
// in one signal is refused at start with what to do.
func TestFolders(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(dir)
	factory := NewFactory()
	set := processortest.NewNopSettings(metadata.Type)
	set.ID = component.NewIDWithName(metadata.Type, "jaeger")
	tr, err := factory.CreateTraces(context.Background(), set, cfg, consumertest.NewNop())
	require.NoError(t, err)
	lg, err := factory.CreateLogs(context.Background(), set, cfg, consumertest.NewNop())
	require.NoError(t, err)
	host := componenttest.NewNopHost()
	require.NoError(t, tr.Start(context.Background(), host))
	require.NoError(t, lg.Start(context.Background(), host))
	assert.DirExists(t, filepath.Join(dir, "handoff_jaeger", "traces"))
	assert.DirExists(t, filepath.Join(dir, "handoff_jaeger", "logs"))

	again, err := factory.CreateTraces(context.Background(), set, cfg, consumertest.NewNop())
	require.NoError(t, err)
	err = again.Start(context.Background(), host)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "give each pipeline of a signal its own handoff (handoff/<name>)")
	require.NoError(t, again.Shutdown(context.Background()))
	require.NoError(t, tr.Shutdown(context.Background()))
	require.NoError(t, lg.Shutdown(context.Background()))
}

// With sync_interval, the folder is fsynced while running and at shutdown.
func TestSyncInterval(t *testing.T) {
	cfg := testConfig(filepath.Join(t.TempDir(), "handoff"))
	cfg.SyncInterval = time.Millisecond
	next := newControlled()
	h := newHarness(t, cfg, next)
	require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 3)))
	require.Eventually(t, func() bool { return next.sink.SpanCount() == 3 }, waitFor, tick)
	require.NoError(t, h.Shutdown(context.Background()))
}

func TestLogsAndMetricsGoThroughToo(t *testing.T) {
	dir := t.TempDir()
	factory := NewFactory()
	set := processortest.NewNopSettings(metadata.Type)
	logSink, metricSink := new(consumertest.LogsSink), new(consumertest.MetricsSink)
	lp, err := factory.CreateLogs(context.Background(), set, testConfig(dir), logSink)
	require.NoError(t, err)
	mp, err := factory.CreateMetrics(context.Background(), set, testConfig(dir), metricSink)
	require.NoError(t, err)
	host := componenttest.NewNopHost()
	require.NoError(t, lp.Start(context.Background(), host))
	require.NoError(t, mp.Start(context.Background(), host))
	for i := range 10 {
		require.NoError(t, lp.ConsumeLogs(context.Background(), logs(i*4, 4)))
		require.NoError(t, mp.ConsumeMetrics(context.Background(), metrics(i*3, 3)))
	}
	require.NoError(t, lp.Shutdown(context.Background()))
	require.NoError(t, mp.Shutdown(context.Background()))
	assert.Equal(t, 40, logSink.LogRecordCount())
	assert.Equal(t, 30, metricSink.DataPointCount())
	assert.False(t, lp.Capabilities().MutatesData)
}

func TestEmptyRequestsAreAcceptedAndNotWritten(t *testing.T) {
	h := newHarness(t, testConfig(t.TempDir()), consumertest.NewNop())
	require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 0)))
	assert.Zero(t, h.usage().Records)
}

func TestFolderNames(t *testing.T) {
	assert.Equal(t, "handoff", folderName(component.NewID(metadata.Type)))
	assert.Equal(t, "handoff_jaeger", folderName(component.NewIDWithName(metadata.Type, "jaeger")))
	assert.NotContains(t, folderName(component.NewIDWithName(metadata.Type, "a/b")), "/")
}

// With batch::merge off, each request goes out as it was accepted, however many wait.
func TestWithoutMergeEachRequestGoesOutAlone(t *testing.T) {
	cfg := testConfig(filepath.Join(t.TempDir(), "handoff"))
	cfg.NumConsumers = 1
	cfg.Batch.Merge = false
	next := newControlled()
	next.holdAll()
	h := newHarness(t, cfg, next)
	require.NoError(t, h.ConsumeTraces(context.Background(), traces(0, 10)))
	<-next.entered
	for i := 1; i < 5; i++ {
		require.NoError(t, h.ConsumeTraces(context.Background(), traces(i*10, 10)))
	}
	next.release()
	require.Eventually(t, func() bool { return next.sink.SpanCount() == 50 }, waitFor, tick)
	assert.Equal(t, []int{10, 10, 10, 10, 10}, next.callCounts())
}
