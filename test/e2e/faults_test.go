package e2e

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

// uniqueSpans counts distinct span IDs: retries deliver at least once, so duplicates
// are possible and are not losses.
func uniqueSpans(b *Backend) int {
	seen := map[pcommon.SpanID]struct{}{}
	for _, s := range b.Spans() {
		seen[s.Span.SpanID()] = struct{}{}
	}
	return len(seen)
}

// TestBackendOutageUnderLoadLosesNothing: config/gateway.yaml under steady load; one of
// its two backends is down for 20 s and comes back. The other backend keeps receiving
// everything throughout, the dead one's queue stays within its configured size, and
// afterwards both hold every span the gateway accepted.
func TestBackendOutageUnderLoadLosesNothing(t *testing.T) {
	const (
		rate     = 1000 // spans/s
		duration = 30 * time.Second
		outage   = 20 * time.Second
	)
	jaeger, tempo := StartBackend(t), StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaeger, tempo, nil)})
	load := StartLoad(col.Endpoints.GRPC, rate, duration)

	time.Sleep(5 * time.Second) // paces the scenario: steady load before the outage
	tempo.Stop()
	down := time.Now()
	maxQueue := 0.0
	for time.Since(down) < outage {
		time.Sleep(time.Second)
		maxQueue = max(maxQueue, metricSum(col.Metrics(t), `otelcol_processor_handoff_stored_bytes{processor="handoff/tempo"`))
	}
	acceptedDuringOutage := metricSum(col.Metrics(t), "otelcol_receiver_accepted_spans")
	jaegerDuringOutage := jaeger.SpanCount()
	tempo.Start(t)
	result := load.Wait(t)

	require.Zero(t, result.Refused, "the gateway refused spans: %v", result.Codes)
	Eventually(t, 2*DeliverTimeout, func() bool {
		return uniqueSpans(jaeger) >= int(result.Sent) && uniqueSpans(tempo) >= int(result.Sent)
	}, "every accepted span at both backends")
	assert.Equal(t, int(result.Sent), uniqueSpans(jaeger))
	assert.Equal(t, int(result.Sent), uniqueSpans(tempo))
	// While tempo was down, jaeger lagged the gateway by no more than what the decision
	// wait, batching and a loaded CI machine hold: a few seconds of traffic.
	assert.Greater(t, float64(jaegerDuringOutage), acceptedDuringOutage-5*rate,
		"jaeger received %d of %.0f spans accepted during the outage", jaegerDuringOutage, acceptedDuringOutage)
	assert.LessOrEqual(t, maxQueue, 536870912.0, "tempo's folder exceeded max_bytes")
	assert.Positive(t, metricSum(col.Metrics(t), `otelcol_processor_handoff_failed_deliveries{processor="handoff/tempo"`), "no delivery to tempo failed: was it really down?")
	m := col.Metrics(t)
	assert.LessOrEqual(t, metricSum(m, "otelcol_processor_handoff_dropped_items"), 0.0, "spans dropped")
	assert.LessOrEqual(t, metricSum(m, "otelcol_processor_handoff_refused_items"), 0.0, "spans refused")
	t.Logf("outage %s at %d spans/s: %d spans accepted, %d unique at jaeger, %d unique at tempo (%d with duplicates), peak tempo queue %.0f bytes",
		outage, rate, result.Sent, uniqueSpans(jaeger), uniqueSpans(tempo), tempo.SpanCount(), maxQueue)
}

// TestSidecarPersistentQueueSurvivesSIGKILL: config/sidecar.yaml with its gateway down
// takes spans in, each request written to its handoff folder before it is
// acknowledged, and the process is killed with SIGKILL. Restarted on the same folder
// with the gateway up, it delivers everything it had acknowledged.
func TestSidecarPersistentQueueSurvivesSIGKILL(t *testing.T) {
	gateway := StartBackend(t)
	gateway.Stop()
	queueDir := filepath.Join(t.TempDir(), "queue")
	env := map[string]string{"GATEWAY_ENDPOINT": gateway.GRPC, "QUEUE_DIR": queueDir}
	col := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: env})
	result := StartLoad(col.Endpoints.GRPC, 2000, 3*time.Second).Wait(t)
	require.Zero(t, result.Refused)
	// Acknowledged means written: the whole load is in the folder, none delivered.
	backlog := metricSum(col.Metrics(t), `otelcol_processor_handoff_backlog_items{processor="handoff",signal="traces"`)
	require.InDelta(t, float64(result.Sent), backlog, 0, "every acknowledged span is in the folder")
	col.Kill()

	gateway.Start(t)
	restarted := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: env})
	Eventually(t, DeliverTimeout, func() bool { return uniqueSpans(gateway) >= int(result.Sent) },
		"folder delivered after the restart (%d of %d)", uniqueSpans(gateway), result.Sent)
	assert.Equal(t, int(result.Sent), uniqueSpans(gateway))
	recovered := metricSum(restarted.Metrics(t), "otelcol_processor_handoff_recovered_items")
	assert.InDelta(t, float64(result.Sent), recovered, 0)
	require.NoError(t, restarted.Stop())
	t.Logf("SIGKILL with %d spans in the folder: %.0f recovered, %d delivered after the restart", result.Sent, recovered, uniqueSpans(gateway))
}

// TestDeadBackendQueueIsBoundedInBytes: with one backend dead for good, its handoff
// folder fills to its byte bound (set small here: 1 MiB) and stays there; data for it
// beyond that is refused and counted, while the live backend still receives every
// accepted span and the process's memory stays flat.
func TestDeadBackendQueueIsBoundedInBytes(t *testing.T) {
	const bound = 1 << 20
	jaeger, tempo := StartBackend(t), StartBackend(t)
	tempo.Stop()
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{
		// Tempo stays dead: the stop at the end gives up on it after a short drain.
		Env: gatewayEnv(jaeger, tempo, map[string]string{"DRAIN_TIMEOUT": "1s"}),
		Args: []string{
			"--set=processors::handoff/tempo::max_bytes=1048576",
			"--set=processors::handoff/tempo::segment_bytes=131072",
		},
	})
	load := StartLoad(col.Endpoints.GRPC, 2000, 15*time.Second)
	maxQueue := load.PeakWhileRunning(500*time.Millisecond, func() float64 {
		return metricSum(col.Metrics(t), `otelcol_processor_handoff_stored_bytes{processor="handoff/tempo"`)
	})
	result := load.Wait(t)
	require.Zero(t, result.Refused, "the gateway refused spans: %v", result.Codes)
	Eventually(t, DeliverTimeout, func() bool { return uniqueSpans(jaeger) >= int(result.Sent) }, "the live backend got everything")
	dropped := metricSum(col.Metrics(t), `otelcol_processor_handoff_refused_items{processor="handoff/tempo"`)
	t.Logf("dead backend: queue peaked at %.0f bytes (bound %d), %.0f spans dropped for it and counted; live backend %d of %d; peak RSS %d MiB",
		maxQueue, bound, dropped, uniqueSpans(jaeger), result.Sent, col.PeakRSS(t)>>20)
	assert.LessOrEqual(t, maxQueue, float64(bound))
	assert.Positive(t, dropped, "the dead backend's queue never filled")
	assert.Equal(t, int(result.Sent), uniqueSpans(jaeger))
	assert.Less(t, col.PeakRSS(t), int64(300)<<20)
}

// TestGracefulShutdownUnderLoad: SIGTERM reaches config/gateway.yaml while clients are
// sending and errorkeep holds seconds of traces (decision wait 5 s). Everything the
// gateway accepted is decided and delivered to both backends before it exits, cleanly
// and within the shutdown timeout: the folders it leaves hold nothing, so a
// replacement on fresh folders (a new pod) loses nothing. The in-memory variant
// drains the same way.
func TestGracefulShutdownUnderLoad(t *testing.T) {
	for _, variant := range []struct {
		name string
		args []string
	}{
		{"durable", nil},
		{"in-memory", []string{"--config", ConfigPath("gateway-in-memory.yaml")}},
	} {
		t.Run(variant.name, func(t *testing.T) {
			jaeger, tempo := StartBackend(t), StartBackend(t)
			folders := t.TempDir()
			opts := CollectorOptions{Args: variant.args, Env: gatewayEnv(jaeger, tempo, map[string]string{
				"DECISION_WAIT":     "5s",
				"ERRORKEEP_DIR":     filepath.Join(folders, "errorkeep"),
				"GATEWAY_QUEUE_DIR": filepath.Join(folders, "queue"),
			})}
			col := StartCollector(t, binary, ConfigPath("gateway.yaml"), opts)
			load := StartLoad(col.Endpoints.GRPC, 2000, 6*time.Second)
			time.Sleep(3 * time.Second) // paces the scenario: SIGTERM in the middle of the load
			held := metricSum(col.Metrics(t), "otelcol_processor_errorkeep_buffered_traces")
			start := time.Now()
			require.NoError(t, col.Stop(), "exit status")
			stopped := time.Since(start)
			result := load.Wait(t)
			assert.Positive(t, held, "errorkeep held nothing when the signal came")
			assert.Less(t, stopped, StopTimeout)
			for name, b := range map[string]*Backend{"jaeger": jaeger, "tempo": tempo} {
				assert.Equal(t, int(result.Sent), uniqueSpans(b), "%s: every accepted span delivered before the exit", name)
			}
			assert.Contains(t, col.Output(), "handoff drained")
			assert.NotContains(t, col.Output(), "drain_timeout passed")
			assert.Empty(t, segmentFiles(t, filepath.Join(folders, "queue")), "nothing left in the folders")
			t.Logf("%s: SIGTERM with %.0f traces held: stopped in %s; %d spans accepted; %d at jaeger and %d at tempo at exit",
				variant.name, held, stopped.Round(time.Millisecond), result.Sent, uniqueSpans(jaeger), uniqueSpans(tempo))
		})
	}
}

// segmentFiles lists the handoff segment files under dir, at any depth.
func segmentFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".hoff") {
			files = append(files, path)
		}
		return err
	})
	require.NoError(t, err)
	return files
}
