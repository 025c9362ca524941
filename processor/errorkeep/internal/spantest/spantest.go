// Package spantest holds what the tests of errorkeep and its span store share: a
// batch with every shape of span, and a way to compare spans however they are
// grouped.
package spantest // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spantest"

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Start is when RichBatch's spans start.
var Start = time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)

// RichBatch has two resources with schema URLs, two scopes each, and three traces
// (ids) whose spans interleave, with every kind of span field set.
func RichBatch(ids [3]pcommon.TraceID, link pcommon.TraceID) ptrace.Traces {
	td := ptrace.NewTraces()
	n := uint64(0)
	for r := range 2 {
		rs := td.ResourceSpans().AppendEmpty()
		rs.SetSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
		rs.Resource().Attributes().PutStr("service.name", []string{"checkout", "payments"}[r])
		rs.Resource().SetDroppedAttributesCount(uint32(r))
		for s := range 2 {
			ss := rs.ScopeSpans().AppendEmpty()
			ss.SetSchemaUrl("https://example.com/scope")
			ss.Scope().SetName("io.opentelemetry.http")
			ss.Scope().SetVersion([]string{"1.0", "2.0"}[s])
			ss.Scope().Attributes().PutBool("scope.attr", s == 1)
			for k := range 5 {
				n++
				span := ss.Spans().AppendEmpty()
				span.SetTraceID(ids[(k+r+s)%len(ids)])
				var sid pcommon.SpanID
				sid[7] = byte(n)
				span.SetSpanID(sid)
				span.SetParentSpanID(pcommon.SpanID{1})
				span.SetName("GET /orders")
				span.SetKind(ptrace.SpanKindServer)
				span.SetFlags(1)
				span.TraceState().FromRaw("vendor=abc")
				span.SetStartTimestamp(pcommon.NewTimestampFromTime(Start))
				span.SetEndTimestamp(pcommon.NewTimestampFromTime(Start.Add(time.Duration(n) * time.Millisecond)))
				span.Attributes().PutInt("http.response.status_code", 200)
				span.Attributes().PutEmptySlice("list").AppendEmpty().SetDouble(1.5)
				span.Attributes().PutEmptyBytes("raw").FromRaw([]byte{0, 1, 2})
				ev := span.Events().AppendEmpty()
				ev.SetName("retry")
				ev.Attributes().PutStr("attempt", "2")
				l := span.Links().AppendEmpty()
				l.SetTraceID(link)
				l.SetSpanID(pcommon.SpanID{9})
				span.Status().SetMessage("fine")
				span.SetDroppedAttributesCount(3)
			}
		}
	}
	return td
}

// FlatSpans renders every span with its resource and scope as one canonical string,
// sorted: two Traces hold the same spans when their FlatSpans are equal, however
// the spans are grouped.
func FlatSpans(t testing.TB, td ptrace.Traces) []string {
	t.Helper()
	var out []string
	var m ptrace.JSONMarshaler
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		for j := 0; j < rs.ScopeSpans().Len(); j++ {
			ss := rs.ScopeSpans().At(j)
			for k := 0; k < ss.Spans().Len(); k++ {
				one := ptrace.NewTraces()
				ors := one.ResourceSpans().AppendEmpty()
				rs.Resource().CopyTo(ors.Resource())
				ors.SetSchemaUrl(rs.SchemaUrl())
				oss := ors.ScopeSpans().AppendEmpty()
				ss.Scope().CopyTo(oss.Scope())
				oss.SetSchemaUrl(ss.SchemaUrl())
				ss.Spans().At(k).CopyTo(oss.Spans().AppendEmpty())
				b, err := m.MarshalTraces(one)
				require.NoError(t, err)
				out = append(out, string(b))
			}
		}
	}
	slices.Sort(out)
	return out
}

// SpansByTrace counts td's spans by trace ID.
func SpansByTrace(td ptrace.Traces) map[pcommon.TraceID]int {
	out := map[pcommon.TraceID]int{}
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		sss := rss.At(i).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				out[spans.At(k).TraceID()]++
			}
		}
	}
	return out
}
