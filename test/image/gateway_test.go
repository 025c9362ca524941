package image

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	corev1 "k8s.io/api/core/v1"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

// gatewayTraffic is what one round sends the gateway: three-span traces, half with an
// error on their last span (the gateway keeps every one), half healthy (kept at the
// manifest's HEALTHY_PERCENT, whole or not at all), and log records.
type gatewayTraffic struct {
	errors, healthy []pcommon.TraceID
	logs            []string
}

// send sends n error traces, n healthy traces and n log records, labelled round, to the
// gateway's OTLP/gRPC endpoint, and fails unless the gateway acknowledges them.
func (g *gatewayTraffic) send(t *testing.T, endpoint, round string, n int) {
	t.Helper()
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	spans := rs.ScopeSpans().AppendEmpty().Spans()
	now := time.Now()
	for i := range 2 * n {
		var id pcommon.TraceID
		_, _ = rand.Read(id[:])
		failed := i%2 == 0
		if failed {
			g.errors = append(g.errors, id)
		} else {
			g.healthy = append(g.healthy, id)
		}
		for j := range 3 {
			s := spans.AppendEmpty()
			s.SetTraceID(id)
			s.SetSpanID(pcommon.SpanID{byte(j + 1)})
			if j > 0 {
				s.SetParentSpanID(pcommon.SpanID{1})
			}
			s.SetName(fmt.Sprintf("%s-%d-%d", round, i, j))
			s.SetStartTimestamp(pcommon.NewTimestampFromTime(now))
			s.SetEndTimestamp(pcommon.NewTimestampFromTime(now.Add(10 * time.Millisecond)))
			if failed && j == 2 {
				s.Status().SetCode(ptrace.StatusCodeError)
			}
		}
	}
	ld := plog.NewLogs()
	recs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	for i := range n {
		body := fmt.Sprintf("%s record %d", round, i)
		g.logs = append(g.logs, body)
		r := recs.AppendEmpty()
		r.SetTimestamp(pcommon.NewTimestampFromTime(now))
		r.Body().SetStr(body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	require.NoError(t, e2e.SendTraces(ctx, endpoint, td), "the gateway acknowledges the %s traces", round)
	require.NoError(t, e2e.SendLogs(ctx, endpoint, ld), "the gateway acknowledges the %s logs", round)
}

// missing returns how many error traces are not whole at b, how many healthy traces
// arrived split, and how many log records did not arrive at logs.
func (g *gatewayTraffic) missing(b, logs *e2e.Backend) (errorsNotWhole, healthySplit, logsLost int) {
	spans := map[pcommon.TraceID]map[pcommon.SpanID]bool{}
	for _, s := range b.Spans() {
		id := s.Span.TraceID()
		if spans[id] == nil {
			spans[id] = map[pcommon.SpanID]bool{}
		}
		spans[id][s.Span.SpanID()] = true
	}
	for _, id := range g.errors {
		if len(spans[id]) != 3 {
			errorsNotWhole++
		}
	}
	for _, id := range g.healthy {
		if n := len(spans[id]); n != 0 && n != 3 {
			healthySplit++
		}
	}
	delivered := map[string]bool{}
	for _, ld := range logs.Logs.AllLogs() {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			sl := ld.ResourceLogs().At(i).ScopeLogs()
			for j := 0; j < sl.Len(); j++ {
				for k := 0; k < sl.At(j).LogRecords().Len(); k++ {
					delivered[sl.At(j).LogRecords().At(k).Body().Str()] = true
				}
			}
		}
	}
	for _, body := range g.logs {
		if !delivered[body] {
			logsLost++
		}
	}
	return errorsNotWhole, healthySplit, logsLost
}

// TestGatewaySurvivesSIGKILLOnItsVolumes runs deploy/gateway's pod: the gateway container
// exactly as the manifest sets it up (config/gateway.yaml from its ConfigMap, read-only
// root filesystem, user 10001, every capability dropped, 2Gi and 2 CPUs, errorkeep's
// folder and the exporters' queues on the pod's two emptyDirs), the backends' addresses
// pointed at stand-ins. With both backends refusing, so that everything it acknowledged
// is still inside it, the gateway is SIGKILLed and a new container started on the same
// volumes: every error trace arrives whole at both backends and every log record at
// the signals backend. Then a round sent just before SIGTERM: the gateway exits 0
// within terminationGracePeriodSeconds, and a container on the same volumes delivers
// that round too.
func TestGatewaySurvivesSIGKILLOnItsVolumes(t *testing.T) {
	needPodman(t)
	d := readDeployed(t)
	podSpec, spec := d.deployment(t, "gateway/deployment.yaml")
	jaeger, tempo := e2e.StartBackend(t), e2e.StartBackend(t)
	override := map[string]string{
		"JAEGER_ENDPOINT":  fromPod(jaeger.GRPC),
		"TEMPO_ENDPOINT":   fromPod(tempo.GRPC),
		"SIGNALS_ENDPOINT": "http://" + fromPod(jaeger.HTTP),
		// The RED metrics, to the same stand-in (the manifest's Prometheus is not here).
		"SPANMETRICS_ENDPOINT": "http://" + fromPod(jaeger.HTTP),
	}
	p := startPod(t, podSpec, d.configMaps)
	gateway := p.run(t, testImage, spec, override)
	t.Logf("gateway: readiness probe passed %s after podman run", gateway.StartedIn.Round(1e6))
	t.Logf("gateway settings:\n  %s", strings.Join(gateway.settings.applied, "\n  "))
	user, group, caps := gateway.process(t)
	assert.Equal(t, []string{"10001", "10001", "none"}, []string{user, group, caps}, "the process's user, group and capabilities")
	// memory_limiter's limit_percentage applies to the container's memory limit, as in a pod.
	limit := spec.Resources.Limits[corev1.ResourceMemory]
	assert.Contains(t, gateway.logs(), fmt.Sprintf(`"total_memory_mib": %d`, limit.Value()>>20), "memory_limiter reads the container's limit")

	jaeger.SetRefusing(true)
	tempo.SetRefusing(true)
	var traffic gatewayTraffic
	otlp := p.ports[4317]
	traffic.send(t, otlp, "before-kill", 20)
	code := gateway.Kill(t)
	assert.Equal(t, 137, code, "SIGKILL")
	for _, volume := range []string{"errorkeep", "queue"} {
		assert.NotEmpty(t, ownedFiles(t, p.volumes[volume], 10001), "files of user 10001 on the %s volume", volume)
	}

	gateway = p.run(t, testImage, spec, override)
	t.Logf("gateway: restarted on the same volumes, readiness probe passed %s after podman run", gateway.StartedIn.Round(1e6))
	recovered := e2e.MetricSum(gateway.metrics(t), "otelcol_processor_errorkeep_traces_recovered")
	jaeger.SetRefusing(false)
	tempo.SetRefusing(false)
	waitDelivered(t, &traffic, jaeger, tempo)
	t.Logf("gateway: after SIGKILL, %d error traces whole at both backends, %d log records delivered; errorkeep recovered %.0f undecided traces from its folder",
		len(traffic.errors), len(traffic.logs), recovered)

	traffic.send(t, p.ports[4317], "before-stop", 20)
	code, took := gateway.Stop(t)
	assert.Equal(t, 0, code, "the gateway's exit code after SIGTERM")
	assert.Less(t, took, gateway.settings.grace, "stopped within terminationGracePeriodSeconds")
	t.Logf("gateway: SIGTERM right after a round, exit %d after %s (grace %s)", code, took.Round(1e6), gateway.settings.grace)

	gateway = p.run(t, testImage, spec, override)
	waitDelivered(t, &traffic, jaeger, tempo)
	code, took = gateway.Stop(t)
	assert.Equal(t, 0, code, "the gateway's exit code after SIGTERM, everything delivered")
	t.Logf("gateway: SIGTERM with everything delivered, exit %d after %s", code, took.Round(1e6))
}

// waitDelivered waits until every error trace sent is whole at both backends and every
// log record at the signals backend (jaeger's OTLP/HTTP port), then checks no healthy
// trace arrived split.
func waitDelivered(t *testing.T, traffic *gatewayTraffic, jaeger, tempo *e2e.Backend) {
	t.Helper()
	split := 0
	eventually(t, 2*e2e.DeliverTimeout, func() (bool, string) {
		atJaeger, s, lost := traffic.missing(jaeger, jaeger)
		atTempo, _, _ := traffic.missing(tempo, jaeger)
		split = s
		return atJaeger == 0 && atTempo == 0 && lost == 0, fmt.Sprintf(
			"error traces not whole: %d at jaeger, %d at tempo (of %d); log records lost: %d (of %d)",
			atJaeger, atTempo, len(traffic.errors), lost, len(traffic.logs))
	})
	assert.Zero(t, split, "healthy traces split")
}
