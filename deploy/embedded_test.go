package deploy_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "regenerate the manifests that embed a config/*.yaml file")

// embeddedConfig is a manifest generated from a shipped config: the config is the
// single source of truth, and the manifest holds it verbatim.
type embeddedConfig struct {
	manifest string // under deploy/
	config   string // under config/
	render   func(t *testing.T, name string, config []byte) []byte
}

var embeddedConfigs = []embeddedConfig{
	{"gateway/configmap.yaml", "gateway.yaml", configMap("otelcol-gateway-config", "otelcol-gateway", "")},
	{"scaled-out/loadbalancer-configmap.yaml", "loadbalancer.yaml", configMap("otelcol-loadbalancer-config", "otelcol-loadbalancer", "")},
	{"sidecar/plain/configmap.yaml", "sidecar.yaml", configMap("otelcol-sidecar-config", "otelcol-sidecar", "shop")},
	{"sidecar/operator/otelcol-sidecar.yaml", "sidecar.yaml", operatorResource},
}

// TestEmbeddedConfigsAreUpToDate fails when a config/*.yaml changed and the manifests
// that carry it were not regenerated (`go test ./deploy -update`).
func TestEmbeddedConfigsAreUpToDate(t *testing.T) {
	for _, e := range embeddedConfigs {
		t.Run(e.manifest, func(t *testing.T) {
			config, err := os.ReadFile(filepath.Join(repoRoot(), "config", e.config))
			require.NoError(t, err)
			want := e.render(t, e.config, config)
			path := filepath.Join(repoRoot(), "deploy", e.manifest)
			if *update {
				require.NoError(t, os.WriteFile(path, want, 0o644))
			}
			got, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "%s is stale: run `go test ./deploy -update`", e.manifest)
		})
	}
}

func generatedHeader(config string) string {
	return fmt.Sprintf("# Generated from config/%s by `go test ./deploy -update`: edit that file, not this one.\n", config)
}

// configMap renders a ConfigMap holding a config file under its own name.
func configMap(name, app, namespace string) func(*testing.T, string, []byte) []byte {
	return func(_ *testing.T, key string, config []byte) []byte {
		var b bytes.Buffer
		b.WriteString(generatedHeader(key))
		b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n")
		fmt.Fprintf(&b, "  name: %s\n", name)
		if namespace != "" {
			fmt.Fprintf(&b, "  namespace: %s\n", namespace)
		}
		fmt.Fprintf(&b, "  labels:\n    app.kubernetes.io/name: %s\n    app.kubernetes.io/part-of: otelcol-custom\n", app)
		fmt.Fprintf(&b, "data:\n  %s: |\n", key)
		b.WriteString(indent(string(config), "    "))
		return b.Bytes()
	}
}

// operatorResource fills the Operator resource's template with the config as YAML.
func operatorResource(t *testing.T, name string, config []byte) []byte {
	tmpl, err := os.ReadFile(filepath.Join(repoRoot(), "deploy", "sidecar", "operator", "otelcol-sidecar.yaml.tmpl"))
	require.NoError(t, err)
	var node yaml.Node
	require.NoError(t, yaml.Unmarshal(config, &node))
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	require.NoError(t, enc.Encode(&node))
	body := strings.TrimPrefix(indent(out.String(), "    "), "    ")
	rendered := strings.Replace(string(tmpl), "__CONFIG__\n", body, 1)
	require.NotEqual(t, string(tmpl), rendered, "template has no __CONFIG__ line")
	return []byte(generatedHeader(name+" and otelcol-sidecar.yaml.tmpl") + rendered)
}

func indent(s, prefix string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if strings.TrimSpace(line) != "" {
			b.WriteString(prefix)
		}
		b.WriteString(line)
	}
	return b.String()
}
