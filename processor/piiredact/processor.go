package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"context"
	"strings"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/processor"
	"go.uber.org/zap"
)

// piiRedactProcessor is one signal's instance; all per-batch state is pooled in
// the redactor, so instances are safe for concurrent ConsumeX calls.
type piiRedactProcessor struct {
	logger    *zap.Logger
	redactor  *redactor
	telemetry *redactionTelemetry
	signal    signal
}

func newPIIRedactProcessor(set processor.Settings, cfg *Config, sig signal) (*piiRedactProcessor, error) {
	r := newRedactor(cfg)
	t, err := newRedactionTelemetry(set, r.rules, sig, cfg.DryRun)
	if err != nil {
		return nil, err
	}
	return &piiRedactProcessor{logger: set.Logger, redactor: r, telemetry: t, signal: sig}, nil
}

// start logs the effective settings once. Names and actions only: never a key.
func (p *piiRedactProcessor) start(context.Context, component.Host) error {
	names := make([]string, 0, len(p.redactor.rules))
	for _, r := range p.redactor.rules {
		names = append(names, r.name+"="+string(r.action))
	}
	p.logger.Info("piiredact started",
		zap.String("signal", string(p.signal)),
		zap.String("rules", strings.Join(names, ",")),
		zap.Int("sensitive_key_globs", len(p.redactor.sensitive.globs)),
		zap.Int("allowed_key_globs", len(p.redactor.allowed.globs)),
		zap.Bool("dry_run", p.redactor.dryRun),
		zap.String("summary_attribute", p.redactor.summary),
	)
	return nil
}

// shutdown releases telemetry; safe to call more than once.
func (p *piiRedactProcessor) shutdown(context.Context) error {
	p.telemetry.close()
	return nil
}
