package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/metadata"
)

const (
	defaultMaxBytes        = 512 << 20
	defaultSegmentBytes    = 8 << 20
	defaultDrainTimeout    = 20 * time.Second
	defaultNumConsumers    = 4
	defaultFlushTimeout    = time.Second
	defaultBatchMaxItems   = 8192
	defaultBatchMaxBytes   = 3 << 20
	defaultInitialInterval = time.Second
	defaultMaxInterval     = 30 * time.Second
)

// NewFactory returns the handoff processor factory. Every handoff it makes shares
// one drain deadline (drainClock).
func NewFactory() processor.Factory {
	clock := &drainClock{}
	return processor.NewFactory(
		metadata.Type,
		createDefaultConfig,
		processor.WithTraces(func(_ context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
			return newTracesHandoff(set, cfg.(*Config), clock, next)
		}, metadata.TracesStability),
		processor.WithMetrics(func(_ context.Context, set processor.Settings, cfg component.Config, next consumer.Metrics) (processor.Metrics, error) {
			return newMetricsHandoff(set, cfg.(*Config), clock, next)
		}, metadata.MetricsStability),
		processor.WithLogs(func(_ context.Context, set processor.Settings, cfg component.Config, next consumer.Logs) (processor.Logs, error) {
			return newLogsHandoff(set, cfg.(*Config), clock, next)
		}, metadata.LogsStability),
	)
}

func createDefaultConfig() component.Config {
	return &Config{
		MaxBytes:     defaultMaxBytes,
		SegmentBytes: defaultSegmentBytes,
		DrainTimeout: defaultDrainTimeout,
		NumConsumers: defaultNumConsumers,
		Batch: BatchConfig{
			FlushTimeout: defaultFlushTimeout,
			MaxItems:     defaultBatchMaxItems,
			MaxBytes:     defaultBatchMaxBytes,
			Merge:        true,
		},
		RetryOnFailure: RetryConfig{
			InitialInterval: defaultInitialInterval,
			MaxInterval:     defaultMaxInterval,
		},
	}
}
