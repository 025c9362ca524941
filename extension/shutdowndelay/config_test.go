package shutdowndelay

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-custom/otelcol-custom/extension/shutdowndelay/internal/metadata"
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
	cfg, err = loadConfig(t, filepath.Join("testdata", "config.yaml"), component.NewIDWithName(metadata.Type, "sidecar"))
	require.NoError(t, err)
	assert.Equal(t, 3*time.Second, cfg.Delay)
	assert.Equal(t, []component.ID{component.MustNewID("health_check")}, cfg.After)
}

func TestLoadInvalidConfig(t *testing.T) {
	_, err := loadConfig(t, filepath.Join("testdata", "invalid", "negative.yaml"), component.NewID(metadata.Type))
	require.ErrorIs(t, err, errNegativeDelay)
	assert.Contains(t, err.Error(), `delay must not be negative: got "-1s"`)
	_, err = loadConfig(t, filepath.Join("testdata", "invalid", "after.yaml"), component.NewID(metadata.Type))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "after")
}
