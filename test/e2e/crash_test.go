package e2e

import (
	"context"
	"crypto/rand"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/pmetric/pmetricotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// ackedTraffic is what clients sent and the gateway acknowledged: only acknowledged
// data must survive a crash. Like an SDK, a client retries a batch the gateway did
// not acknowledge (it was down, or restarting), so a batch may arrive twice.
type ackedTraffic struct {
	mu       sync.Mutex
	traces   map[pcommon.TraceID]string // label: error, slow, healthy
	logs     map[string]bool            // log bodies
	points   map[string]bool            // metric data points, by their "point" attribute
	retries  int
	endpoint atomic.Value // string: the gateway's gRPC endpoint, which changes on restart
}

func (a *ackedTraffic) ack(labels map[pcommon.TraceID]string, ld plog.Logs, md pmetric.Metrics) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for id, l := range labels {
		a.traces[id] = l
	}
	recs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	for i := 0; i < recs.Len(); i++ {
		a.logs[recs.At(i).Body().Str()] = true
	}
	forEachPoint(md, func(id string) { a.points[id] = true })
}

// send runs one client until stop is closed: every 50 ms a batch of ten three-span
// traces (one error, one slow, eight healthy), ten log records and ten metric points,
// each retried until the gateway acknowledges it.
func (a *ackedTraffic) send(stop <-chan struct{}, client int) {
	for batch := 0; ; batch++ {
		select {
		case <-stop:
			return
		case <-time.After(50 * time.Millisecond):
		}
		td, labels := crashBatch()
		ld := plog.NewLogs()
		recs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
		md := pmetric.NewMetrics()
		gauge := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
		gauge.SetName("queue.depth")
		points := gauge.SetEmptyGauge().DataPoints()
		for i := range 10 {
			recs.AppendEmpty().Body().SetStr(fmt.Sprintf("client %d batch %d record %d", client, batch, i))
			dp := points.AppendEmpty()
			dp.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
			dp.SetIntValue(int64(i))
			dp.Attributes().PutStr("point", fmt.Sprintf("%d/%d/%d", client, batch, i))
		}
		for attempt := 0; ; attempt++ {
			if attempt > 0 {
				a.mu.Lock()
				a.retries++
				a.mu.Unlock()
				time.Sleep(100 * time.Millisecond)
			}
			if a.export(td, ld, md) == nil {
				a.ack(labels, ld, md)
				break
			}
		}
	}
}

func (a *ackedTraffic) export(td ptrace.Traces, ld plog.Logs, md pmetric.Metrics) error {
	conn, err := grpc.NewClient(a.endpoint.Load().(string), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := ptraceotlp.NewGRPCClient(conn).Export(ctx, ptraceotlp.NewExportRequestFromTraces(td)); err != nil {
		return err
	}
	// The three are acknowledged together only when all are: a client that retries
	// them may send the first twice.
	if _, err := plogotlp.NewGRPCClient(conn).Export(ctx, plogotlp.NewExportRequestFromLogs(ld)); err != nil {
		return err
	}
	_, err = pmetricotlp.NewGRPCClient(conn).Export(ctx, pmetricotlp.NewExportRequestFromMetrics(md))
	return err
}

func forEachPoint(md pmetric.Metrics, f func(string)) {
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		sms := md.ResourceMetrics().At(i).ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			ms := sms.At(j).Metrics()
			for k := 0; k < ms.Len(); k++ {
				if ms.At(k).Type() != pmetric.MetricTypeGauge {
					continue
				}
				dps := ms.At(k).Gauge().DataPoints()
				for p := 0; p < dps.Len(); p++ {
					if id, ok := dps.At(p).Attributes().Get("point"); ok {
						f(id.Str())
					}
				}
			}
		}
	}
}

func crashBatch() (ptrace.Traces, map[pcommon.TraceID]string) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	spans := rs.ScopeSpans().AppendEmpty().Spans()
	labels := map[pcommon.TraceID]string{}
	now := time.Now()
	for i := range 10 {
		label := map[int]string{0: "error", 1: "slow"}[i]
		if label == "" {
			label = "healthy"
		}
		var id pcommon.TraceID
		_, _ = rand.Read(id[:])
		labels[id] = label
		for j := range 3 {
			s := spans.AppendEmpty()
			s.SetTraceID(id)
			s.SetSpanID(pcommon.SpanID{byte(j + 1)})
			if j > 0 {
				s.SetParentSpanID(pcommon.SpanID{1})
			}
			s.SetName(fmt.Sprintf("%s-%d", label, j))
			end := now.Add(10 * time.Millisecond)
			if label == "slow" && j == 0 {
				end = now.Add(3 * time.Second)
			}
			s.SetStartTimestamp(pcommon.NewTimestampFromTime(now))
			s.SetEndTimestamp(pcommon.NewTimestampFromTime(end))
			if label == "error" && j == 2 {
				s.Status().SetCode(ptrace.StatusCodeError)
			}
		}
	}
	return td, labels
}

// TestGatewaySIGKILLLosesNothingItAcknowledged runs config/gateway.yaml as shipped
// (errorkeep's folder and the exporters' persistent queues on) under steady load from
// four clients, and SIGKILLs it three times, restarting it each time on the same
// folders: at a random moment (inside errorkeep's decision wait, with exports in
// flight), and right after a restart, while it recovers. Before the last restart a
// torn write is left at the end of errorkeep's newest segment. Afterwards every error
// and slow trace the gateway acknowledged is whole at both backends, every
// acknowledged log record and metric point is delivered, healthy traces are whole or
// absent at the configured share, and duplicates are counted.
func TestGatewaySIGKILLLosesNothingItAcknowledged(t *testing.T) {
	const percent = 20.0
	jaeger, tempo := StartBackend(t), StartBackend(t)
	folders := t.TempDir()
	env := gatewayEnv(jaeger, tempo, map[string]string{
		"HEALTHY_PERCENT":   fmt.Sprint(percent),
		"DECISION_WAIT":     "3s",
		"ERRORKEEP_DIR":     filepath.Join(folders, "errorkeep"),
		"GATEWAY_QUEUE_DIR": filepath.Join(folders, "queue"),
	})
	start := func() *Collector {
		return StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: env})
	}
	gateway := start()
	traffic := &ackedTraffic{traces: map[pcommon.TraceID]string{}, logs: map[string]bool{}, points: map[string]bool{}}
	traffic.endpoint.Store(gateway.Endpoints.GRPC)
	stop := make(chan struct{})
	var clients sync.WaitGroup
	for c := range 4 {
		clients.Add(1)
		go func() { defer clients.Done(); traffic.send(stop, c) }()
	}

	recovered := 0.0
	restart := func(why string) {
		gateway.Kill()
		t.Logf("SIGKILL %s", why)
		gateway = start()
		traffic.endpoint.Store(gateway.Endpoints.GRPC)
		recovered += max(0, metricSum(gateway.Metrics(t), "otelcol_processor_errorkeep_traces_recovered"))
	}
	sleepRandom := func(from, to time.Duration) {
		var b [1]byte
		_, _ = rand.Read(b[:])
		time.Sleep(from + time.Duration(int64(to-from)*int64(b[0])/255))
	}
	sleepRandom(3*time.Second, 5*time.Second)
	restart("at a random moment, under load")
	time.Sleep(300 * time.Millisecond)
	restart("right after a restart, while recovering")
	sleepRandom(2*time.Second, 4*time.Second)
	gateway.Kill()
	tearLastSegment(t, filepath.Join(folders, "errorkeep"))
	gateway = start()
	traffic.endpoint.Store(gateway.Endpoints.GRPC)
	truncated := metricSum(gateway.Metrics(t), "otelcol_processor_errorkeep_store_truncated_bytes")
	recovered += max(0, metricSum(gateway.Metrics(t), "otelcol_processor_errorkeep_traces_recovered"))
	time.Sleep(2 * time.Second)
	close(stop)
	clients.Wait()

	Settle(t, gateway, jaeger, tempo)
	require.NoError(t, gateway.Stop())

	assert.Positive(t, recovered, "restarts recovered undecided traces")
	assert.Positive(t, truncated, "the torn write was cut and counted")
	for _, b := range []struct {
		name string
		be   *Backend
	}{{"jaeger", jaeger}, {"tempo", tempo}} {
		checkAfterCrashes(t, b.name, b.be, traffic, percent)
	}
	assert.Zero(t, missingLogRecords(jaeger, traffic.logs), "acknowledged log records lost (of %d)", len(traffic.logs))
	assert.Zero(t, missingPoints(jaeger, traffic.points), "acknowledged metric points lost (of %d)", len(traffic.points))
	t.Logf("%d traces, %d log records and %d metric points acknowledged, %d client retries, %.0f traces recovered from errorkeep's folder, %.0f torn bytes cut",
		len(traffic.traces), len(traffic.logs), len(traffic.points), traffic.retries, recovered, truncated)
}

// tearLastSegment appends half a record to errorkeep's newest segment, as a process
// killed in the middle of a write would leave it.
func tearLastSegment(t *testing.T, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "segment-*.ekspans"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	f, err := os.OpenFile(files[len(files)-1], os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	_, err = f.Write([]byte("torn record: header without its payload......"))
	require.NoError(t, err)
	require.NoError(t, f.Close())
}

// missingLogRecords counts the log record bodies in want that b never received.
func missingLogRecords(b *Backend, want map[string]bool) int {
	delivered := map[string]bool{}
	for _, ld := range b.Logs.AllLogs() {
		forEachLogBody(ld, func(body string) { delivered[body] = true })
	}
	missing := 0
	for body := range want {
		if !delivered[body] {
			missing++
		}
	}
	return missing
}

// missingPoints counts the metric points in want (by their "point" attribute) that b
// never received.
func missingPoints(b *Backend, want map[string]bool) int {
	delivered := map[string]bool{}
	for _, md := range b.Metrics.AllMetrics() {
		forEachPoint(md, func(id string) { delivered[id] = true })
	}
	missing := 0
	for id := range want {
		if !delivered[id] {
			missing++
		}
	}
	return missing
}

func forEachLogBody(ld plog.Logs, f func(string)) {
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		sls := ld.ResourceLogs().At(i).ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			recs := sls.At(j).LogRecords()
			for k := 0; k < recs.Len(); k++ {
				f(recs.At(k).Body().Str())
			}
		}
	}
}

// checkAfterCrashes: every acknowledged error and slow trace whole (duplicates
// allowed, and counted), healthy ones whole or absent at the configured share.
func checkAfterCrashes(t *testing.T, where string, b *Backend, traffic *ackedTraffic, percent float64) {
	t.Helper()
	distinct := map[pcommon.TraceID]map[pcommon.SpanID]int{}
	for _, s := range b.Spans() {
		id := s.Span.TraceID()
		// Recovered or not, every span carries the probability it was kept with.
		want := 1.0
		if traffic.traces[id] == "healthy" {
			want = percent / 100
		}
		assert.InDelta(t, want, keptProbability(t, s.Span.TraceState().AsRaw()), 1e-9, "%s: th of a %s span", where, traffic.traces[id])
		if distinct[id] == nil {
			distinct[id] = map[pcommon.SpanID]int{}
		}
		distinct[id][s.Span.SpanID()]++
	}
	duplicates, healthy, healthyKept, missing := 0, 0, 0, 0
	for id, label := range traffic.traces {
		spans := distinct[id]
		for _, n := range spans {
			duplicates += n - 1
		}
		if label == "healthy" {
			healthy++
			if len(spans) > 0 {
				healthyKept++
			}
			assert.Contains(t, []int{0, 3}, len(spans), "%s: healthy trace %s split", where, id)
			continue
		}
		if len(spans) != 3 {
			missing++
		}
	}
	assert.Zero(t, missing, "%s: acknowledged error and slow traces not whole", where)
	p := percent / 100
	sigma := math.Sqrt(float64(healthy) * p * (1 - p))
	assert.InDelta(t, float64(healthy)*p, float64(healthyKept), 4*sigma, "%s: healthy kept %d of %d", where, healthyKept, healthy)
	t.Logf("%s: %d acknowledged traces, %d error or slow ones not whole; healthy %d of %d; %d duplicate spans (at least once)",
		where, len(traffic.traces), missing, healthyKept, healthy, duplicates)
}
