package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"fmt"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.uber.org/zap"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

// Rescue: the spans of a trace decided not kept go to the rescue store instead of
// away. A span that arrives later and qualifies on its own (an error, a slow span)
// is kept, and brings them back, so that the trace reaches the backend whole.

// letGoScratch is what writing not-kept traces to the store reuses; it belongs to
// the processor's lock.
type letGoScratch struct {
	pieces []piece
	enc    encoder
}

// openStore opens the rescue store when rescue is on, and reports what an earlier
// run left in its folder.
func (p *errorKeepProcessor) openStore(out *outcome) (*spanstore.Store, error) {
	if p.cfg.RescueWindow <= 0 {
		return nil, nil
	}
	store, rec, err := spanstore.Open(spanstore.Options{
		Dir:      p.cfg.Directory,
		Window:   p.cfg.RescueWindow,
		MaxBytes: p.cfg.RescueMaxBytes,
		Now:      p.now,
	})
	if err != nil {
		return nil, fmt.Errorf("errorkeep: directory: %w", err)
	}
	out.truncatedBytes += rec.TruncatedBytes
	if p.cfg.Directory != "" {
		p.logger.Info("errorkeep rescue store opened",
			zap.String("directory", p.cfg.Directory),
			zap.Int("segments_taken_over", rec.Segments),
			zap.Int64("traces_held", rec.Traces),
			zap.Int64("torn_bytes_cut", rec.TruncatedBytes),
			zap.Int("segments_expired", rec.Expired))
	}
	return store, nil
}

// letGo writes the pieces of a trace decided not kept to the store and returns the
// segment they went to, 0 when they were not stored. The caller holds p.mu.
func (p *errorKeepProcessor) letGo(id pcommon.TraceID, pieces []piece, spans uint32, out *outcome) uint32 {
	if p.store == nil {
		return 0
	}
	enc := &p.letGoScratch.enc
	enc.reset()
	if err := enc.add(pieces, 0); err != nil {
		out.writeFailures++
		return 0
	}
	seq, evicted, err := p.store.Put(spanstore.KindNotKept, id, spans, enc.size, enc.appendTo)
	out.evicted += evicted
	if err != nil {
		out.writeFailures++
		return 0
	}
	return seq
}

// letGoTrace writes a whole buffered trace decided not kept. The caller holds p.mu.
func (p *errorKeepProcessor) letGoTrace(t *bufferedTrace, out *outcome) uint32 {
	if p.store == nil {
		return 0
	}
	p.letGoScratch.pieces = t.pieces.appendTo(p.letGoScratch.pieces[:0])
	seq := p.letGo(t.id, p.letGoScratch.pieces, t.summary.spans, out)
	clear(p.letGoScratch.pieces)
	return seq
}

// rescue brings back what the store holds of a trace now kept, with its threshold,
// and reports whether it found anything. The caller holds p.mu.
func (p *errorKeepProcessor) rescue(id pcommon.TraceID, threshold uint64, kept *keptTraces, out *outcome) bool {
	if p.store == nil {
		return false
	}
	payloads, spans, err := p.store.Take(id)
	if err != nil {
		// A record that fails its checksum is left out; the rest still comes back.
		p.logger.Warn("errorkeep rescue store: a record could not be read", zap.Error(err))
	}
	if len(payloads) == 0 {
		return false
	}
	kept.addRescued(id, threshold, payloads)
	out.rescuedTraces++
	out.rescuedSpans += spans
	return true
}

// followLate applies a past decision to late spans. Spans of a kept trace are
// forwarded with its threshold. A late span that qualifies on its own (an error, a
// slow span) is never dropped: it is kept with threshold 0, and so is every later
// span of its trace; a trace not kept until then gets its earlier spans back from the
// store. Other late spans of a not-kept trace join its spans in the store. The
// caller holds p.mu.
func (p *errorKeepProcessor) followLate(g *traceGroup, d decision, kept *keptTraces, out *outcome) {
	n := int64(g.summary.spans)
	qualifies := p.classifier.reason(&g.summary) != reasonNone
	switch {
	case d.keep && d.threshold != 0 && qualifies: // kept by sampling until now: th:0 from here on
		p.decisions.update(g.id, decision{keep: true})
		out.lateKept += n
		kept.addGroup(g, 0)
	case d.keep:
		out.lateKept += n
		kept.addGroup(g, d.threshold)
	case qualifies:
		out.lateKept += n
		out.lateQualified += n
		p.decisions.update(g.id, decision{keep: true})
		kept.addGroup(g, 0)
		if p.store != nil && !p.rescue(g.id, 0, kept, out) {
			out.missed[p.store.Gone(d.stored)]++
		}
	default:
		out.lateDropped += n
		if stored := p.letGo(g.id, g.pieces, g.summary.spans, out); d.stored == 0 && stored != 0 {
			d.stored = stored
			p.decisions.update(g.id, d)
		}
	}
}
