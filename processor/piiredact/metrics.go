package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"context"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

// processMetrics redacts resource and scope attributes and the attributes of every
// data point and exemplar. Metric names, units and values are not personal data
// and are left alone.
func (p *piiRedactProcessor) processMetrics(ctx context.Context, md pmetric.Metrics) (pmetric.Metrics, error) {
	r := p.redactor
	sc := r.getScratch()
	defer r.putScratch(sc)
	rms := md.ResourceMetrics()
	for i := 0; i < rms.Len(); i++ {
		rm := rms.At(i)
		r.redactMap(rm.Resource().Attributes(), sc)
		sms := rm.ScopeMetrics()
		for j := 0; j < sms.Len(); j++ {
			sm := sms.At(j)
			r.redactMap(sm.Scope().Attributes(), sc)
			ms := sm.Metrics()
			for k := 0; k < ms.Len(); k++ {
				p.redactMetric(ms.At(k), sc)
			}
		}
	}
	p.telemetry.record(ctx, sc)
	return md, nil
}

func (p *piiRedactProcessor) redactMetric(m pmetric.Metric, sc *scratch) {
	switch m.Type() {
	case pmetric.MetricTypeGauge:
		p.redactNumberPoints(m.Gauge().DataPoints(), sc)
	case pmetric.MetricTypeSum:
		p.redactNumberPoints(m.Sum().DataPoints(), sc)
	case pmetric.MetricTypeHistogram:
		dps := m.Histogram().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			p.redactPoint(dps.At(i).Attributes(), dps.At(i).Exemplars(), sc)
		}
	case pmetric.MetricTypeExponentialHistogram:
		dps := m.ExponentialHistogram().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			p.redactPoint(dps.At(i).Attributes(), dps.At(i).Exemplars(), sc)
		}
	case pmetric.MetricTypeSummary:
		dps := m.Summary().DataPoints()
		for i := 0; i < dps.Len(); i++ {
			p.redactor.redactMap(dps.At(i).Attributes(), sc)
		}
	}
}

func (p *piiRedactProcessor) redactNumberPoints(dps pmetric.NumberDataPointSlice, sc *scratch) {
	for i := 0; i < dps.Len(); i++ {
		p.redactPoint(dps.At(i).Attributes(), dps.At(i).Exemplars(), sc)
	}
}

func (p *piiRedactProcessor) redactPoint(attrs pcommon.Map, exemplars pmetric.ExemplarSlice, sc *scratch) {
	p.redactor.redactMap(attrs, sc)
	for e := 0; e < exemplars.Len(); e++ {
		p.redactor.redactMap(exemplars.At(e).FilteredAttributes(), sc)
	}
}
