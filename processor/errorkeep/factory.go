package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadata"
)

const (
	defaultDecisionWait      = 5 * time.Second
	defaultRootSpanGrace     = time.Second
	defaultLatencyThreshold  = 2 * time.Second
	defaultHTTPStatusFloor   = 500
	defaultHealthyPercent    = 10
	defaultMaxBufferedBytes  = 128 << 20
	defaultMaxTraces         = 100_000
	defaultDecisionCacheSize = 200_000
	defaultRescueWindow      = 2 * time.Minute
	defaultRescueMaxBytes    = 64 << 20
	defaultThroughputWindow  = 10 * time.Second
	defaultThroughputKeys    = 10_000
)

// defaultThroughputKey is the root span's service and route.
func defaultThroughputKey() []string { return []string{"service.name", "http.route"} }

// NewFactory returns the errorkeep processor factory.
func NewFactory() processor.Factory {
	return processor.NewFactory(
		metadata.Type,
		createDefaultConfig,
		processor.WithTraces(createTraces, metadata.TracesStability),
	)
}

func createDefaultConfig() component.Config {
	return &Config{
		DecisionWait:      defaultDecisionWait,
		RootSpanGrace:     defaultRootSpanGrace,
		LatencyThreshold:  defaultLatencyThreshold,
		HTTPStatusFloor:   defaultHTTPStatusFloor,
		HealthyPercent:    defaultHealthyPercent,
		MaxBufferedBytes:  defaultMaxBufferedBytes,
		MaxTraces:         defaultMaxTraces,
		DecisionCacheSize: defaultDecisionCacheSize,
		RescueWindow:      defaultRescueWindow,
		RescueMaxBytes:    defaultRescueMaxBytes,
		HealthyThroughput: ThroughputConfig{
			Replicas: 1,
			Key:      defaultThroughputKey(),
			Interval: defaultThroughputWindow,
			MaxKeys:  defaultThroughputKeys,
		},
	}
}

func createTraces(_ context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
	return newErrorKeepProcessor(set, cfg.(*Config), next)
}
