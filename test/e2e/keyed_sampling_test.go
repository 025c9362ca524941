package e2e

import (
	"context"
	binenc "encoding/binary"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// skewedTraffic is one service's traffic over routes: the hot route carries 95% of
// it, twenty rare routes share the rest, and for a while the hot route triples.
type skewedTraffic struct {
	tracesPerSecond float64 // outside the burst
	seconds         int
	burstFrom       int // the hot route triples in seconds [burstFrom, burstTo)
	burstTo         int
	errorEvery      int // every n-th trace fails in a child span
	slowEvery       int // every n-th trace is slow
}

const (
	hotRoute   = "/api/orders/{id}"
	rareRoutes = 20
)

func rareRoute(i int) string { return fmt.Sprintf("/api/rare/%02d", i) }

// sentTrace is what the test remembers of a trace it sent.
type sentTrace struct {
	route  string
	second int    // since the traffic began, by its root span's start
	kind   string // healthy, error or slow
}

// send sends the traffic to endpoint over OTLP/gRPC, ten requests a second from one
// connection, spread as a service's requests would be, and returns what it sent by
// trace ID. Every trace is three spans: a root with the route, two children, the
// error (if any) on the second child.
func (s skewedTraffic) send(t *testing.T, endpoints []string) map[pcommon.TraceID]sentTrace {
	t.Helper()
	var clients []ptraceotlp.GRPCClient
	for _, endpoint := range endpoints {
		conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
		require.NoError(t, err)
		t.Cleanup(func() { _ = conn.Close() })
		clients = append(clients, ptraceotlp.NewGRPCClient(conn))
	}
	rng := rand.New(rand.NewPCG(42, 7))
	sent := map[pcommon.TraceID]sentTrace{}
	start := time.Now()
	n, carry := 0, 0.0
	const tick = 100 * time.Millisecond
	for step := 0; step < s.seconds*10; step++ {
		second := step / 10
		hot := s.tracesPerSecond * 0.95
		if second >= s.burstFrom && second < s.burstTo {
			hot *= 3
		}
		carry += (hot + s.tracesPerSecond*0.05) * tick.Seconds()
		td := ptrace.NewTraces()
		rs := td.ResourceSpans().AppendEmpty()
		rs.Resource().Attributes().PutStr("service.name", "shop")
		spans := rs.ScopeSpans().AppendEmpty().Spans()
		at := start.Add(time.Duration(step) * tick)
		for ; carry >= 1; carry-- {
			n++
			route := hotRoute
			if rng.Float64() >= hot/(hot+s.tracesPerSecond*0.05) {
				route = rareRoute(rng.IntN(rareRoutes))
			}
			kind := "healthy"
			switch {
			case n%s.errorEvery == 0:
				kind = "error"
			case n%s.slowEvery == 0:
				kind = "slow"
			}
			var id pcommon.TraceID
			binenc.BigEndian.PutUint64(id[:8], rng.Uint64())
			binenc.BigEndian.PutUint64(id[8:], rng.Uint64())
			sent[id] = sentTrace{route: route, second: second, kind: kind}
			appendSkewedTrace(spans, id, route, kind, at)
		}
		// Round-robin, as several clients of a fleet would.
		client := clients[step%len(clients)]
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := client.Export(ctx, ptraceotlp.NewExportRequestFromTraces(td))
		cancel()
		require.NoError(t, err)
		time.Sleep(time.Until(start.Add(time.Duration(step+1) * tick)))
	}
	return sent
}

func appendSkewedTrace(spans ptrace.SpanSlice, id pcommon.TraceID, route, kind string, at time.Time) {
	dur := 20 * time.Millisecond
	if kind == "slow" {
		dur = 3 * time.Second
	}
	for i := range 3 {
		span := spans.AppendEmpty()
		span.SetTraceID(id)
		span.SetSpanID(pcommon.SpanID{byte(i + 1), id[1], id[2], id[3], id[4], id[5], id[6], id[7]})
		span.SetStartTimestamp(pcommon.NewTimestampFromTime(at))
		span.SetEndTimestamp(pcommon.NewTimestampFromTime(at.Add(dur)))
		if i == 0 {
			span.SetName("GET " + route)
			span.SetKind(ptrace.SpanKindServer)
			span.Attributes().PutStr("http.route", route)
			span.Attributes().PutInt("http.response.status_code", 200)
			continue
		}
		span.SetParentSpanID(pcommon.SpanID{1, id[1], id[2], id[3], id[4], id[5], id[6], id[7]})
		span.SetName("child")
		if i == 2 && kind == "error" {
			span.Status().SetCode(ptrace.StatusCodeError)
		}
	}
}

// keyedResult is what a backend received of skewed traffic.
type keyedResult struct {
	// healthyPerWindow counts healthy traces kept by the ten-second window their
	// root started in; rarePerWindow the same per rare route.
	healthyPerWindow map[int]int
	rarePerWindow    map[int]map[string]int
	// estimated is each route's traces counted back from the kept spans' th.
	estimated map[string]float64
	// spansOf counts each kept trace's spans.
	spansOf map[pcommon.TraceID]int
}

func readKeyedResult(t *testing.T, b *Backend, sent map[pcommon.TraceID]sentTrace) keyedResult {
	t.Helper()
	r := keyedResult{healthyPerWindow: map[int]int{}, rarePerWindow: map[int]map[string]int{}, estimated: map[string]float64{}, spansOf: map[pcommon.TraceID]int{}}
	for _, rec := range b.Spans() {
		id := rec.Span.TraceID()
		r.spansOf[id]++
		s, ok := sent[id]
		require.True(t, ok, "a trace nobody sent")
		if !rec.Span.ParentSpanID().IsEmpty() {
			continue
		}
		r.estimated[s.route] += 1 / keptProbability(t, rec.Span.TraceState().AsRaw())
		if s.kind != "healthy" {
			continue
		}
		w := s.second / 10
		r.healthyPerWindow[w]++
		if s.route != hotRoute {
			if r.rarePerWindow[w] == nil {
				r.rarePerWindow[w] = map[string]int{}
			}
			r.rarePerWindow[w][s.route]++
		}
	}
	return r
}

// keptProbability reads a span's th (OpenTelemetry probability sampling): the
// probability with which it was kept.
func keptProbability(t *testing.T, traceState string) float64 {
	t.Helper()
	for _, member := range strings.Split(traceState, ",") {
		ot, ok := strings.CutPrefix(strings.TrimSpace(member), "ot=")
		if !ok {
			continue
		}
		for _, part := range strings.Split(ot, ";") {
			if th, ok := strings.CutPrefix(part, "th:"); ok {
				v, err := strconv.ParseUint(th+strings.Repeat("0", 14-len(th)), 16, 64)
				require.NoError(t, err, th)
				return 1 - float64(v)/(1<<56)
			}
		}
	}
	t.Fatalf("no th in tracestate %q", traceState)
	return 0
}

// checkKeyed checks what one backend received against the goal: every error and
// slow trace whole, no healthy trace split, every rare route represented in every
// ten-second window it was sent in, the healthy throughput within 10% of the goal in
// every window after the first (the rates' warm-up) through the burst, and every
// route's count, extrapolated from th, within 5% of what was sent.
func checkKeyed(t *testing.T, where string, r keyedResult, sent map[pcommon.TraceID]sentTrace, traffic skewedTraffic, goal float64) {
	t.Helper()
	sentPerRoute := map[string]int{}
	sentRare := map[int]map[string]bool{}
	for id, s := range sent {
		sentPerRoute[s.route]++
		if s.route != hotRoute {
			if sentRare[s.second/10] == nil {
				sentRare[s.second/10] = map[string]bool{}
			}
			sentRare[s.second/10][s.route] = true
		}
		switch n := r.spansOf[id]; s.kind {
		case "error", "slow":
			assert.Equal(t, 3, n, "%s: %s trace %s whole", where, s.kind, id)
		default:
			assert.Contains(t, []int{0, 3}, n, "%s: healthy trace %s split", where, id)
		}
	}
	for w, routes := range sentRare {
		for route := range routes {
			assert.Positive(t, r.rarePerWindow[w][route], "%s: %s has no healthy trace in window %d", where, route, w)
		}
	}
	for w := 1; w < traffic.seconds/10; w++ {
		perSecond := float64(r.healthyPerWindow[w]) / 10
		t.Logf("%s: window %d (seconds %d-%d): %.1f healthy traces kept a second (goal %g)", where, w, w*10, w*10+10, perSecond, goal)
		assert.InEpsilon(t, goal, perSecond, 0.10, "%s: healthy throughput in window %d", where, w)
	}
	for route, n := range sentPerRoute {
		assert.InEpsilon(t, float64(n), r.estimated[route], 0.05, "%s: %s counted from th", where, route)
	}
	t.Logf("%s: %s: %d sent, %.0f counted from th", where, hotRoute, sentPerRoute[hotRoute], r.estimated[hotRoute])
}

// TestKeyedSamplingHoldsTheGoalOnSkewedTraffic runs config/gateway.yaml with
// HEALTHY_TRACES_PER_SECOND=60 under 300 traces a second, 95% of them on one route,
// with ten seconds in which that route triples.
func TestKeyedSamplingHoldsTheGoalOnSkewedTraffic(t *testing.T) {
	const goal = 60
	traffic := skewedTraffic{tracesPerSecond: 300, seconds: 50, burstFrom: 20, burstTo: 30, errorEvery: 97, slowEvery: 89}
	jaeger, tempo := StartBackend(t), StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaeger, tempo, map[string]string{
		"HEALTHY_TRACES_PER_SECOND": strconv.Itoa(goal),
		"RECORD_KEEP_REASON":        "true",
	})})
	sent := traffic.send(t, []string{col.Endpoints.GRPC})
	Settle(t, col, jaeger, tempo)
	// record_reason: every span says which rule kept its trace, and the trace's key.
	wantReason := map[string]string{"healthy": "sampled", "error": "error", "slow": "latency"}
	for _, rec := range tempo.Spans() {
		s := sent[rec.Span.TraceID()]
		reason, _ := rec.Span.Attributes().Get("errorkeep.reason")
		key, _ := rec.Span.Attributes().Get("errorkeep.key")
		require.Equal(t, wantReason[s.kind], reason.Str(), "a %s trace", s.kind)
		require.Equal(t, "shop "+s.route, key.Str())
	}
	checkKeyed(t, "tempo", readKeyedResult(t, tempo, sent), sent, traffic, goal)
	checkKeyed(t, "jaeger", readKeyedResult(t, jaeger, sent), sent, traffic, goal)
}

// TestKeyedSamplingHoldsAFleetGoal is the same traffic through the scaled-out layout:
// a load-balancing tier in front of three gateways that share a fleet goal
// (GATEWAY_REPLICAS=3), each exporting to the same backend.
func TestKeyedSamplingHoldsAFleetGoal(t *testing.T) {
	const goal = 60
	traffic := skewedTraffic{tracesPerSecond: 300, seconds: 50, burstFrom: 20, burstTo: 30, errorEvery: 97, slowEvery: 89}
	jaeger, tempo := StartBackend(t), StartBackend(t)
	var gateways []*Collector
	for range 3 {
		gateways = append(gateways, StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaeger, tempo, map[string]string{
			"HEALTHY_TRACES_PER_SECOND": strconv.Itoa(goal),
			"GATEWAY_REPLICAS":          "3",
		})}))
	}
	lb := StartCollector(t, binary, loadBalancerConfig(t, gateways), CollectorOptions{})
	sent := traffic.send(t, []string{lb.Endpoints.GRPC})
	Settle(t, lb)
	for _, g := range gateways {
		Settle(t, g, jaeger, tempo)
	}
	checkKeyed(t, "fleet", readKeyedResult(t, tempo, sent), sent, traffic, goal)
}
