package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	otellog "go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/trace"
)

func fileContains(path, want string) func() bool {
	return func() bool {
		b, err := os.ReadFile(path)
		return err == nil && strings.Contains(string(b), want)
	}
}

// TestDefaultConfigDeliversEverySignal is the README's run command: traces over
// gRPC and HTTP, logs and metrics reach the debug and file exporters, redacted.
func TestDefaultConfigDeliversEverySignal(t *testing.T) {
	col := StartCollector(t, binary, ConfigPath("default.yaml"), CollectorOptions{})
	ctx := context.Background()

	for _, proto := range []Protocol{GRPC, HTTP} {
		tp := NewTracerProvider(t, proto, map[Protocol]string{GRPC: col.Endpoints.GRPC, HTTP: col.Endpoints.HTTP}[proto], "shop-"+string(proto))
		_, span := tp.Tracer("e2e").Start(ctx, "checkout-"+string(proto))
		span.SetAttributes(attribute.String("user.email", "jane.doe@example.com"))
		span.End()
		require.NoError(t, tp.ForceFlush(ctx))
	}
	lp := NewLoggerProvider(t, col.Endpoints.GRPC, "shop-logs")
	var rec otellog.Record
	rec.SetBody(attribute.StringValue("order placed by jane.doe@example.com"))
	lp.Logger("e2e").Emit(ctx, rec)
	require.NoError(t, lp.ForceFlush(ctx))
	mp := NewMeterProvider(t, col.Endpoints.GRPC, "shop-metrics")
	counter, err := mp.Meter("e2e").Int64Counter("orders.placed")
	require.NoError(t, err)
	counter.Add(ctx, 3)
	require.NoError(t, mp.ForceFlush(ctx))

	traces := filepath.Join(col.Dir, "traces.jsonl")
	Eventually(t, DeliverTimeout, fileContains(traces, "checkout-grpc"), "gRPC span in %s", traces)
	Eventually(t, DeliverTimeout, fileContains(traces, "checkout-http"), "HTTP span in %s", traces)
	Eventually(t, DeliverTimeout, fileContains(filepath.Join(col.Dir, "logs.jsonl"), "order placed by [REDACTED:email]"), "log")
	Eventually(t, DeliverTimeout, fileContains(filepath.Join(col.Dir, "metrics.jsonl"), "orders.placed"), "metric")
	Eventually(t, DeliverTimeout, func() bool { return strings.Contains(col.Output(), "checkout-grpc") }, "debug exporter output")

	all, _ := os.ReadFile(traces)
	assert.NotContains(t, string(all), "jane.doe@example.com")
	assert.NotContains(t, col.Output(), "jane.doe@example.com", "PII never reaches the collector's own output")
}

func gatewayEnv(jaeger, tempo *Backend, extra map[string]string) map[string]string {
	env := map[string]string{
		"JAEGER_ENDPOINT":  jaeger.GRPC,
		"TEMPO_ENDPOINT":   tempo.GRPC,
		"SIGNALS_ENDPOINT": "http://" + jaeger.HTTP,
		"HEALTHY_PERCENT":  "100",
		"DECISION_WAIT":    "1s",
	}
	for k, v := range extra {
		env[k] = v
	}
	return env
}

// sendSimpleTraces sends n one-span traces named prefix-i and returns their IDs.
func sendSimpleTraces(t *testing.T, endpoint, prefix string, n int) []trace.TraceID {
	t.Helper()
	ctx := context.Background()
	tp := NewTracerProvider(t, GRPC, endpoint, "gateway-client")
	ids := make([]trace.TraceID, 0, n)
	for i := 0; i < n; i++ {
		_, span := tp.Tracer("e2e").Start(ctx, prefix)
		ids = append(ids, span.SpanContext().TraceID())
		span.End()
	}
	require.NoError(t, tp.ForceFlush(ctx))
	return ids
}

func countSpansNamed(b *Backend, name string) int {
	n := 0
	for _, s := range b.Spans() {
		if s.Span.Name() == name {
			n++
		}
	}
	return n
}

// TestGatewayFansOutAndSurvivesADeadBackend: the same traces reach both backends,
// and while one is down the other keeps receiving everything.
func TestGatewayFansOutAndSurvivesADeadBackend(t *testing.T) {
	jaeger, tempo := StartBackend(t), StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaeger, tempo, nil)})

	sendSimpleTraces(t, col.Endpoints.GRPC, "both-up", 20)
	Eventually(t, DeliverTimeout, func() bool {
		return countSpansNamed(jaeger, "both-up") == 20 && countSpansNamed(tempo, "both-up") == 20
	},
		"both backends get all 20 traces (jaeger %d, tempo %d)", countSpansNamed(jaeger, "both-up"), countSpansNamed(tempo, "both-up"))

	tempo.Stop()
	sendSimpleTraces(t, col.Endpoints.GRPC, "tempo-down", 20)
	Eventually(t, DeliverTimeout, func() bool { return countSpansNamed(jaeger, "tempo-down") == 20 }, "jaeger keeps receiving while tempo is down")
	assert.Zero(t, countSpansNamed(tempo, "tempo-down"))

	// Tempo comes back: its handoff delivers what it missed.
	tempo.Start(t)
	Eventually(t, DeliverTimeout, func() bool { return countSpansNamed(tempo, "tempo-down") == 20 }, "tempo catches up from its queue")
}

// TestHealthCheckAndGracefulShutdown: SIGTERM makes errorkeep decide what it holds and
// hand it to the backends' handoffs, which deliver it before the process exits
// cleanly; the next start on the same folders finds nothing left to do.
func TestHealthCheckAndGracefulShutdown(t *testing.T) {
	jaeger, tempo := StartBackend(t), StartBackend(t)
	folders := t.TempDir()
	opts := CollectorOptions{Env: gatewayEnv(jaeger, tempo, map[string]string{
		"DECISION_WAIT":     "1h", // nothing is decided before shutdown
		"HEALTHY_PERCENT":   "0",
		"ERRORKEEP_DIR":     filepath.Join(folders, "errorkeep"),
		"GATEWAY_QUEUE_DIR": filepath.Join(folders, "queue"),
	}), Args: []string{"--set=processors::errorkeep::root_span_grace=0s"}}
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), opts)
	ctx := context.Background()
	tp := NewTracerProvider(t, GRPC, col.Endpoints.GRPC, "shutdown-client")
	for i := 0; i < 10; i++ {
		_, span := tp.Tracer("e2e").Start(ctx, "held-error")
		span.SetStatus(codes.Error, "boom")
		span.End()
	}
	require.NoError(t, tp.ForceFlush(ctx))
	Eventually(t, DeliverTimeout, func() bool {
		return metricSum(col.Metrics(t), "otelcol_processor_errorkeep_buffered_traces") == 10
	}, "errorkeep holds the 10 traces")
	assert.Zero(t, jaeger.SpanCount())

	require.NoError(t, col.Stop(), "clean exit on SIGTERM")
	assert.Equal(t, 10, countSpansNamed(jaeger, "held-error"), "delivered to jaeger before the exit")
	assert.Equal(t, 10, countSpansNamed(tempo, "held-error"), "delivered to tempo before the exit")
	restarted := StartCollector(t, binary, ConfigPath("gateway.yaml"), opts)
	m := restarted.Metrics(t)
	assert.LessOrEqual(t, metricSum(m, "otelcol_processor_errorkeep_traces_recovered"), 0.0,
		"decided at shutdown, so nothing was left undecided to recover (-1: never counted)")
	assert.LessOrEqual(t, metricSum(m, "otelcol_processor_handoff_recovered_items"), 0.0, "nothing left undelivered")
}
