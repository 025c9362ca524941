package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/trace"
)

// JaegerEnv points the suite at a Jaeger v2 binary (`make build-jaeger`).
const JaegerEnv = "JAEGER_BINARY"

// jaeger is a real Jaeger v2 process with in-memory storage, on loopback.
type jaeger struct {
	OTLP  string // OTLP/gRPC receiver
	Query string // query service: /api/v3, and /api/metrics with a metrics backend
}

// jaegerOptions tune startJaeger.
type jaegerOptions struct {
	// Prometheus is the base URL of a Prometheus holding the span metrics: when set,
	// Jaeger's Monitor tab (SPM, /api/metrics/...) reads them from there.
	Prometheus string
}

// startJaeger runs Jaeger v2 with a config that keeps every listener on 127.0.0.1.
func startJaeger(t *testing.T, opts jaegerOptions) *jaeger {
	t.Helper()
	binary := binaryFromEnv(t, JaegerEnv, "build-jaeger")
	j := &jaeger{OTLP: FreeEndpoint(t), Query: FreeEndpoint(t)}
	metricsStorage, metricBackends := "", ""
	if opts.Prometheus != "" {
		metricsStorage = "\n      metrics: prometheus"
		metricBackends = "\n" + jaegerSPMBackend(opts.Prometheus)
	}
	config := fmt.Sprintf(`
service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
extensions:
  jaeger_query:
    enable_tracing: false # its own spans would go to localhost:4317, another process's port here
    storage:
      traces: memstore%s
    http:
      endpoint: %s
    grpc:
      endpoint: %s
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000%s
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: %s
processors:
  batch:
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`, metricsStorage, j.Query, FreeEndpoint(t), metricBackends, j.OTLP)
	path := filepath.Join(t.TempDir(), "jaeger.yaml")
	require.NoError(t, os.WriteFile(path, []byte(config), 0o600))
	startProcess(t, "jaeger", binary, "--config", path)
	Eventually(t, StartTimeout, func() bool {
		resp, err := http.Get("http://" + j.Query + "/api/v3/services")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, "jaeger query service up")
	return j
}

// trace fetches one trace from Jaeger's /api/v3; found is false on 404.
func (j *jaeger) trace(t *testing.T, id trace.TraceID) (td ptrace.Traces, raw []byte, found bool) {
	t.Helper()
	resp, err := http.Get(fmt.Sprintf("http://%s/api/v3/traces/%s", j.Query, id))
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err = io.ReadAll(resp.Body)
	require.NoError(t, err)
	if resp.StatusCode == http.StatusNotFound {
		return ptrace.NewTraces(), raw, false
	}
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", raw)
	var wrapper struct {
		Result json.RawMessage `json:"result"`
	}
	require.NoError(t, json.Unmarshal(raw, &wrapper), "%s", raw)
	td, err = (&ptrace.JSONUnmarshaler{}).UnmarshalTraces(wrapper.Result)
	require.NoError(t, err, "%s", raw)
	return td, raw, true
}

// TestSidecarAndGatewayIntoRealJaeger runs the product's whole path with a real backend:
// an application's SDK sends to config/sidecar.yaml, which forwards to
// config/gateway.yaml, which exports to a real Jaeger v2 and to a stand-in for Tempo.
// Read back through Jaeger's own query API: every error and slow trace is there whole,
// with its sampling threshold in tracestate, healthy traces are there whole or not at
// all at the configured share, and no PII reached Jaeger.
func TestSidecarAndGatewayIntoRealJaeger(t *testing.T) {
	const percent = 20.0
	j := startJaeger(t, jaegerOptions{})
	tempo := StartBackend(t)
	gateway := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: map[string]string{
		"JAEGER_ENDPOINT":  j.OTLP,
		"TEMPO_ENDPOINT":   tempo.GRPC,
		"SIGNALS_ENDPOINT": "http://" + tempo.HTTP,
		"HEALTHY_PERCENT":  fmt.Sprint(percent),
		"DECISION_WAIT":    "1s",
	}})
	sidecar := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: map[string]string{
		"GATEWAY_ENDPOINT": gateway.Endpoints.GRPC,
		"QUEUE_DIR":        filepath.Join(t.TempDir(), "queue"),
	}})
	kinds := traceKinds{}
	sendMixedTraces(t, sidecar.Endpoints.GRPC, "checkout", 15, 15, 150, kinds)

	wantKept := 0
	for _, label := range kinds {
		if label != "healthy" {
			wantKept++
		}
	}
	Eventually(t, 2*DeliverTimeout, func() bool {
		return countSpansNamed(tempo, "root-error")+countSpansNamed(tempo, "root-slow") >= wantKept &&
			metricSum(gateway.Metrics(t), "otelcol_processor_errorkeep_buffered_traces") == 0
	}, "gateway decided and delivered every error and slow trace")
	// Jaeger batches what it receives; wait until the last kept trace is queryable.
	var lastKept trace.TraceID
	for id, label := range kinds {
		if label != "healthy" {
			lastKept = id
		}
	}
	Eventually(t, DeliverTimeout, func() bool { _, _, found := j.trace(t, lastKept); return found }, "traces stored in Jaeger")

	healthy, healthyKept := 0, 0
	for id, label := range kinds {
		td, raw, found := j.trace(t, id)
		assert.NotContains(t, string(raw), plantedEmail, "PII in Jaeger")
		assert.NotContains(t, string(raw), plantedCard, "PII in Jaeger")
		if label == "healthy" {
			healthy++
			if found {
				healthyKept++
				assert.Equal(t, 3, td.SpanCount(), "healthy trace %s split", id)
			}
			continue
		}
		require.True(t, found, "%s trace %s missing from Jaeger", label, id)
		assert.Equal(t, 3, td.SpanCount(), "%s trace %s must be whole in Jaeger", label, id)
		assert.Contains(t, string(raw), "[REDACTED:email]")
		spans := FlattenSpans([]ptrace.Traces{td})
		for _, s := range spans {
			assert.Contains(t, s.Span.TraceState().AsRaw(), "th:0", "kept for a reason: threshold 0 (%s)", label)
		}
	}
	expected := float64(healthy) * percent / 100
	sigma := math.Sqrt(expected * (1 - percent/100))
	assert.InDelta(t, expected, float64(healthyKept), 4*sigma, "healthy kept %d of %d", healthyKept, healthy)
	t.Logf("Jaeger holds %d of %d error and slow traces whole and %d of %d healthy traces (%.0f%% configured); no PII",
		wantKept, wantKept, healthyKept, healthy, percent)
}
