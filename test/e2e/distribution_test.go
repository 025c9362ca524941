package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestComponentsListsEveryComponent(t *testing.T) {
	out, err := RunBinary(binary, nil, "components")
	require.NoError(t, err, out)
	for _, name := range []string{
		"otlp",
		"memory_limiter", "batch", "tail_sampling", "piiredact", "errorkeep", "handoff",
		"resource", "attributes", "filter", "transform", "probabilistic_sampler",
		"otlp_grpc", "otlp_http", "debug", "file", "load_balancing",
		"span_metrics", "forward",
		"health_check", "shutdown_delay", "pprof", "zpages", "file_storage", "bearertokenauth", "basicauth",
	} {
		assert.Contains(t, out, "- name: "+name+"\n", "component %s", name)
	}
	for _, scheme := range []string{"env", "file", "yaml"} {
		assert.Contains(t, out, "- scheme: "+scheme+"\n", "provider %s", scheme)
	}
}

func TestVersion(t *testing.T) {
	out, err := RunBinary(binary, nil, "--version")
	require.NoError(t, err)
	assert.Contains(t, out, "otelcol-custom version ")
}

func TestEveryShippedConfigValidates(t *testing.T) {
	files, err := filepath.Glob(ConfigPath("*.yaml"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 5)
	// Overlays are merged over the config they extend, as their headers say.
	overlays := map[string]string{"gateway-tls.yaml": "gateway.yaml", "gateway-in-memory.yaml": "gateway.yaml"}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			args := []string{"validate", "--config", f}
			if base, ok := overlays[filepath.Base(f)]; ok {
				args = []string{"validate", "--config", ConfigPath(base), "--config", f}
			}
			out, err := RunBinary(binary, map[string]string{"GATEWAY_BEARER_TOKEN": "token"}, args...)
			require.NoError(t, err, out)
		})
	}
}

// TestValidateRejectsBadProcessorConfig checks that mistakes in our processors'
// settings fail at `validate`, naming the key.
func TestValidateRejectsBadProcessorConfig(t *testing.T) {
	tests := []struct{ name, override, want string }{
		{"unknown detector", "processors::piiredact::detectors::creditcard::action=mask", `unknown detector "creditcard"`},
		{"bad regex", `processors::piiredact::custom_patterns=[{name: order, regex: "ORD-[0-9"}]`, "custom_patterns::0: regex: invalid RE2 expression"},
		{"hash without key", "processors::piiredact::detectors::email::action=hash", "hash.key is required"},
		{"percent out of range", "processors::errorkeep::healthy_percent=150", "healthy_percent: must be between 0 and 100, got 150"},
		{"negative latency", "processors::errorkeep::latency_threshold=-1s", "latency_threshold: must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := RunBinary(binary, nil, "validate", "--config", ConfigPath("gateway.yaml"), "--set", tt.override)
			require.Error(t, err, out)
			assert.Contains(t, out, tt.want)
		})
	}
}

func TestPrintConfigHidesTheHashKey(t *testing.T) {
	const key = "e2e-secret-hmac-key-0123456789abcdef-xyz"
	out, err := RunBinary(binary, map[string]string{"PIIREDACT_HMAC_KEY": key},
		"print-config", "--config", ConfigPath("default.yaml"),
		"--set", "processors::piiredact::hash::key=${env:PIIREDACT_HMAC_KEY}",
		"--set", "processors::piiredact::detectors::email::action=hash")
	require.NoError(t, err, out)
	assert.Contains(t, out, "piiredact")
	assert.NotContains(t, out, key)
}

// TestVersionPinsMatchBuilderConfig keeps the module pins in one place: the
// builder config explains them, and go.mod must repeat exactly the same ones. (Its
// replaces of our own modules by their folders are not pins: the builder config
// says the same with path:.)
func TestVersionPinsMatchBuilderConfig(t *testing.T) {
	builder := readBuilderConfig(t, "builder-config.yaml")
	gomod, err := os.ReadFile(filepath.Join(RepoRoot(), "go.mod"))
	require.NoError(t, err)
	var fromGoMod []string
	for _, line := range strings.Split(string(gomod), "\n") {
		if strings.Contains(line, "=>") && !strings.HasPrefix(strings.TrimSpace(line), "//") && !strings.Contains(line, "=> ./") {
			fromGoMod = append(fromGoMod, strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "replace ")), " "))
		}
	}
	require.NotEmpty(t, builder.replaces)
	assert.ElementsMatch(t, builder.replaces, fromGoMod)

	// The load test's reference build must be the same release with the same pins, or
	// the comparison is not like for like.
	reference := readBuilderConfig(t, "loadtest/reference/builder-config.yaml")
	assert.Subset(t, builder.replaces, reference.replaces, "reference build pins")
	for module, version := range reference.modules {
		if v, ok := builder.modules[module]; ok {
			assert.Equal(t, v, version, "reference build version of %s", module)
		}
	}
	assert.Equal(t, builder.modules["go.opentelemetry.io/collector/receiver/otlpreceiver"], reference.modules["go.opentelemetry.io/collector/receiver/otlpreceiver"])
}

type builderConfig struct {
	replaces []string          // "old => new version", whitespace normalised
	modules  map[string]string // gomod module -> version
}

// readBuilderConfig reads the replaces and gomod lines of an ocb config.
func readBuilderConfig(t *testing.T, path string) builderConfig {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(RepoRoot(), path))
	require.NoError(t, err)
	cfg := builderConfig{modules: map[string]string{}}
	inReplaces := false
	for _, line := range strings.Split(string(raw), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "replaces:"):
			inReplaces = true
		case inReplaces && strings.HasPrefix(trimmed, "- "):
			cfg.replaces = append(cfg.replaces, strings.Join(strings.Fields(strings.TrimPrefix(trimmed, "- ")), " "))
		case strings.HasPrefix(trimmed, "- gomod:"):
			if f := strings.Fields(strings.TrimPrefix(trimmed, "- gomod:")); len(f) == 2 {
				cfg.modules[f[0]] = f[1]
			}
		}
	}
	return cfg
}

// TestDockerfileCommand runs the image's default command line (CMD) against the repo's
// config folder: it must validate, and widen only the default config's listeners.
func TestDockerfileCommand(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(RepoRoot(), "Dockerfile"))
	require.NoError(t, err)
	// CMD is a JSON array that may span continuation lines.
	text := strings.ReplaceAll(string(raw), "\\\n", "")
	i := strings.Index(text, "\nCMD [")
	require.GreaterOrEqual(t, i, 0, "Dockerfile has no exec-form CMD")
	line := text[i+len("\nCMD "):]
	line = line[:strings.IndexByte(line, '\n')]
	var args []string
	require.NoError(t, json.Unmarshal([]byte(line), &args), line)
	for k, a := range args {
		args[k] = strings.ReplaceAll(a, "/etc/otelcol-custom/", ConfigPath("")+"/")
	}
	out, err := RunBinary(binary, nil, append([]string{"validate"}, args...)...)
	require.NoError(t, err, out)
	out, err = RunBinary(binary, nil, append([]string{"print-config"}, args...)...)
	require.NoError(t, err, out)
	assert.Contains(t, out, "0.0.0.0:4317")
	assert.Contains(t, out, "0.0.0.0:4318")
	assert.Contains(t, out, "0.0.0.0:13133")
	assert.NotContains(t, out, "0.0.0.0:1777", "pprof must stay on loopback")
	assert.NotContains(t, out, "0.0.0.0:55679", "zpages must stay on loopback")
}
