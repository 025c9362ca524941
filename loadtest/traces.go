package loadtest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// TraceClass says why a generated trace must, or may, be kept by tail sampling.
// The class travels in the first byte of the trace ID so that a sink can count it
// without reading attributes; the sampling decisions use the other bytes.
type TraceClass uint8

const (
	ClassHealthy TraceClass = iota
	ClassError              // an ERROR status, an exception event and HTTP 500 on a child span
	ClassSlow               // the root span lasts longer than the 2s latency threshold
	classCount
)

func (c TraceClass) String() string {
	return [...]string{"healthy", "error", "slow"}[c]
}

// classMarker tags byte 0 of a generated trace ID; ClassOf reads it back.
const classMarker = 0xA0

// ClassOf returns the class a generated trace ID carries, and false for trace IDs the
// realistic generator did not make (telemetrygen's, for example).
func ClassOf(id pcommon.TraceID) (TraceClass, bool) {
	c := TraceClass(id[0] &^ classMarker)
	return c, id[0]&0xF0 == classMarker && c < classCount
}

// Trace shape of the realistic generator: a server span and four children, one trace in
// fifty with an error on a child span, one in fifty slow, the rest healthy.
const (
	SpansPerTrace = 5
	errorEvery    = 50
	slowEvery     = 50
)

// ClassShare is the fraction of generated traces (and spans) in each class.
func ClassShare(c TraceClass) float64 {
	switch c {
	case ClassError:
		return 1.0 / errorEvery
	case ClassSlow:
		return 1.0 / slowEvery
	default:
		return 1 - 1.0/errorEvery - 1.0/slowEvery
	}
}

// traceBuilder makes batches of realistic traces: an HTTP service's spans with the
// attributes instrumentation libraries set, about one span in ten carrying PII or a
// secret. One builder per goroutine: it owns its random source.
type traceBuilder struct {
	rng *rand.Rand
	seq uint64
}

func newTraceBuilder(seed uint64) *traceBuilder {
	return &traceBuilder{rng: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))} //nolint:gosec // load generation: fast and seeded, not secret
}

func (b *traceBuilder) classOf(seq uint64) TraceClass {
	switch seq % errorEvery {
	case 0:
		return ClassError
	case 1:
		return ClassSlow
	}
	return ClassHealthy
}

// batch returns traces whole traces (SpansPerTrace spans each) ending now, in one
// resource, and how many spans of each class it holds.
func (b *traceBuilder) batch(traces int, now time.Time) (ptrace.Traces, [classCount]int) {
	var perClass [classCount]int
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	res := rs.Resource().Attributes()
	res.PutStr("service.name", "checkout")
	res.PutStr("service.version", "v2.13.0")
	res.PutStr("deployment.environment.name", "production")
	res.PutStr("k8s.namespace.name", "shop")
	res.PutStr("k8s.pod.name", "checkout-7d9f8b6c5-x2x9z")
	res.PutStr("host.name", "ip-10-0-12-34.eu-west-1.compute.internal")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp")
	ss.Scope().SetVersion("0.63.0")
	ss.Spans().EnsureCapacity(traces * SpansPerTrace)
	for range traces {
		class := b.classOf(b.seq)
		perClass[class] += SpansPerTrace
		b.appendTrace(ss.Spans(), class, now)
		b.seq++
	}
	return td, perClass
}

func (b *traceBuilder) appendTrace(spans ptrace.SpanSlice, class TraceClass, now time.Time) {
	var traceID pcommon.TraceID
	putRandom(b.rng, traceID[:])
	traceID[0] = classMarker | byte(class)
	rootDuration := 180 * time.Millisecond
	if class == ClassSlow {
		rootDuration = 2500 * time.Millisecond
	}
	rootStart := now.Add(-rootDuration)
	order := 100000 + b.rng.IntN(900000)

	root := spans.AppendEmpty()
	rootID := b.spanID()
	root.SetTraceID(traceID)
	root.SetSpanID(rootID)
	root.SetKind(ptrace.SpanKindServer)
	root.SetName("POST /api/v1/orders/{id}/pay")
	root.SetStartTimestamp(pcommon.NewTimestampFromTime(rootStart))
	root.SetEndTimestamp(pcommon.NewTimestampFromTime(now))
	a := root.Attributes()
	a.PutStr("http.request.method", "POST")
	a.PutStr("http.route", "/api/v1/orders/{id}/pay")
	a.PutInt("http.response.status_code", 200)
	a.PutStr("url.path", fmt.Sprintf("/api/v1/orders/%d/pay", order))
	a.PutStr("url.scheme", "https")
	a.PutStr("server.address", "checkout.shop.svc.cluster.local")
	a.PutInt("server.port", 8080)
	a.PutStr("network.protocol.version", "1.1")
	a.PutStr("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0.6099.109 Safari/537.36")
	a.PutStr("order.id", fmt.Sprintf("ORD-2026-%09d", order))
	a.PutDouble("order.total", 1299.99)
	b.putPII(a)

	children := [...]struct {
		name string
		kind ptrace.SpanKind
	}{
		{"SELECT shop.orders", ptrace.SpanKindClient},
		{"GET inventory", ptrace.SpanKindClient},
		{"POST payments/charge", ptrace.SpanKindClient},
		{"orders.publish", ptrace.SpanKindProducer},
	}
	step := rootDuration / time.Duration(len(children)+1)
	for i, c := range children {
		s := spans.AppendEmpty()
		s.SetTraceID(traceID)
		s.SetSpanID(b.spanID())
		s.SetParentSpanID(rootID)
		s.SetKind(c.kind)
		s.SetName(c.name)
		start := rootStart.Add(step * time.Duration(i))
		s.SetStartTimestamp(pcommon.NewTimestampFromTime(start))
		s.SetEndTimestamp(pcommon.NewTimestampFromTime(start.Add(step)))
		ca := s.Attributes()
		switch i {
		case 0:
			ca.PutStr("db.system.name", "postgresql")
			ca.PutStr("db.query.text", "SELECT id, total, status FROM orders WHERE id = $1 AND tenant = $2")
			ca.PutStr("server.address", "orders-db.shop.svc.cluster.local")
		case 1:
			ca.PutStr("http.request.method", "GET")
			ca.PutStr("url.full", fmt.Sprintf("http://inventory.shop.svc.cluster.local/items?order=%d", order))
			ca.PutInt("http.response.status_code", 200)
		case 2:
			ca.PutStr("http.request.method", "POST")
			ca.PutStr("url.full", "https://api.payments.example.com/v1/charges")
			ca.PutInt("http.response.status_code", 200)
			b.putPII(ca)
			if class == ClassError {
				ca.PutInt("http.response.status_code", 500)
				s.Status().SetCode(ptrace.StatusCodeError)
				s.Status().SetMessage("payment provider returned 500")
				ev := s.Events().AppendEmpty()
				ev.SetName("exception")
				ev.SetTimestamp(pcommon.NewTimestampFromTime(start.Add(step / 2)))
				ev.Attributes().PutStr("exception.type", "payments.ProviderError")
				ev.Attributes().PutStr("exception.message", "upstream returned 500 after 3 retries")
			}
		case 3:
			ca.PutStr("messaging.system", "kafka")
			ca.PutStr("messaging.destination.name", "orders.paid")
		}
	}
}

// putPII adds a PII-bearing or secret attribute one time in four (about one span in ten), as
// instrumentation and hand-written attributes leak them in real services.
func (b *traceBuilder) putPII(a pcommon.Map) {
	switch b.rng.IntN(16) {
	case 0:
		a.PutStr("enduser.email", "jane.doe@example.com")
	case 1:
		a.PutStr("client.address", "203.0.113.42")
	case 2:
		a.PutStr("url.full", "https://shop.example.com/pay?token=tok_9f8e7d6c5b4a&amount=5")
	case 3:
		a.PutStr("payment.note", "card 4111 1111 1111 1111 declined")
	}
}

func (b *traceBuilder) spanID() pcommon.SpanID {
	var id pcommon.SpanID
	putRandom(b.rng, id[:])
	return id
}

func putRandom(rng *rand.Rand, dst []byte) {
	for i := 0; i < len(dst); i += 8 {
		v := rng.Uint64()
		for j := i; j < len(dst) && j < i+8; j++ {
			dst[j] = byte(v)
			v >>= 8
		}
	}
}
