package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// HotRODEnv points the suite at Jaeger's HotROD demo (`make build-hotrod`).
const HotRODEnv = "HOTROD_BINARY"

// hotrodConfig sends what HotROD exports three ways: untouched, through piiredact
// with its zero config, and through the gateway's processors (piiredact, errorkeep).
const hotrodConfig = `
receivers:
  otlp:
    protocols:
      http:
        endpoint: ${env:OTLP_HTTP_ENDPOINT}
processors:
  piiredact: {}
  errorkeep:
    decision_wait: 5s
    healthy_percent: 0
exporters:
  otlp_grpc/raw:
    endpoint: ${env:RAW_ENDPOINT}
    tls: {insecure: true}
  otlp_grpc/redacted:
    endpoint: ${env:REDACTED_ENDPOINT}
    tls: {insecure: true}
  otlp_grpc/kept:
    endpoint: ${env:KEPT_ENDPOINT}
    tls: {insecure: true}
extensions:
  health_check:
    endpoint: ${env:HEALTH_CHECK_ENDPOINT}
service:
  extensions: [health_check]
  pipelines:
    traces/raw:
      receivers: [otlp]
      exporters: [otlp_grpc/raw]
    traces/redacted:
      receivers: [otlp]
      processors: [piiredact]
      exporters: [otlp_grpc/redacted]
    traces/gateway:
      receivers: [otlp]
      processors: [piiredact, errorkeep]
      exporters: [otlp_grpc/kept]
  telemetry:
    metrics:
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: ${env:TELEMETRY_METRICS_PORT}
`

// TestHotRODTrafficSurvivesRedactionAndEveryErrorTraceIsKept drives Jaeger's HotROD,
// an application nobody here wrote (four services on the OTel Go SDK, its default
// batching exporter), through the binary. HotROD carries no personal data and no
// secret: its spans must come out of piiredact exactly as they went in, the services'
// own addresses included. And errorkeep, with healthy sampling off, must deliver
// exactly the traces that have an error, each whole.
func TestHotRODTrafficSurvivesRedactionAndEveryErrorTraceIsKept(t *testing.T) {
	hotrod := binaryFromEnv(t, HotRODEnv, "build-hotrod")
	raw, redacted, kept := StartBackend(t), StartBackend(t), StartBackend(t)
	configFile := filepath.Join(t.TempDir(), "hotrod.yaml")
	require.NoError(t, os.WriteFile(configFile, []byte(hotrodConfig), 0o600))
	col := StartCollector(t, binary, configFile, CollectorOptions{Env: map[string]string{
		"RAW_ENDPOINT": raw.GRPC, "REDACTED_ENDPOINT": redacted.GRPC, "KEPT_ENDPOINT": kept.GRPC,
	}})
	frontend := startHotROD(t, hotrod, col.Endpoints.HTTP)

	// Customers 123, 392, 567 and 731 exist; 999 does not (an error trace). HotROD
	// also fails some requests on its own (simulated Redis timeouts).
	requests := driveHotROD(t, frontend, []string{"123", "392", "567", "731", "999"}, 20*time.Second)
	Eventually(t, DeliverTimeout, func() bool {
		m := col.Metrics(t)
		return metricSum(m, "otelcol_processor_errorkeep_buffered_traces") == 0 &&
			raw.SpanCount() > 0 && raw.SpanCount() == redacted.SpanCount()
	}, "HotROD's spans through both pipelines and every trace decided")
	stopHotROD(t, frontend)
	time.Sleep(2 * time.Second) // the SDKs' last export on shutdown
	Eventually(t, DeliverTimeout, func() bool {
		return metricSum(col.Metrics(t), "otelcol_processor_errorkeep_buffered_traces") == 0 &&
			raw.SpanCount() == redacted.SpanCount()
	}, "the last spans through both pipelines")
	require.NoError(t, col.Stop())

	rawSpans, redactedSpans := raw.Spans(), redacted.Spans()
	require.Len(t, redactedSpans, len(rawSpans))
	bySpan := map[pcommon.SpanID]SpanRecord{}
	for _, s := range redactedSpans {
		bySpan[s.Span.SpanID()] = s
	}
	changed := 0
	for _, want := range rawSpans {
		got, ok := bySpan[want.Span.SpanID()]
		if !assert.True(t, ok, "span %s missing after piiredact", want.Span.Name()) {
			continue
		}
		if !assert.Equal(t, spanContent(want), spanContent(got), "piiredact changed span %q of %s", want.Span.Name(), want.Resource.Attributes().AsRaw()["service.name"]) {
			changed++
		}
	}

	errorTraces, slowTraces, whole := 0, 0, 0
	rawTraces, keptTraces := SpansByTrace(rawSpans), SpansByTrace(kept.Spans())
	for id, spans := range rawTraces {
		// errorkeep's default latency rule keeps a trace of 2 s or more too: HotROD's
		// dispatches take one to two seconds, more on a loaded machine.
		slow := traceDuration(spans) >= hotrodLatencyThreshold
		if !hasError(spans) && !slow {
			assert.Empty(t, keptTraces[id], "healthy trace %s (%s) kept with healthy_percent 0", id, traceDuration(spans))
			continue
		}
		if hasError(spans) {
			errorTraces++
		} else {
			slowTraces++
		}
		if assert.Len(t, keptTraces[id], len(spans), "error or slow trace %s must be kept whole", id) {
			whole++
		}
	}
	t.Logf("HotROD: %d requests, %d traces, %d spans; %d spans changed by piiredact; %d error and %d slow traces, %d kept whole",
		requests, len(rawTraces), len(rawSpans), changed, errorTraces, slowTraces, whole)
	assert.Positive(t, errorTraces, "HotROD's traffic had error traces")
}

// spanContent is what piiredact may touch in a span: everything a backend shows.
func spanContent(s SpanRecord) map[string]any {
	events := []any{}
	for i := 0; i < s.Span.Events().Len(); i++ {
		e := s.Span.Events().At(i)
		events = append(events, map[string]any{"name": e.Name(), "attributes": e.Attributes().AsRaw()})
	}
	return map[string]any{
		"name":       s.Span.Name(),
		"attributes": s.Span.Attributes().AsRaw(),
		"resource":   s.Resource.Attributes().AsRaw(),
		"status":     s.Span.Status().Message(),
		"events":     events,
	}
}

// hotrodLatencyThreshold is errorkeep's default latency_threshold, which hotrodConfig keeps.
const hotrodLatencyThreshold = 2 * time.Second

// traceDuration is what errorkeep's latency rule measures: the earliest start to the
// latest end of the trace's spans.
func traceDuration(spans []SpanRecord) time.Duration {
	var first, last pcommon.Timestamp
	for i, s := range spans {
		if start := s.Span.StartTimestamp(); i == 0 || start < first {
			first = start
		}
		if end := s.Span.EndTimestamp(); end > last {
			last = end
		}
	}
	return last.AsTime().Sub(first.AsTime())
}

func hasError(spans []SpanRecord) bool {
	for _, s := range spans {
		if s.Span.Status().Code() == ptrace.StatusCodeError {
			return true
		}
	}
	return false
}

// hotrodApp is a running `hotrod all`.
type hotrodApp struct {
	cmd      *exec.Cmd
	frontend string // host:port of its frontend service
	stopOnce sync.Once
}

// startHotROD runs `hotrod all` with every service on a free loopback port, exporting
// over OTLP/HTTP to endpoint.
func startHotROD(t *testing.T, binary, endpoint string) *hotrodApp {
	t.Helper()
	ports := map[string]string{}
	for _, svc := range []string{"frontend", "customer", "driver", "route"} {
		ports[svc] = strconv.Itoa(portOf(FreeEndpoint(t)))
	}
	args := []string{"all", "--otel-exporter", "otlp",
		"--frontend-service-port", ports["frontend"], "--customer-service-port", ports["customer"],
		"--driver-service-port", ports["driver"], "--route-service-port", ports["route"]}
	for _, svc := range []string{"frontend", "customer", "driver", "route"} {
		args = append(args, "--"+svc+"-service-hostname", "127.0.0.1")
	}
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), "OTEL_EXPORTER_OTLP_ENDPOINT=http://"+endpoint, "OTEL_EXPORTER_OTLP_INSECURE=true")
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	require.NoError(t, cmd.Start())
	app := &hotrodApp{cmd: cmd, frontend: "127.0.0.1:" + ports["frontend"]}
	t.Cleanup(func() {
		stopHotROD(t, app)
		if t.Failed() {
			t.Logf("hotrod output:\n%s", out.String())
		}
	})
	url := "http://" + app.frontend + "/config"
	Eventually(t, StartTimeout, func() bool {
		resp, err := http.Get(url) //nolint:noctx // a readiness probe
		if err != nil {
			return false
		}
		_ = resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}, "HotROD's frontend answers")
	return app
}

// stopHotROD stops it as an orchestrator would, so its SDKs export what they hold.
func stopHotROD(t *testing.T, app *hotrodApp) {
	t.Helper()
	app.stopOnce.Do(func() {
		_ = app.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = app.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = app.cmd.Process.Kill()
			<-done
		}
	})
}

// driveHotROD asks the frontend to dispatch rides for the customers, from four
// concurrent users, for d, and returns how many requests it made.
func driveHotROD(t *testing.T, app *hotrodApp, customers []string, d time.Duration) int {
	t.Helper()
	client := &http.Client{Timeout: 30 * time.Second}
	deadline := time.Now().Add(d)
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for user := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := user; time.Now().Before(deadline); i++ {
				url := fmt.Sprintf("http://%s/dispatch?customer=%s&nonse=%d", app.frontend, customers[i%len(customers)], i)
				req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
				resp, err := client.Do(req)
				if err != nil {
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return n
}
