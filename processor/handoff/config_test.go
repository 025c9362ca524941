package handoff

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/metadata"
)

// loadConfig reads one component's config through the collector's own loader,
// unmarshals it over the defaults and validates it, as `validate` does.
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

	cfg, err = loadConfig(t, filepath.Join("testdata", "config.yaml"), component.NewIDWithName(metadata.Type, "gateway"))
	require.NoError(t, err)
	assert.Equal(t, &Config{
		Directory:    "/var/lib/otelcol-custom/handoff",
		MaxBytes:     256 << 20,
		SegmentBytes: 4 << 20,
		SyncInterval: time.Second,
		DrainTimeout: 45 * time.Second,
		NumConsumers: 8,
		Batch:        BatchConfig{MinItems: 2048, FlushTimeout: 500 * time.Millisecond, MaxItems: 4096, MaxBytes: 2 << 20, Merge: true},
		RetryOnFailure: RetryConfig{
			InitialInterval: 500 * time.Millisecond,
			MaxInterval:     10 * time.Second,
		},
	}, cfg)
}

func TestLoadInvalidConfig(t *testing.T) {
	tests := []struct{ file, want string }{
		{"max_bytes.yaml", "max_bytes must be positive: got 0"},
		{"segment_bytes.yaml", "segment_bytes must be positive and at most half of max_bytes: got 1048576 for max_bytes 1048576"},
		{"drain_timeout.yaml", `drain_timeout must not be negative: got "-1s"`},
		{"drain_timeout_type.yaml", "drain_timeout"},
		{"sync_in_memory.yaml", "sync_interval needs a directory"},
		{"num_consumers.yaml", "num_consumers must be at least 1: got 0"},
		{"batch_max_items.yaml", "batch: max_items must be at least 1: got 0"},
		{"batch_min_items.yaml", "batch: min_items must be between 0 and max_items: got 9000 for max_items 8192"},
		{"batch_flush_timeout.yaml", `batch: flush_timeout must be positive when min_items is set: got "0s"`},
		{"batch_min_items_no_merge.yaml", "batch: min_items needs merge"},
		{"retry.yaml", `retry_on_failure: initial_interval must be positive and max_interval at least initial_interval: got initial_interval "10s", max_interval "1s"`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := loadConfig(t, filepath.Join("testdata", "invalid", tt.file), component.NewID(metadata.Type))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
