package image

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
)

const (
	// card is a test card number (Luhn-valid) planted in what the tests send.
	card = "4111 1111 1111 1111"
	// cardDigits is the same without spaces, as it must appear nowhere either.
	cardDigits = "4111111111111111"
)

// cardTraces returns n one-span traces named prefix-i whose span carries the card
// number in an attribute, and their trace IDs.
func cardTraces(prefix string, n int) (ptrace.Traces, []pcommon.TraceID) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	spans := rs.ScopeSpans().AppendEmpty().Spans()
	ids := make([]pcommon.TraceID, 0, n)
	now := time.Now()
	for i := range n {
		var id pcommon.TraceID
		_, _ = rand.Read(id[:])
		ids = append(ids, id)
		s := spans.AppendEmpty()
		s.SetTraceID(id)
		s.SetSpanID(pcommon.SpanID{1})
		s.SetName(fmt.Sprintf("%s-%d", prefix, i))
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(now))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(now.Add(time.Millisecond)))
		s.Attributes().PutStr("payment.card", card)
	}
	return td, ids
}

// cardLogs returns n log records whose bodies, "prefix-i: ...", carry the card number.
func cardLogs(prefix string, n int) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "checkout")
	recs := rl.ScopeLogs().AppendEmpty().LogRecords()
	for i := range n {
		r := recs.AppendEmpty()
		r.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
		r.Body().SetStr(fmt.Sprintf("%s-%d: payment with card %s declined", prefix, i, cardDigits))
	}
	return ld
}

// postOTLP sends a protobuf OTLP/HTTP request to endpoint (host:port) and path
// (/v1/traces, /v1/logs).
func postOTLP(endpoint, path string, body []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+endpoint+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-protobuf")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST %s: %s: %s", path, resp.Status, answer)
	}
	return nil
}

// sendHTTP sends traces and logs over OTLP/HTTP.
func sendHTTP(endpoint string, td ptrace.Traces, ld plog.Logs) error {
	traces, err := ptraceotlp.NewExportRequestFromTraces(td).MarshalProto()
	if err != nil {
		return err
	}
	if err := postOTLP(endpoint, "/v1/traces", traces); err != nil {
		return err
	}
	logs, err := plogotlp.NewExportRequestFromLogs(ld).MarshalProto()
	if err != nil {
		return err
	}
	return postOTLP(endpoint, "/v1/logs", logs)
}
