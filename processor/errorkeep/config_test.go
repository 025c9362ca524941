package errorkeep

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/metadata"
)

func loadConfig(t *testing.T, file string, id component.ID) (*Config, error) {
	t.Helper()
	cm, err := confmaptest.LoadConf(file)
	require.NoError(t, err)
	sub, err := cm.Sub(id.String())
	require.NoError(t, err)
	cfg := createDefaultConfig().(*Config)
	if err := sub.Unmarshal(cfg); err != nil {
		return nil, err
	}
	return cfg, confmap.Validate(cfg)
}

func TestLoadConfig(t *testing.T) {
	cfg, err := loadConfig(t, filepath.Join("testdata", "config.yaml"), component.NewID(metadata.Type))
	require.NoError(t, err)
	assert.Equal(t, createDefaultConfig(), cfg)
	cfg, err = loadConfig(t, filepath.Join("testdata", "config.yaml"), component.NewIDWithName(metadata.Type, "tuned"))
	require.NoError(t, err)
	assert.Equal(t, 10*time.Second, cfg.DecisionWait)
	assert.InDelta(t, 1.0, cfg.HealthyPercent, 1e-9)
	assert.Equal(t, []ConditionConfig{{Attribute: "sampling.priority", Values: []string{"1"}}}, cfg.Conditions)
	assert.Equal(t, int64(1<<20), cfg.MaxBufferedBytes)
	cfg, err = loadConfig(t, filepath.Join("testdata", "config.yaml"), component.NewIDWithName(metadata.Type, "keyed"))
	require.NoError(t, err)
	assert.Equal(t, ThroughputConfig{TracesPerSecond: 300, Replicas: 3, Key: []string{"service.name", "rpc.method"}, Interval: 5 * time.Second, MaxKeys: 500}, cfg.HealthyThroughput)
	assert.True(t, cfg.RecordReason)
}

func TestLoadInvalidConfig(t *testing.T) {
	tests := []struct{ file, want string }{
		{"percent.yaml", "healthy_percent: must be between 0 and 100, got 150"},
		{"decision_wait.yaml", "decision_wait: must be greater than 0, got 0s"},
		{"max_bytes.yaml", "max_buffered_bytes: must be greater than 0, got -1"},
		{"http_floor.yaml", "http_status_floor: must be 0 (off) or an HTTP status code up to 599, got 700"},
		{"condition.yaml", "conditions::0: attribute: required"},
		{"rescue_window.yaml", "rescue_window: must not be negative, got -1s"},
		{"rescue_max_bytes.yaml", "rescue_max_bytes: must be at least 1048576 when rescue_window is on, got 1000"},
		{"rescue_window_directory.yaml", "rescue_window: must be on when directory is set (the folder is the rescue store), got 0s"},
		{"sync_interval.yaml", "sync_interval: must not be negative, got -1s"},
		{"throughput_goal.yaml", "healthy_throughput: traces_per_second: must be 0 (off) or more, got -5"},
		{"throughput_replicas.yaml", "healthy_throughput: replicas: must be at least 1, got 0"},
		{"throughput_key.yaml", "healthy_throughput: key: must name at least one attribute"},
		{"throughput_interval.yaml", "healthy_throughput: interval: must be greater than 0, got 0s"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := loadConfig(t, filepath.Join("testdata", "invalid", tt.file), component.NewID(metadata.Type))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
