package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sidecarLimitMiB is the memory limit the shipped sidecar manifests give the
// container; its memory_limiter and GOMEMLIMIT come from the same environment
// variables the manifests set (deploy/manifests_test.go keeps them coherent).
const sidecarLimitMiB = 256

// TestSidecarSizing runs config/sidecar.yaml with the shipped sidecar's memory
// settings at per-pod rates (100, 1,000 and 5,000 spans/s of realistic five-span
// traces) and checks that it holds each with nothing refused, its resident memory
// under the container limit. The numbers are in docs/deploy.md.
func TestSidecarSizing(t *testing.T) {
	for _, rate := range []int{100, 1000, 5000} {
		gateway := StartBackend(t)
		col := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: map[string]string{
			"GATEWAY_ENDPOINT":       gateway.GRPC,
			"QUEUE_DIR":              filepath.Join(t.TempDir(), "queue"),
			"MEMORY_LIMIT_MIB":       "160",
			"MEMORY_SPIKE_LIMIT_MIB": "32",
			"GOMEMLIMIT":             "144MiB",
		}})
		idle := col.PeakRSS(t)
		load := StartLoad(col.Endpoints.GRPC, rate, 10*time.Second)
		load.PeakWhileRunning(200*time.Millisecond, func() float64 { return float64(col.PeakRSS(t)) })
		result := load.Wait(t)
		peak := col.PeakRSS(t)
		require.NoError(t, col.Stop())
		t.Logf("%5d spans/s: %d accepted, %d refused; RSS idle %d MiB, peak %d MiB (limit %d MiB)",
			rate, result.Sent, result.Refused, idle>>20, peak>>20, sidecarLimitMiB)
		assert.Zero(t, result.Refused, "%d spans/s: refused %v", rate, result.Codes)
		assert.Less(t, peak, int64(sidecarLimitMiB)<<20, "%d spans/s: peak RSS above the container limit", rate)
	}
}
