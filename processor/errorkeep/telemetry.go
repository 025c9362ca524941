package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadata"
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
	byReason   [len(reasonNames)][]metric.AddOption
	lateKept   []metric.AddOption
	lateDrop   []metric.AddOption
	closeOnce  sync.Once
}

// outcome is what one decision pass did, recorded in one go.
type outcome struct {
	keptTraces   [len(reasonNames)]int64
	keptSpans    [len(reasonNames)]int64
	droppedTrace int64
	droppedSpans int64
	early        int64
	lateKept     int64
	lateDropped  int64
	latencies    []time.Duration
}

func newKeepTelemetry(set processor.Settings, buffered func() (traces, bytes int64)) (*keepTelemetry, error) {
	builder, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	id := attribute.String("processor", set.ID.String())
	base := metric.WithAttributeSet(attribute.NewSet(id))
	t := &keepTelemetry{builder: builder, base: base, baseAdd: []metric.AddOption{base}, baseRecord: []metric.RecordOption{base}}
	for r, name := range reasonNames {
		t.byReason[r] = []metric.AddOption{metric.WithAttributeSet(attribute.NewSet(id, attribute.String("reason", name)))}
	}
	t.lateKept = []metric.AddOption{metric.WithAttributeSet(attribute.NewSet(id, attribute.Bool("kept", true)))}
	t.lateDrop = []metric.AddOption{metric.WithAttributeSet(attribute.NewSet(id, attribute.Bool("kept", false)))}
	err = builder.RegisterProcessorErrorkeepBufferedTracesCallback(func(_ context.Context, o metric.Int64Observer) error {
		traces, _ := buffered()
		o.Observe(traces, t.base)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = builder.RegisterProcessorErrorkeepBufferedBytesCallback(func(_ context.Context, o metric.Int64Observer) error {
		_, bytes := buffered()
		o.Observe(bytes, t.base)
		return nil
	})
	return t, err
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
	for _, l := range o.latencies {
		b.ProcessorErrorkeepDecisionLatency.Record(ctx, l.Seconds(), t.baseRecord...)
	}
}

func (t *keepTelemetry) close() { t.closeOnce.Do(t.builder.Shutdown) }
