package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"

import (
	"context"
	"fmt"

	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"
)

// The processor reads what it is given and encodes it; it never changes it.
var capabilities = consumer.Capabilities{MutatesData: false}

// partSize returns how many items each part of a request holds when it is split to
// fit batch::max_items and batch::max_bytes, or 0 when it fits whole.
func partSize(items, size int, b BatchConfig) int {
	if items <= b.MaxItems && size <= b.MaxBytes {
		return 0
	}
	parts := max((items+b.MaxItems-1)/b.MaxItems, (size+b.MaxBytes-1)/b.MaxBytes)
	return (items + parts - 1) / parts
}

func errDecoding(err error) error {
	// Our own encoding, checksummed: only a change of format could cause this, and
	// retrying would not mend it.
	return consumererror.NewPermanent(fmt.Errorf("handoff: decoding a request from the folder: %w", err))
}

type tracesHandoff struct {
	*handoff
	next        consumer.Traces
	marshaler   ptrace.ProtoMarshaler
	unmarshaler ptrace.ProtoUnmarshaler
}

var _ processor.Traces = (*tracesHandoff)(nil)

func newTracesHandoff(set processor.Settings, cfg *Config, clock *drainClock, next consumer.Traces, opts ...option) (*tracesHandoff, error) {
	p := &tracesHandoff{next: next}
	h, err := newHandoff(set, cfg, clock, journal.SignalTraces, p.deliverRequest, opts...)
	p.handoff = h
	return p, err
}

func (*tracesHandoff) Capabilities() consumer.Capabilities { return capabilities }

// ConsumeTraces writes td to the folder and returns once it is there.
func (p *tracesHandoff) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	items := td.SpanCount()
	if items == 0 {
		return nil
	}
	request, err := p.marshaler.MarshalTraces(td)
	if err != nil {
		return consumererror.NewPermanent(err)
	}
	per := partSize(items, len(request), p.cfg.Batch)
	if per == 0 {
		return p.accept(ctx, request, items)
	}
	for _, part := range splitTraces(td, per) {
		request, err := p.marshaler.MarshalTraces(part)
		if err != nil {
			return consumererror.NewPermanent(err)
		}
		if err := p.accept(ctx, request, part.SpanCount()); err != nil {
			return err
		}
	}
	return nil
}

func (p *tracesHandoff) deliverRequest(ctx context.Context, request []byte) error {
	td, err := p.unmarshaler.UnmarshalTraces(request)
	if err != nil {
		return errDecoding(err)
	}
	return p.next.ConsumeTraces(ctx, td)
}

type metricsHandoff struct {
	*handoff
	next        consumer.Metrics
	marshaler   pmetric.ProtoMarshaler
	unmarshaler pmetric.ProtoUnmarshaler
}

var _ processor.Metrics = (*metricsHandoff)(nil)

func newMetricsHandoff(set processor.Settings, cfg *Config, clock *drainClock, next consumer.Metrics, opts ...option) (*metricsHandoff, error) {
	p := &metricsHandoff{next: next}
	h, err := newHandoff(set, cfg, clock, journal.SignalMetrics, p.deliverRequest, opts...)
	p.handoff = h
	return p, err
}

func (*metricsHandoff) Capabilities() consumer.Capabilities { return capabilities }

// ConsumeMetrics writes md to the folder and returns once it is there.
func (p *metricsHandoff) ConsumeMetrics(ctx context.Context, md pmetric.Metrics) error {
	items := md.DataPointCount()
	if items == 0 {
		return nil
	}
	request, err := p.marshaler.MarshalMetrics(md)
	if err != nil {
		return consumererror.NewPermanent(err)
	}
	per := partSize(items, len(request), p.cfg.Batch)
	if per == 0 {
		return p.accept(ctx, request, items)
	}
	for _, part := range splitMetrics(md, per) {
		request, err := p.marshaler.MarshalMetrics(part)
		if err != nil {
			return consumererror.NewPermanent(err)
		}
		if err := p.accept(ctx, request, part.DataPointCount()); err != nil {
			return err
		}
	}
	return nil
}

func (p *metricsHandoff) deliverRequest(ctx context.Context, request []byte) error {
	md, err := p.unmarshaler.UnmarshalMetrics(request)
	if err != nil {
		return errDecoding(err)
	}
	return p.next.ConsumeMetrics(ctx, md)
}

type logsHandoff struct {
	*handoff
	next        consumer.Logs
	marshaler   plog.ProtoMarshaler
	unmarshaler plog.ProtoUnmarshaler
}

var _ processor.Logs = (*logsHandoff)(nil)

func newLogsHandoff(set processor.Settings, cfg *Config, clock *drainClock, next consumer.Logs, opts ...option) (*logsHandoff, error) {
	p := &logsHandoff{next: next}
	h, err := newHandoff(set, cfg, clock, journal.SignalLogs, p.deliverRequest, opts...)
	p.handoff = h
	return p, err
}

func (*logsHandoff) Capabilities() consumer.Capabilities { return capabilities }

// ConsumeLogs writes ld to the folder and returns once it is there.
func (p *logsHandoff) ConsumeLogs(ctx context.Context, ld plog.Logs) error {
	items := ld.LogRecordCount()
	if items == 0 {
		return nil
	}
	request, err := p.marshaler.MarshalLogs(ld)
	if err != nil {
		return consumererror.NewPermanent(err)
	}
	per := partSize(items, len(request), p.cfg.Batch)
	if per == 0 {
		return p.accept(ctx, request, items)
	}
	for _, part := range splitLogs(ld, per) {
		request, err := p.marshaler.MarshalLogs(part)
		if err != nil {
			return consumererror.NewPermanent(err)
		}
		if err := p.accept(ctx, request, part.LogRecordCount()); err != nil {
			return err
		}
	}
	return nil
}

func (p *logsHandoff) deliverRequest(ctx context.Context, request []byte) error {
	ld, err := p.unmarshaler.UnmarshalLogs(request)
	if err != nil {
		return errDecoding(err)
	}
	return p.next.ConsumeLogs(ctx, ld)
}
