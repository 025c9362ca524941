package loadtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// TestReferenceGatewayComputesTheSameREDMetrics keeps the gateway scenario like for
// like: the reference build's gateway computes the RED metrics config/gateway.yaml
// computes, with the same span_metrics settings, ahead of its sampler.
func TestReferenceGatewayComputesTheSameREDMetrics(t *testing.T) {
	type pipeline struct {
		Receivers  []string `yaml:"receivers"`
		Processors []string `yaml:"processors"`
		Exporters  []string `yaml:"exporters"`
	}
	type config struct {
		Connectors map[string]any `yaml:"connectors"`
		Processors map[string]any `yaml:"processors"`
		Service    struct {
			Pipelines map[string]pipeline `yaml:"pipelines"`
		} `yaml:"service"`
	}
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Dir(filepath.Dir(here))
	read := func(path string) config {
		raw, err := os.ReadFile(filepath.Join(root, path))
		require.NoError(t, err)
		var c config
		require.NoError(t, yaml.Unmarshal(raw, &c), path)
		return c
	}
	ours, reference := read("config/gateway.yaml"), read("loadtest/configs/reference-gateway.yaml")
	require.NotNil(t, ours.Connectors["span_metrics"])
	assert.Equal(t, ours.Connectors["span_metrics"], reference.Connectors["span_metrics"])
	assert.Equal(t, ours.Processors["transform/spanmetrics"], reference.Processors["transform/spanmetrics"])
	for _, c := range []config{ours, reference} {
		assert.Equal(t, []string{"span_metrics", "forward/sampling"}, c.Service.Pipelines["traces"].Exporters)
		assert.Equal(t, []string{"forward/sampling"}, c.Service.Pipelines["traces/sampling"].Receivers)
		assert.Equal(t, []string{"span_metrics"}, c.Service.Pipelines["metrics/spanmetrics"].Receivers)
	}
}
