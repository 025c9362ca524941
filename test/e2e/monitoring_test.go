package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	otellog "go.opentelemetry.io/otel/log"
)

// TestMonitoringUsesOnlyExportedMetrics scrapes the real binary's /metrics, running
// config/gateway.yaml (one backend dead, so that its folder fills and sends fail) and
// config/sidecar.yaml under load, and fails if an alerting or recording rule or a
// dashboard panel in deploy/monitoring uses a metric name the binary does not export:
// names changed between collector releases before. Our processors' own counters appear on their
// first event; those must be declared in the processor's metadata.yaml instead.
func TestMonitoringUsesOnlyExportedMetrics(t *testing.T) {
	used := map[string]bool{}
	for _, file := range []string{"prometheus/rules.yaml", "grafana/otelcol-custom.json"} {
		raw, err := os.ReadFile(filepath.Join(RepoRoot(), "deploy", "monitoring", file))
		require.NoError(t, err)
		names := regexp.MustCompile(`\botelcol_[a-z0-9_]+`).FindAllString(string(raw), -1)
		require.NotEmpty(t, names, file)
		for _, name := range names {
			used[strings.TrimSuffix(name, "_bucket")] = true
		}
	}

	jaeger, tempo := StartBackend(t), StartBackend(t)
	tempo.Stop()
	gateway := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{
		// Tempo stays dead: the stop at the end gives up on it after a short drain.
		Env: gatewayEnv(jaeger, tempo, map[string]string{"DRAIN_TIMEOUT": "1s"}),
		Args: []string{
			"--set=processors::handoff/tempo::max_bytes=1048576",
			"--set=processors::handoff/tempo::segment_bytes=131072",
		},
	})
	sidecar := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: map[string]string{
		"GATEWAY_ENDPOINT": gateway.Endpoints.GRPC,
		"QUEUE_DIR":        filepath.Join(t.TempDir(), "queue"),
	}})
	StartLoad(sidecar.Endpoints.GRPC, 3000, 6*time.Second).Wait(t)
	sendOneLogAndOneMetric(t, sidecar.Endpoints.GRPC)
	exported := map[string]bool{}
	Eventually(t, DeliverTimeout, func() bool {
		for _, c := range []*Collector{gateway, sidecar} {
			for _, line := range strings.Split(c.Metrics(t), "\n") {
				if name, _, ok := strings.Cut(line, "{"); ok && !strings.HasPrefix(line, "#") {
					exported[strings.TrimSuffix(name, "_bucket")] = true
				} else if f := strings.Fields(line); len(f) == 2 {
					exported[f[0]] = true
				}
			}
		}
		return exported["otelcol_processor_handoff_refused_items"] && exported["otelcol_exporter_send_failed_spans"] &&
			exported["otelcol_receiver_accepted_log_records"] && exported["otelcol_receiver_accepted_metric_points"]
	}, "the dead backend's folder filled and its sends failed; a log record and a metric point arrived")

	declared := declaredProcessorMetrics(t)
	for name := range used {
		if strings.HasPrefix(name, "otelcol_processor_errorkeep_") || strings.HasPrefix(name, "otelcol_processor_piiredact_") ||
			strings.HasPrefix(name, "otelcol_processor_handoff_") {
			assert.True(t, exported[name] || declared[strings.TrimPrefix(name, "otelcol_")],
				"%s is neither exported nor declared in a processor's metadata.yaml", name)
			continue
		}
		assert.True(t, exported[name], "the rules or the dashboard use %s, which the binary does not export", name)
	}
	t.Logf("%d metric names used by the rules, all exported or declared; the binary exported %d", len(used), len(exported))
}

// declaredProcessorMetrics lists the telemetry metrics our processors declare.
func declaredProcessorMetrics(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, p := range []string{"errorkeep", "piiredact", "handoff"} {
		raw, err := os.ReadFile(filepath.Join(RepoRoot(), "processor", p, "metadata.yaml"))
		require.NoError(t, err)
		for _, name := range regexp.MustCompile(`(?m)^    (processor_[a-z0-9_]+):`).FindAllStringSubmatch(string(raw), -1) {
			out[name[1]] = true
		}
	}
	require.NotEmpty(t, out)
	return out
}

func sendOneLogAndOneMetric(t *testing.T, endpoint string) {
	t.Helper()
	ctx := context.Background()
	lp := NewLoggerProvider(t, endpoint, "monitoring")
	var rec otellog.Record
	rec.SetBody(attribute.StringValue("one log record"))
	lp.Logger("e2e").Emit(ctx, rec)
	require.NoError(t, lp.ForceFlush(ctx))
	mp := NewMeterProvider(t, endpoint, "monitoring")
	counter, err := mp.Meter("e2e").Int64Counter("monitoring.points")
	require.NoError(t, err)
	counter.Add(ctx, 1)
	require.NoError(t, mp.ForceFlush(ctx))
}
