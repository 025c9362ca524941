package eval

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
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact"
)

// LoadConfig reads the piiredact section of a collector configuration file
// (config/sidecar.yaml) over the factory's defaults, as the collector does.
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

// Outcome is what redaction did to one case.
type Outcome struct {
	Case *Case
	// In and Out are every string the case's record holds, before and after, in
	// the same order.
	In, Out []string
	// Leaked are the secrets of which a fragment survived.
	Leaked []string
	// Unlabelled are secrets the case names that its input does not hold: a fault
	// of the corpus, which the test refuses.
	Unlabelled []string
	// CaughtBy names, for a value that did not leak, the detector (or key rule)
	// whose replacement stands where it was.
	CaughtBy string
	// Damaged are the values that did not arrive unchanged, with the detectors
	// whose replacements stand where they were.
	Damaged []Damage
}

// Damage is one value that should have survived and did not.
type Damage struct {
	Keep      KeepValue
	Detectors []string
}

// batchSize is how many cases travel in one batch, as a batch processor would
// hand them on.
const batchSize = 512

// Run passes every case through the real processor (the factory, the given
// config) and judges each.
func Run(ctx context.Context, cfg *piiredact.Config, cases []Case) ([]Outcome, error) {
	f := piiredact.NewFactory()
	set := processortest.NewNopSettings(f.Type())
	traces, logs, metrics := new(consumertest.TracesSink), new(consumertest.LogsSink), new(consumertest.MetricsSink)
	tp, err := f.CreateTraces(ctx, set, cfg, traces)
	if err != nil {
		return nil, err
	}
	lp, err := f.CreateLogs(ctx, set, cfg, logs)
	if err != nil {
		return nil, err
	}
	mp, err := f.CreateMetrics(ctx, set, cfg, metrics)
	if err != nil {
		return nil, err
	}
	host := componenttest.NewNopHost()
	for _, c := range []component.Component{tp, lp, mp} {
		if err := c.Start(ctx, host); err != nil {
			return nil, err
		}
	}
	defer func() {
		for _, c := range []component.Component{tp, lp, mp} {
			_ = c.Shutdown(ctx)
		}
	}()

	out := make([]Outcome, 0, len(cases))
	for _, sig := range []Signal{Traces, Logs, Metrics} {
		var batch []*Case
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			res, err := runBatch(ctx, sig, batch, tp, lp, mp, traces, logs, metrics)
			out = append(out, res...)
			batch = batch[:0]
			return err
		}
		for i := range cases {
			if cases[i].Record.Signal != sig {
				continue
			}
			batch = append(batch, &cases[i])
			if len(batch) == batchSize {
				if err := flush(); err != nil {
					return nil, err
				}
			}
		}
		if err := flush(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func runBatch(ctx context.Context, sig Signal, batch []*Case, tp processor.Traces, lp processor.Logs, mp processor.Metrics,
	traces *consumertest.TracesSink, logs *consumertest.LogsSink, metrics *consumertest.MetricsSink,
) ([]Outcome, error) {
	ins := make([][]string, len(batch))
	outs := make([][]string, len(batch))
	switch sig {
	case Traces:
		td := buildTraces(batch)
		for i := range batch {
			ins[i] = traceStrings(td.ResourceSpans().At(i), nil)
		}
		traces.Reset()
		if err := tp.ConsumeTraces(ctx, td); err != nil {
			return nil, err
		}
		got := traces.AllTraces()[0]
		for i := range batch {
			outs[i] = traceStrings(got.ResourceSpans().At(i), nil)
		}
	case Logs:
		ld := buildLogs(batch)
		for i := range batch {
			ins[i] = logStrings(ld.ResourceLogs().At(i), nil)
		}
		logs.Reset()
		if err := lp.ConsumeLogs(ctx, ld); err != nil {
			return nil, err
		}
		got := logs.AllLogs()[0]
		for i := range batch {
			outs[i] = logStrings(got.ResourceLogs().At(i), nil)
		}
	case Metrics:
		md := buildMetrics(batch)
		for i := range batch {
			ins[i] = metricStrings(md.ResourceMetrics().At(i), nil)
		}
		metrics.Reset()
		if err := mp.ConsumeMetrics(ctx, md); err != nil {
			return nil, err
		}
		got := metrics.AllMetrics()[0]
		for i := range batch {
			outs[i] = metricStrings(got.ResourceMetrics().At(i), nil)
		}
	}
	res := make([]Outcome, len(batch))
	for i, c := range batch {
		res[i] = judge(c, ins[i], outs[i])
	}
	return res, nil
}

// ---- building the signals ----

func ids(id int) (pcommon.TraceID, pcommon.SpanID) {
	var t pcommon.TraceID
	var s pcommon.SpanID
	for k := range 8 {
		t[k] = byte(id >> (8 * (k % 4)))
		t[8+k] = byte(0xa5 ^ k)
		s[k] = byte(id>>(8*(k%4))) ^ 0x5a
	}
	return t, s
}

func buildTraces(batch []*Case) ptrace.Traces {
	td := ptrace.NewTraces()
	for _, c := range batch {
		r := &c.Record
		rs := td.ResourceSpans().AppendEmpty()
		rawToMap(rs.Resource().Attributes(), r.Resource)
		ss := rs.ScopeSpans().AppendEmpty()
		ss.Scope().SetName("eval")
		rawToMap(ss.Scope().Attributes(), r.Scope)
		span := ss.Spans().AppendEmpty()
		tid, sid := ids(c.ID)
		span.SetTraceID(tid)
		span.SetSpanID(sid)
		name := r.SpanName
		if name == "" {
			name = "GET /api/v1/orders/{id}"
		}
		span.SetName(name)
		span.SetKind(ptrace.SpanKindServer)
		span.SetStartTimestamp(1732480000000000000)
		span.SetEndTimestamp(1732480000250000000)
		rawToMap(span.Attributes(), r.Span)
		if len(r.Event) > 0 || r.EventName != "" {
			ev := span.Events().AppendEmpty()
			ev.SetTimestamp(1732480000100000000)
			switch {
			case r.EventName != "":
				ev.SetName(r.EventName)
			case r.ExceptionEvent:
				ev.SetName("exception")
			default:
				ev.SetName("checkout.step")
			}
			rawToMap(ev.Attributes(), r.Event)
		}
		if len(r.Link) > 0 {
			l := span.Links().AppendEmpty()
			l.SetTraceID(tid)
			l.SetSpanID(sid)
			rawToMap(l.Attributes(), r.Link)
		}
		if r.Status != "" {
			span.Status().SetCode(ptrace.StatusCodeError)
			span.Status().SetMessage(r.Status)
		}
	}
	return td
}

func buildLogs(batch []*Case) plog.Logs {
	ld := plog.NewLogs()
	for _, c := range batch {
		r := &c.Record
		rl := ld.ResourceLogs().AppendEmpty()
		rawToMap(rl.Resource().Attributes(), r.Resource)
		sl := rl.ScopeLogs().AppendEmpty()
		sl.Scope().SetName("eval")
		rawToMap(sl.Scope().Attributes(), r.Scope)
		lr := sl.LogRecords().AppendEmpty()
		lr.SetTimestamp(1732480000000000000)
		lr.SetSeverityNumber(plog.SeverityNumberInfo)
		tid, sid := ids(c.ID)
		lr.SetTraceID(tid)
		lr.SetSpanID(sid)
		switch b := r.Body.(type) {
		case string:
			lr.Body().SetStr(b)
		case map[string]any:
			rawToMap(lr.Body().SetEmptyMap(), b)
		default:
			lr.Body().SetStr("request handled")
		}
		rawToMap(lr.Attributes(), r.LogAttrs)
	}
	return ld
}

func buildMetrics(batch []*Case) pmetric.Metrics {
	md := pmetric.NewMetrics()
	for _, c := range batch {
		r := &c.Record
		rm := md.ResourceMetrics().AppendEmpty()
		rawToMap(rm.Resource().Attributes(), r.Resource)
		sm := rm.ScopeMetrics().AppendEmpty()
		sm.Scope().SetName("eval")
		rawToMap(sm.Scope().Attributes(), r.Scope)
		m := sm.Metrics().AppendEmpty()
		m.SetName("http.server.request.duration")
		m.SetUnit("s")
		dp := m.SetEmptyGauge().DataPoints().AppendEmpty()
		dp.SetTimestamp(1732480000000000000)
		dp.SetDoubleValue(0.25)
		rawToMap(dp.Attributes(), r.Point)
		if len(r.Exemplar) > 0 {
			ex := dp.Exemplars().AppendEmpty()
			ex.SetDoubleValue(0.25)
			tid, sid := ids(c.ID)
			ex.SetTraceID(tid)
			ex.SetSpanID(sid)
			rawToMap(ex.FilteredAttributes(), r.Exemplar)
		}
	}
	return md
}

// ---- reading every string back ----

func mapStringsOf(m pcommon.Map, out []string) []string {
	m.Range(func(_ string, v pcommon.Value) bool {
		out = valueStrings(v, out)
		return true
	})
	return out
}

func valueStrings(v pcommon.Value, out []string) []string {
	switch v.Type() {
	case pcommon.ValueTypeStr:
		out = append(out, v.Str())
	case pcommon.ValueTypeMap:
		out = mapStringsOf(v.Map(), out)
	case pcommon.ValueTypeSlice:
		s := v.Slice()
		for i := 0; i < s.Len(); i++ {
			out = valueStrings(s.At(i), out)
		}
	default:
		out = append(out, v.AsString())
	}
	return out
}

func traceStrings(rs ptrace.ResourceSpans, out []string) []string {
	out = mapStringsOf(rs.Resource().Attributes(), out)
	for j := 0; j < rs.ScopeSpans().Len(); j++ {
		ss := rs.ScopeSpans().At(j)
		out = mapStringsOf(ss.Scope().Attributes(), out)
		for k := 0; k < ss.Spans().Len(); k++ {
			sp := ss.Spans().At(k)
			out = append(out, sp.Name(), sp.Status().Message())
			out = mapStringsOf(sp.Attributes(), out)
			for e := 0; e < sp.Events().Len(); e++ {
				out = append(out, sp.Events().At(e).Name())
				out = mapStringsOf(sp.Events().At(e).Attributes(), out)
			}
			for l := 0; l < sp.Links().Len(); l++ {
				out = mapStringsOf(sp.Links().At(l).Attributes(), out)
			}
		}
	}
	return out
}

func logStrings(rl plog.ResourceLogs, out []string) []string {
	out = mapStringsOf(rl.Resource().Attributes(), out)
	for j := 0; j < rl.ScopeLogs().Len(); j++ {
		sl := rl.ScopeLogs().At(j)
		out = mapStringsOf(sl.Scope().Attributes(), out)
		for k := 0; k < sl.LogRecords().Len(); k++ {
			lr := sl.LogRecords().At(k)
			out = valueStrings(lr.Body(), out)
			out = mapStringsOf(lr.Attributes(), out)
		}
	}
	return out
}

func metricStrings(rm pmetric.ResourceMetrics, out []string) []string {
	out = mapStringsOf(rm.Resource().Attributes(), out)
	for j := 0; j < rm.ScopeMetrics().Len(); j++ {
		sm := rm.ScopeMetrics().At(j)
		out = mapStringsOf(sm.Scope().Attributes(), out)
		for k := 0; k < sm.Metrics().Len(); k++ {
			dps := sm.Metrics().At(k).Gauge().DataPoints()
			for d := 0; d < dps.Len(); d++ {
				out = mapStringsOf(dps.At(d).Attributes(), out)
				for e := 0; e < dps.At(d).Exemplars().Len(); e++ {
					out = mapStringsOf(dps.At(d).Exemplars().At(e).FilteredAttributes(), out)
				}
			}
		}
	}
	return out
}

// ---- judging ----

// replacementRE matches what the processor writes in place of a finding.
var replacementRE = regexp.MustCompile(`\[(?:REDACTED|HASH):([a-z0-9_]+)[^\]]*\]`)

// minFragment is the shortest part of a secret whose survival counts as a leak:
// shorter runs (a card's last four digits, which keep_last shows on purpose) say
// too little to identify it.
const minFragment = 6

func fragmentLen(secret string) int {
	return min(len(secret), max(minFragment, len(secret)/2))
}

// judge decides, for one case, which secrets leaked and which values were damaged.
// A secret leaked when any run of fragmentLen of its bytes appears in the output
// more often than in the input with every secret taken out; a value was damaged
// when it appears in the output fewer times than in that same input.
func judge(c *Case, in, out []string) Outcome {
	o := Outcome{Case: c, In: in, Out: out}
	background := make([]string, len(in))
	for i, s := range in {
		for _, sec := range c.Secrets {
			if sec != "" {
				s = strings.ReplaceAll(s, sec, "\x00")
			}
		}
		background[i] = s
	}
	stripped := make([]string, len(out))
	for i, s := range out {
		if strings.Contains(s, "[REDACTED:") || strings.Contains(s, "[HASH:") {
			s = replacementRE.ReplaceAllString(s, "\x00")
		}
		stripped[i] = s
	}
	// One string each to search, so that a fragment that is not there costs one look.
	joinedOut := strings.Join(stripped, "\x00")
	joinedBg := strings.Join(background, "\x00")
	for _, sec := range c.Secrets {
		if sec == "" || !containsAny(in, sec) {
			o.Unlabelled = append(o.Unlabelled, sec)
			continue
		}
		n := fragmentLen(sec)
		leaked := false
		for k := 0; k+n <= len(sec) && !leaked; k++ {
			frag := sec[k : k+n]
			leaked = strings.Contains(joinedOut, frag) && strings.Count(joinedOut, frag) > strings.Count(joinedBg, frag)
		}
		if leaked {
			o.Leaked = append(o.Leaked, sec)
		} else if o.CaughtBy == "" {
			o.CaughtBy = firstOf(blameRange(in, out, sec))
		}
	}
	seen := map[string]bool{}
	for _, kv := range c.Keep {
		if kv.Text == "" || seen[kv.Text] {
			continue
		}
		seen[kv.Text] = true
		if kv.Whole {
			if want := countEqual(in, kv.Text); want == 0 || countEqual(out, kv.Text) >= want {
				continue
			}
		} else if want := countIn(background, kv.Text); want == 0 || countIn(out, kv.Text) >= want {
			continue
		}
		o.Damaged = append(o.Damaged, Damage{Keep: kv, Detectors: blame(in, out, kv.Text)})
	}
	return o
}

// blame names the detectors whose replacements stand where a kept value was lost.
func blame(in, out []string, keep string) []string {
	names := blameRange(in, out, keep)
	if len(names) == 0 {
		names = []string{"unknown"}
	}
	return names
}

func firstOf(names []string) string {
	if len(names) == 0 {
		return "unknown"
	}
	return names[0]
}

// blameRange names the detectors whose replacements cover part of an occurrence
// of s in a string that lost one.
func blameRange(in, out []string, s string) []string {
	keep := s
	var names []string
	for i := range out {
		if i >= len(in) || strings.Count(out[i], keep) >= strings.Count(in[i], keep) {
			continue
		}
		for _, r := range replacements(in[i], out[i]) {
			for k := 0; ; {
				j := strings.Index(in[i][k:], keep)
				if j < 0 {
					break
				}
				if start := k + j; start < r.end && r.start < start+len(keep) && !contains(names, r.name) {
					names = append(names, r.name)
				}
				k += j + 1
			}
		}
	}
	return names
}

// replacement is a finding's replacement in an output string and the range of the
// input string it stands for.
type replacement struct {
	name       string
	start, end int
}

// replacements aligns out with in: the text between replacements is copied from
// the input in order, so each replacement stands for the input between the copies
// around it.
func replacements(in, out string) []replacement {
	var rs []replacement
	locs := replacementRE.FindAllStringSubmatchIndex(out, -1)
	cursor, prev := 0, 0
	for n, loc := range locs {
		literal := out[prev:loc[0]]
		if k := strings.Index(in[cursor:], literal); k >= 0 {
			cursor += k + len(literal)
		}
		next := len(in)
		nextLiteral := out[loc[1]:]
		if n+1 < len(locs) {
			nextLiteral = out[loc[1]:locs[n+1][0]]
		}
		if nextLiteral != "" {
			if k := strings.Index(in[cursor:], nextLiteral); k >= 0 {
				next = cursor + k
			}
		} else if n+1 < len(locs) {
			next = cursor
		}
		rs = append(rs, replacement{name: out[loc[2]:loc[3]], start: cursor, end: max(next, cursor)})
		cursor = max(next, cursor)
		prev = loc[1]
	}
	return rs
}

func countIn(texts []string, s string) int {
	n := 0
	for _, t := range texts {
		n += strings.Count(t, s)
	}
	return n
}

func countEqual(texts []string, s string) int {
	n := 0
	for _, t := range texts {
		if t == s {
			n++
		}
	}
	return n
}

func containsAny(texts []string, s string) bool {
	for _, t := range texts {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
