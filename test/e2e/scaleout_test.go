package e2e

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"gopkg.in/yaml.v3"
)

// loadBalancerConfig writes config/loadbalancer.yaml with its dns resolvers replaced by
// a static list of gateways; nothing else changes.
func loadBalancerConfig(t *testing.T, gateways []*Collector) string {
	t.Helper()
	raw, err := os.ReadFile(ConfigPath("loadbalancer.yaml"))
	require.NoError(t, err)
	var cfg map[string]any
	require.NoError(t, yaml.Unmarshal(raw, &cfg))
	var hostnames []string
	for _, g := range gateways {
		hostnames = append(hostnames, g.Endpoints.GRPC)
	}
	for name, exporter := range cfg["exporters"].(map[string]any) {
		if strings.HasPrefix(name, "load_balancing") {
			exporter.(map[string]any)["resolver"] = map[string]any{"static": map[string]any{"hostnames": hostnames}}
		}
	}
	out, err := yaml.Marshal(cfg)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "loadbalancer.yaml")
	require.NoError(t, os.WriteFile(path, out, 0o600))
	return path
}

// PII the mixed traces carry; no backend may ever see it.
const (
	plantedEmail = "jane.doe@example.com"
	plantedCard  = "4111 1111 1111 1111"
)

// traceKinds remembers why each sent trace must (or may) arrive.
type traceKinds map[trace.TraceID]string

// sendMixedTraces sends, from each endpoint's own SDK client, error traces (the error
// only on a grandchild span), slow traces and healthy ones, three spans each. Every
// root carries an e-mail address and every child a card number, for redaction checks.
func sendMixedTraces(t *testing.T, endpoint, service string, errors, slow, healthy int, kinds traceKinds) {
	t.Helper()
	ctx := context.Background()
	tp := NewTracerProvider(t, GRPC, endpoint, service)
	tracer := tp.Tracer("e2e")
	send := func(label string, childErr bool, dur time.Duration) {
		start := time.Now()
		rctx, root := tracer.Start(ctx, "root-"+label, trace.WithTimestamp(start),
			trace.WithAttributes(attribute.String("enduser.email", plantedEmail)))
		_, child := tracer.Start(rctx, "child", trace.WithTimestamp(start),
			trace.WithAttributes(attribute.String("payment.card", plantedCard)))
		_, grandchild := tracer.Start(rctx, "grandchild", trace.WithTimestamp(start))
		if childErr {
			grandchild.SetStatus(codes.Error, "payment declined")
		}
		grandchild.End(trace.WithTimestamp(start.Add(dur / 2)))
		child.End(trace.WithTimestamp(start.Add(dur / 2)))
		root.End(trace.WithTimestamp(start.Add(dur)))
		kinds[root.SpanContext().TraceID()] = label
	}
	for range errors {
		send("error", true, 10*time.Millisecond)
	}
	for range slow {
		send("slow", false, 3*time.Second)
	}
	for range healthy {
		send("healthy", false, 10*time.Millisecond)
	}
	require.NoError(t, tp.ForceFlush(ctx))
}

// checkWholeTraces checks spans received (by backend name) against what was sent:
// every error and slow trace whole, healthy traces whole or absent, the healthy share
// within four standard deviations of percent.
func checkWholeTraces(t *testing.T, where string, received []SpanRecord, kinds traceKinds, percent float64) {
	t.Helper()
	perTrace := map[trace.TraceID]int{}
	for id, spans := range SpansByTrace(received) {
		perTrace[trace.TraceID(id)] = len(spans)
	}
	healthy, healthyKept := 0, 0
	for id, label := range kinds {
		n := perTrace[id]
		switch label {
		case "error", "slow":
			assert.Equal(t, 3, n, "%s: %s trace %s must arrive whole", where, label, id)
		default:
			healthy++
			assert.Contains(t, []int{0, 3}, n, "%s: healthy trace %s split", where, id)
			if n == 3 {
				healthyKept++
			}
		}
	}
	p := percent / 100
	sigma := math.Sqrt(float64(healthy) * p * (1 - p))
	assert.InDelta(t, float64(healthy)*p, float64(healthyKept), 4*sigma, "%s: healthy kept %d of %d", where, healthyKept, healthy)
}

// TestScaledOutGatewayNeverSplitsATrace runs the scaled-out layout on loopback: one
// load-balancing collector (config/loadbalancer.yaml, static resolver) in front of
// three gateways (config/gateway.yaml, errorkeep), fed by three clients. Each gateway
// exports to its own "Jaeger", so a trace split across gateways would show up in two;
// all share one "Tempo". Then one gateway stops, the load-balancing tier is restarted
// with the shorter list, and what was routed to the stopped gateway is delivered by
// the others from the tier's handoff folder. Last, another gateway is SIGKILLed
// while it holds undecided traces and restarted on its folders: nothing is lost.
func TestScaledOutGatewayNeverSplitsATrace(t *testing.T) {
	const percent = 20.0
	tempo := StartBackend(t)
	jaegers := make([]*Backend, 3)
	gateways := make([]*Collector, 3)
	for i := range gateways {
		jaegers[i] = StartBackend(t)
		gateways[i] = StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaegers[i], tempo, map[string]string{
			"HEALTHY_PERCENT": fmt.Sprint(percent),
			"DECISION_WAIT":   "1s",
		})})
	}
	queueDir := t.TempDir()
	lbEnv := map[string]string{"QUEUE_DIR": queueDir}
	lb := StartCollector(t, binary, loadBalancerConfig(t, gateways), CollectorOptions{Env: lbEnv})

	// Phase 1: three gateways.
	kinds := traceKinds{}
	for c := range 3 {
		sendMixedTraces(t, lb.Endpoints.GRPC, fmt.Sprintf("client-%d", c), 8, 8, 80, kinds)
	}
	total := func(kinds traceKinds) (whole int) {
		for _, label := range kinds {
			if label != "healthy" {
				whole += 3
			}
		}
		return whole
	}
	keptSpans := func() int { return countSpansNamed(tempo, "root-error")*3 + countSpansNamed(tempo, "root-slow")*3 }
	Eventually(t, DeliverTimeout, func() bool { return keptSpans() >= total(kinds) }, "phase 1 error and slow traces at tempo")
	for _, g := range gateways {
		Settle(t, g, append([]*Backend{tempo}, jaegers...)...)
	}
	// No trace reached two gateways, and every gateway got a share of the traces.
	seenAt := map[trace.TraceID]int{}
	for i, j := range jaegers {
		ids := SpansByTrace(j.Spans())
		assert.NotEmpty(t, ids, "gateway %d received no trace", i)
		for id := range ids {
			if prev, dup := seenAt[trace.TraceID(id)]; dup {
				t.Errorf("trace %s split between gateway %d and gateway %d", trace.TraceID(id), prev, i)
			}
			seenAt[trace.TraceID(id)] = i
		}
	}
	checkWholeTraces(t, "phase 1 tempo", tempo.Spans(), kinds, percent)

	// Phase 2: gateway 2 stops (SIGTERM: it decides and delivers what it holds). Traces
	// routed to it wait in the load-balancing tier's folder.
	require.NoError(t, gateways[2].Stop())
	phase2 := traceKinds{}
	sendMixedTraces(t, lb.Endpoints.GRPC, "client-late", 10, 10, 100, phase2)
	// The resolver list shrinks: with the static resolver that is a restart of the
	// tier with the new list, on the same queue folder. (The dns resolver drops a gone
	// pod by itself, without a restart.)
	require.NoError(t, lb.Stop())
	lb = StartCollector(t, binary, loadBalancerConfig(t, gateways[:2]), CollectorOptions{Env: lbEnv})
	before := total(kinds)
	Eventually(t, 2*DeliverTimeout, func() bool { return keptSpans() >= before+total(phase2) },
		"phase 2 error and slow traces at tempo, including those routed to the stopped gateway")
	for _, g := range gateways[:2] {
		Settle(t, g, append([]*Backend{tempo}, jaegers...)...)
	}
	checkWholeTraces(t, "phase 2 tempo", filterTraces(tempo.Spans(), phase2), phase2, percent)
	assert.Empty(t, SpansByTrace(filterTraces(jaegers[2].Spans(), phase2)), "the stopped gateway received phase 2 traces")

	// Phase 3: gateway 1 is SIGKILLed (an OOM kill) while it holds undecided traces,
	// and its container restarts on the same folders and address. What it had
	// acknowledged is recovered from errorkeep's folder and delivered.
	restart := func(wait string, args ...string) *Collector {
		g := gateways[1]
		return StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Args: args, Env: gatewayEnv(jaegers[1], tempo, map[string]string{
			"HEALTHY_PERCENT":    fmt.Sprint(percent),
			"DECISION_WAIT":      wait,
			"OTLP_GRPC_ENDPOINT": g.Endpoints.GRPC,
			"ERRORKEEP_DIR":      filepath.Join(g.Dir, "errorkeep"),
			"GATEWAY_QUEUE_DIR":  filepath.Join(g.Dir, "queue"),
		})})
	}
	require.NoError(t, gateways[1].Stop())
	// A long decision wait, and no early decision on roots, so that the kill surely
	// falls inside it.
	holding := restart("1m", "--set=processors::errorkeep::root_span_grace=0s")
	phase3 := traceKinds{}
	before = keptSpans()
	sendMixedTraces(t, lb.Endpoints.GRPC, "client-killed", 10, 10, 100, phase3)
	Eventually(t, DeliverTimeout, func() bool {
		return metricSum(lb.Metrics(t), "otelcol_processor_handoff_backlog_items") == 0 &&
			metricSum(holding.Metrics(t), "otelcol_processor_errorkeep_buffered_traces") > 0
	}, "the load-balancing tier handed phase 3 on, and gateway 1 holds its share undecided")
	held := metricSum(holding.Metrics(t), "otelcol_processor_errorkeep_buffered_traces")
	holding.Kill()
	restarted := restart("1s")
	recovered := metricSum(restarted.Metrics(t), "otelcol_processor_errorkeep_traces_recovered")
	Eventually(t, 2*DeliverTimeout, func() bool { return keptSpans() >= before+total(phase3) },
		"phase 3 error and slow traces at tempo, including those gateway 1 held when it was killed")
	for _, g := range []*Collector{gateways[0], restarted} {
		Settle(t, g, append([]*Backend{tempo}, jaegers...)...)
	}
	checkWholeTraces(t, "phase 3 tempo", filterTraces(tempo.Spans(), phase3), phase3, percent)
	assert.GreaterOrEqual(t, recovered, held, "gateway 1 recovered every trace it held when killed")
	t.Logf("gateway 1 SIGKILLed holding %.0f undecided traces; %.0f recovered after the restart", held, recovered)
}

func filterTraces(spans []SpanRecord, kinds traceKinds) []SpanRecord {
	var out []SpanRecord
	for _, s := range spans {
		if _, ok := kinds[trace.TraceID(s.Span.TraceID())]; ok {
			out = append(out, s)
		}
	}
	return out
}
