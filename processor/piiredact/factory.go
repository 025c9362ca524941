package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/metadata"
)

// DefaultSensitiveKeys are the key globs whose whole value is redacted by default:
// credentials and session material under any prefix or casing, and the attributes
// the OpenTelemetry semantic conventions define for the person using the system.
func DefaultSensitiveKeys() []string {
	return []string{
		"user.id",
		"user.name",
		"user.full_name",
		"user.email",
		"enduser.id",
		"*authorization*",
		"*password*",
		"*passwd*",
		"*secret*",
		"*cookie*",
		"*api_key*",
		"*apikey*",
		"*api-key*",
		"*access_token*",
		"*refresh_token*",
		"*private_key*",
		"*credential*",
	}
}

// NewFactory returns the piiredact processor factory.
func NewFactory() processor.Factory {
	return processor.NewFactory(
		metadata.Type,
		createDefaultConfig,
		processor.WithTraces(createTraces, metadata.TracesStability),
		processor.WithMetrics(createMetrics, metadata.MetricsStability),
		processor.WithLogs(createLogs, metadata.LogsStability),
	)
}

func createDefaultConfig() component.Config {
	return &Config{
		SensitiveKeys:      DefaultSensitiveKeys(),
		SensitiveKeyAction: ActionConfig{Action: ActionMask},
		Hash:               HashConfig{KeyID: defaultKeyID},
	}
}

var processorCapabilities = consumer.Capabilities{MutatesData: true}

func createTraces(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
	p, err := newPIIRedactProcessor(set, cfg.(*Config), signalTraces)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewTraces(ctx, set, cfg, next, p.processTraces,
		processorhelper.WithCapabilities(processorCapabilities),
		processorhelper.WithStart(p.start),
		processorhelper.WithShutdown(p.shutdown))
}

func createMetrics(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Metrics) (processor.Metrics, error) {
	p, err := newPIIRedactProcessor(set, cfg.(*Config), signalMetrics)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewMetrics(ctx, set, cfg, next, p.processMetrics,
		processorhelper.WithCapabilities(processorCapabilities),
		processorhelper.WithStart(p.start),
		processorhelper.WithShutdown(p.shutdown))
}

func createLogs(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Logs) (processor.Logs, error) {
	p, err := newPIIRedactProcessor(set, cfg.(*Config), signalLogs)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewLogs(ctx, set, cfg, next, p.processLogs,
		processorhelper.WithCapabilities(processorCapabilities),
		processorhelper.WithStart(p.start),
		processorhelper.WithShutdown(p.shutdown))
}
