package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// TestSidecarRedactsPersonalValuesByTheirPath sends, through the real binary with
// config/sidecar.yaml, one span and one log record of each kind the personal-data
// corpus (processor/piiredact/internal/fieldpersonal) found leaking or damaged: the
// value goes, what sits beside it arrives byte for byte.
func TestSidecarRedactsPersonalValuesByTheirPath(t *testing.T) {
	gateway := StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("sidecar.yaml"), CollectorOptions{Env: map[string]string{
		"GATEWAY_ENDPOINT": gateway.GRPC,
		"QUEUE_DIR":        filepath.Join(t.TempDir(), "queue"),
	}})

	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "customers")
	sp := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	sp.SetName("POST /api/customers")
	sp.SetTraceID(pcommon.TraceID([16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
	sp.SetSpanID(pcommon.SpanID([8]byte{1, 2, 3, 4, 5, 6, 7, 8}))
	require.NoError(t, sp.Attributes().FromRaw(map[string]any{
		"mail.to":  `"Siobhán Ó Briain" <siobhan.obriain@example.ie>`,
		"url.full": "https://api.example.com/v1/passports/C01X00T47/history?order_id=ORD-2025-0004412",
		"app.request": map[string]any{
			"passport":        map[string]any{"number": "KRYGTL1Y7", "country": "DE"},
			"account_holder":  "Hiroshi van der Berg",
			"billing_details": map[string]any{"name": "Okonkwo, Amelia"},
			"sms":             map[string]any{"to": "727 07 329"},
			"product":         map[string]any{"gtin": "5008244341663", "name": "Blue Shirt"},
		},
		"dd.trace_id": []any{"4865548905161712626"},
		"host.mac":    "03-11-44-26-84-89",
		"error.code":  "NSURLErrorDomain -1009",
	}))

	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.Body().SetStr(`grpc request: UpdateProfileRequest {billing {contact {name: "PRIYA VASQUEZ"}} k8s {replicaset {name: "orders-4601185758"}}}` +
		"\n<Customer><Name>Lukas Whitfield</Name></Customer><Dd><TraceId>4856833459527225405</TraceId></Dd>" +
		"\nrequest from cardholder: Zofia van der Berg rate limited; SMS delivery failed for EAN 8713939219451" +
		"\nuser lookup by DOB 1976-09-17 returned 0 rows; personnummer checked; exp=1708293279" +
		`\n{"messages":[{"to":"447700900123","message-id":"0A0000000123ABCD1","status":"0"}],"range":{"from":"1709251200000"}}` +
		"\ntransaction[amount]=10.00&transaction[credit_card][cardholder_name]=Chlo%C3%A9+Nakamura&transaction[order_id]=pfn2ea63")

	ctx := context.Background()
	require.NoError(t, SendTraces(ctx, col.Endpoints.GRPC, td))
	require.NoError(t, SendLogs(ctx, col.Endpoints.GRPC, ld))
	Eventually(t, DeliverTimeout, func() bool {
		return gateway.SpanCount() == 1 && gateway.Logs.LogRecordCount() == 1
	}, "delivered (%d spans, %d logs)", gateway.SpanCount(), gateway.Logs.LogRecordCount())

	var received strings.Builder
	for _, got := range gateway.Traces.AllTraces() {
		b, err := (&ptrace.JSONMarshaler{}).MarshalTraces(got)
		require.NoError(t, err)
		received.Write(b)
	}
	for _, got := range gateway.Logs.AllLogs() {
		b, err := (&plog.JSONMarshaler{}).MarshalLogs(got)
		require.NoError(t, err)
		received.Write(b)
	}
	out := received.String()
	for _, personal := range []string{
		"siobhan.obriain", "Siobhán", "C01X00T47", "KRYGTL1Y7", "Hiroshi van der Berg", "Okonkwo, Amelia", "727 07 329",
		"PRIYA VASQUEZ", "Lukas Whitfield", "Zofia van der Berg", "1976-09-17", "447700900123", "Nakamura",
	} {
		assert.NotContains(t, out, personal, "personal value reached the backend")
	}
	for _, intact := range []string{
		"ORD-2025-0004412", "5008244341663", "Blue Shirt", "4865548905161712626", "03-11-44-26-84-89",
		"NSURLErrorDomain -1009", "orders-4601185758", "4856833459527225405", "8713939219451", "1708293279", `"DE"`,
		"0A0000000123ABCD1", "1709251200000", "pfn2ea63",
	} {
		assert.Contains(t, out, intact, "non-personal value lost")
	}
}
