package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadata"
	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

// keepTelemetry records the processor's own metrics with attribute sets, and the
// option slices that carry them, built once: a variadic option passed one by one
// would allocate a slice on every call, and the decision latency is recorded for
// every trace.
type keepTelemetry struct {
	builder    *metadata.TelemetryBuilder
	base       metric.MeasurementOption
	baseAdd    []metric.AddOption
	baseRecord []metric.RecordOption
	byReason   [numReasons][]metric.AddOption
	lateKept   []metric.AddOption
	lateDrop   []metric.AddOption
	missed     [len(spanstore.ReasonNames)][]metric.AddOption
	closeOnce  sync.Once
}

// outcome is what one decision pass did, recorded in one go.
type outcome struct {
	keptTraces   [numReasons]int64 // by keepReason
	keptSpans    [numReasons]int64
	droppedTrace int64
	droppedSpans int64
	early        int64
	lateKept     int64
	lateDropped  int64
	latencies    []time.Duration

	// The rescue store's part.
	lateQualified  int64 // late spans of not-kept traces that qualified on their own
	rescuedTraces  int64
	rescuedSpans   int64
	missed         [len(spanstore.ReasonNames)]int64
	evicted        int64
	writeFailures  int64
	truncatedBytes int64
	// What a crashed process had accepted and not decided, recovered at start.
	recoveredTraces int64
	recoveredSpans  int64
}

// reset forgets what a pass did, keeping the room its list of latencies grew.
func (o *outcome) reset() { *o = outcome{latencies: o.latencies[:0]} }

// usage is what the processor holds at one moment, for the gauges.
type usage struct {
	bufferedTraces, bufferedBytes int64
	rescueTraces, rescueBytes     int64
}

func newKeepTelemetry(set processor.Settings, held func() usage) (*keepTelemetry, error) {
	builder, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	id := attribute.String("processor", set.ID.String())
	base := metric.WithAttributeSet(attribute.NewSet(id))
	t := &keepTelemetry{builder: builder, base: base, baseAdd: []metric.AddOption{base}, baseRecord: []metric.RecordOption{base}}
	for r := range t.byReason {
		t.byReason[r] = []metric.AddOption{metric.WithAttributeSet(attribute.NewSet(id, attribute.String("reason", keepReason(r).String())))}
	}
	t.lateKept = []metric.AddOption{metric.WithAttributeSet(attribute.NewSet(id, attribute.Bool("kept", true)))}
	t.lateDrop = []metric.AddOption{metric.WithAttributeSet(attribute.NewSet(id, attribute.Bool("kept", false)))}
	for r, name := range spanstore.ReasonNames {
		t.missed[r] = []metric.AddOption{metric.WithAttributeSet(attribute.NewSet(id, attribute.String("reason", name)))}
	}
	gauges := []struct {
		register func(metric.Int64Callback) error
		value    func(usage) int64
	}{
		{builder.RegisterProcessorErrorkeepBufferedTracesCallback, func(u usage) int64 { return u.bufferedTraces }},
		{builder.RegisterProcessorErrorkeepBufferedBytesCallback, func(u usage) int64 { return u.bufferedBytes }},
		{builder.RegisterProcessorErrorkeepRescueTracesCallback, func(u usage) int64 { return u.rescueTraces }},
		{builder.RegisterProcessorErrorkeepRescueBytesCallback, func(u usage) int64 { return u.rescueBytes }},
	}
	for _, g := range gauges {
		value := g.value
		err := g.register(func(_ context.Context, o metric.Int64Observer) error {
			o.Observe(value(held()), t.base)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (t *keepTelemetry) record(ctx context.Context, o *outcome) {
	b := t.builder
	for r := range o.keptTraces {
		if o.keptTraces[r] > 0 {
			b.ProcessorErrorkeepTracesKept.Add(ctx, o.keptTraces[r], t.byReason[r]...)
			b.ProcessorErrorkeepSpansKept.Add(ctx, o.keptSpans[r], t.byReason[r]...)
		}
	}
	if o.droppedTrace > 0 {
		b.ProcessorErrorkeepTracesDropped.Add(ctx, o.droppedTrace, t.baseAdd...)
		b.ProcessorErrorkeepSpansDropped.Add(ctx, o.droppedSpans, t.baseAdd...)
	}
	if o.early > 0 {
		b.ProcessorErrorkeepTracesDecidedEarly.Add(ctx, o.early, t.baseAdd...)
	}
	if o.lateKept > 0 {
		b.ProcessorErrorkeepLateSpans.Add(ctx, o.lateKept, t.lateKept...)
	}
	if o.lateDropped > 0 {
		b.ProcessorErrorkeepLateSpans.Add(ctx, o.lateDropped, t.lateDrop...)
	}
	t.recordRescue(ctx, o)
	for _, l := range o.latencies {
		b.ProcessorErrorkeepDecisionLatency.Record(ctx, l.Seconds(), t.baseRecord...)
	}
}

func (t *keepTelemetry) recordRescue(ctx context.Context, o *outcome) {
	b := t.builder
	counters := []struct {
		counter metric.Int64Counter
		n       int64
	}{
		{b.ProcessorErrorkeepLateSpansQualified, o.lateQualified},
		{b.ProcessorErrorkeepTracesRescued, o.rescuedTraces},
		{b.ProcessorErrorkeepSpansRescued, o.rescuedSpans},
		{b.ProcessorErrorkeepRescueEvictedTraces, o.evicted},
		{b.ProcessorErrorkeepRescueWriteFailures, o.writeFailures},
		{b.ProcessorErrorkeepStoreTruncatedBytes, o.truncatedBytes},
		{b.ProcessorErrorkeepTracesRecovered, o.recoveredTraces},
		{b.ProcessorErrorkeepSpansRecovered, o.recoveredSpans},
	}
	for _, c := range counters {
		if c.n > 0 {
			c.counter.Add(ctx, c.n, t.baseAdd...)
		}
	}
	for r, n := range o.missed {
		if n > 0 {
			b.ProcessorErrorkeepRescuesMissed.Add(ctx, n, t.missed[r]...)
		}
	}
}

// recordSync records how long one fsync of the store's folder took.
func (t *keepTelemetry) recordSync(ctx context.Context, d time.Duration) {
	t.builder.ProcessorErrorkeepStoreSyncDuration.Record(ctx, d.Seconds(), t.baseRecord...)
}

func (t *keepTelemetry) close() { t.closeOnce.Do(t.builder.Shutdown) }
