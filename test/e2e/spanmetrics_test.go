package e2e

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"gopkg.in/yaml.v3"
)

// redRoute is one HTTP route of the test traffic and how many of its requests each
// round sends: healthy, failed (the root span and, through payments, the downstream
// span have status Error) and slow (2.5 s, above errorkeep's 2 s latency threshold).
type redRoute struct {
	service, route           string
	healthy, errors, slow    int
	callsPayments            bool // a gRPC call to payments.Payments/Authorize
	rareForJaegerSPMToShow   bool // a rare route: Jaeger's Monitor tab must show it
	errorsForJaegerSPMToShow bool
	// spanName, when set, is the server span's name in place of "GET <route>", and
	// redactedSpanName what piiredact makes of it: the metrics only see the latter.
	spanName, redactedSpanName string
}

// serverSpanName is the route's server span name as the metrics must show it.
func (r redRoute) serverSpanName() (sent, counted string) {
	if r.spanName != "" {
		return r.spanName, r.redactedSpanName
	}
	return "GET " + r.route, "GET " + r.route
}

// redTraffic is skewed as production traffic is: one hot route carries most of it;
// the rare routes are the ones a sampled trace backend loses, and RED metrics must not.
var redTraffic = []redRoute{
	{service: "frontend", route: "/api/products", healthy: 250, errors: 1},
	{service: "frontend", route: "/api/checkout", healthy: 3, errors: 1, callsPayments: true, rareForJaegerSPMToShow: true, errorsForJaegerSPMToShow: true},
	{service: "frontend", route: "/api/account", healthy: 2, rareForJaegerSPMToShow: true},
	{service: "frontend", route: "/api/orders/{id}", healthy: 1, slow: 1, rareForJaegerSPMToShow: true},
	{service: "catalog", route: "/catalog/search", healthy: 30},
	{service: "catalog", route: "/catalog/export", healthy: 1, errors: 1, rareForJaegerSPMToShow: true, errorsForJaegerSPMToShow: true},
	{service: "catalog", route: "/catalog/admin/reindex", slow: 1, rareForJaegerSPMToShow: true},
	// An instrumentation that puts the user in the span name: redacted before the
	// metrics see it, so no label holds it.
	{service: "frontend", route: "/users/{email}/cards", healthy: 1, rareForJaegerSPMToShow: true,
		spanName: "GET /users/" + plantedEmail + "/cards", redactedSpanName: "GET /users/[REDACTED:email]/cards"},
}

// redKey names one series of traces.span.metrics.calls as Prometheus stores it.
type redKey struct {
	service, span, kind, status, route, rpcMethod string
}

// redSent counts what the test sent, as the span metrics must count it.
type redSent struct {
	calls      map[redKey]float64
	spans      int
	slowSpans  int // spans of 2.5 s: above the 2 s histogram bucket
	errorSpans int
}

// appendREDTrace adds one trace of route to td: the route's server span, and for
// routes that call payments, a client span and payments' server span under it.
func appendREDTrace(td ptrace.Traces, r redRoute, failed, slow bool, now time.Time, sent *redSent) {
	duration := 20 * time.Millisecond
	if slow {
		duration = 2500 * time.Millisecond
	}
	status := ptrace.StatusCodeUnset
	if failed {
		status = ptrace.StatusCodeError
	}
	// Random IDs, as SDKs make them: errorkeep samples healthy traces by them.
	var traceID pcommon.TraceID
	_, _ = rand.Read(traceID[:])
	add := func(service, name, countedName string, kind ptrace.SpanKind, parent pcommon.SpanID, attrs map[string]string, status ptrace.StatusCode, d time.Duration) pcommon.SpanID {
		rs := td.ResourceSpans().AppendEmpty()
		rs.Resource().Attributes().PutStr("service.name", service)
		// A pod's own attributes: the gateway must aggregate per service, not per pod.
		rs.Resource().Attributes().PutStr("k8s.pod.name", fmt.Sprintf("%s-%d", service, sent.spans%3))
		s := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
		var spanID pcommon.SpanID
		_, _ = rand.Read(spanID[:])
		s.SetTraceID(traceID)
		s.SetSpanID(spanID)
		s.SetParentSpanID(parent)
		s.SetName(name)
		s.SetKind(kind)
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(now.Add(-d)))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(now))
		s.Status().SetCode(status)
		for k, v := range attrs {
			s.Attributes().PutStr(k, v)
		}
		key := redKey{service: service, span: countedName, kind: spanKindLabel(kind), status: statusCodeLabel(status),
			route: attrs["http.route"], rpcMethod: attrs["rpc.method"]}
		sent.calls[key]++
		sent.spans++
		if d > 2*time.Second {
			sent.slowSpans++
		}
		if status == ptrace.StatusCodeError {
			sent.errorSpans++
		}
		return spanID
	}
	name, countedName := r.serverSpanName()
	root := add(r.service, name, countedName, ptrace.SpanKindServer, pcommon.NewSpanIDEmpty(),
		map[string]string{"http.route": r.route, "http.request.method": "GET"}, status, duration)
	if r.callsPayments {
		rpc := map[string]string{"rpc.system": "grpc", "rpc.service": "payments.Payments", "rpc.method": "Authorize"}
		const rpcName = "payments.Payments/Authorize"
		client := add(r.service, rpcName, rpcName, ptrace.SpanKindClient, root, rpc, status, duration/2)
		add("payments", rpcName, rpcName, ptrace.SpanKindServer, client, rpc, status, duration/2)
	}
}

// spanKindLabel and statusCodeLabel are the span metrics' span.kind and status.code values.
func spanKindLabel(k ptrace.SpanKind) string {
	return "SPAN_KIND_" + strings.ToUpper(k.String())
}

func statusCodeLabel(c ptrace.StatusCode) string {
	return "STATUS_CODE_" + strings.ToUpper(c.String())
}

// TestREDMetricsCountEverySpanBeforeSamplingAndFeedJaegerSPM runs config/gateway.yaml
// as shipped, with healthy sampling at 10%, between a real Prometheus 3 (its OTLP
// receiver takes the span metrics) and a real Jaeger v2 (traces, and its Monitor tab
// reading Prometheus). Skewed traffic from three services: the calls counted in
// Prometheus equal what was sent, series by series (every span, not the sample),
// errors as errors, durations in the histogram; the trace backends got a fraction of
// it; and Jaeger's /api/metrics/calls, /latencies and /errors answer for the rare routes.
func TestREDMetricsCountEverySpanBeforeSamplingAndFeedJaegerSPM(t *testing.T) {
	const rounds = 5
	prom := startPrometheus(t)
	j := startJaeger(t, jaegerOptions{Prometheus: prom.URL})
	tempo := StartBackend(t)
	env := map[string]string{
		"JAEGER_ENDPOINT":            j.OTLP,
		"TEMPO_ENDPOINT":             tempo.GRPC,
		"SIGNALS_ENDPOINT":           "http://" + tempo.HTTP,
		"SPANMETRICS_ENDPOINT":       prom.OTLPEndpoint(),
		"SPANMETRICS_FLUSH_INTERVAL": "1s",
		"HEALTHY_PERCENT":            "10",
		"DECISION_WAIT":              "1s",
	}
	gateway := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: env})

	// Rounds a second apart, so that Prometheus holds several points of each series
	// and the rates Jaeger asks for are over real increments.
	sent := &redSent{calls: map[redKey]float64{}}
	ctx := context.Background()
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for round := range rounds {
		td := ptrace.NewTraces()
		now := time.Now()
		for _, r := range redTraffic {
			for range r.healthy {
				appendREDTrace(td, r, false, false, now, sent)
			}
			for range r.errors {
				appendREDTrace(td, r, true, false, now, sent)
			}
			for range r.slow {
				appendREDTrace(td, r, false, true, now, sent)
			}
		}
		require.NoError(t, SendTraces(ctx, gateway.Endpoints.GRPC, td), "round %d", round)
		<-ticker.C
	}

	// (1) Prometheus counts every span, per service, span name, kind, status, route
	// and RPC method: not the sample.
	const by = "service_name, span_name, span_kind, status_code, http_route, rpc_method"
	got := map[redKey]float64{}
	Eventually(t, 2*DeliverTimeout, func() bool {
		got = map[redKey]float64{}
		for _, s := range prom.query(t, "sum by ("+by+") (traces_span_metrics_calls_total)") {
			got[redKeyOf(s.Labels)] = s.Value
		}
		return assert.ObjectsAreEqual(sent.calls, got)
	}, "Prometheus's span-metric calls equal what was sent")
	assert.Equal(t, sent.calls, got)
	durations := map[redKey]float64{}
	for _, s := range prom.query(t, "sum by ("+by+") (traces_span_metrics_duration_milliseconds_count)") {
		durations[redKeyOf(s.Labels)] = s.Value
	}
	assert.Equal(t, sent.calls, durations, "every span in the duration histogram")
	errorCalls := scalar(t, prom, `sum(traces_span_metrics_calls_total{status_code="STATUS_CODE_ERROR"})`)
	assert.InDelta(t, float64(sent.errorSpans), errorCalls, 0.5, "errors counted as errors (whole numbers: equal)")
	slow := scalar(t, prom, `sum(traces_span_metrics_duration_milliseconds_count) - sum(traces_span_metrics_duration_milliseconds_bucket{le=~"2000(\\.0)?"})`)
	assert.InDelta(t, float64(sent.slowSpans), slow, 0.5, "spans above the 2 s bucket (whole numbers: equal)")
	pii := prom.query(t, `count({__name__=~"traces_span_metrics_.+", span_name=~".*@.*"})`)
	assert.Empty(t, pii, "PII in a span-metric label")
	overflow := prom.query(t, `traces_span_metrics_calls_total{otel_metric_overflow="true"}`)
	assert.Empty(t, overflow, "no series over the cardinality limit")
	jobs := prom.query(t, `count by (job) (traces_span_metrics_calls_total)`)
	assert.Len(t, jobs, 3, "one job per service, not per pod: %v", jobs)

	// Healthy sampling is on: the trace backends hold a fraction of what the metrics count.
	Settle(t, gateway, tempo)
	exported := tempo.SpanCount()
	assert.Less(t, exported, sent.spans/3, "the traces are sampled")
	t.Logf("sent %d spans in %d series (%d errors, %d slow); Prometheus counted %.0f calls; the trace backend got %d spans",
		sent.spans, len(sent.calls), sent.errorSpans, sent.slowSpans, sum(got), exported)
	inBackend := map[[2]string]int{}
	for _, s := range tempo.Spans() {
		if s.Span.Kind() == ptrace.SpanKindServer {
			inBackend[[2]string{s.Span.Name(), statusCodeLabel(s.Span.Status().Code())}]++
		}
	}
	for _, r := range redTraffic {
		_, op := r.serverSpanName()
		for _, status := range []string{"STATUS_CODE_UNSET", "STATUS_CODE_ERROR"} {
			if n := got[redKey{r.service, op, "SPAN_KIND_SERVER", status, r.route, ""}]; n > 0 {
				t.Logf("%-8s %-34q %-17s calls in Prometheus %4.0f, server spans in the trace backend %3d",
					r.service, op, status, n, inBackend[[2]string{op, status}])
			}
		}
	}

	// (2) Jaeger's Monitor tab, off those metrics: calls, latencies and errors for the
	// rare routes.
	spm := map[string]map[string]map[string][]float64{} // endpoint -> service -> operation -> points
	for _, endpoint := range []string{"calls", "latencies", "errors"} {
		spm[endpoint] = map[string]map[string][]float64{}
		for _, service := range []string{"frontend", "catalog"} {
			spm[endpoint][service] = jaegerSPM(t, j, endpoint, service)
		}
	}
	for _, r := range redTraffic {
		if !r.rareForJaegerSPMToShow {
			continue
		}
		_, op := r.serverSpanName()
		for _, endpoint := range []string{"calls", "latencies", "errors"} {
			values := spm[endpoint][r.service][op]
			if endpoint == "errors" && !r.errorsForJaegerSPMToShow {
				// Jaeger's error-rate query has no series where no call failed: the tab shows 0.
				assert.Zero(t, maxOf(values), "%s %s: error rate of a route without errors", r.service, op)
				continue
			}
			require.NotEmpty(t, values, "Jaeger /api/metrics/%s has no %s of %s", endpoint, op, r.service)
			assert.Positive(t, maxOf(values), "Jaeger /api/metrics/%s for %s %s", endpoint, r.service, op)
		}
		t.Logf("Jaeger SPM, %s %q: up to %.3f calls/s, p95 up to %.0f ms, error rate up to %.2f", r.service, op,
			maxOf(spm["calls"][r.service][op]), maxOf(spm["latencies"][r.service][op]), maxOf(spm["errors"][r.service][op]))
	}
	assert.Greater(t, maxOf(spm["latencies"]["catalog"]["GET /catalog/admin/reindex"]), 2000.0, "the slow route's p95 latency, in ms")
	for _, service := range []string{"frontend", "catalog"} {
		for op := range spm["calls"][service] {
			assert.NotContains(t, op, plantedEmail, "PII in a span-metric label")
		}
	}

	// (3) The cardinality bound: a service whose span names carry IDs, through a
	// gateway that keeps 4 combinations per service: 4 series, the rest counted in one
	// overflow series, which the SpanMetricsOverflow alert watches; nothing uncounted.
	capped := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: env,
		Args: []string{"--set=connectors::span_metrics::aggregation_cardinality_limit=4"}})
	idSent := &redSent{calls: map[redKey]float64{}}
	td := ptrace.NewTraces()
	for i := range 20 {
		name := fmt.Sprintf("GET /items/%d", 1000+i)
		appendREDTrace(td, redRoute{service: "inventory", route: "/items/{id}", spanName: name, redactedSpanName: name},
			false, false, time.Now(), idSent)
	}
	require.NoError(t, SendTraces(ctx, capped.Endpoints.GRPC, td))
	byOverflow := map[string]float64{}
	Eventually(t, 2*DeliverTimeout, func() bool {
		byOverflow = map[string]float64{}
		for _, s := range prom.query(t, `sum by (otel_metric_overflow) (traces_span_metrics_calls_total{job="inventory"})`) {
			byOverflow[s.Labels["otel_metric_overflow"]] = s.Value
		}
		return byOverflow[""]+byOverflow["true"] == 20
	}, "the capped gateway's counts in Prometheus")
	assert.Equal(t, map[string]float64{"": 4, "true": 16}, byOverflow, "4 series within the limit, the rest in the overflow series")

	// (4) What deploy/monitoring shows and alerts on, run against these series: every
	// dashboard query and alert on the RED metrics returns data (the overflow alert's
	// condition holds for inventory, and only for it).
	for _, q := range redMonitoringQueries(t) {
		samples := prom.query(t, q.expr)
		assert.NotEmpty(t, samples, "%s: %s", q.where, q.expr)
		if q.where == "alert SpanMetricsOverflow" {
			require.Len(t, samples, 1)
			assert.Equal(t, "inventory", samples[0].Labels["job"], "the overflow alert names the service")
		}
	}
}

type monitoringQuery struct{ where, expr string }

// redMonitoringQueries lists the dashboard's and the alerting rules' PromQL over the
// span metrics, with the dashboard's variables set as a user opening it would have them.
func redMonitoringQueries(t *testing.T) []monitoringQuery {
	t.Helper()
	var queries []monitoringQuery
	raw, err := os.ReadFile(filepath.Join(RepoRoot(), "deploy", "monitoring", "grafana", "otelcol-custom.json"))
	require.NoError(t, err)
	var dashboard struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	require.NoError(t, json.Unmarshal(raw, &dashboard))
	vars := strings.NewReplacer(`$service`, `.*`, `$__rate_interval`, `1m`)
	for _, p := range dashboard.Panels {
		for _, target := range p.Targets {
			if strings.Contains(target.Expr, "traces_span_metrics") {
				queries = append(queries, monitoringQuery{"panel " + p.Title, vars.Replace(target.Expr)})
			}
		}
	}
	raw, err = os.ReadFile(filepath.Join(RepoRoot(), "deploy", "monitoring", "prometheus", "rules.yaml"))
	require.NoError(t, err)
	var rules struct {
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &rules))
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			if strings.Contains(r.Expr, "traces_span_metrics") {
				queries = append(queries, monitoringQuery{"alert " + r.Alert, r.Expr})
			}
		}
	}
	require.Len(t, queries, 6, "the RED panels and the overflow alert")
	return queries
}

func redKeyOf(labels map[string]string) redKey {
	return redKey{service: labels["service_name"], span: labels["span_name"], kind: labels["span_kind"],
		status: labels["status_code"], route: labels["http_route"], rpcMethod: labels["rpc_method"]}
}

func scalar(t *testing.T, prom *prometheusServer, promql string) float64 {
	t.Helper()
	samples := prom.query(t, promql)
	require.Len(t, samples, 1, promql)
	return samples[0].Value
}

func sum(m map[redKey]float64) (total float64) {
	for _, v := range m {
		total += v
	}
	return total
}

func maxOf(values []float64) float64 {
	m := 0.0
	for _, v := range values {
		m = max(m, v)
	}
	return m
}

// jaegerSPM asks Jaeger's metrics API (what the Monitor tab shows) for the service's
// server spans over the last five minutes, by operation, and returns each operation's
// points. Rates are per second over one-minute windows; latencies are p95 in ms.
func jaegerSPM(t *testing.T, j *jaeger, endpoint, service string) map[string][]float64 {
	t.Helper()
	q := url.Values{
		"service":          {service},
		"groupByOperation": {"true"},
		"spanKind":         {"server"},
		"endTs":            {strconv.FormatInt(time.Now().UnixMilli(), 10)},
		"lookback":         {"300000"},
		"step":             {"1000"},
		"ratePer":          {"60000"},
	}
	if endpoint == "latencies" {
		q.Set("quantile", "0.95")
	}
	resp, err := http.Get("http://" + j.Query + "/api/metrics/" + endpoint + "?" + q.Encode())
	require.NoError(t, err)
	defer resp.Body.Close()
	var family struct {
		Name    string `json:"name"`
		Metrics []struct {
			Labels []struct {
				Name  string `json:"name"`
				Value string `json:"value"`
			} `json:"labels"`
			MetricPoints []struct {
				GaugeValue struct {
					DoubleValue json.RawMessage `json:"doubleValue"`
				} `json:"gaugeValue"`
			} `json:"metricPoints"`
		} `json:"metrics"`
	}
	var raw json.RawMessage
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&raw))
	require.Equal(t, http.StatusOK, resp.StatusCode, "Jaeger /api/metrics/%s: %s", endpoint, raw)
	require.NoError(t, json.Unmarshal(raw, &family), "%s", raw)
	out := map[string][]float64{}
	for _, m := range family.Metrics {
		op := ""
		for _, l := range m.Labels {
			if l.Name == "operation" {
				op = l.Value
			}
		}
		for _, p := range m.MetricPoints {
			// Protobuf JSON writes NaN and infinities as strings.
			v, err := strconv.ParseFloat(strings.Trim(string(p.GaugeValue.DoubleValue), `"`), 64)
			if err == nil && !math.IsNaN(v) {
				out[op] = append(out[op], v)
			}
		}
	}
	return out
}
