package e2e

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGatewayKeepsEveryErrorAndSlowTrace sends a few hundred three-span traces
// through config/gateway.yaml: some fail only in a child span, some are slow, most
// are healthy. Both backends get every error and slow trace whole, and the healthy
// share is within statistical tolerance of healthy_percent.
func TestGatewayKeepsEveryErrorAndSlowTrace(t *testing.T) {
	const percent = 20.0
	jaeger, tempo := StartBackend(t), StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaeger, tempo, map[string]string{
		"HEALTHY_PERCENT": "20",
		"DECISION_WAIT":   "2s",
	})})
	kinds := traceKinds{}
	sendMixedTraces(t, col.Endpoints.GRPC, "checkout", 40, 40, 400, kinds)

	decided := func() bool {
		return metricSum(col.Metrics(t), "otelcol_processor_errorkeep_buffered_traces") == 0 &&
			countSpansNamed(jaeger, "root-slow") == 40 && countSpansNamed(tempo, "root-error") == 40
	}
	Eventually(t, DeliverTimeout, decided, "all traces decided and delivered")
	Settle(t, col, jaeger, tempo)
	require.NoError(t, col.Stop())
	checkWholeTraces(t, "jaeger", jaeger.Spans(), kinds, percent)
	checkWholeTraces(t, "tempo", tempo.Spans(), kinds, percent)
}
