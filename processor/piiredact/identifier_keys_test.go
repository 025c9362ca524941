package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

// A span ID of sixteen decimal digits that pass Luhn after a card's prefix stays a
// span ID under a trace-context key, in attributes and in JSON logs; the same digits
// elsewhere are a card, and anything under such a key that is not an ID is scanned.
func TestTraceContextIsKept(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	defer r.putScratch(sc)
	for in, want := range map[string]string{
		`{"level":"WARN","trace_id":"e57180c83e25e3581bf643606e040861","span_id":"2526443115065271"}`: `{"level":"WARN","trace_id":"e57180c83e25e3581bf643606e040861","span_id":"2526443115065271"}`,
		`dd.trace_id=2526443115065271 dd.span_id=4111111111111111 msg="charged"`:                      `dd.trace_id=2526443115065271 dd.span_id=4111111111111111 msg="charged"`,
		`traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-2526443115065271-01`:                        `traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-2526443115065271-01`,
		`{"span_id":"2526443115065271","card":"2526443115065271"}`:                                    `{"span_id":"2526443115065271","card":"[REDACTED:credit_card]"}`,
		`{"trace_id":"jane.doe@example.com"}`:                                                         `{"trace_id":"[REDACTED:email]"}`,
		`payment declined for dd_trace_id=5644790049814991924 (insufficient funds)`:                   `payment declined for dd_trace_id=5644790049814991924 (insufficient funds)`,
	} {
		out, _, _ := r.redactString(in, sc, false)
		assert.Equal(t, want, out, in)
	}
	m := pcommon.NewMap()
	m.PutStr("span_id", "2526443115065271")
	m.PutStr("x-b3-spanid", "2526443115065271")
	m.PutStr("order.note", "card 2526443115065271")
	m.PutStr("product.gtin", "57668292883879")
	r.redactMap(m, sc)
	v, _ := m.Get("span_id")
	assert.Equal(t, "2526443115065271", v.Str())
	v, _ = m.Get("x-b3-spanid")
	assert.Equal(t, "2526443115065271", v.Str())
	v, _ = m.Get("product.gtin")
	assert.Equal(t, "57668292883879", v.Str())
	m2 := pcommon.NewMap()
	m2.PutEmptySlice("dd.trace_id").AppendEmpty().SetStr("4865548905161712626")
	r.redactMap(m2, sc)
	v, _ = m2.Get("dd.trace_id")
	assert.Equal(t, "4865548905161712626", v.Slice().At(0).Str(), "an identifier in a list, as header arrays hold one")
	v, _ = m.Get("order.note")
	assert.Equal(t, "card [REDACTED:credit_card]", v.Str())
}
