package piiredact

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/metadata"
)

// loadConfig reads one component's config from a file through the collector's own
// loader, unmarshals it over the defaults and validates it, as `validate` does.
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
	assert.Equal(t, ActionKeepLast, cfg.Detectors["credit_card"].Action)
	assert.Equal(t, 4, cfg.Detectors["credit_card"].KeepLast)
	assert.False(t, *cfg.Detectors["ipv4"].Enabled)
	assert.Nil(t, cfg.Detectors["email"].Enabled)
	assert.Equal(t, []string{"*password*", "*.authorization"}, cfg.SensitiveKeys)
	assert.Equal(t, ActionRemove, cfg.SensitiveKeyAction.Action)
	assert.Equal(t, "k2", cfg.Hash.KeyID)
	assert.True(t, cfg.DryRun)
	// Every built-in detector but the disabled ipv4, in the registry's run order.
	var want, got []string
	for _, name := range detector.BuiltinNames() {
		if name != detector.IPv4 {
			want = append(want, name)
		}
	}
	for _, b := range enabledBuiltins(cfg) {
		got = append(got, b.Name)
	}
	assert.Equal(t, want, got)
}

func TestLoadInvalidConfig(t *testing.T) {
	tests := []struct {
		file    string
		wantErr string
	}{
		{"unknown_detector.yaml", `detectors: unknown detector "creditcard" (valid: private_key, credit_card, email,`},
		{"unknown_only_detector.yaml", `only_detectors: unknown detector "phonenumber"`},
		{"bad_regex.yaml", "custom_patterns::0: regex: invalid RE2 expression"},
		{"bad_pattern_name.yaml", `custom_patterns::0: name: name must be 1-64 lowercase letters, digits or underscores, got "Bad Name"`},
		{"pattern_shadows_builtin.yaml", `custom_patterns::0::name: name is already used by a built-in detector or another pattern: "email"`},
		{"bad_action.yaml", `detectors::email: action: invalid action "obliterate" (valid: mask, keep_last, hash, remove)`},
		{"hash_key_missing.yaml", "hash.key is required when an action is hash"},
		{"hash_key_short.yaml", "hash.key must be at least 32 bytes, got 18"},
		{"negative_keep_last.yaml", "detectors::phone: keep_last: must be 0 (default 4) or more, got -2"},
		{"empty_glob.yaml", "sensitive_keys::1: empty key pattern"},
		{"mask_internal_not_ip.yaml", "detectors::email::mask_internal_addresses: applies only to the ipv4 and ipv6 detectors"},
		{"unknown_key.yaml", "unknown_key"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := loadConfig(t, filepath.Join("testdata", "invalid", tt.file), component.NewID(metadata.Type))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.NotContains(t, err.Error(), "short-secret-value", "errors never echo the key")
		})
	}
}
