package e2e

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"
)

// newBatchingTracerProvider is an SDK tracer provider as applications run it: the
// default BatchSpanProcessor, which exports ended spans every 5 s, children before
// the parent that ends after them.
func newBatchingTracerProvider(tb testing.TB, endpoint, serviceName string) *sdktrace.TracerProvider {
	tb.Helper()
	exp, err := otlptracegrpc.New(context.Background(), otlptracegrpc.WithEndpoint(endpoint), otlptracegrpc.WithInsecure())
	require.NoError(tb, err)
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithResource(resource.NewSchemaless(semconv.ServiceName(serviceName))),
		sdktrace.WithBatcher(exp),
	)
	tb.Cleanup(func() { shutdownWithin(tb, tp.Shutdown) })
	return tp
}

// lateTrace is one trace the rescue test sends: its label says whether it must
// arrive (error, slow) or may (healthy), spans how many it has.
type lateTrace struct {
	label string
	spans int
}

// lateTraffic sends traces whose spans reach the gateway far apart, as real services
// send them, and remembers what it sent.
type lateTraffic struct {
	producer, consumer trace.Tracer
	wg                 sync.WaitGroup
	mu                 sync.Mutex
	sent               map[trace.TraceID]lateTrace
	spans              int
}

func (l *lateTraffic) record(id trace.TraceID, label string, spans int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sent[id] = lateTrace{label: label, spans: spans}
	l.spans += spans
}

// async: a producer publishes (its span ends and is exported at once), and a consumer
// in another service handles the message `after` later, in a span of its own that
// fails, is slow (3 s) or is healthy.
func (l *lateTraffic) async(label string, after time.Duration) {
	ctx, publish := l.producer.Start(context.Background(), "publish "+label, trace.WithSpanKind(trace.SpanKindProducer))
	publish.End()
	l.record(publish.SpanContext().TraceID(), label, 2)
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		time.Sleep(after) // the message waits in a queue
		start := time.Now()
		if label == "slow" {
			start = start.Add(-3 * time.Second)
		}
		_, process := l.consumer.Start(trace.ContextWithRemoteSpanContext(context.Background(), trace.SpanContextFromContext(ctx)),
			"process "+label, trace.WithSpanKind(trace.SpanKindConsumer), trace.WithTimestamp(start))
		if label == "error" {
			process.SetStatus(codes.Error, "message rejected")
		}
		process.End()
	}()
}

// longRequest: a request whose two children end at once and whose root ends 8 s
// later, so the SDK exports the root a decision_wait after its children. The root is
// the only span with the error, or the span that makes the trace slow, or healthy
// (its end time then says it took half a second).
func (l *lateTraffic) longRequest(label string) {
	start := time.Now()
	ctx, root := l.producer.Start(context.Background(), "request "+label, trace.WithSpanKind(trace.SpanKindServer), trace.WithTimestamp(start))
	for _, name := range []string{"query", "render"} {
		_, child := l.producer.Start(ctx, name)
		child.End()
	}
	l.record(root.SpanContext().TraceID(), label, 3)
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		time.Sleep(8 * time.Second)
		end := start.Add(500 * time.Millisecond)
		switch label {
		case "error":
			root.SetStatus(codes.Error, "upstream timed out")
		case "slow":
			end = time.Now()
		}
		root.End(trace.WithTimestamp(end))
	}()
}

// TestGatewayRescuesTracesWhoseErrorArrivesLate sends, through config/gateway.yaml
// as shipped (decision_wait 5s, rescue store in a folder) into a real Jaeger and a
// stand-in for Tempo, traces whose deciding span arrives after the decision: consumer
// spans that fail or are slow 6, 20 and 60 s after their producer, and long requests
// whose root (the error, or the slow span) the SDK exports last. Every error and
// slow trace reaches both backends whole, with th:0 on every span; healthy traces
// are whole or absent at the configured share, whatever their late spans did.
func TestGatewayRescuesTracesWhoseErrorArrivesLate(t *testing.T) {
	const percent = 20.0
	j := startJaeger(t, jaegerOptions{})
	tempo := StartBackend(t)
	gateway := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: map[string]string{
		"JAEGER_ENDPOINT":  j.OTLP,
		"TEMPO_ENDPOINT":   tempo.GRPC,
		"SIGNALS_ENDPOINT": "http://" + tempo.HTTP,
		"HEALTHY_PERCENT":  fmt.Sprint(percent),
		"ERRORKEEP_DIR":    filepath.Join(t.TempDir(), "errorkeep"),
	}})
	traffic := &lateTraffic{
		producer: newBatchingTracerProvider(t, gateway.Endpoints.GRPC, "orders").Tracer("e2e"),
		consumer: newBatchingTracerProvider(t, gateway.Endpoints.GRPC, "billing-worker").Tracer("e2e"),
		sent:     map[trace.TraceID]lateTrace{},
	}
	for _, after := range []time.Duration{6 * time.Second, 20 * time.Second, 60 * time.Second} {
		for range 3 {
			traffic.async("error", after)
			traffic.async("slow", after)
		}
		for range 20 {
			traffic.async("healthy", after)
		}
	}
	for range 5 {
		traffic.longRequest("error")
		traffic.longRequest("slow")
	}
	for range 40 {
		traffic.longRequest("healthy")
	}
	traffic.wg.Wait() // every span has ended; the SDKs export them within 5 s
	Eventually(t, 2*DeliverTimeout, func() bool {
		m := gateway.Metrics(t)
		return metricSum(m, "otelcol_receiver_accepted_spans") == float64(traffic.spans) &&
			metricSum(m, "otelcol_processor_errorkeep_buffered_traces") == 0
	}, "the gateway received all %d spans and decided every trace", traffic.spans)
	Settle(t, gateway, tempo)
	metrics := gateway.Metrics(t)
	require.NoError(t, gateway.Stop())

	rescued := metricSum(metrics, "otelcol_processor_errorkeep_traces_rescued")
	assert.Positive(t, rescued, "some traces were decided before their deciding span arrived")
	assert.LessOrEqual(t, metricSum(metrics, "otelcol_processor_errorkeep_rescues_missed"), 0.0, "no rescue came too late")
	checkLateTraces(t, "tempo", SpansByTrace(tempo.Spans()), traffic.sent, percent)

	// The same through Jaeger's own query API.
	read := map[trace.TraceID][]SpanRecord{}
	for id, sent := range traffic.sent {
		if sent.label == "healthy" {
			continue
		}
		Eventually(t, DeliverTimeout, func() bool {
			td, _, ok := j.trace(t, id)
			read[id] = FlattenSpans([]ptrace.Traces{td})
			return ok && len(read[id]) == sent.spans
		}, "%s trace %s whole in Jaeger", sent.label, id)
		for _, s := range read[id] {
			if decidingSpan(s.Span.Name(), sent.label) {
				assert.Equal(t, "ot=th:0", s.Span.TraceState().AsRaw(), "jaeger: %s trace %s", sent.label, id)
			}
		}
	}
	t.Logf("%d error and slow traces whole at Tempo and in Jaeger; %.0f rescued from the store", len(read), rescued)
}

// decidingSpan reports the span that makes a trace labelled label an error or slow
// trace: the consumer's span, or a long request's root. ("publish error" is not.)
func decidingSpan(name, label string) bool {
	return name == "process "+label || name == "request "+label
}

// sampledThreshold is the tracestate errorkeep gives healthy traces it keeps at
// percent (the OpenTelemetry threshold: 20% rejects 80% of 2^56).
func sampledThreshold(percent float64) string {
	return map[float64]string{20: "ot=th:cccccccccccccd"}[percent]
}

// checkLateTraces checks what a backend received against what was sent.
func checkLateTraces(t *testing.T, where string, received map[pcommon.TraceID][]SpanRecord, sent map[trace.TraceID]lateTrace, percent float64) {
	t.Helper()
	healthy, healthyKept := 0, 0
	for id, want := range sent {
		spans := received[pcommon.TraceID(id)]
		thresholds := map[string]bool{}
		for _, s := range spans {
			thresholds[s.Span.TraceState().AsRaw()] = true
		}
		if want.label == "healthy" {
			healthy++
			if len(spans) > 0 {
				healthyKept++
			}
			assert.Contains(t, []int{0, want.spans}, len(spans), "%s: healthy trace %s split", where, id)
			assert.LessOrEqual(t, len(thresholds), 1, "%s: healthy trace %s has spans with different thresholds %v", where, id, thresholds)
			continue
		}
		assert.Len(t, spans, want.spans, "%s: %s trace %s must arrive whole", where, want.label, id)
		// Its deciding span has threshold 0; spans sent before it do too, unless healthy
		// sampling had already kept the trace.
		for _, s := range spans {
			if decidingSpan(s.Span.Name(), want.label) {
				assert.Equal(t, "ot=th:0", s.Span.TraceState().AsRaw(), "%s: %s trace %s", where, want.label, id)
			}
		}
		delete(thresholds, "ot=th:0")
		delete(thresholds, sampledThreshold(percent))
		assert.Empty(t, thresholds, "%s: %s trace %s has unexpected thresholds", where, want.label, id)
	}
	p := percent / 100
	sigma := math.Sqrt(float64(healthy) * p * (1 - p))
	assert.InDelta(t, float64(healthy)*p, float64(healthyKept), 4*sigma, "%s: healthy kept %d of %d", where, healthyKept, healthy)
}
