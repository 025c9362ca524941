package shutdowndelay // import "github.com/otelcol-custom/otelcol-custom/extension/shutdowndelay"

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"

	"github.com/otelcol-custom/otelcol-custom/extension/shutdowndelay/internal/metadata"
)

const defaultDelay = 5 * time.Second

// NewFactory returns the shutdown_delay extension factory.
func NewFactory() extension.Factory {
	return extension.NewFactory(metadata.Type, createDefaultConfig, createExtension, metadata.ExtensionStability)
}

func createDefaultConfig() component.Config {
	return &Config{Delay: defaultDelay}
}

func createExtension(_ context.Context, set extension.Settings, cfg component.Config) (extension.Extension, error) {
	return newShutdownDelay(set, cfg.(*Config)), nil
}
