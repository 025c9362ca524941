package errorkeep

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadatatest"
	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spantest"
)

// With a folder, a buffered trace's spans wait there, written once on arrival (the
// write-ahead record), and memory holds only the trace's entry: the batch's
// encoding is not kept. A kept trace is read back at its decision and arrives
// whole, as it went in.
func TestInAFolderUndecidedSpansWaitOnDiskNotInMemory(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	cfg.Directory = t.TempDir()
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	in := richBatch()
	want, perTrace := flatSpans(t, withThresholds(in)), spantest.SpansByTrace(in)
	require.NoError(t, p.ConsumeTraces(ctx, in))

	p.mu.Lock()
	require.Equal(t, 3, p.buffer.len())
	assert.Equal(t, int64(3*perTraceOverhead), p.buffer.bytes, "no slab held")
	for id, bt := range p.buffer.traces {
		assert.True(t, bt.summary.inStore, "trace %v", id)
		assert.Nil(t, bt.pieces.first.Slab(), "trace %v holds no piece", id)
	}
	p.mu.Unlock()
	rescueBytes, _ := p.store.Usage()
	assert.Positive(t, rescueBytes)

	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())
	var got []string
	for _, td := range sink.AllTraces() {
		got = append(got, flatSpans(t, td)...)
	}
	slices.Sort(got)
	assert.Equal(t, want, got)
	assert.Equal(t, perTrace, keptSpansByTrace(sink))
}

// Kept traces read back from the folder leave with one ResourceSpans per resource,
// as kept traces from memory do, though each was written as a record of its own.
func TestTracesReadBackFromTheFolderShareTheirResource(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	cfg.Directory = t.TempDir()
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	td := ptrace.NewTraces()
	for i := range 20 {
		traceOf(traceID(uint64(i+1)), spanSpec{span: 1}, spanSpec{span: 2, parent: 1}).ResourceSpans().MoveAndAppendTo(td.ResourceSpans())
	}
	require.NoError(t, p.ConsumeTraces(ctx, td))
	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())
	require.Len(t, sink.AllTraces(), 1)
	out := sink.AllTraces()[0]
	assert.Equal(t, 1, out.ResourceSpans().Len(), "every trace came with the same resource")
	assert.Equal(t, 20, out.ResourceSpans().At(0).ScopeSpans().Len(), "a ScopeSpans per trace")
	assert.Equal(t, 40, out.SpanCount())
}

// A folder full of spans still waiting for their decision drops none of them: the
// oldest traces are decided early instead (and counted), every span comes out once,
// and the folder stays within its bound.
func TestAFolderFullOfUndecidedSpansDecidesTheOldestEarly(t *testing.T) {
	cfg := defaultConfig()
	cfg.HealthyPercent = 100
	cfg.DecisionWait = time.Hour // only room can decide anything
	cfg.RootSpanGrace = 0
	cfg.RescueMaxBytes = minRescueMaxBytes
	cfg.Directory = t.TempDir()
	clock := &fakeClock{now: t0}
	p, sink, tt := newTelemetryProcessor(t, cfg, clock)
	ctx := context.Background()
	padding := strings.Repeat("x", 1000)
	var want []string
	peak := int64(0)
	const traces = 300 // about 3 MB of spans through a 1 MiB folder
	for i := range traces {
		td := traceOf(traceID(uint64(i+1)), spanSpec{span: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 2, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 3, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 4, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 5, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 6, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 7, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 8, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 9, parent: 1, attrs: map[string]any{"pad": padding}},
			spanSpec{span: 10, parent: 1, attrs: map[string]any{"pad": padding}})
		want = append(want, flatSpans(t, withThresholds(td))...)
		require.NoError(t, p.ConsumeTraces(ctx, td))
		held, _ := p.store.Usage()
		peak = max(peak, held)
	}
	early := p.buffer.len()
	assert.Less(t, early, traces, "some traces were decided early")
	// Markers (48 bytes each) may pass the bound rather than fail; spans may not.
	assert.LessOrEqual(t, peak, cfg.RescueMaxBytes+int64(traces)*48)

	require.NoError(t, p.Shutdown(ctx))
	var got []string
	for _, td := range sink.AllTraces() {
		got = append(got, flatSpans(t, td)...)
	}
	slices.Sort(got)
	slices.Sort(want)
	assert.Equal(t, want, got, "every span once, none lost for room")
	metadatatest.AssertEqualProcessorErrorkeepTracesDecidedEarly(t, tt, counted(int64(traces-early)), ignoreTime...)
}

// A buffered trace is 128 bytes, a size class of its own: a hundred thousand are
// held at a time.
func TestBufferedTraceFitsItsSizeClass(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(bufferedTrace{}), uintptr(128))
}
