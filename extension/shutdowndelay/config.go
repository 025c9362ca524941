package shutdowndelay // import "github.com/otelcol-custom/otelcol-custom/extension/shutdowndelay"

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/component"
)

// Config configures the shutdown_delay extension.
type Config struct {
	// Delay is how long the receivers stay open after the collector is told to stop
	// (SIGTERM), before the pipelines shut down and drain. Zero turns the extension
	// into a no-op. Default 5s: enough for an application's SDK to flush its last
	// batch. It adds to the time the collector needs to stop, so it must fit the
	// pod's terminationGracePeriodSeconds together with the drain.
	Delay time.Duration `mapstructure:"delay"`

	// After lists extensions told before the delay that the collector is stopping
	// (health_check): they report not ready for the whole delay, so that a Service
	// stops routing new connections to the pod while the receivers still serve the
	// ones it has.
	After []component.ID `mapstructure:"after"`

	// prevent unkeyed literal initialization
	_ struct{}
}

var errNegativeDelay = errors.New("delay must not be negative")

// Validate checks the configuration.
func (c *Config) Validate() error {
	if c.Delay < 0 {
		return fmt.Errorf("%w: got %q", errNegativeDelay, c.Delay)
	}
	return nil
}
