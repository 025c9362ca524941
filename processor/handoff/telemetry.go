package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"
	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/metadata"
)

// handoffTelemetry records the processor's own metrics. Every measurement carries the
// processor's ID and its signal: the same handoff in a traces and a logs pipeline is
// two folders, two backlogs.
type handoffTelemetry struct {
	builder   *metadata.TelemetryBuilder
	add       []metric.AddOption
	closeOnce sync.Once
}

func newHandoffTelemetry(set processor.Settings, signal journal.Signal, capacity int64, usage func() journal.Usage) (*handoffTelemetry, error) {
	builder, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	attrs := metric.WithAttributeSet(attribute.NewSet(
		attribute.String("processor", set.ID.String()),
		attribute.String("signal", signal.String()),
	))
	t := &handoffTelemetry{builder: builder, add: []metric.AddOption{attrs}}
	gauges := []struct {
		register func(metric.Int64Callback) error
		value    func(journal.Usage) int64
	}{
		{builder.RegisterProcessorHandoffBacklogItemsCallback, func(u journal.Usage) int64 { return u.Items }},
		{builder.RegisterProcessorHandoffBacklogBytesCallback, func(u journal.Usage) int64 { return u.Bytes }},
		{builder.RegisterProcessorHandoffStoredBytesCallback, func(u journal.Usage) int64 { return u.Stored }},
		{builder.RegisterProcessorHandoffCapacityBytesCallback, func(journal.Usage) int64 { return capacity }},
	}
	for _, g := range gauges {
		value := g.value
		if err := g.register(func(_ context.Context, o metric.Int64Observer) error {
			o.Observe(value(usage()), attrs)
			return nil
		}); err != nil {
			return nil, err
		}
	}
	err = builder.RegisterProcessorHandoffBacklogAgeCallback(func(_ context.Context, o metric.Float64Observer) error {
		age := 0.0
		if oldest := usage().Oldest; oldest > 0 {
			age = max(0, time.Since(time.Unix(0, oldest)).Seconds())
		}
		o.Observe(age, attrs)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

func (t *handoffTelemetry) accepted(ctx context.Context, items int) {
	t.builder.ProcessorHandoffAcceptedItems.Add(ctx, int64(items), t.add...)
}

func (t *handoffTelemetry) refused(ctx context.Context, items int) {
	t.builder.ProcessorHandoffRefusedItems.Add(ctx, int64(items), t.add...)
}

func (t *handoffTelemetry) delivered(ctx context.Context, items int) {
	t.builder.ProcessorHandoffDeliveredItems.Add(ctx, int64(items), t.add...)
}

func (t *handoffTelemetry) dropped(ctx context.Context, items int) {
	t.builder.ProcessorHandoffDroppedItems.Add(ctx, int64(items), t.add...)
}

func (t *handoffTelemetry) failed(ctx context.Context) {
	t.builder.ProcessorHandoffFailedDeliveries.Add(ctx, 1, t.add...)
}

func (t *handoffTelemetry) recovered(ctx context.Context, rec journal.Recovered) {
	if rec.Items > 0 {
		t.builder.ProcessorHandoffRecoveredItems.Add(ctx, rec.Items, t.add...)
	}
	if rec.TruncatedBytes > 0 {
		t.builder.ProcessorHandoffTruncatedBytes.Add(ctx, rec.TruncatedBytes, t.add...)
	}
}

func (t *handoffTelemetry) left(ctx context.Context, u journal.Usage) {
	t.builder.ProcessorHandoffLeftItems.Add(ctx, u.Items, t.add...)
	t.builder.ProcessorHandoffLeftBytes.Add(ctx, u.Bytes, t.add...)
}

func (t *handoffTelemetry) close() { t.closeOnce.Do(t.builder.Shutdown) }
