package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"context"

	"go.opentelemetry.io/collector/pdata/plog"
)

// processLogs redacts resource and scope attributes, log bodies (strings, and
// maps and arrays at any depth, keeping their shape) and log attributes. A string
// body keeps every word but the findings.
func (p *piiRedactProcessor) processLogs(ctx context.Context, ld plog.Logs) (plog.Logs, error) {
	r := p.redactor
	sc := r.getScratch()
	defer r.putScratch(sc)
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		rl := rls.At(i)
		r.redactMap(rl.Resource().Attributes(), sc)
		sls := rl.ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			sl := sls.At(j)
			r.redactMap(sl.Scope().Attributes(), sc)
			records := sl.LogRecords()
			for k := 0; k < records.Len(); k++ {
				lr := records.At(k)
				sc.beginItem()
				// A body is not an attribute: remove masks instead of dropping the record.
				r.redactValue(lr.Body(), sc, false)
				r.redactMap(lr.Attributes(), sc)
				r.endItem(lr.Attributes(), sc)
			}
		}
	}
	p.telemetry.record(ctx, sc)
	return ld, nil
}
