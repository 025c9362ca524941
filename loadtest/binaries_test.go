package loadtest

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoadtestThroughRealBinaries runs short fixed-rate scenarios on both real builds
// with both generators: `make test` builds the binaries and passes them in.
func TestLoadtestThroughRealBinaries(t *testing.T) {
	binaries := map[string]string{}
	for _, name := range []string{"OTELCOL_CUSTOM_BINARY", "OTELCOL_REFERENCE_BINARY", "TELEMETRYGEN_BINARY"} {
		binaries[name] = os.Getenv(name)
		if binaries[name] == "" {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not set; run the suite with `make test`", name)
			}
			t.Skipf("%s is not set; `make test` builds the binaries and sets it", name)
		}
	}
	_, here, _, _ := runtime.Caller(0)
	runner := &Runner{
		RepoRoot: filepath.Dir(filepath.Dir(here)),
		Binaries: map[BuildKind]string{Custom: binaries["OTELCOL_CUSTOM_BINARY"], Reference: binaries["OTELCOL_REFERENCE_BINARY"]},
		Generators: map[string]Generator{
			"realistic":    Realistic{TracesPerRequest: 20, Workers: 2},
			"telemetrygen": Telemetrygen{Binary: binaries["TELEMETRYGEN_BINARY"], SpansPerWorker: 1000},
		},
	}
	rep := &Report{Scenarios: Scenarios()}
	const rate, duration = 2000, 3 * time.Second
	for _, sc := range Scenarios() {
		if sc.Name != "passthrough" && sc.Name != "passthrough-telemetrygen" && sc.Name != "tailsampling" && sc.Name != "gateway" {
			continue
		}
		for _, build := range []BuildKind{Custom, Reference} {
			t.Run(sc.Name+"/"+string(build), func(t *testing.T) {
				res, err := runner.RunFixed(context.Background(), sc, build, rate, duration)
				require.NoError(t, err)
				t.Log(res.KeyValues())
				rep.Results = append(rep.Results, res)
				assert.True(t, res.OK, res.Why)
				// telemetrygen falls short of the asked rate by itself (see its Accuracy).
				assert.InDelta(t, rate*duration.Seconds(), float64(res.Accepted), 0.5*rate*duration.Seconds())
				assert.Positive(t, res.CPUSeconds)
				assert.Positive(t, res.PeakRSSMiB)
				assert.Zero(t, res.KeptLost)
				if sc.Sampling() {
					// 1,200 traces, 10% of the 96% healthy sampled: the share of spans
					// delivered is 0.136 give or take 0.008 (one standard deviation).
					assert.InDelta(t, sc.ExpectedRatio(), res.DeliveredRatio, 0.04)
				} else {
					assert.Equal(t, res.Accepted, res.Received)
				}
			})
		}
	}
	md := rep.Markdown()
	t.Log("\n" + md)
	assert.Contains(t, md, "| tailsampling | 2000 |")
}
