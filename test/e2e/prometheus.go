package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// PrometheusEnv points the suite at a Prometheus server binary (`make build-prometheus`).
const PrometheusEnv = "PROMETHEUS_BINARY"

// prometheusServer is a real Prometheus 3 on loopback, taking metrics over OTLP only
// (nothing is scraped): the metrics backend of the gateway's RED metrics.
type prometheusServer struct {
	URL string // http://127.0.0.1:port: the HTTP API, and /api/v1/otlp/v1/metrics
}

// prometheusConfig names the OTLP translation Prometheus 3 applies by default, so the
// metric names the tests and Jaeger query are the ones a stock Prometheus stores:
// dots become underscores, counters get _total, histograms their unit
// (traces.span.metrics.duration in ms -> traces_span_metrics_duration_milliseconds).
const prometheusConfig = `
otlp:
  translation_strategy: UnderscoreEscapingWithSuffixes
`

// startPrometheus runs Prometheus with its OTLP receiver on. Created-timestamp
// ingestion makes a counter's first point count from zero: without it, a route whose
// first flush already held all its calls would show no rate (docs/operations.md).
func startPrometheus(t *testing.T) *prometheusServer {
	t.Helper()
	binary := binaryFromEnv(t, PrometheusEnv, "build-prometheus")
	dir := t.TempDir()
	config := filepath.Join(dir, "prometheus.yml")
	require.NoError(t, os.WriteFile(config, []byte(prometheusConfig), 0o600))
	listen := FreeEndpoint(t)
	startProcess(t, "prometheus", binary,
		"--config.file="+config,
		"--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+listen,
		"--web.enable-otlp-receiver",
		"--enable-feature=created-timestamp-zero-ingestion",
		// With created timestamps on, Prometheus 3.7 logs every later point of a
		// series at warn ("out of order sample" for its zero); nothing is lost.
		"--log.level=error",
	)
	p := &prometheusServer{URL: "http://" + listen}
	Eventually(t, StartTimeout, func() bool {
		resp, err := http.Get(p.URL + "/-/ready")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, "prometheus ready")
	return p
}

// OTLPEndpoint is the base URL an OTLP/HTTP exporter appends /v1/metrics to.
func (p *prometheusServer) OTLPEndpoint() string { return p.URL + "/api/v1/otlp" }

// promSample is one series of an instant query's result.
type promSample struct {
	Labels map[string]string
	Value  float64
}

// query runs an instant PromQL query through the HTTP API.
func (p *prometheusServer) query(t *testing.T, promql string) []promSample {
	t.Helper()
	resp, err := http.Get(p.URL + "/api/v1/query?query=" + url.QueryEscape(promql))
	require.NoError(t, err)
	defer resp.Body.Close()
	var body struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			ResultType string `json:"resultType"`
			Result     []struct {
				Metric map[string]string `json:"metric"`
				Value  [2]any            `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	require.Equal(t, "success", body.Status, "%s: %s", promql, body.Error)
	require.Equal(t, "vector", body.Data.ResultType, promql)
	samples := make([]promSample, 0, len(body.Data.Result))
	for _, r := range body.Data.Result {
		text, ok := r.Value[1].(string)
		require.True(t, ok, "%s: value %v", promql, r.Value)
		v, err := strconv.ParseFloat(text, 64)
		require.NoError(t, err)
		samples = append(samples, promSample{Labels: r.Metric, Value: v})
	}
	return samples
}

// jaegerSPMBackend is the metric_backends entry of Jaeger v2's jaeger_storage
// extension that reads the gateway's RED metrics from Prometheus for the Monitor tab
// (docs/operations.md shows the same). Jaeger queries
// <metric_namespace>_calls_total and <metric_namespace>_duration_<unit>_bucket with
// normalize_calls and normalize_duration on, grouped by service_name and span_name,
// errors by status_code="STATUS_CODE_ERROR".
func jaegerSPMBackend(prometheusURL string) string {
	return fmt.Sprintf(`    metric_backends:
      prometheus:
        prometheus:
          endpoint: %s
          metric_namespace: traces_span_metrics
          latency_unit: ms
          normalize_calls: true
          normalize_duration: true`, prometheusURL)
}
