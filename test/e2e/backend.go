package e2e

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/receiver/receivertest"
)

// errBackendRefusing is what a backend answers while SetRefusing(true): a retryable
// failure, as a backend that is overloaded or restarting would give.
var errBackendRefusing = errors.New("backend refusing data (test)")

// Backend is an in-process OTLP receiver (gRPC and HTTP) standing in for a tracing
// backend such as Jaeger or Tempo. It records everything it accepts.
type Backend struct {
	GRPC string
	HTTP string

	Traces  *consumertest.TracesSink
	Logs    *consumertest.LogsSink
	Metrics *consumertest.MetricsSink

	refusing atomic.Bool
	mu       sync.Mutex
	running  []component.Component
}

// StartBackend starts a backend on free loopback ports; it stops when the test ends.
func StartBackend(tb testing.TB) *Backend {
	tb.Helper()
	b := &Backend{
		GRPC:    FreeEndpoint(tb),
		HTTP:    FreeEndpoint(tb),
		Traces:  new(consumertest.TracesSink),
		Logs:    new(consumertest.LogsSink),
		Metrics: new(consumertest.MetricsSink),
	}
	b.Start(tb)
	tb.Cleanup(b.Stop)
	return b
}

// Start (re)starts the receivers on the backend's endpoints, after Stop.
func (b *Backend) Start(tb testing.TB) {
	tb.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.running) > 0 {
		return
	}
	factory := otlpreceiver.NewFactory()
	cfg := factory.CreateDefaultConfig()
	err := confmap.NewFromStringMap(map[string]any{
		"protocols": map[string]any{
			"grpc": map[string]any{"endpoint": b.GRPC},
			"http": map[string]any{"endpoint": b.HTTP},
		},
	}).Unmarshal(cfg)
	if err != nil {
		tb.Fatalf("backend config: %v", err)
	}
	set := receivertest.NewNopSettings(factory.Type())
	ctx := context.Background()
	// The OTLP receiver shares one server between signals for the same config,
	// so the three receivers below start a single pair of listeners.
	tr, err := factory.CreateTraces(ctx, set, cfg, b.tracesConsumer())
	if err != nil {
		tb.Fatalf("backend traces receiver: %v", err)
	}
	lr, err := factory.CreateLogs(ctx, set, cfg, b.logsConsumer())
	if err != nil {
		tb.Fatalf("backend logs receiver: %v", err)
	}
	mr, err := factory.CreateMetrics(ctx, set, cfg, b.metricsConsumer())
	if err != nil {
		tb.Fatalf("backend metrics receiver: %v", err)
	}
	for _, r := range []component.Component{tr, lr, mr} {
		if err := r.Start(ctx, componenttest.NewNopHost()); err != nil {
			tb.Fatalf("starting backend: %v", err)
		}
	}
	b.running = []component.Component{tr, lr, mr}
}

// Stop shuts the receivers down, as a backend outage would. Start brings them back.
func (b *Backend) Stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, r := range b.running {
		_ = r.Shutdown(ctx)
	}
	b.running = nil
}

// SetRefusing makes the backend answer every request with a retryable error.
func (b *Backend) SetRefusing(refusing bool) { b.refusing.Store(refusing) }

// SpanCount returns the number of spans accepted so far.
func (b *Backend) SpanCount() int { return b.Traces.SpanCount() }

// Spans returns every accepted span, keyed by span ID, with its resource and scope.
func (b *Backend) Spans() []SpanRecord { return FlattenSpans(b.Traces.AllTraces()) }

func (b *Backend) tracesConsumer() consumer.Traces {
	c, _ := consumer.NewTraces(func(ctx context.Context, td ptrace.Traces) error {
		if b.refusing.Load() {
			return errBackendRefusing
		}
		return b.Traces.ConsumeTraces(ctx, td)
	})
	return c
}

func (b *Backend) logsConsumer() consumer.Logs {
	c, _ := consumer.NewLogs(func(ctx context.Context, ld plog.Logs) error {
		if b.refusing.Load() {
			return errBackendRefusing
		}
		return b.Logs.ConsumeLogs(ctx, ld)
	})
	return c
}

func (b *Backend) metricsConsumer() consumer.Metrics {
	c, _ := consumer.NewMetrics(func(ctx context.Context, md pmetric.Metrics) error {
		if b.refusing.Load() {
			return errBackendRefusing
		}
		return b.Metrics.ConsumeMetrics(ctx, md)
	})
	return c
}
