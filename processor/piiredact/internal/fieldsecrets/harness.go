package fieldsecrets

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap/confmaptest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact"
)

// LoadConfig reads the piiredact section of a collector configuration over the
// factory's defaults, as the collector does.
func LoadConfig(path string) (*piiredact.Config, error) {
	cfg := piiredact.NewFactory().CreateDefaultConfig().(*piiredact.Config)
	conf, err := confmaptest.LoadConf(path)
	if err != nil {
		return nil, err
	}
	sub, err := conf.Sub("processors::piiredact")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := sub.Unmarshal(cfg); err != nil {
		return nil, fmt.Errorf("%s: processors::piiredact: %w", path, err)
	}
	return cfg, cfg.Validate()
}

// Outcome is what the processor did to one case.
type Outcome struct {
	Case    *Case
	In, Out []string // every string of the record, before and after
	Leaked  []string // secrets of which a fragment survived
	Damaged []string // kept values that did not arrive whole
	// Missing are secrets or kept values the record does not hold: a fault of the
	// corpus, refused by the test.
	Missing []string
}

const batchSize = 256

// Run sends every case through the processor built by the factory with cfg, as
// traces, logs or metrics, and judges each.
func Run(ctx context.Context, cfg *piiredact.Config, cases []Case) ([]Outcome, error) {
	f := piiredact.NewFactory()
	set := processortest.NewNopSettings(f.Type())
	ts, ls, ms := new(consumertest.TracesSink), new(consumertest.LogsSink), new(consumertest.MetricsSink)
	tp, err := f.CreateTraces(ctx, set, cfg, ts)
	if err != nil {
		return nil, err
	}
	lp, err := f.CreateLogs(ctx, set, cfg, ls)
	if err != nil {
		return nil, err
	}
	mp, err := f.CreateMetrics(ctx, set, cfg, ms)
	if err != nil {
		return nil, err
	}
	comps := []component.Component{tp, lp, mp}
	for _, c := range comps {
		if err := c.Start(ctx, componenttest.NewNopHost()); err != nil {
			return nil, err
		}
	}
	defer func() {
		for _, c := range comps {
			_ = c.Shutdown(ctx)
		}
	}()

	var out []Outcome
	for sig := Traces; sig <= Metrics; sig++ {
		var batch []*Case
		for i := range cases {
			if cases[i].Rec.Signal == sig {
				batch = append(batch, &cases[i])
			}
			if len(batch) == batchSize || (i == len(cases)-1 && len(batch) > 0) {
				var in, got [][]string
				switch sig {
				case Traces:
					td := buildTraces(batch)
					in = traceStrings(td)
					ts.Reset()
					if err := tp.ConsumeTraces(ctx, td); err != nil {
						return nil, err
					}
					got = traceStrings(ts.AllTraces()[0])
				case Logs:
					ld := buildLogs(batch)
					in = logStrings(ld)
					ls.Reset()
					if err := lp.ConsumeLogs(ctx, ld); err != nil {
						return nil, err
					}
					got = logStrings(ls.AllLogs()[0])
				case Metrics:
					md := buildMetrics(batch)
					in = metricStrings(md)
					ms.Reset()
					if err := mp.ConsumeMetrics(ctx, md); err != nil {
						return nil, err
					}
					got = metricStrings(ms.AllMetrics()[0])
				}
				if len(got) != len(batch) {
					return nil, fmt.Errorf("%d records came back of %d", len(got), len(batch))
				}
				for k, c := range batch {
					out = append(out, judge(c, in[k], got[k]))
				}
				batch = batch[:0]
			}
		}
	}
	return out, nil
}

// background is what every record carries besides its case: resource attributes
// as SDKs and the k8sattributes processor set them. They are kept values of every
// case.
func background(c *Case) Map {
	h := fnv(c.Kind + c.Place)
	pod := fmt.Sprintf("checkout-%x-%s", 0x5f6c7d8e+h%0xffff, base36(h, 5))
	all := Map{
		{"service.name", "checkout"},
		{"service.version", "2.14.1"},
		{"service.instance.id", fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", h, h%0xffff, h%0xfff, (h>>4)%0xfff, uint64(h)*2654435761%0xffffffffffff)},
		{"telemetry.sdk.version", "1.32.0"},
		{"host.name", fmt.Sprintf("ip-10-0-%d-%d.eu-west-1.compute.internal", h%250, (h>>8)%250)},
		{"k8s.pod.name", pod},
		{"k8s.pod.ip", fmt.Sprintf("10.244.%d.%d", h%250, (h>>8)%250)},
		{"k8s.namespace.name", "shop-prod"},
		{"container.id", fmt.Sprintf("%016x%016x%016x%016x", uint64(h)*0x9e3779b97f4a7c15, uint64(h)*0xbf58476d1ce4e5b9, uint64(h)*0x94d049bb133111eb, uint64(h)^0xdeadbeefcafebabe)},
		{"cloud.account.id", fmt.Sprintf("%012d", uint64(h)*7919%1000000000000)},
	}
	// The case's own resource attributes take the place of the background's.
	out := all[:0]
	for _, kv := range all {
		own := false
		for _, r := range c.Rec.Resource {
			own = own || r.K == kv.K
		}
		if !own {
			out = append(out, kv)
		}
	}
	return out
}

func backgroundKeeps(c *Case) []string {
	var out []string
	for _, kv := range background(c) {
		out = append(out, kv.V.(string))
	}
	return out
}

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func base36(h uint32, n int) string {
	const a = "bcdfghjklmnpqrstvwxz2456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = a[h%uint32(len(a))]
		h = h/uint32(len(a)) + uint32(i)*7
	}
	return string(b)
}

// putMap puts kvs into m. A key that a place's frame and its case both use (the
// case's "request_id" in a frame that has one) is put a second time with "_2"
// after it, so that neither value replaces the other.
func putMap(m pcommon.Map, kvs Map) {
	for _, kv := range kvs {
		k := kv.K
		for _, ok := m.Get(k); ok; _, ok = m.Get(k) {
			k += "_2"
		}
		putValue(m.PutEmpty(k), kv.V)
	}
}

func putValue(v pcommon.Value, x any) {
	switch x := x.(type) {
	case string:
		v.SetStr(x)
	case []string:
		s := v.SetEmptySlice()
		for _, e := range x {
			s.AppendEmpty().SetStr(e)
		}
	case []any:
		s := v.SetEmptySlice()
		for _, e := range x {
			putValue(s.AppendEmpty(), e)
		}
	case Map:
		putMap(v.SetEmptyMap(), x)
	case int64:
		v.SetInt(x)
	case int:
		v.SetInt(int64(x))
	case float64:
		v.SetDouble(x)
	case bool:
		v.SetBool(x)
	default:
		panic(fmt.Sprintf("fieldsecrets: value of type %T", x))
	}
}

func buildTraces(batch []*Case) ptrace.Traces {
	td := ptrace.NewTraces()
	for i, c := range batch {
		rs := td.ResourceSpans().AppendEmpty()
		putMap(rs.Resource().Attributes(), background(c))
		putMap(rs.Resource().Attributes(), c.Rec.Resource)
		ss := rs.ScopeSpans().AppendEmpty()
		ss.Scope().SetName("go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp")
		ss.Scope().SetVersion("0.58.0")
		sp := ss.Spans().AppendEmpty()
		sp.SetTraceID(pcommon.TraceID([16]byte{1, 2, 3, 4, 5, 6, 7, 8, byte(i >> 8), byte(i), 9, 10, 11, 12, 13, 14}))
		sp.SetSpanID(pcommon.SpanID([8]byte{1, 2, 3, 4, byte(i >> 8), byte(i), 5, 6}))
		name := c.Rec.Name
		if name == "" {
			name = "POST /api/v1/checkout"
		}
		sp.SetName(name)
		putMap(sp.Attributes(), c.Rec.Attrs)
		if len(c.Rec.Event) > 0 || c.Rec.EventName != "" {
			ev := sp.Events().AppendEmpty()
			en := c.Rec.EventName
			if en == "" {
				en = "exception"
			}
			ev.SetName(en)
			putMap(ev.Attributes(), c.Rec.Event)
		}
		if c.Rec.Status != "" {
			sp.Status().SetCode(ptrace.StatusCodeError)
			sp.Status().SetMessage(c.Rec.Status)
		}
	}
	return td
}

func buildLogs(batch []*Case) plog.Logs {
	ld := plog.NewLogs()
	for _, c := range batch {
		rl := ld.ResourceLogs().AppendEmpty()
		putMap(rl.Resource().Attributes(), background(c))
		putMap(rl.Resource().Attributes(), c.Rec.Resource)
		lr := rl.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
		lr.SetSeverityText("INFO")
		if c.Rec.Body != nil {
			putValue(lr.Body(), c.Rec.Body)
		}
		putMap(lr.Attributes(), c.Rec.Attrs)
	}
	return ld
}

func buildMetrics(batch []*Case) pmetric.Metrics {
	md := pmetric.NewMetrics()
	for _, c := range batch {
		rm := md.ResourceMetrics().AppendEmpty()
		putMap(rm.Resource().Attributes(), background(c))
		putMap(rm.Resource().Attributes(), c.Rec.Resource)
		m := rm.ScopeMetrics().AppendEmpty().Metrics().AppendEmpty()
		m.SetName("http.server.request.duration")
		m.SetUnit("s")
		dp := m.SetEmptyHistogram().DataPoints().AppendEmpty()
		dp.SetCount(3)
		dp.SetSum(0.42)
		putMap(dp.Attributes(), c.Rec.Attrs)
		if len(c.Rec.Event) > 0 {
			ex := dp.Exemplars().AppendEmpty()
			ex.SetDoubleValue(0.2)
			putMap(ex.FilteredAttributes(), c.Rec.Event)
		}
	}
	return md
}

// Strings of each record, in a fixed order.

func valueStrings(v pcommon.Value, out []string) []string {
	switch v.Type() {
	case pcommon.ValueTypeStr:
		out = append(out, v.Str())
	case pcommon.ValueTypeSlice:
		for i := 0; i < v.Slice().Len(); i++ {
			out = valueStrings(v.Slice().At(i), out)
		}
	case pcommon.ValueTypeMap:
		out = mapStrings(v.Map(), out)
	}
	return out
}

func mapStrings(m pcommon.Map, out []string) []string {
	for _, v := range m.All() {
		out = valueStrings(v, out)
	}
	return out
}

func traceStrings(td ptrace.Traces) [][]string {
	var recs [][]string
	for i := 0; i < td.ResourceSpans().Len(); i++ {
		rs := td.ResourceSpans().At(i)
		out := mapStrings(rs.Resource().Attributes(), nil)
		sp := rs.ScopeSpans().At(0).Spans().At(0)
		out = append(out, sp.Name(), sp.Status().Message())
		out = mapStrings(sp.Attributes(), out)
		for e := 0; e < sp.Events().Len(); e++ {
			out = append(out, sp.Events().At(e).Name())
			out = mapStrings(sp.Events().At(e).Attributes(), out)
		}
		recs = append(recs, out)
	}
	return recs
}

func logStrings(ld plog.Logs) [][]string {
	var recs [][]string
	for i := 0; i < ld.ResourceLogs().Len(); i++ {
		rl := ld.ResourceLogs().At(i)
		out := mapStrings(rl.Resource().Attributes(), nil)
		lr := rl.ScopeLogs().At(0).LogRecords().At(0)
		out = valueStrings(lr.Body(), out)
		out = mapStrings(lr.Attributes(), out)
		recs = append(recs, out)
	}
	return recs
}

func metricStrings(md pmetric.Metrics) [][]string {
	var recs [][]string
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		rm := md.ResourceMetrics().At(i)
		out := mapStrings(rm.Resource().Attributes(), nil)
		dp := rm.ScopeMetrics().At(0).Metrics().At(0).Histogram().DataPoints().At(0)
		out = mapStrings(dp.Attributes(), out)
		for e := 0; e < dp.Exemplars().Len(); e++ {
			out = mapStrings(dp.Exemplars().At(e).FilteredAttributes(), out)
		}
		recs = append(recs, out)
	}
	return recs
}

var replacementRE = regexp.MustCompile(`\[(REDACTED|HASH):[^\]]*\]`)

// fragment is how much of a secret must survive to count as a leak: half of it,
// and at least six bytes (keep_last shows a card's last four on purpose).
func fragment(secret string) int {
	return min(len(secret), max(6, (len(secret)+1)/2))
}

// judge decides which secrets leaked and which kept values were damaged. A secret
// leaked when a fragment of it appears in the output more often than in the input
// with the case's secrets taken out (so that a fragment that is also part of the
// background is not blamed on it). A kept value was damaged when it appears in the
// output fewer times than in the input.
func judge(c *Case, in, out []string) Outcome {
	o := Outcome{Case: c, In: in, Out: out}
	bg := strings.Join(in, "\x00")
	for _, s := range c.Secrets {
		bg = strings.ReplaceAll(bg, s, "\x01")
	}
	joinedIn := strings.Join(in, "\x00")
	joinedOut := replacementRE.ReplaceAllString(strings.Join(out, "\x00"), "\x01")
	for _, s := range c.Secrets {
		if !strings.Contains(joinedIn, s) {
			o.Missing = append(o.Missing, s)
			continue
		}
		n := fragment(s)
		for k := 0; k+n <= len(s); k++ {
			f := s[k : k+n]
			if strings.Contains(joinedOut, f) && strings.Count(joinedOut, f) > strings.Count(bg, f) {
				o.Leaked = append(o.Leaked, s)
				break
			}
		}
	}
	rawOut := strings.Join(out, "\x00")
	seen := map[string]bool{}
	for _, k := range c.Keep {
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		want := strings.Count(joinedIn, k)
		if want == 0 {
			o.Missing = append(o.Missing, k)
			continue
		}
		if strings.Count(rawOut, k) < want {
			o.Damaged = append(o.Damaged, k)
		}
	}
	// The background's values are whole attribute values: each must come back as
	// it went (their text may also occur inside the case's own values).
	for _, k := range backgroundKeeps(c) {
		if seen[k] {
			continue
		}
		seen[k] = true
		if countEqual(out, k) < countEqual(in, k) {
			o.Damaged = append(o.Damaged, k)
		}
	}
	return o
}

func countEqual(xs []string, s string) int {
	n := 0
	for _, x := range xs {
		if x == s {
			n++
		}
	}
	return n
}
