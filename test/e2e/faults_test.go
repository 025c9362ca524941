package e2e

import (
	"path/filepath"
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
		maxQueue = max(maxQueue, metricSum(col.Metrics(t), `otelcol_exporter_queue_size{data_type="traces",exporter="otlp_grpc/tempo"`))
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
	assert.LessOrEqual(t, maxQueue, 134217728.0, "tempo's queue exceeded queue_size (bytes)")
	assert.Positive(t, maxQueue, "tempo's queue never filled: was it really down?")
	m := col.Metrics(t)
	assert.LessOrEqual(t, metricSum(m, "otelcol_exporter_send_failed_spans"), 0.0, "spans dropped after retries")
	t.Logf("outage %s at %d spans/s: %d spans accepted, %d unique at jaeger, %d unique at tempo (%d with duplicates), peak tempo queue %.0f bytes",
		outage, rate, result.Sent, uniqueSpans(jaeger), uniqueSpans(tempo), tempo.SpanCount(), maxQueue)
}

// TestSidecarPersistentQueueSurvivesSIGKILL: config/sidecar.yaml with its gateway down
// takes spans in, its batches land in the file_storage queue, and the process is killed
// with SIGKILL. Restarted on the same queue folder with the gateway up, it delivers
// everything that was in the queue.
func TestSidecarPersistentQueueSurvivesSIGKILL(t *testing.T) {
	gateway := StartBackend(t)
	gateway.Stop()
	queueDir := filepath.Join(t.TempDir(), "queue")
	env := map[string]string{"GATEWAY_ENDPOINT": gateway.GRPC, "QUEUE_DIR": queueDir}
	col := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: env})
	result := StartLoad(col.Endpoints.GRPC, 2000, 3*time.Second).Wait(t)
	require.Zero(t, result.Refused)
	// Batches leave the batch processor within its 1 s timeout and enter the queue.
	Eventually(t, DeliverTimeout, func() bool {
		return metricSum(col.Metrics(t), `otelcol_exporter_queue_size{data_type="traces",exporter="otlp_grpc/gateway"`) > 0 &&
			batchedAll(t, col, result.Sent)
	}, "all accepted spans batched into the persistent queue")
	col.Kill()

	gateway.Start(t)
	restarted := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: env})
	Eventually(t, DeliverTimeout, func() bool { return uniqueSpans(gateway) >= int(result.Sent) },
		"queue delivered after the restart (%d of %d)", uniqueSpans(gateway), result.Sent)
	assert.Equal(t, int(result.Sent), uniqueSpans(gateway))
	require.NoError(t, restarted.Stop())
	t.Logf("SIGKILL with %d spans queued on disk: %d delivered after restart", result.Sent, uniqueSpans(gateway))
}

// batchedAll reports whether the batch processor has passed on every accepted span.
func batchedAll(t *testing.T, col *Collector, accepted int64) bool {
	m := col.Metrics(t)
	// batch_send_size counts spans per batch sent on; its _sum is the spans sent on.
	return metricSum(m, "otelcol_processor_batch_batch_send_size_sum") >= float64(accepted)
}

// TestDeadBackendQueueIsBoundedInBytes: with one backend dead for good, its queue fills
// to its byte bound (set small here: 1 MiB) and stays there; data for it beyond that is
// dropped and counted, while the live backend still receives every accepted span and
// the process's memory stays flat.
func TestDeadBackendQueueIsBoundedInBytes(t *testing.T) {
	const bound = 1 << 20
	jaeger, tempo := StartBackend(t), StartBackend(t)
	tempo.Stop()
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{
		Env:  gatewayEnv(jaeger, tempo, nil),
		Args: []string{"--set=exporters::otlp_grpc/tempo::sending_queue::queue_size=1048576"},
	})
	load := StartLoad(col.Endpoints.GRPC, 2000, 15*time.Second)
	maxQueue := load.PeakWhileRunning(500*time.Millisecond, func() float64 {
		return metricSum(col.Metrics(t), `otelcol_exporter_queue_size{data_type="traces",exporter="otlp_grpc/tempo"`)
	})
	result := load.Wait(t)
	require.Zero(t, result.Refused, "the gateway refused spans: %v", result.Codes)
	Eventually(t, DeliverTimeout, func() bool { return uniqueSpans(jaeger) >= int(result.Sent) }, "the live backend got everything")
	dropped := metricSum(col.Metrics(t), `otelcol_exporter_enqueue_failed_spans{exporter="otlp_grpc/tempo"`)
	t.Logf("dead backend: queue peaked at %.0f bytes (bound %d), %.0f spans dropped for it and counted; live backend %d of %d; peak RSS %d MiB",
		maxQueue, bound, dropped, uniqueSpans(jaeger), result.Sent, col.PeakRSS(t)>>20)
	assert.LessOrEqual(t, maxQueue, float64(bound))
	assert.Positive(t, dropped, "the dead backend's queue never filled")
	assert.Equal(t, int(result.Sent), uniqueSpans(jaeger))
	assert.Less(t, col.PeakRSS(t), int64(300)<<20)
}

// TestGracefulShutdownUnderLoad: SIGTERM reaches config/gateway.yaml while clients are
// sending and errorkeep holds seconds of traces (decision wait 5 s). Everything the
// gateway accepted is decided before it exits, cleanly and within the shutdown
// timeout; what the backends have not taken yet stays in the exporters' persistent
// queues (they do not drain on shutdown, by design upstream) and is delivered by the
// next start on the same folders. The in-memory variant drains its queues instead.
func TestGracefulShutdownUnderLoad(t *testing.T) {
	for _, variant := range []struct {
		name    string
		args    []string
		durable bool
	}{
		{"durable", nil, true},
		{"in-memory", []string{"--config", ConfigPath("gateway-in-memory.yaml")}, false},
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
			atExit := [2]int{uniqueSpans(jaeger), uniqueSpans(tempo)}
			assert.Positive(t, held, "errorkeep held nothing when the signal came")
			assert.Less(t, stopped, StopTimeout)
			if variant.durable {
				StartCollector(t, binary, ConfigPath("gateway.yaml"), opts)
			}
			for _, b := range []*Backend{jaeger, tempo} {
				Eventually(t, DeliverTimeout, func() bool { return uniqueSpans(b) >= int(result.Sent) }, "every accepted span delivered")
				assert.Equal(t, int(result.Sent), uniqueSpans(b))
			}
			t.Logf("%s: SIGTERM with %.0f traces held: stopped in %s; %d spans accepted; at exit %d at jaeger, %d at tempo; all after the restart",
				variant.name, held, stopped.Round(time.Millisecond), result.Sent, atExit[0], atExit[1])
		})
	}
}
