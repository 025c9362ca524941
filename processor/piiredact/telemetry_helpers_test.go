package piiredact

import (
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

type sumPoint struct {
	attrs map[string]string
	value int64
}

func metricSumPoints(m metricdata.Metrics) []sumPoint {
	sum, ok := m.Data.(metricdata.Sum[int64])
	if !ok {
		return nil
	}
	out := make([]sumPoint, 0, len(sum.DataPoints))
	for _, dp := range sum.DataPoints {
		attrs := map[string]string{}
		for _, kv := range dp.Attributes.ToSlice() {
			attrs[string(kv.Key)] = kv.Value.String()
		}
		out = append(out, sumPoint{attrs: attrs, value: dp.Value})
	}
	return out
}
