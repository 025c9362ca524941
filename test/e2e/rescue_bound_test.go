package e2e

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// TestRescueStoreKeepsItsBoundUnderAFlood floods config/gateway.yaml, with a small
// rescue bound, with distinct healthy traces it does not keep. The store's folder
// never holds more than the bound, the oldest traces go first and are counted, a
// late error of an evicted trace is still kept (alone, counted as a missed rescue),
// and a late error of a trace sent after the flood brings it back whole.
func TestRescueStoreKeepsItsBoundUnderAFlood(t *testing.T) {
	const bound = 2 << 20
	dir := filepath.Join(t.TempDir(), "errorkeep")
	jaeger, tempo := StartBackend(t), StartBackend(t)
	gateway := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{
		Env: gatewayEnv(jaeger, tempo, map[string]string{
			"HEALTHY_PERCENT": "0",
			"ERRORKEEP_DIR":   dir,
		}),
		Args: []string{"--set=processors::errorkeep::rescue_max_bytes=" + strconv.Itoa(bound)},
	})
	ctx := context.Background()
	decided := func() {
		Eventually(t, DeliverTimeout, func() bool {
			return metricSum(gateway.Metrics(t), "otelcol_processor_errorkeep_buffered_traces") == 0
		}, "every trace decided")
	}

	oldest := sendHealthyTraces(t, ctx, gateway.Endpoints.GRPC, 20)
	decided()
	load := StartLoad(gateway.Endpoints.GRPC, 4000, 12*time.Second)
	peak := load.PeakWhileRunning(100*time.Millisecond, func() float64 { return float64(folderBytes(t, dir)) })
	flood := load.Wait(t)
	newest := sendHealthyTraces(t, ctx, gateway.Endpoints.GRPC, 10)
	decided()
	heldAfter := folderBytes(t, dir)

	for _, id := range append(append([]pcommon.TraceID{}, oldest...), newest...) {
		require.NoError(t, SendTraces(ctx, gateway.Endpoints.GRPC, lateErrorSpan(id)))
	}
	Settle(t, gateway, jaeger, tempo)
	metrics := gateway.Metrics(t)
	require.NoError(t, gateway.Stop())

	t.Logf("flood: %d spans; folder peak %d bytes (bound %d), %d after; evicted %.0f traces",
		flood.Sent, int64(peak), bound, heldAfter, metricSum(metrics, "otelcol_processor_errorkeep_rescue_evicted_traces"))
	assert.LessOrEqual(t, peak, float64(bound), "the folder stays within rescue_max_bytes")
	assert.LessOrEqual(t, metricSum(metrics, "otelcol_processor_errorkeep_rescue_bytes"), float64(bound))
	assert.Greater(t, metricSum(metrics, "otelcol_processor_errorkeep_rescue_evicted_traces"), 1000.0,
		"a full store drops its oldest traces and counts them")
	assert.InDelta(t, float64(len(oldest)), metricWith(metrics, "otelcol_processor_errorkeep_rescues_missed", `reason="evicted"`), 0,
		"the late errors of traces evicted by the flood are counted as rescues missed")
	assert.InDelta(t, float64(len(newest)), metricSum(metrics, "otelcol_processor_errorkeep_traces_rescued"), 0)

	received := SpansByTrace(jaeger.Spans())
	for _, id := range oldest {
		assert.Len(t, received[id], 1, "evicted trace %s: its late error span is kept on its own", id)
	}
	for _, id := range newest {
		assert.Len(t, received[id], 4, "trace %s comes back whole with its late error", id)
		for _, s := range received[id] {
			assert.Equal(t, "ot=th:0", s.Span.TraceState().AsRaw())
		}
	}
}

// sendHealthyTraces sends n three-span healthy traces and returns their IDs.
func sendHealthyTraces(t *testing.T, ctx context.Context, endpoint string, n int) []pcommon.TraceID {
	t.Helper()
	td := ptrace.NewTraces()
	spans := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
	ids := make([]pcommon.TraceID, n)
	now := time.Now()
	for i := range ids {
		_, _ = rand.Read(ids[i][:])
		for j := range 3 {
			s := spans.AppendEmpty()
			s.SetTraceID(ids[i])
			s.SetSpanID(pcommon.SpanID{byte(j + 1)})
			if j > 0 {
				s.SetParentSpanID(pcommon.SpanID{1})
			}
			s.SetName(fmt.Sprintf("healthy-%d", j))
			s.SetStartTimestamp(pcommon.NewTimestampFromTime(now))
			s.SetEndTimestamp(pcommon.NewTimestampFromTime(now.Add(10 * time.Millisecond)))
		}
	}
	require.NoError(t, SendTraces(ctx, endpoint, td))
	return ids
}

// lateErrorSpan is a failed child of trace id's root, sent after the trace was decided.
func lateErrorSpan(id pcommon.TraceID) ptrace.Traces {
	td := ptrace.NewTraces()
	s := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	s.SetTraceID(id)
	s.SetSpanID(pcommon.SpanID{9})
	s.SetParentSpanID(pcommon.SpanID{1})
	s.SetName("late-error")
	now := time.Now()
	s.SetStartTimestamp(pcommon.NewTimestampFromTime(now))
	s.SetEndTimestamp(pcommon.NewTimestampFromTime(now.Add(time.Millisecond)))
	s.Status().SetCode(ptrace.StatusCodeError)
	return td
}

// folderBytes is the size of the files in dir.
func folderBytes(t *testing.T, dir string) int64 {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil { // a segment removed while listing
			n += info.Size()
		}
	}
	return n
}

// metricWith sums the samples of metric name whose labels contain label.
func metricWith(text, name, label string) float64 {
	sum := 0.0
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, name+"{") && strings.Contains(line, label) {
			f := strings.Fields(line)
			if v, err := strconv.ParseFloat(f[len(f)-1], 64); err == nil {
				sum += v
			}
		}
	}
	return sum
}
