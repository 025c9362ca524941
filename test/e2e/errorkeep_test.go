package e2e

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// TestGatewayKeepsEveryErrorAndSlowTrace sends a few hundred three-span traces
// through config/gateway.yaml: some fail only in a child span, some are slow, most
// are healthy. Both backends get every error and slow trace whole, and the healthy
// share is within statistical tolerance of healthy_percent.
func TestGatewayKeepsEveryErrorAndSlowTrace(t *testing.T) {
	const (
		errorTraces   = 40
		slowTraces    = 40
		healthyTraces = 400
		percent       = 20.0
	)
	jaeger, tempo := StartBackend(t), StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaeger, tempo, map[string]string{
		"HEALTHY_PERCENT": "20",
		"DECISION_WAIT":   "2s",
	})})
	ctx := context.Background()
	tp := NewTracerProvider(t, GRPC, col.Endpoints.GRPC, "checkout")
	tracer := tp.Tracer("e2e")
	kind := map[trace.TraceID]string{}
	send := func(label string, childErr bool, dur time.Duration) {
		start := time.Now()
		rctx, root := tracer.Start(ctx, "root-"+label, trace.WithTimestamp(start))
		_, child := tracer.Start(rctx, "child", trace.WithTimestamp(start))
		_, grandchild := tracer.Start(rctx, "grandchild", trace.WithTimestamp(start))
		if childErr {
			grandchild.SetStatus(codes.Error, "payment declined")
		}
		grandchild.End(trace.WithTimestamp(start.Add(dur / 2)))
		child.End(trace.WithTimestamp(start.Add(dur / 2)))
		root.End(trace.WithTimestamp(start.Add(dur)))
		kind[root.SpanContext().TraceID()] = label
	}
	for i := 0; i < errorTraces; i++ {
		send("error", true, 10*time.Millisecond)
	}
	for i := 0; i < slowTraces; i++ {
		send("slow", false, 3*time.Second)
	}
	for i := 0; i < healthyTraces; i++ {
		send("healthy", false, 10*time.Millisecond)
	}
	require.NoError(t, tp.ForceFlush(ctx))

	decided := func() bool {
		return metricValue(col.Metrics(t), "otelcol_processor_errorkeep_buffered_traces") == 0 &&
			countSpansNamed(jaeger, "root-slow") == slowTraces && countSpansNamed(tempo, "root-error") == errorTraces
	}
	Eventually(t, DeliverTimeout, decided, "all traces decided and delivered")
	require.NoError(t, col.Stop()) // drain the exporters' queues

	for name, backend := range map[string]*Backend{"jaeger": jaeger, "tempo": tempo} {
		perTrace := map[trace.TraceID]int{}
		for id, spans := range SpansByTrace(backend.Spans()) {
			perTrace[trace.TraceID(id)] = len(spans)
		}
		healthyKept := 0
		for id, label := range kind {
			n := perTrace[id]
			switch label {
			case "error", "slow":
				assert.Equal(t, 3, n, "%s: %s trace %s must arrive whole", name, label, id)
			default:
				assert.Contains(t, []int{0, 3}, n, "%s: healthy trace split", name)
				if n == 3 {
					healthyKept++
				}
			}
		}
		expected := healthyTraces * percent / 100
		sigma := math.Sqrt(healthyTraces * percent / 100 * (1 - percent/100))
		assert.InDelta(t, expected, float64(healthyKept), 4*sigma, "%s: healthy kept %d of %d", name, healthyKept, healthyTraces)
	}
}
