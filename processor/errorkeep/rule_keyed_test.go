package errorkeep

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func keyedConfig(goal float64) *Config {
	cfg := defaultConfig()
	cfg.HealthyThroughput.TracesPerSecond = goal
	return cfg
}

// routeSpan is a span of service svc (its resource) with route as http.route,
// route "" for none.
func routeSpan(svc, name, route string, root bool) (ptrace.Span, pcommon.Resource) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", svc)
	span := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetName(name)
	if !root {
		span.SetParentSpanID(pcommon.SpanID{1})
	}
	if route != "" {
		span.Attributes().PutStr("http.route", route)
	}
	return span, rs.Resource()
}

func TestKeyIsTheRootSpansServiceAndRoute(t *testing.T) {
	key := defaultThroughputKey()
	get, res := routeSpan("checkout", "GET /orders/{id}", "/orders/{id}", true)
	post, postRes := routeSpan("checkout", "POST /orders", "/orders", true)
	other, otherRes := routeSpan("payments", "GET /orders/{id}", "/orders/{id}", true)
	unrouted, unroutedRes := routeSpan("checkout", "consume orders", "", true)
	assert.Equal(t, "checkout /orders/{id}", keyString(key, get, res))
	assert.Equal(t, "checkout consume orders", keyString(key, unrouted, unroutedRes), "no route: the span's name stands in")
	hashes := map[uint32]bool{}
	for _, h := range []uint32{keyHash(key, get, res), keyHash(key, post, postRes), keyHash(key, other, otherRes), keyHash(key, unrouted, unroutedRes)} {
		hashes[h] = true
	}
	assert.Len(t, hashes, 4, "four keys, four hashes")
	again, againRes := routeSpan("checkout", "GET /orders/7", "/orders/{id}", true)
	assert.Equal(t, keyHash(key, get, res), keyHash(key, again, againRes), "the route, not the span's name, when there is one")
}

// The root span's key wins over the first span's, however the spans arrive.
func TestKeyComesFromTheRootSpanWhenItArrives(t *testing.T) {
	r := newKeyedSampler(&keyedConfig(10).HealthyThroughput)
	child, childRes := routeSpan("inventory", "SELECT", "", false)
	root, rootRes := routeSpan("checkout", "GET /cart", "/cart", true)
	var early, late traceSummary
	r.observeSpan(&early, arrival{span: child, resource: childRes})
	assert.True(t, early.has(flagKeyed))
	assert.False(t, early.has(flagKeyFromRoot))
	r.observeSpan(&late, arrival{span: root, resource: rootRes})
	early.merge(&late)
	assert.Equal(t, keyHash(r.key, root, rootRes), early.key)

	var rootFirst, childLater traceSummary
	r.observeSpan(&rootFirst, arrival{span: root, resource: rootRes})
	r.observeSpan(&childLater, arrival{span: child, resource: childRes})
	rootFirst.merge(&childLater)
	assert.Equal(t, keyHash(r.key, root, rootRes), rootFirst.key)
}

// Explicit randomness in tracestate decides, to 16 bits, instead of the trace ID's.
func TestKeyedSamplerUsesExplicitRandomness(t *testing.T) {
	r := newKeyedSampler(&keyedConfig(10).HealthyThroughput)
	span, res := routeSpan("checkout", "GET /", "/", true)
	span.TraceState().FromRaw("ot=rv:00ff0000000000")
	var s traceSummary
	r.observeSpan(&s, arrival{id: traceID(1), span: span, resource: res})
	require.True(t, s.has(flagRV))
	assert.Equal(t, uint16(0x00ff), s.rv16)
	r.budget.admit(s.key) // the key's first trace of the interval is kept whatever
	r.budget.keys[s.key].threshold = threshold16(0.5)
	threshold, keep := r.keeps(traceID(1), &s)
	assert.False(t, keep, "rv 00ff… is below a 50%% threshold")
	assert.Equal(t, "8", encodeThreshold(threshold))
}

func TestObservingAKeyedSpanDoesNotAllocate(t *testing.T) {
	rules := newKeepRules(keyedConfig(10))
	span, res := routeSpan("checkout", "GET /orders/{id}", "/orders/{id}", true)
	span.TraceState().FromRaw("ot=th:0;rv:abcdefabcdefab")
	var s traceSummary
	allocs := testing.AllocsPerRun(1000, func() {
		s = traceSummary{}
		rules.observeSpan(&s, arrival{id: traceID(1), span: span, resource: res})
	})
	assert.Zero(t, allocs)
}

// Through the processor: healthy traces of a rare key are all kept, counting as
// themselves, a hot key is sampled down with a threshold that counts it, errors are
// kept outside the budget, and record_reason names the rule and the key.
func TestKeyedSamplingThroughTheProcessor(t *testing.T) {
	cfg := keyedConfig(20)
	cfg.RootSpanGrace = 0
	cfg.RecordReason = true
	p, sink, clock := newTestProcessor(t, cfg)
	ctx := context.Background()
	trace := func(n uint64, svc, route string, failed bool) ptrace.Traces {
		td := traceOf(traceID(n), spanSpec{span: 1, err: failed, attrs: map[string]any{"http.route": route}})
		td.ResourceSpans().At(0).Resource().Attributes().PutStr("service.name", svc)
		return td
	}
	n := uint64(0)
	sent := map[string]int{}
	for second := range 30 {
		for tick := range 10 {
			for range 20 { // hot: 200 a second
				n++
				require.NoError(t, p.ConsumeTraces(ctx, trace(n, "shop", "/hot", false)))
				sent["/hot"]++
			}
			if second%2 == 0 && tick == 0 { // rare: one every two seconds
				n++
				require.NoError(t, p.ConsumeTraces(ctx, trace(n, "shop", "/rare", false)))
				sent["/rare"]++
			}
			if tick == 5 {
				n++
				require.NoError(t, p.ConsumeTraces(ctx, trace(n, "shop", "/hot", true)))
			}
			clock.Advance(100 * time.Millisecond)
			p.decideDue(ctx, clock.Now())
		}
	}
	clock.Advance(cfg.DecisionWait)
	p.decideDue(ctx, clock.Now())

	kept, estimated, errors := map[string]int{}, map[string]float64{}, 0
	for _, td := range sink.AllTraces() {
		forEachSpan(td, func(span ptrace.Span) {
			reason, _ := span.Attributes().Get(reasonAttribute)
			key, _ := span.Attributes().Get(keyAttribute)
			if reason.Str() == "error" {
				errors++
				assert.Equal(t, "shop /hot", key.Str())
				return
			}
			require.Equal(t, "sampled", reason.Str())
			route, _ := span.Attributes().Get("http.route")
			kept[route.Str()]++
			th, ok := decodeThreshold(mustTH(t, span.TraceState().AsRaw()))
			require.True(t, ok)
			estimated[route.Str()] += 1 / (1 - float64(th)/(1<<56))
		})
	}
	assert.Equal(t, 30, errors, "every error kept, outside the budget")
	assert.Equal(t, sent["/rare"], kept["/rare"], "a rare key keeps all of its traces")
	assert.InDelta(t, float64(sent["/rare"]), estimated["/rare"], 1e-9)
	assert.Less(t, kept["/hot"], sent["/hot"]/4, "a hot key is sampled down")
	assert.InDelta(t, float64(sent["/hot"]), estimated["/hot"], 0.1*float64(sent["/hot"]), "and counted back from th")
	assert.InDelta(t, 20.0, float64(kept["/hot"]+kept["/rare"])/30, 4, "healthy traces kept per second")
}

func mustTH(t *testing.T, traceState string) string {
	t.Helper()
	th, ok := otSubKey(otValue(traceState), "th")
	require.True(t, ok, traceState)
	return th
}
