package e2e

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// syncCount is how many fsyncs of errorkeep's folder the collector reports (a
// histogram's count; units are not appended to the collector's own metric names).
func syncCount(t *testing.T, c *Collector) int {
	t.Helper()
	return max(int(metricSum(c.Metrics(t), "otelcol_processor_errorkeep_store_sync_duration_count")), 0)
}

// The gateway fsyncs errorkeep's folder at ERRORKEEP_SYNC_INTERVAL, for a node
// failure or a power loss, and says how often and how long in its own metrics; as
// shipped (0) it never does.
func TestGatewayFsyncsItsFolderAtTheSyncInterval(t *testing.T) {
	jaeger, tempo := StartBackend(t), StartBackend(t)
	start := time.Now()
	synced := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{
		Env: gatewayEnv(jaeger, tempo, map[string]string{"ERRORKEEP_SYNC_INTERVAL": "200ms"}),
	})
	shipped := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaeger, tempo, nil)})
	sendSimpleTraces(t, synced.Endpoints.GRPC, "synced", 20)
	sendSimpleTraces(t, shipped.Endpoints.GRPC, "shipped", 20)
	Eventually(t, DeliverTimeout, func() bool { return syncCount(t, synced) >= 5 }, "fsyncs every 200ms")
	n := syncCount(t, synced)
	elapsed := time.Since(start)
	assert.LessOrEqual(t, n, int(elapsed/(200*time.Millisecond))+2, "no more often than the interval")
	assert.Zero(t, syncCount(t, shipped), "sync_interval 0 never fsyncs")
	t.Logf("%d fsyncs in %s at a 200ms interval", n, elapsed.Round(time.Millisecond))
}
