package e2e

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-custom/otelcol-custom/loadtest"
)

// TestOverloadRefusesRetryablyAndRecovers floods the in-memory gateway
// (config/gateway.yaml + gateway-in-memory.yaml), with its backends refusing everything
// so that its queues fill memory, far beyond what the machine can process. The queues'
// own bounds (max_bytes of the in-memory handoffs) are raised past the memory limit, so
// that memory_limiter, not they, has to stop the flood. (The durable gateway's queues
// are on disk: it takes such a flood to its disk bound.) The process stays within its
// memory_limiter limit, refuses with retryable gRPC codes only, never crashes, and
// takes data again by itself once the flood stops and the backends come back.
func TestOverloadRefusesRetryablyAndRecovers(t *testing.T) {
	const limitMiB = 160
	jaeger, tempo := StartBackend(t), StartBackend(t)
	jaeger.SetRefusing(true)
	tempo.SetRefusing(true)
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{
		Env: gatewayEnv(jaeger, tempo, map[string]string{"GOMEMLIMIT": "128MiB"}),
		Args: []string{
			// A container with a 256 MiB limit would give these (the sidecar's settings).
			"--set=processors::memory_limiter::limit_percentage=0",
			"--set=processors::memory_limiter::spike_limit_percentage=0",
			"--set=processors::memory_limiter::limit_mib=160",
			"--set=processors::memory_limiter::spike_limit_mib=32",
			"--config", ConfigPath("gateway-in-memory.yaml"),
			"--set=processors::handoff/jaeger::max_bytes=1073741824",
			"--set=processors::handoff/tempo::max_bytes=1073741824",
		},
	})
	flood := StartLoad(col.Endpoints.GRPC, 200000, 20*time.Second).Wait(t)
	require.True(t, col.Running(), "the collector died under load:\n%s", col.Output())
	t.Logf("flood: %d spans accepted, %d refused, codes %v", flood.Sent, flood.Refused, flood.Codes)
	require.Positive(t, flood.Refused, "memory_limiter never refused: the flood did not overload it")
	for code := range flood.Codes {
		assert.Contains(t, []string{"Unavailable", "ResourceExhausted"}, code, "refusals must be retryable")
	}
	peak := col.PeakRSS(t)
	t.Logf("peak RSS %d MiB with memory_limiter limit_mib %d", peak>>20, limitMiB)
	// limit_mib bounds the Go heap; the binary and runtime add about 100 MiB of RSS, and
	// the in-memory rescue store up to its 64 MiB, which the limiter cannot reclaim.
	assert.Less(t, peak, int64(limitMiB+128+64)<<20, "peak RSS beyond the limit")

	// The flood stops and the backends recover: data is taken again without a restart.
	jaeger.SetRefusing(false)
	tempo.SetRefusing(false)
	td := ptrace.NewTraces()
	span := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetTraceID(pcommon.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	span.SetSpanID(pcommon.SpanID{1, 2, 3, 4, 5, 6, 7, 8})
	span.SetName("after-the-flood")
	span.Status().SetCode(ptrace.StatusCodeError)
	Eventually(t, 2*DeliverTimeout, func() bool {
		return SendTraces(context.Background(), col.Endpoints.GRPC, td) == nil
	}, "the gateway takes data again after the flood")
	Eventually(t, 2*DeliverTimeout, func() bool { return countSpansNamed(jaeger, "after-the-flood") > 0 }, "delivered after recovery")
	require.NoError(t, col.Stop())
}

// TestErrorkeepStaysWithinItsByteBound sends a flood of distinct traces and one enormous
// trace to config/gateway.yaml with a small max_buffered_bytes and a decision wait far
// longer than the test: the buffer never exceeds its bound, traces are decided early
// instead, and every error trace is still delivered whole.
func TestErrorkeepStaysWithinItsByteBound(t *testing.T) {
	const bound = 4 << 20
	jaeger, tempo := StartBackend(t), StartBackend(t)
	folders := t.TempDir()
	opts := CollectorOptions{
		Env: gatewayEnv(jaeger, tempo, map[string]string{"DECISION_WAIT": "1h", "HEALTHY_PERCENT": "10",
			"ERRORKEEP_DIR": filepath.Join(folders, "errorkeep"), "GATEWAY_QUEUE_DIR": filepath.Join(folders, "queue")}),
		Args: []string{"--set=processors::errorkeep::max_buffered_bytes=4194304", "--set=processors::errorkeep::root_span_grace=0s"},
	}
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), opts)
	// One enormous trace: 20,000 spans of one trace ID, in 20 requests.
	var giant pcommon.TraceID
	copy(giant[:], "enormous-trace!!")
	for range 20 {
		td := ptrace.NewTraces()
		spans := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
		for i := range 1000 {
			s := spans.AppendEmpty()
			s.SetTraceID(giant)
			s.SetSpanID(pcommon.SpanID{byte(i), byte(i >> 8), 1, 2, 3, 4, 5, 6})
			s.SetName("giant")
			s.Attributes().PutStr("payload", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
		}
		require.NoError(t, SendTraces(context.Background(), col.Endpoints.GRPC, td))
	}
	// A flood of distinct traces, sampled while it runs.
	load := StartLoad(col.Endpoints.GRPC, 20000, 8*time.Second)
	peak := load.PeakWhileRunning(200*time.Millisecond, func() float64 {
		return metricSum(col.Metrics(t), "otelcol_processor_errorkeep_buffered_bytes")
	})
	result := load.Wait(t)
	require.Zero(t, result.Refused)
	m := col.Metrics(t)
	early := metricSum(m, "otelcol_processor_errorkeep_traces_decided_early")
	t.Logf("peak buffered %.0f bytes (bound %d), %0.f traces decided early, %d spans accepted", peak, bound, early, result.Sent)
	assert.LessOrEqual(t, peak, float64(bound))
	assert.Positive(t, early, "nothing was decided early: the bound was never reached")

	// Error traces of the flood were decided early and kept whole (five spans each). The
	// rest is decided at shutdown and delivered before the exit.
	require.NoError(t, col.Stop())
	perTrace := map[pcommon.TraceID]int{}
	errors := map[pcommon.TraceID]bool{}
	for _, s := range jaeger.Spans() {
		perTrace[s.Span.TraceID()]++
		if s.Span.Status().Code() == ptrace.StatusCodeError {
			errors[s.Span.TraceID()] = true
		}
	}
	wantErrors := int(result.SentBy[loadtest.ClassError] / loadtest.SpansPerTrace)
	assert.Len(t, errors, wantErrors, "every error trace of the flood delivered")
	for id := range errors {
		assert.Equal(t, loadtest.SpansPerTrace, perTrace[id], "error trace %s whole", id)
	}
}
