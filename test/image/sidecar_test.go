package image

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	corev1 "k8s.io/api/core/v1"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

// relayPort is where the application stand-in listens in the sidecar's pod.
const relayPort = 14318

// relayArgs configure the image as the application of deploy/sidecar/plain's pod: it
// takes OTLP/HTTP from the test on relayPort and sends it, as the application would, to
// the address the manifest gives the application (OTEL_EXPORTER_OTLP_ENDPOINT: the
// sidecar's loopback receiver, which nothing outside the pod can reach). No queue and no
// retry, so that what it acknowledges the sidecar has acknowledged.
var relayArgs = []string{`--config=yaml:{` +
	`receivers: {otlp: {protocols: {http: {endpoint: "0.0.0.0:14318"}}}}, ` +
	`exporters: {otlp_grpc: {endpoint: "${env:OTEL_EXPORTER_OTLP_ENDPOINT}", tls: {insecure: true}, sending_queue: {enabled: false}, retry_on_failure: {enabled: false}}}, ` +
	`service: {telemetry: {metrics: {level: none}}, pipelines: {` +
	`traces: {receivers: [otlp], exporters: [otlp_grpc]}, logs: {receivers: [otlp], exporters: [otlp_grpc]}}}}`}

// TestSidecarAsDeployed runs deploy/sidecar/plain's pod: the sidecar container exactly as
// the manifest sets it up (config/sidecar.yaml from its ConfigMap, read-only root
// filesystem, user 10001, every capability dropped, its queue on the pod's emptyDir),
// the gateway's address pointed at a stand-in, and the image as a relay in the
// application's place. While the gateway refuses, the sidecar takes spans and logs
// holding a card number into its queue; SIGTERM ends it with 0 within the grace
// period; a new sidecar container on the same volume delivers everything, the card
// reduced to its last four digits.
func TestSidecarAsDeployed(t *testing.T) {
	needPodman(t)
	d := readDeployed(t)
	podSpec, sidecarSpec := d.deployment(t, "sidecar/plain/example-app.yaml")
	var appSpec corev1.Container
	for _, c := range podSpec.Containers {
		if c.Name != sidecarSpec.Name {
			appSpec = c
		}
	}
	require.NotEmpty(t, appSpec.Name, "the application container")
	appSpec.Image, appSpec.Args = testImage, relayArgs

	gateway := e2e.StartBackend(t)
	gateway.SetRefusing(true)
	p := startPod(t, podSpec, d.configMaps, relayPort)
	override := map[string]string{"GATEWAY_ENDPOINT": fromPod(gateway.GRPC)}
	sidecar := p.run(t, testImage, sidecarSpec, override)
	t.Logf("sidecar: readiness probe passed %s after podman run", sidecar.StartedIn.Round(1e6))
	t.Logf("sidecar settings:\n  %s", strings.Join(sidecar.settings.applied, "\n  "))
	p.run(t, testImage, appSpec, nil)

	user, group, caps := sidecar.process(t)
	assert.Equal(t, "10001", user, "the process's user")
	assert.Equal(t, "10001", group, "the process's group")
	assert.Equal(t, "none", caps, "the process's effective capabilities")
	assert.Equal(t, "true", mustPodman(t, "inspect", sidecar.name, "--format", "{{.HostConfig.ReadonlyRootfs}}"))

	const n = 5
	td, _ := cardTraces("sidecar", n)
	ld := cardLogs("sidecar", n)
	relay := p.ports[relayPort]
	eventually(t, e2e.StartTimeout, func() (bool, string) {
		err := sendHTTP(relay, td, ld)
		return err == nil, fmt.Sprintf("the relay and the sidecar acknowledge: %v", err)
	})

	queue := p.volumes["otelcol-queue"]
	queued := ownedFiles(t, queue, 10001)
	assert.NotEmpty(t, queued, "the sidecar's queue files in the pod's emptyDir, owned by 10001")

	code, took := sidecar.Stop(t)
	assert.Equal(t, 0, code, "the sidecar's exit code after SIGTERM")
	assert.Less(t, took, sidecar.settings.grace, "stopped within terminationGracePeriodSeconds")
	t.Logf("sidecar: SIGTERM with the gateway refusing, exit %d after %s (grace %s)", code, took.Round(1e6), sidecar.settings.grace)
	assert.Zero(t, gateway.SpanCount(), "the gateway refused everything so far")

	// The container restarts in the same pod, on the same emptyDir.
	sidecar = p.run(t, testImage, sidecarSpec, override)
	gateway.SetRefusing(false)
	eventually(t, e2e.DeliverTimeout, func() (bool, string) {
		spans, logs := gateway.SpanCount(), gateway.Logs.LogRecordCount()
		return spans == n && logs == n, fmt.Sprintf("after its restart, the sidecar delivered %d/%d spans, %d/%d log records", spans, n, logs, n)
	})
	checkCardRedacted(t, gateway.Traces.AllTraces(), gateway.Logs.AllLogs())
	assert.NotContains(t, sidecar.logs(), cardDigits, "the sidecar's own output")

	code, _ = sidecar.Stop(t)
	assert.Equal(t, 0, code, "the restarted sidecar's exit code after SIGTERM")
}

// checkCardRedacted: every span's card attribute keeps only its last four digits, and no
// log body holds the card.
func checkCardRedacted(t *testing.T, traces []ptrace.Traces, logs []plog.Logs) {
	t.Helper()
	for _, s := range e2e.FlattenSpans(traces) {
		v, ok := s.Span.Attributes().Get("payment.card")
		require.True(t, ok, "span %s kept its card attribute", s.Span.Name())
		assert.Equal(t, "[REDACTED:credit_card ending 1111]", v.Str(), s.Span.Name())
	}
	for _, ld := range logs {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			sl := ld.ResourceLogs().At(i).ScopeLogs()
			for j := 0; j < sl.Len(); j++ {
				recs := sl.At(j).LogRecords()
				for k := 0; k < recs.Len(); k++ {
					body := recs.At(k).Body().Str()
					assert.NotContains(t, body, cardDigits)
					assert.Contains(t, body, "[REDACTED:credit_card ending 1111]")
				}
			}
		}
	}
}

// ownedFiles lists the files under dir owned by uid.
func ownedFiles(t *testing.T, dir string, uid uint32) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok && st.Uid == uid {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, rel)
		}
		return nil
	})
	require.NoError(t, err)
	return out
}
