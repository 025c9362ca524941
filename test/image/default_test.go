package image

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

// exposedPorts returns the ports the image declares (EXPOSE).
func exposedPorts(t *testing.T, image string) []int32 {
	t.Helper()
	var ports map[string]struct{}
	require.NoError(t, json.Unmarshal([]byte(mustPodman(t, "image", "inspect", image, "--format", "{{json .Config.ExposedPorts}}")), &ports))
	var out []int32
	for p := range ports {
		n, err := strconv.Atoi(strings.TrimSuffix(p, "/tcp"))
		require.NoError(t, err, p)
		out = append(out, int32(n))
	}
	return out
}

// TestDefaultCommandAnswersAndRedacts runs the image as `podman run <image>` would, with
// its default command (default.yaml, listening on every interface of its network
// namespace), its ports published on 127.0.0.1: the health check answers, a card number
// sent over OTLP/HTTP reaches neither the file exporter's output in the image's output
// folder nor the debug exporter's lines, and SIGTERM ends it with exit code 0.
func TestDefaultCommandAnswersAndRedacts(t *testing.T) {
	needPodman(t)
	p := startPod(t, corev1.PodSpec{}, nil, exposedPorts(t, testImage)...)
	c := p.runImage(t, testImage, nil)
	t.Logf("default command: health check passed %s after podman run", c.StartedIn.Round(1e6))
	user, group, _ := c.process(t)
	assert.Equal(t, "10001", user)
	assert.Equal(t, "10001", group)

	td, _ := cardTraces("default-command", 3)
	require.NoError(t, sendHTTP(p.ports[4318], td, cardLogs("default-command", 3)))
	var traces, logs string
	e2e.Eventually(t, e2e.DeliverTimeout, func() bool {
		traces = c.readFile(t, "/var/lib/otelcol-custom/output/traces.jsonl")
		logs = c.readFile(t, "/var/lib/otelcol-custom/output/logs.jsonl")
		return strings.Count(traces, "default-command-") == 3 && strings.Count(logs, "default-command-") == 3
	}, "3 spans and 3 log records in the output folder")
	debug := c.logs()
	for where, text := range map[string]string{"traces.jsonl": traces, "logs.jsonl": logs, "the debug exporter's output": debug} {
		assert.NotContains(t, text, card, where)
		assert.NotContains(t, text, cardDigits, where)
	}
	assert.Contains(t, traces, "[REDACTED:credit_card", "the span's card attribute, masked")
	assert.Contains(t, logs, "[REDACTED:credit_card", "the log body's card, masked")
	assert.Contains(t, debug, "default-command-0", "the debug exporter printed the span")

	code, took := c.Stop(t)
	assert.Equal(t, 0, code, "exit code after SIGTERM")
	t.Logf("default command: stopped with %d in %s", code, took.Round(1e6))
}
