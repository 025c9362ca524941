package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploggrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	otellog "go.opentelemetry.io/otel/log"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"
)

// application is an instrumented service as a new user writes one: the Go SDK with
// its default batch span processor and batch log processor, exporting over
// OTLP/gRPC to its sidecar. What it has not exported yet it flushes in Shutdown.
type application struct {
	tp     *sdktrace.TracerProvider
	lp     *sdklog.LoggerProvider
	traces traceKinds      // every trace it made: error, slow or healthy
	logs   map[string]bool // every log record body it emitted
}

func startApplication(t *testing.T, sidecar string) *application {
	t.Helper()
	ctx := context.Background()
	res := resource.NewSchemaless(semconv.ServiceName("checkout"))
	texp, err := otlptracegrpc.New(ctx, otlptracegrpc.WithEndpoint(sidecar), otlptracegrpc.WithInsecure())
	require.NoError(t, err)
	lexp, err := otlploggrpc.New(ctx, otlploggrpc.WithEndpoint(sidecar), otlploggrpc.WithInsecure())
	require.NoError(t, err)
	return &application{
		tp:     sdktrace.NewTracerProvider(sdktrace.WithResource(res), sdktrace.WithBatcher(texp)),
		lp:     sdklog.NewLoggerProvider(sdklog.WithResource(res), sdklog.WithProcessor(sdklog.NewBatchProcessor(lexp))),
		traces: traceKinds{},
		logs:   map[string]bool{},
	}
}

// work makes traces (three spans each: errors with the error on a child, slow ones
// of three seconds, the rest healthy) and logRecords log records.
func (a *application) work(errors, slow, healthy, logRecords int) {
	ctx := context.Background()
	tracer := a.tp.Tracer("checkout")
	one := func(label string, dur time.Duration) {
		start := time.Now()
		rctx, root := tracer.Start(ctx, "POST /checkout", trace.WithTimestamp(start))
		_, payment := tracer.Start(rctx, "charge card", trace.WithTimestamp(start))
		_, stock := tracer.Start(rctx, "reserve stock", trace.WithTimestamp(start))
		if label == "error" {
			payment.SetStatus(codes.Error, "card declined")
		}
		stock.End(trace.WithTimestamp(start.Add(dur / 3)))
		payment.End(trace.WithTimestamp(start.Add(dur / 2)))
		root.End(trace.WithTimestamp(start.Add(dur)))
		a.traces[root.SpanContext().TraceID()] = label
	}
	for range errors {
		one("error", 20*time.Millisecond)
	}
	for range slow {
		one("slow", 3*time.Second)
	}
	for range healthy {
		one("healthy", 20*time.Millisecond)
	}
	logger := a.lp.Logger("checkout")
	for i := range logRecords {
		body := fmt.Sprintf("order %d shipped", i)
		var rec otellog.Record
		rec.SetBody(attribute.StringValue(body))
		rec.AddAttributes(attribute.Int("order", i))
		logger.Emit(ctx, rec)
		a.logs[body] = true
	}
}

// shutdown is the application's own Shutdown on SIGTERM: it flushes what its
// processors still hold.
func (a *application) shutdown(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	require.NoError(t, a.tp.Shutdown(ctx), "the application's trace flush")
	require.NoError(t, a.lp.Shutdown(ctx), "the application's log flush")
}

// checkEverythingArrived: every span of every trace the application made, once or
// more, and every log record, at the gateway.
func (a *application) checkEverythingArrived(t *testing.T, gateway *Backend) {
	t.Helper()
	perTrace := map[trace.TraceID]int{}
	for id, spans := range SpansByTrace(gateway.Spans()) {
		seen := map[pcommon.SpanID]bool{}
		for _, s := range spans {
			seen[s.Span.SpanID()] = true
		}
		perTrace[trace.TraceID(id)] = len(seen)
	}
	missing := 0
	for id := range a.traces {
		if perTrace[id] != 3 {
			missing++
		}
	}
	assert.Zero(t, missing, "traces not whole at the gateway, of %d", len(a.traces))
	assert.Zero(t, missingLogRecords(gateway, a.logs), "log records lost, of %d", len(a.logs))
}

// sidecarEnv runs config/sidecar.yaml against gateway on the folder dir.
func sidecarEnv(gateway *Backend, dir string, extra map[string]string) map[string]string {
	env := map[string]string{"GATEWAY_ENDPOINT": gateway.GRPC, "QUEUE_DIR": dir}
	for k, v := range extra {
		env[k] = v
	}
	return env
}

// TestSidecarDeliversOnSIGTERMWhatItsApplicationSent is a pod going away with a native
// sidecar: the application exports 200 traces (20 with errors, 20 slow) and 400 log
// records through config/sidecar.yaml and shuts down, flushing what its SDK still
// held; then the sidecar gets SIGTERM, as Kubernetes stops a native sidecar after its
// application; then the pod's replacement starts a sidecar on a fresh folder (a new
// emptyDir). Every span and log record is at the gateway, and the old folder is
// empty: nothing depended on it.
func TestSidecarDeliversOnSIGTERMWhatItsApplicationSent(t *testing.T) {
	gateway := StartBackend(t)
	folder := filepath.Join(t.TempDir(), "queue")
	sidecar := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: sidecarEnv(gateway, folder, nil)})
	app := startApplication(t, sidecar.Endpoints.GRPC)
	app.work(20, 20, 160, 400)
	app.shutdown(t)
	held := metricSum(sidecar.Metrics(t), "otelcol_processor_handoff_backlog_items")

	start := time.Now()
	require.NoError(t, sidecar.Stop(), "clean exit on SIGTERM")
	stopped := time.Since(start)
	// The pod's replacement: a new sidecar on a new folder finds nothing to deliver.
	replacement := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{
		Env: sidecarEnv(gateway, filepath.Join(t.TempDir(), "queue"), nil),
	})
	assert.LessOrEqual(t, metricSum(replacement.Metrics(t), "otelcol_processor_handoff_recovered_items"), 0.0)

	app.checkEverythingArrived(t, gateway)
	assert.Contains(t, sidecar.Output(), "handoff drained")
	assert.Empty(t, segmentFiles(t, folder), "the folder the pod leaves behind holds nothing")
	t.Logf("sidecar held %.0f items (spans and log records) at SIGTERM, stopped in %s; at the gateway: %d spans, %d log records of %d traces (600 spans) and %d log records",
		held, stopped.Round(time.Millisecond), uniqueSpans(gateway), gateway.Logs.LogRecordCount(), len(app.traces), len(app.logs))
}

// TestSidecarStoppedWithItsApplicationKeepsListening is the same pod without native
// sidecars: Kubernetes sends SIGTERM to the application and the sidecar at the same
// moment, and the application's flush reaches a sidecar that is already stopping.
// With SHUTDOWN_DELAY the sidecar keeps its receivers open (health check not ready)
// for that long before its pipelines stop and drain: the flush, made while the
// sidecar is already in its delay, is taken and delivered, and nothing is lost.
func TestSidecarStoppedWithItsApplicationKeepsListening(t *testing.T) {
	gateway := StartBackend(t)
	sidecar := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{
		Env: sidecarEnv(gateway, filepath.Join(t.TempDir(), "queue"), map[string]string{"SHUTDOWN_DELAY": "5s"}),
	})
	app := startApplication(t, sidecar.Endpoints.GRPC)
	app.work(20, 20, 160, 400)

	// SIGTERM to both. The sidecar is in its delay before the application flushes,
	// the order a slow application shutdown gives.
	sidecar.Terminate()
	Eventually(t, StopTimeout, func() bool { return strings.Contains(sidecar.Output(), "receivers stay open") },
		"the sidecar entered its shutdown delay")
	Eventually(t, StopTimeout, func() bool { return !healthy(sidecar) }, "the health check reports not ready during the delay")
	app.shutdown(t)
	require.NoError(t, sidecar.Wait(), "clean exit")

	app.checkEverythingArrived(t, gateway)
	assert.Contains(t, sidecar.Output(), "handoff drained")
	t.Logf("flushed during the delay: %d spans, %d log records at the gateway", uniqueSpans(gateway), gateway.Logs.LogRecordCount())
}

// healthy reports whether the collector's health check answers 200.
func healthy(c *Collector) bool {
	client := &http.Client{Timeout: time.Second}
	resp, err := client.Get("http://" + c.Endpoints.HealthCheck + "/")
	if err != nil {
		return false
	}
	_ = resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// TestSidecarWithTheGatewayDownCountsWhatItLeaves: the gateway is down when the pod
// goes away. The sidecar keeps trying for DRAIN_TIMEOUT, then exits cleanly; what it
// could not deliver is counted (processor_handoff_left_items, which its own telemetry
// pushes out one last time at exit) and logged with its size, never its content. The
// count is exact: a restart on the same folder (a container restarting in place, or a
// PVC) delivers exactly that much.
func TestSidecarWithTheGatewayDownCountsWhatItLeaves(t *testing.T) {
	gateway := StartBackend(t)
	gateway.Stop()
	telemetry := StartBackend(t) // receives the sidecar's own metrics over OTLP
	folder := filepath.Join(t.TempDir(), "queue")
	overlay := telemetryPushOverlay(t, telemetry)
	sidecar := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{
		Env:  sidecarEnv(gateway, folder, map[string]string{"DRAIN_TIMEOUT": "2s"}),
		Args: []string{"--config", overlay},
	})
	app := startApplication(t, sidecar.Endpoints.GRPC)
	app.work(20, 20, 160, 400)
	app.shutdown(t)
	backlog := metricSum(sidecar.Metrics(t), "otelcol_processor_handoff_backlog_items")
	require.InDelta(t, float64(600+400), backlog, 0, "everything acknowledged is in the folder")

	require.NoError(t, sidecar.Stop(), "a clean exit, after the drain timeout")
	out := sidecar.Output()
	for signal, items := range map[string]int{"traces": 600, "logs": 400} {
		line := logLine(out, "drain_timeout passed", `"signal": "`+signal+`"`)
		require.NotEmpty(t, line, "the exit log line for %s", signal)
		assert.Contains(t, line, fmt.Sprintf(`"items": %d`, items))
		assert.Regexp(t, `"bytes": [1-9][0-9]*`, line)
		assert.Contains(t, line, folder)
	}
	for body := range app.logs {
		require.NotContains(t, out, body, "content never in the log")
	}
	left := map[string]float64{}
	for _, md := range telemetry.Metrics.AllMetrics() {
		forEachSum(md, "otelcol_processor_handoff_left_items", func(attrs pcommon.Map, v float64) {
			signal, _ := attrs.Get("signal")
			left[signal.Str()] = v
		})
	}
	assert.Equal(t, map[string]float64{"traces": 600, "logs": 400}, left, "counted in the metric the sidecar pushed at exit")

	// What it counted is what is in the folder: a restart on it delivers exactly that.
	gateway.Start(t)
	restarted := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: sidecarEnv(gateway, folder, nil)})
	Eventually(t, DeliverTimeout, func() bool { return uniqueSpans(gateway) == 600 && gateway.Logs.LogRecordCount() >= 400 },
		"the folder delivered by a restart in place")
	require.NoError(t, restarted.Stop())
	app.checkEverythingArrived(t, gateway)
	t.Logf("gateway down: left %v (traces: spans, logs: records), counted and logged; delivered by a restart on the folder", left)
}

// telemetryPushOverlay writes a config overlay that keeps the Prometheus endpoint and
// also pushes the collector's own metrics over OTLP to backend every second and once
// more at exit, so that what is counted during shutdown is seen after the process is
// gone.
func telemetryPushOverlay(t *testing.T, backend *Backend) string {
	t.Helper()
	overlay := fmt.Sprintf(`service:
  telemetry:
    metrics:
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: ${env:TELEMETRY_METRICS_PORT}
        - periodic:
            interval: 1000
            exporter:
              otlp:
                protocol: grpc
                endpoint: http://%s
                insecure: true
`, backend.GRPC)
	path := filepath.Join(t.TempDir(), "telemetry-push.yaml")
	require.NoError(t, os.WriteFile(path, []byte(overlay), 0o600))
	return path
}

// logLine returns the first line of out that holds every one of parts.
func logLine(out string, parts ...string) string {
	for _, line := range strings.Split(out, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return line
		}
	}
	return ""
}

// tierScenario is a tier under steady load from four clients (each batch of ten
// three-span traces, ten log records and ten metric points retried until
// acknowledged, as SDKs retry), whose collector is replaced mid-load.
type tierScenario struct {
	jaeger, tempo *Backend
	traffic       *ackedTraffic
	stop          chan struct{}
	clients       sync.WaitGroup
}

func startTierLoad(endpoint string) *tierScenario {
	s := &tierScenario{
		traffic: &ackedTraffic{traces: map[pcommon.TraceID]string{}, logs: map[string]bool{}, points: map[string]bool{}},
		stop:    make(chan struct{}),
	}
	s.traffic.endpoint.Store(endpoint)
	for c := range 4 {
		s.clients.Add(1)
		go func() { defer s.clients.Done(); s.traffic.send(s.stop, c) }()
	}
	return s
}

func (s *tierScenario) stopLoad() {
	close(s.stop)
	s.clients.Wait()
}

// checkDelivered: every acknowledged error and slow trace whole at both backends,
// healthy ones whole or absent at the configured share, every log record and metric
// point at the signals backend.
func (s *tierScenario) checkDelivered(t *testing.T, percent float64) {
	t.Helper()
	checkAfterCrashes(t, "jaeger", s.jaeger, s.traffic, percent)
	checkAfterCrashes(t, "tempo", s.tempo, s.traffic, percent)
	assert.Zero(t, missingLogRecords(s.jaeger, s.traffic.logs), "acknowledged log records lost, of %d", len(s.traffic.logs))
	assert.Zero(t, missingPoints(s.jaeger, s.traffic.points), "acknowledged metric points lost, of %d", len(s.traffic.points))
}

// TestGatewaySIGTERMUnderLoadLosesNothing is a rolling update of config/gateway.yaml
// under steady load, at a bad moment: Jaeger has been refusing for two seconds, so the
// gateway holds a backlog for it. A replacement starts on fresh folders (a new pod, a
// new emptyDir), clients move to it, and the old gateway gets SIGTERM with traces
// undecided in errorkeep and requests in its handoffs; Jaeger comes back during the
// drain. The old gateway delivers everything before it exits and leaves its folders
// empty: nothing acknowledged is lost.
func TestGatewaySIGTERMUnderLoadLosesNothing(t *testing.T) {
	const percent = 20.0
	jaeger, tempo := StartBackend(t), StartBackend(t)
	env := gatewayEnv(jaeger, tempo, map[string]string{"HEALTHY_PERCENT": fmt.Sprint(percent), "DECISION_WAIT": "3s"})
	old := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: env})
	s := startTierLoad(old.Endpoints.GRPC)
	s.jaeger, s.tempo = jaeger, tempo
	time.Sleep(4 * time.Second) // paces the scenario: steady load before the update
	jaeger.SetRefusing(true)
	time.Sleep(2 * time.Second) // paces the scenario: jaeger refuses, with the load going on

	replacement := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: env})
	m := old.Metrics(t)
	held := metricSum(m, "otelcol_processor_errorkeep_buffered_traces")
	backlog := metricSum(m, `otelcol_processor_handoff_backlog_items{processor="handoff/jaeger"`)
	s.traffic.endpoint.Store(replacement.Endpoints.GRPC)
	start := time.Now()
	old.Terminate()
	time.Sleep(time.Second) // paces the scenario: jaeger comes back during the drain
	jaeger.SetRefusing(false)
	require.NoError(t, old.Wait(), "clean exit")
	stopped := time.Since(start)
	time.Sleep(2 * time.Second) // paces the scenario: load on the replacement
	s.stopLoad()
	Settle(t, replacement, jaeger, tempo)
	require.NoError(t, replacement.Stop())

	s.checkDelivered(t, percent)
	assert.Contains(t, old.Output(), "handoff drained")
	assert.NotContains(t, old.Output(), "drain_timeout passed")
	assert.Empty(t, segmentFiles(t, old.Dir), "the old pod's folders hold nothing")
	assert.Positive(t, held, "errorkeep held traces at SIGTERM")
	assert.Positive(t, backlog, "jaeger's handoff held nothing at SIGTERM")
	t.Logf("SIGTERM with %.0f traces undecided and %.0f spans waiting for jaeger: exited in %s; %d traces, %d log records, %d metric points acknowledged, %d client retries",
		held, backlog, stopped.Round(time.Millisecond), len(s.traffic.traces), len(s.traffic.logs), len(s.traffic.points), s.traffic.retries)
}

// TestLoadBalancerSIGTERMUnderLoadLosesNothing is the same rolling update of
// config/loadbalancer.yaml (static resolver) in front of a gateway, at a bad moment:
// the gateway has stalled for two seconds, so the tier holds a backlog in its folder
// when it gets SIGTERM. The replacement starts on a fresh folder; the old collector
// keeps delivering, the gateway comes back during its drain, and it exits with
// everything delivered: every acknowledged trace, log record and metric point arrives.
func TestLoadBalancerSIGTERMUnderLoadLosesNothing(t *testing.T) {
	testLoadBalancerReplaced(t, false)
}

// TestLoadBalancerSIGKILLInPlaceLosesNothing: the same, but the load-balancing
// collector is SIGKILLed with its backlog and its container restarts in place, on the
// same folder and address: what it had acknowledged is delivered from the folder.
func TestLoadBalancerSIGKILLInPlaceLosesNothing(t *testing.T) {
	testLoadBalancerReplaced(t, true)
}

func testLoadBalancerReplaced(t *testing.T, kill bool) {
	const percent = 20.0
	jaeger, tempo := StartBackend(t), StartBackend(t)
	gateway := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{
		Env: gatewayEnv(jaeger, tempo, map[string]string{"HEALTHY_PERCENT": fmt.Sprint(percent), "DECISION_WAIT": "2s"}),
	})
	config := loadBalancerConfig(t, []*Collector{gateway})
	folder := t.TempDir()
	old := StartCollector(t, binary, config, CollectorOptions{Env: map[string]string{"QUEUE_DIR": folder}})
	s := startTierLoad(old.Endpoints.GRPC)
	s.jaeger, s.tempo = jaeger, tempo
	time.Sleep(4 * time.Second) // paces the scenario: steady load
	gateway.Pause(t)
	time.Sleep(2 * time.Second) // paces the scenario: the stall, with the load going on
	backlog := metricSum(old.Metrics(t), "otelcol_processor_handoff_backlog_items")

	var replacement *Collector
	if kill {
		old.Kill()
		replacement = StartCollector(t, binary, config, CollectorOptions{Env: map[string]string{
			"QUEUE_DIR": folder, "OTLP_GRPC_ENDPOINT": old.Endpoints.GRPC,
		}})
		gateway.Resume(t)
	} else {
		replacement = StartCollector(t, binary, config, CollectorOptions{Env: map[string]string{"QUEUE_DIR": t.TempDir()}})
		s.traffic.endpoint.Store(replacement.Endpoints.GRPC)
		old.Terminate()
		time.Sleep(time.Second) // paces the scenario: the gateway comes back during the drain
		gateway.Resume(t)
		require.NoError(t, old.Wait(), "clean exit")
		assert.Contains(t, old.Output(), "handoff drained")
		assert.NotContains(t, old.Output(), "drain_timeout passed")
		assert.Empty(t, segmentFiles(t, folder), "the old pod's folder holds nothing")
	}
	recovered := metricSum(replacement.Metrics(t), "otelcol_processor_handoff_recovered_items")
	time.Sleep(2 * time.Second) // paces the scenario: load on the replacement
	s.stopLoad()
	Settle(t, replacement, jaeger, tempo)
	Settle(t, gateway, jaeger, tempo)
	require.NoError(t, replacement.Stop())

	s.checkDelivered(t, percent)
	assert.Positive(t, backlog, "the tier held nothing when it was stopped")
	if kill {
		assert.Positive(t, recovered, "the restart found nothing in the folder")
	}
	t.Logf("kill=%v: %.0f items in the tier's folder at the stop, %.0f recovered by the restart; %d traces, %d log records, %d metric points acknowledged, %d client retries",
		kill, backlog, max(0, recovered), len(s.traffic.traces), len(s.traffic.logs), len(s.traffic.points), s.traffic.retries)
}

// forEachSum calls fn with the attributes and value of every data point of the sums
// named name in md.
func forEachSum(md pmetric.Metrics, name string, fn func(attrs pcommon.Map, v float64)) {
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		sms := md.ResourceMetrics().At(i).ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			ms := sms.At(j).Metrics()
			for k := 0; k < ms.Len(); k++ {
				if ms.At(k).Name() != name || ms.At(k).Type() != pmetric.MetricTypeSum {
					continue
				}
				dps := ms.At(k).Sum().DataPoints()
				for p := 0; p < dps.Len(); p++ {
					v := dps.At(p).DoubleValue()
					if dps.At(p).ValueType() == pmetric.NumberDataPointValueTypeInt {
						v = float64(dps.At(p).IntValue())
					}
					fn(dps.At(p).Attributes(), v)
				}
			}
		}
	}
}
