package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"go.opentelemetry.io/collector/pdata/ptrace"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"
)

// The attributes record_reason adds to every span forwarded.
const (
	// reasonAttribute is the keep rule that kept the span's trace, as the reason
	// attribute of the kept-trace metrics names it.
	reasonAttribute = "errorkeep.reason"
	// keyAttribute is the trace's sampling key (healthy_throughput's key), from its
	// root span when it is among the spans forwarded together, else their first.
	keyAttribute = "errorkeep.key"
)

// reasonRecorder writes why a trace was kept on its spans (record_reason), as
// contrib's tail_sampling record policy and Refinery do. The key is worked out from
// the spans as they are forwarded: a summary keeps only its hash.
type reasonRecorder struct {
	key []string
}

func newReasonRecorder(cfg *Config) *reasonRecorder {
	if !cfg.RecordReason {
		return nil
	}
	return &reasonRecorder{key: cfg.HealthyThroughput.Key}
}

// record writes the attributes on every span of td, an encoding enc put together
// from kept.
func (rr *reasonRecorder) record(td ptrace.Traces, enc *otlpwire.Encoder, kept []keptTrace) {
	keys := make([]string, len(kept))
	fromRoot := make([]bool, len(kept))
	rss := td.ResourceSpans()
	for r := 0; r < rss.Len(); r++ {
		sss := rss.At(r).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			owner := enc.Owner(r, j)
			spans := sss.At(j).Spans()
			for s := 0; s < spans.Len() && !fromRoot[owner]; s++ {
				span := spans.At(s)
				if root := span.ParentSpanID().IsEmpty(); root || keys[owner] == "" {
					keys[owner], fromRoot[owner] = keyString(rr.key, span, rss.At(r).Resource()), root
				}
			}
		}
	}
	for r := 0; r < rss.Len(); r++ {
		sss := rss.At(r).ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			owner := enc.Owner(r, j)
			reason := kept[owner].decision.reason().String()
			spans := sss.At(j).Spans()
			for s := 0; s < spans.Len(); s++ {
				attrs := spans.At(s).Attributes()
				attrs.PutStr(reasonAttribute, reason)
				attrs.PutStr(keyAttribute, keys[owner])
			}
		}
	}
}
