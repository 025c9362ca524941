package e2e

import (
	"bytes"
	"context"
	"crypto/rand"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
)

// rawCodec sends bytes as they are, so a test can put anything on the wire.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) { return *(v.(*[]byte)), nil }
func (rawCodec) Unmarshal(data []byte, v any) error {
	*(v.(*[]byte)) = append([]byte(nil), data...)
	return nil
}
func (rawCodec) Name() string { return "proto" }

func exportRawGRPC(t *testing.T, endpoint string, payload []byte) error {
	t.Helper()
	conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallSendMsgSize(64<<20)))
	require.NoError(t, err)
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var resp []byte
	return conn.Invoke(ctx, "/opentelemetry.proto.collector.trace.v1.TraceService/Export", &payload, &resp, grpc.ForceCodec(rawCodec{}))
}

func postHTTP(t *testing.T, url, contentType string, body []byte) int {
	t.Helper()
	resp, err := http.Post(url, contentType, bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	return resp.StatusCode
}

// validTraces is one error span (errorkeep keeps it) with a trace ID of its own.
func validTraces(name string) ptrace.Traces {
	td := ptrace.NewTraces()
	s := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	var id pcommon.TraceID
	_, _ = rand.Read(id[:])
	s.SetTraceID(id)
	s.SetSpanID(pcommon.SpanID{1, 1, 1, 1, 1, 1, 1, 1})
	s.SetName(name)
	s.Status().SetCode(ptrace.StatusCodeError)
	return td
}

func validTraceRequest(t *testing.T, name string) []byte {
	b, err := ptraceotlp.NewExportRequestFromTraces(validTraces(name)).MarshalProto()
	require.NoError(t, err)
	return b
}

// TestMalformedAndHostileOTLP sends malformed and hostile payloads over gRPC and HTTP
// to config/gateway.yaml. Each gets a clean error (or is accepted and handled), the
// process never crashes, and a well-behaved client is served throughout.
func TestMalformedAndHostileOTLP(t *testing.T) {
	jaeger, tempo := StartBackend(t), StartBackend(t)
	col := StartCollector(t, binary, ConfigPath("gateway.yaml"), CollectorOptions{Env: gatewayEnv(jaeger, tempo, map[string]string{"LOG_LEVEL": "debug"})})
	tracesURL := "http://" + col.Endpoints.HTTP + "/v1/traces"
	valid := validTraceRequest(t, "valid")
	served := 0
	wellBehavedClient := func(step string) {
		t.Helper()
		require.True(t, col.Running(), "collector crashed after %s:\n%s", step, col.Output())
		require.NoError(t, exportRawGRPC(t, col.Endpoints.GRPC, validTraceRequest(t, "canary")), "after %s", step)
		served++
	}

	t.Run("gRPC", func(t *testing.T) {
		for _, tc := range []struct {
			name    string
			payload []byte
			codes   []codes.Code
		}{
			{"truncated protobuf", valid[:len(valid)-7], []codes.Code{codes.InvalidArgument, codes.Internal}},
			{"garbage", []byte("\xff\xff\xff\xff not protobuf at all"), []codes.Code{codes.InvalidArgument, codes.Internal}},
			{"over max_recv_msg_size_mib (16)", bytes.Repeat([]byte{0}, 17<<20), []codes.Code{codes.ResourceExhausted}},
		} {
			err := exportRawGRPC(t, col.Endpoints.GRPC, tc.payload)
			t.Logf("gRPC %s: %s", tc.name, status.Code(err))
			assert.Contains(t, tc.codes, status.Code(err), "%s: %v", tc.name, err)
			wellBehavedClient(tc.name)
		}
	})

	t.Run("HTTP", func(t *testing.T) {
		for _, tc := range []struct {
			name, contentType string
			body              []byte
			want              []int
		}{
			{"truncated protobuf", "application/x-protobuf", valid[:len(valid)-7], []int{http.StatusBadRequest}},
			{"malformed JSON", "application/json", []byte(`{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":`), []int{http.StatusBadRequest}},
			{"wrong content type", "text/plain", []byte("hello"), []int{http.StatusUnsupportedMediaType}},
			{"over the body size limit", "application/x-protobuf", bytes.Repeat([]byte{0x0a}, 25<<20), []int{http.StatusBadRequest, http.StatusRequestEntityTooLarge}},
		} {
			code := postHTTP(t, tracesURL, tc.contentType, tc.body)
			t.Logf("HTTP %s: %d", tc.name, code)
			assert.Contains(t, tc.want, code, tc.name)
			wellBehavedClient(tc.name)
		}
	})

	t.Run("hostile but well-formed", func(t *testing.T) {
		ctx := context.Background()
		// Invalid UTF-8, a megabyte value hiding an e-mail, zero and duplicate trace IDs.
		td := ptrace.NewTraces()
		spans := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans()
		for i, id := range []pcommon.TraceID{{}, {7}, {7}} {
			s := spans.AppendEmpty()
			s.SetTraceID(id)
			s.SetSpanID(pcommon.SpanID{byte(i + 1)})
			s.SetName("hostile\xff\xfe")
			s.Status().SetCode(ptrace.StatusCodeError)
			s.Attributes().PutStr("big", strings.Repeat("x", 1<<20)+" mail jane.doe@example.com "+strings.Repeat("y", 1<<10))
		}
		err := SendTraces(ctx, col.Endpoints.GRPC, td)
		t.Logf("invalid UTF-8, 1 MiB values, zero and duplicate trace IDs: %s", status.Code(err))
		if err != nil {
			assert.Equal(t, codes.InvalidArgument, status.Code(err), "%v", err)
		}
		wellBehavedClient("hostile spans")

		// Log bodies nested 20 maps deep (taken and redacted at every depth) and 2,000
		// deep (beyond the protobuf decoder's recursion limit: refused, cleanly).
		nested := func(depth int) plog.Logs {
			ld := plog.NewLogs()
			body := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty().Body().SetEmptyMap()
			for range depth {
				body = body.PutEmptyMap("n")
			}
			body.PutStr("card", "4111 1111 1111 1111")
			return ld
		}
		require.NoError(t, SendLogs(ctx, col.Endpoints.GRPC, nested(20)))
		err = SendLogs(ctx, col.Endpoints.GRPC, nested(2000))
		require.Error(t, err)
		assert.Contains(t, []codes.Code{codes.InvalidArgument, codes.Internal}, status.Code(err), "%v", err)
		assert.Contains(t, err.Error(), "recursion")
		wellBehavedClient("deeply nested log body")
	})

	Eventually(t, DeliverTimeout, func() bool { return countSpansNamed(jaeger, "canary") >= served }, "every canary delivered")
	Eventually(t, DeliverTimeout, func() bool { return jaeger.Logs.LogRecordCount() == 1 }, "the 20-deep log delivered")
	logJSON, err := (&plog.JSONMarshaler{}).MarshalLogs(jaeger.Logs.AllLogs()[0])
	require.NoError(t, err)
	assert.NotContains(t, string(logJSON), "4111 1111 1111 1111", "card 20 maps deep not redacted")
	assert.Contains(t, string(logJSON), "[REDACTED:credit_card]")
	require.NoError(t, col.Stop())
	out := col.Output()
	assert.NotContains(t, out, "jane.doe@example.com", "PII in the collector's own log")
	assert.NotContains(t, out, "4111 1111 1111 1111", "PII in the collector's own log")
	assert.NotContains(t, out, "panic")
	for _, s := range jaeger.Spans() {
		if s.Span.Name() == "hostile\xff\xfe" || strings.HasPrefix(s.Span.Name(), "hostile") {
			v, _ := s.Span.Attributes().Get("big")
			assert.NotContains(t, v.Str(), "jane.doe@example.com")
		}
	}
}
