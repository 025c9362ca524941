package shutdowndelay // import "github.com/otelcol-custom/otelcol-custom/extension/shutdowndelay"

import (
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/extension"
	"go.opentelemetry.io/collector/extension/extensioncapabilities"
	"go.uber.org/zap"
)

// shutdownDelay waits in NotReady. The collector calls NotReady on every extension
// that watches the pipelines before it shuts the pipelines down (receivers first), so
// while it waits the receivers still take data and the pipelines still deliver it.
type shutdownDelay struct {
	component.StartFunc
	component.ShutdownFunc
	cfg    *Config
	logger *zap.Logger
	wait   func(time.Duration)
}

var (
	_ extensioncapabilities.PipelineWatcher = (*shutdownDelay)(nil)
	_ extensioncapabilities.Dependent       = (*shutdownDelay)(nil)
)

// option tunes construction; tests use it to observe the wait.
type option func(*shutdownDelay)

func withWait(wait func(time.Duration)) option { return func(e *shutdownDelay) { e.wait = wait } }

func newShutdownDelay(set extension.Settings, cfg *Config, opts ...option) *shutdownDelay {
	e := &shutdownDelay{cfg: cfg, logger: set.Logger, wait: time.Sleep}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Dependencies puts the extensions in after before this one, so they hear NotReady
// first.
func (e *shutdownDelay) Dependencies() []component.ID { return e.cfg.After }

// Ready is called once the pipelines run; there is nothing to do.
func (*shutdownDelay) Ready() error { return nil }

// NotReady holds the shutdown for the delay, with the receivers still open.
func (e *shutdownDelay) NotReady() error {
	if e.cfg.Delay <= 0 {
		return nil
	}
	e.logger.Info("shutdown_delay: receivers stay open before the pipelines stop", zap.Duration("delay", e.cfg.Delay))
	e.wait(e.cfg.Delay)
	return nil
}
