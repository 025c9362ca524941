package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// ownDistribution is the builder config a user writes to take piiredact, and nothing
// else of this repository, into a distribution of their own: the README's "Use it in
// your own distribution" line, with path: pointing at this checkout instead of a
// published version.
const ownDistribution = `dist:
  module: example.com/mycollector
  name: mycollector
  output_path: %[1]s
  version: 0.0.1
receivers:
  - gomod: go.opentelemetry.io/collector/receiver/otlpreceiver v0.165.0
processors:
  - gomod: github.com/otelcol-custom/otelcol-custom/processor/piiredact v0.0.0
    path: %[2]s
exporters:
  - gomod: go.opentelemetry.io/collector/exporter/otlpexporter v0.165.0
providers:
  - gomod: go.opentelemetry.io/collector/confmap/provider/envprovider v1.71.0
  - gomod: go.opentelemetry.io/collector/confmap/provider/fileprovider v1.71.0
`

const ownDistributionConfig = `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: ${env:OTLP_GRPC_ENDPOINT}
processors:
  piiredact: {}
exporters:
  otlp_grpc:
    endpoint: ${env:BACKEND}
    tls:
      insecure: true
    sending_queue:
      enabled: false
service:
  telemetry:
    metrics:
      level: none
  pipelines:
    traces:
      receivers: [otlp]
      processors: [piiredact]
      exporters: [otlp_grpc]
`

// TestPiiredactBuildsIntoAnotherDistribution builds, with the upstream builder, a
// minimal collector that takes only processor/piiredact from this repository, and
// redacts a span with it. Next to the same distribution without piiredact, its module
// graph holds only piiredact, the core's processorhelper and the two test libraries
// piiredact's own tests use; none of what otelcol-custom itself pulls in (contrib
// processors, Kubernetes clients, this repository's root module), and nothing of
// contrib is compiled in.
func TestPiiredactBuildsIntoAnotherDistribution(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the builder and compiles a collector")
	}
	root := RepoRoot()
	work := t.TempDir()
	piiredact := filepath.Join(root, "processor", "piiredact")
	dist := buildDistribution(t, filepath.Join(work, "with"), fmt.Sprintf(ownDistribution, filepath.Join(work, "with", "dist"), piiredact))
	baseline := buildDistribution(t, filepath.Join(work, "without"), withoutProcessors(fmt.Sprintf(ownDistribution, filepath.Join(work, "without", "dist"), piiredact)), "--skip-compilation")
	added := moduleSet(t, dist)
	for m := range moduleSet(t, baseline) {
		delete(added, m)
	}
	allowed := map[string]bool{
		"github.com/otelcol-custom/otelcol-custom/processor/piiredact":            true,
		"go.opentelemetry.io/collector/processor/processorhelper":                 true,
		"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/golden":    true, // piiredact's tests only
		"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest": true, // piiredact's tests only
	}
	for m := range added {
		assert.True(t, allowed[m], "piiredact pulls %s into the distribution's module graph", m)
	}
	compiledIn := exec.Command("go", "version", "-m", filepath.Join(dist, "mycollector"))
	deps, err := compiledIn.CombinedOutput()
	require.NoError(t, err, string(deps))
	assert.NotContains(t, string(deps), "opentelemetry-collector-contrib", "nothing of contrib is compiled in")

	backend := StartBackend(t)
	configFile := filepath.Join(work, "config.yaml")
	require.NoError(t, os.WriteFile(configFile, []byte(ownDistributionConfig), 0o600))
	c := StartCollector(t, filepath.Join(dist, "mycollector"), configFile, CollectorOptions{
		SkipHealthWait: true, // a distribution this small has no health_check
		Env:            map[string]string{"BACKEND": backend.GRPC},
	})

	td := ptrace.NewTraces()
	span := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetTraceID(pcommon.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	span.SetSpanID(pcommon.SpanID{1, 2, 3, 4, 5, 6, 7, 8})
	span.SetName("checkout")
	span.Attributes().PutStr("order.note", "ship to jane.doe@example.com, card 4111 1111 1111 1111")
	span.Attributes().PutStr("order.id", "ORD-2024-000123456")
	Eventually(t, 30*time.Second, func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return SendTraces(ctx, c.Endpoints.GRPC, td) == nil
	}, "the distribution never accepted the span:\n%s", c.Output())
	Eventually(t, 10*time.Second, func() bool { return backend.SpanCount() > 0 }, "nothing reached the backend")

	got := backend.Spans()[0].Span.Attributes()
	note, _ := got.Get("order.note")
	assert.Equal(t, "ship to [REDACTED:email], card [REDACTED:credit_card]", note.Str())
	id, _ := got.Get("order.id")
	assert.Equal(t, "ORD-2024-000123456", id.Str())
}

// buildDistribution writes config as dir/builder-config.yaml and runs the builder on
// it; it returns the distribution's output folder.
func buildDistribution(t *testing.T, dir, config string, flags ...string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(dir, 0o755))
	file := filepath.Join(dir, "builder-config.yaml")
	require.NoError(t, os.WriteFile(file, []byte(config), 0o600))
	root := RepoRoot()
	args := append([]string{"tool", "-modfile=" + filepath.Join(root, "internal", "tools", "go.mod"), "builder", "--config", file}, flags...)
	build := exec.Command("go", args...)
	build.Dir = root
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	return filepath.Join(dir, "dist")
}

// withoutProcessors drops the processors section of a builder config.
func withoutProcessors(config string) string {
	start := strings.Index(config, "processors:\n")
	end := strings.Index(config, "exporters:\n")
	return config[:start] + config[end:]
}

// moduleSet is every module in a distribution's module graph.
func moduleSet(t *testing.T, dist string) map[string]bool {
	t.Helper()
	list := exec.Command("go", "list", "-m", "all")
	list.Dir = dist
	out, err := list.CombinedOutput()
	require.NoError(t, err, string(out))
	set := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		set[strings.Fields(line)[0]] = true
	}
	return set
}
