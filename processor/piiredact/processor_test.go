package piiredact

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/golden"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/plogtest"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/pmetrictest"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/ptracetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/metadata"
)

func defaultConfig() *Config { return createDefaultConfig().(*Config) }

// runTraces sends td through a processor built from cfg and returns what came out.
func runTraces(t *testing.T, cfg *Config, td ptrace.Traces) ptrace.Traces {
	t.Helper()
	sink := new(consumertest.TracesSink)
	p, err := NewFactory().CreateTraces(context.Background(), processortest.NewNopSettings(metadata.Type), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, p.ConsumeTraces(context.Background(), td))
	require.NoError(t, p.Shutdown(context.Background()))
	require.Len(t, sink.AllTraces(), 1)
	return sink.AllTraces()[0]
}

func runLogs(t *testing.T, cfg *Config, ld plog.Logs) plog.Logs {
	t.Helper()
	sink := new(consumertest.LogsSink)
	p, err := NewFactory().CreateLogs(context.Background(), processortest.NewNopSettings(metadata.Type), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, p.ConsumeLogs(context.Background(), ld))
	require.NoError(t, p.Shutdown(context.Background()))
	require.Len(t, sink.AllLogs(), 1)
	return sink.AllLogs()[0]
}

func runMetrics(t *testing.T, cfg *Config, md pmetric.Metrics) pmetric.Metrics {
	t.Helper()
	sink := new(consumertest.MetricsSink)
	p, err := NewFactory().CreateMetrics(context.Background(), processortest.NewNopSettings(metadata.Type), cfg, sink)
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, p.ConsumeMetrics(context.Background(), md))
	require.NoError(t, p.Shutdown(context.Background()))
	require.Len(t, sink.AllMetrics(), 1)
	return sink.AllMetrics()[0]
}

func TestGoldenTraces(t *testing.T) {
	in, err := golden.ReadTraces(filepath.Join(corpusDir, "traces.yaml"))
	require.NoError(t, err)
	got := runTraces(t, defaultConfig(), in)
	expectedFile := filepath.Join("testdata", "expected", "traces.yaml")
	if *update {
		require.NoError(t, golden.WriteTraces(t, expectedFile, got))
	}
	want, err := golden.ReadTraces(expectedFile)
	require.NoError(t, err)
	require.NoError(t, ptracetest.CompareTraces(want, got))
}

func TestGoldenLogs(t *testing.T) {
	in, err := golden.ReadLogs(filepath.Join(corpusDir, "logs.yaml"))
	require.NoError(t, err)
	got := runLogs(t, defaultConfig(), in)
	expectedFile := filepath.Join("testdata", "expected", "logs.yaml")
	if *update {
		require.NoError(t, golden.WriteLogs(t, expectedFile, got))
	}
	want, err := golden.ReadLogs(expectedFile)
	require.NoError(t, err)
	require.NoError(t, plogtest.CompareLogs(want, got))
}

func TestGoldenMetrics(t *testing.T) {
	in, err := golden.ReadMetrics(filepath.Join(corpusDir, "metrics.yaml"))
	require.NoError(t, err)
	got := runMetrics(t, defaultConfig(), in)
	expectedFile := filepath.Join("testdata", "expected", "metrics.yaml")
	if *update {
		require.NoError(t, golden.WriteMetrics(t, expectedFile, got))
	}
	want, err := golden.ReadMetrics(expectedFile)
	require.NoError(t, err)
	require.NoError(t, pmetrictest.CompareMetrics(want, got))
}

// TestCorpusNothingPlantedSurvives checks the whole corpus independently of the
// golden files: no planted value is left, every intact value is still there.
func TestCorpusNothingPlantedSurvives(t *testing.T) {
	traces, err := golden.ReadTraces(filepath.Join(corpusDir, "traces.yaml"))
	require.NoError(t, err)
	logs, err := golden.ReadLogs(filepath.Join(corpusDir, "logs.yaml"))
	require.NoError(t, err)
	metrics, err := golden.ReadMetrics(filepath.Join(corpusDir, "metrics.yaml"))
	require.NoError(t, err)

	var out strings.Builder
	tb, _ := (&ptrace.JSONMarshaler{}).MarshalTraces(runTraces(t, defaultConfig(), traces))
	lb, _ := (&plog.JSONMarshaler{}).MarshalLogs(runLogs(t, defaultConfig(), logs))
	mb, _ := (&pmetric.JSONMarshaler{}).MarshalMetrics(runMetrics(t, defaultConfig(), metrics))
	out.Write(tb)
	out.Write(lb)
	out.Write(mb)
	all := out.String()
	for _, planted := range corpusPlanted() {
		assert.NotContains(t, all, planted)
	}
	for _, intact := range corpusIntact {
		assert.Contains(t, all, intact)
	}
}
