package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Addresses as a service's spans carry them: its own and its peers' inside the
// cluster (private, unique-local, loopback), and a client's on the internet.
var (
	internalAddresses = map[string]string{
		"server.address":       "10.42.7.19",
		"network.peer.address": "192.168.4.5",
		"k8s.pod.ip":           "fd00:10:244::1a",
		"net.host.ip":          "127.0.0.1",
	}
	publicAddress = "81.2.69.160"
)

func spanWithAddresses() ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	span := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetTraceID([16]byte{0x4b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	span.SetSpanID([8]byte{1, 2, 3, 4, 5, 6, 7, 8})
	span.SetName("GET /cart")
	for k, v := range internalAddresses {
		span.Attributes().PutStr(k, v)
	}
	span.Attributes().PutStr("client.address", publicAddress)
	return td
}

// receivedJSON sends one span with addresses through config/sidecar.yaml (plus extra
// command-line arguments) and returns what the gateway received, as JSON.
func receivedJSON(t *testing.T, args ...string) string {
	t.Helper()
	gateway := StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{
		Env:  map[string]string{"GATEWAY_ENDPOINT": gateway.GRPC, "QUEUE_DIR": filepath.Join(t.TempDir(), "queue")},
		Args: args,
	})
	require.NoError(t, SendTraces(context.Background(), col.Endpoints.GRPC, spanWithAddresses()))
	Eventually(t, DeliverTimeout, func() bool { return gateway.SpanCount() == 1 }, "span delivered")
	var out strings.Builder
	for _, td := range gateway.Traces.AllTraces() {
		b, err := (&ptrace.JSONMarshaler{}).MarshalTraces(td)
		require.NoError(t, err)
		out.Write(b)
	}
	return out.String()
}

// The shipped sidecar keeps the cluster's own addresses (k8s metadata, service graphs
// and debugging need them) and masks a client's public one; an operator who wants
// internal addresses masked too turns mask_internal_addresses on, in YAML, for ipv4
// and ipv6.
func TestSidecarKeepsInternalAddressesUnlessAskedToMaskThem(t *testing.T) {
	shipped := receivedJSON(t)
	for key, addr := range internalAddresses {
		assert.Contains(t, shipped, addr, "%s kept by default", key)
	}
	assert.NotContains(t, shipped, publicAddress, "a client's public address is personal data")

	masked := receivedJSON(t,
		"--set=processors::piiredact::detectors::ipv4::mask_internal_addresses=true",
		"--set=processors::piiredact::detectors::ipv6::mask_internal_addresses=true")
	for key, addr := range internalAddresses {
		assert.NotContains(t, masked, addr, "%s masked when asked", key)
	}
	assert.NotContains(t, masked, publicAddress)
	assert.Contains(t, masked, "GET /cart", "the span itself arrives")
}
