package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func corpusFile(name string) string {
	return filepath.Join(RepoRoot(), "processor", "piiredact", "testdata", "corpus", name)
}

func corpusLines(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(corpusFile(name))
	require.NoError(t, err)
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// TestSidecarRedactsTheCorpus sends the PII corpus through the real binary with
// config/sidecar.yaml, debug logging on: no planted value reaches the backend or
// the collector's own output, and every non-PII value arrives intact.
func TestSidecarRedactsTheCorpus(t *testing.T) {
	gateway := StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: map[string]string{
		"GATEWAY_ENDPOINT": gateway.GRPC,
		"QUEUE_DIR":        filepath.Join(t.TempDir(), "queue"),
		"LOG_LEVEL":        "debug",
	}})
	traces, err := golden.ReadTraces(corpusFile("traces.yaml"))
	require.NoError(t, err)
	logs, err := golden.ReadLogs(corpusFile("logs.yaml"))
	require.NoError(t, err)
	ctx := context.Background()
	wantSpans, wantLogs := traces.SpanCount(), logs.LogRecordCount()
	require.NoError(t, SendTraces(ctx, col.Endpoints.GRPC, traces))
	require.NoError(t, SendLogs(ctx, col.Endpoints.GRPC, logs))
	Eventually(t, DeliverTimeout, func() bool {
		return gateway.SpanCount() == wantSpans && gateway.Logs.LogRecordCount() == wantLogs
	}, "corpus delivered (%d/%d spans, %d/%d logs)", gateway.SpanCount(), wantSpans, gateway.Logs.LogRecordCount(), wantLogs)

	var received strings.Builder
	for _, td := range gateway.Traces.AllTraces() {
		b, err := (&ptrace.JSONMarshaler{}).MarshalTraces(td)
		require.NoError(t, err)
		received.Write(b)
	}
	for _, ld := range gateway.Logs.AllLogs() {
		b, err := (&plog.JSONMarshaler{}).MarshalLogs(ld)
		require.NoError(t, err)
		received.Write(b)
	}
	out := received.String()
	metrics := col.Metrics(t)
	printed, err := RunBinary(binary, nil, "print-config", "--config", ConfigPath("sidecar.yaml"))
	require.NoError(t, err, printed)
	for _, planted := range corpusLines(t, "planted.txt") {
		assert.NotContains(t, out, planted, "planted value reached the backend")
		assert.NotContains(t, col.Output(), planted, "planted value in the collector's own output")
		assert.NotContains(t, metrics, planted, "planted value in the collector's own metrics (a label?)")
		assert.NotContains(t, printed, planted, "planted value in print-config")
	}
	for _, intact := range corpusLines(t, "intact.txt") {
		assert.Contains(t, out, intact, "non-PII value lost")
	}
	assert.Contains(t, out, "[REDACTED:credit_card ending 1111]", "sidecar keeps a card's last four")
	assert.Contains(t, metrics, `otelcol_processor_piiredact_redactions{detector="email"`)
}
