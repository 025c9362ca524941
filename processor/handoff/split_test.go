package handoff

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func TestPartSize(t *testing.T) {
	b := BatchConfig{MaxItems: 100, MaxBytes: 1000}
	assert.Zero(t, partSize(100, 1000, b), "fits")
	assert.Equal(t, 84, partSize(250, 10, b), "three parts by items")
	assert.Equal(t, 25, partSize(100, 4000, b), "four parts by bytes")
}

// Each part keeps its spans' resources and scopes; together the parts hold every
// span, in order.
func TestSplitTraces(t *testing.T) {
	td := ptrace.NewTraces()
	for r := range 3 {
		rs := td.ResourceSpans().AppendEmpty()
		rs.Resource().Attributes().PutInt("resource", int64(r))
		rs.SetSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
		for s := range 2 {
			ss := rs.ScopeSpans().AppendEmpty()
			ss.Scope().SetName(fmt.Sprintf("scope-%d", s))
			for i := range 5 {
				ss.Spans().AppendEmpty().SetName(fmt.Sprintf("r%d-s%d-%d", r, s, i))
			}
		}
	}
	parts := splitTraces(td, 4)
	assert.Len(t, parts, 8) // 30 spans
	var names []string
	for _, p := range parts {
		assert.LessOrEqual(t, p.SpanCount(), 4)
		for i := 0; i < p.ResourceSpans().Len(); i++ {
			rs := p.ResourceSpans().At(i)
			r, _ := rs.Resource().Attributes().Get("resource")
			assert.Equal(t, "https://opentelemetry.io/schemas/1.26.0", rs.SchemaUrl())
			for j := 0; j < rs.ScopeSpans().Len(); j++ {
				ss := rs.ScopeSpans().At(j)
				for k := 0; k < ss.Spans().Len(); k++ {
					name := ss.Spans().At(k).Name()
					assert.Equal(t, fmt.Sprintf("r%d-%s", r.Int(), "s"+ss.Scope().Name()[len("scope-"):]), name[:5], "span %s under its resource and scope", name)
					names = append(names, name)
				}
			}
		}
	}
	assert.Len(t, names, 30)
	assert.Equal(t, "r0-s0-0", names[0])
	assert.Equal(t, "r2-s1-4", names[29])
	assert.Equal(t, 30, td.SpanCount(), "the input is left as it was")
}

func TestSplitLogs(t *testing.T) {
	ld := plog.NewLogs()
	for r := range 2 {
		rl := ld.ResourceLogs().AppendEmpty()
		rl.Resource().Attributes().PutInt("resource", int64(r))
		recs := rl.ScopeLogs().AppendEmpty().LogRecords()
		for i := range 7 {
			recs.AppendEmpty().Body().SetStr(fmt.Sprintf("%d-%d", r, i))
		}
	}
	parts := splitLogs(ld, 5)
	assert.Len(t, parts, 3)
	total := 0
	for _, p := range parts {
		assert.LessOrEqual(t, p.LogRecordCount(), 5)
		total += p.LogRecordCount()
	}
	assert.Equal(t, 14, total)
	second := parts[1].ResourceLogs()
	assert.Equal(t, 2, second.Len(), "the second part spans both resources")
	assert.Equal(t, "0-5", second.At(0).ScopeLogs().At(0).LogRecords().At(0).Body().Str())
}

// Metrics are split between metrics, never inside one.
func TestSplitMetrics(t *testing.T) {
	md := pmetric.NewMetrics()
	ms := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics()
	for i := range 4 {
		m := ms.AppendEmpty()
		m.SetName(fmt.Sprintf("m%d", i))
		dps := m.SetEmptySum().DataPoints()
		for range 3 {
			dps.AppendEmpty()
		}
	}
	big := ms.AppendEmpty()
	big.SetName("big")
	hist := big.SetEmptyHistogram().DataPoints()
	for range 10 {
		hist.AppendEmpty()
	}
	parts := splitMetrics(md, 6)
	var sizes []int
	for _, p := range parts {
		sizes = append(sizes, p.DataPointCount())
	}
	assert.Equal(t, []int{6, 6, 10}, sizes)
	for _, typ := range []pmetric.MetricType{pmetric.MetricTypeGauge, pmetric.MetricTypeExponentialHistogram, pmetric.MetricTypeSummary, pmetric.MetricTypeEmpty} {
		m := pmetric.NewMetric()
		switch typ {
		case pmetric.MetricTypeGauge:
			m.SetEmptyGauge().DataPoints().AppendEmpty()
		case pmetric.MetricTypeExponentialHistogram:
			m.SetEmptyExponentialHistogram().DataPoints().AppendEmpty()
		case pmetric.MetricTypeSummary:
			m.SetEmptySummary().DataPoints().AppendEmpty()
		}
		want := 1
		if typ == pmetric.MetricTypeEmpty {
			want = 0
		}
		assert.Equal(t, want, dataPoints(m), typ.String())
	}
}
