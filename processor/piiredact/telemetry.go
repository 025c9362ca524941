package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"context"
	"sync"

	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/metadata"
)

type signal string

const (
	signalTraces  signal = "traces"
	signalMetrics signal = "metrics"
	signalLogs    signal = "logs"
)

// redactionTelemetry records counts once per batch, with attribute sets computed
// at start: detector names come from configuration, never from data, so label
// cardinality is bounded and no value can leak into a label.
type redactionTelemetry struct {
	builder  *metadata.TelemetryBuilder
	perRule  []metric.MeasurementOption
	shutdown sync.Once
}

func newRedactionTelemetry(set processor.Settings, rules []rule, sig signal, dryRun bool) (*redactionTelemetry, error) {
	builder, err := metadata.NewTelemetryBuilder(set.TelemetrySettings)
	if err != nil {
		return nil, err
	}
	t := &redactionTelemetry{builder: builder, perRule: make([]metric.MeasurementOption, len(rules))}
	for i, r := range rules {
		t.perRule[i] = metric.WithAttributeSet(attribute.NewSet(
			attribute.String("processor", set.ID.String()),
			attribute.String("detector", r.name),
			attribute.String("signal", string(sig)),
			attribute.Bool("dry_run", dryRun),
		))
	}
	return t, nil
}

func (t *redactionTelemetry) record(ctx context.Context, sc *scratch) {
	for i, n := range sc.batch {
		if n > 0 {
			t.builder.ProcessorPiiredactRedactions.Add(ctx, int64(n), t.perRule[i])
		}
	}
	for i, n := range sc.removed {
		if n > 0 {
			t.builder.ProcessorPiiredactAttributesRemoved.Add(ctx, int64(n), t.perRule[i])
		}
	}
}

func (t *redactionTelemetry) close() {
	t.shutdown.Do(t.builder.Shutdown)
}
