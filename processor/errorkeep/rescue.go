package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

// Rescue: the spans of a trace decided not kept go to the rescue store instead of
// away. A span that arrives later and qualifies on its own (an error, a slow span)
// is kept, and brings them back, so that the trace reaches the backend whole.

// storeScratch is what writing traces to the store (accepted, let go) reuses; it belongs to
// the processor's lock.
type storeScratch struct {
	pieces []spanstore.Piece
	enc    spanstore.Encoder
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

// durable reports whether the store is a folder: then every accepted span is
// written to it on arrival, and what a crash left undecided is recovered at start.
func (p *errorKeepProcessor) durable() bool { return p.store != nil && p.cfg.Directory != "" }

// write writes pieces of trace id as one record of kind, and returns the segment it
// went to. The caller holds p.mu.
func (p *errorKeepProcessor) write(kind spanstore.Kind, id pcommon.TraceID, pieces []spanstore.Piece, spans uint32, out *outcome) (uint32, error) {
	enc := &p.storeScratch.enc
	enc.Reset()
	if err := enc.Add(pieces, 0); err != nil {
		out.writeFailures++
		return 0, err
	}
	seq, evicted, err := p.store.Put(kind, id, spans, enc.Size(), enc.AppendTo)
	out.evicted += evicted
	if err != nil && !errors.Is(err, spanstore.ErrFull) {
		out.writeFailures++ // a full store is undecided traffic, not a failing folder
	}
	return seq, err
}

// mark writes a marker record for trace id. The caller holds p.mu.
func (p *errorKeepProcessor) mark(kind spanstore.Kind, id pcommon.TraceID, out *outcome) uint32 {
	seq, evicted, err := p.store.Put(kind, id, 0, 0, nil)
	out.evicted += evicted
	if err != nil {
		out.writeFailures++
		return 0
	}
	return seq
}

// letGo writes late spans of a trace decided not kept to the store and returns the
// segment they went to, 0 when they were not stored. The caller holds p.mu.
func (p *errorKeepProcessor) letGo(id pcommon.TraceID, pieces []spanstore.Piece, spans uint32, out *outcome) uint32 {
	if p.store == nil {
		return 0
	}
	seq, err := p.write(spanstore.KindNotKept, id, pieces, spans, out)
	if err != nil {
		return 0
	}
	return seq
}

// accept writes the groups of a batch that will be buffered to the store's folder,
// before the batch is acknowledged: the write-ahead log a crashed process is
// recovered from, and where the buffered trace's spans wait for their decision
// instead of memory. The store keeps every segment from the oldest buffered trace's
// on (Protect); when that leaves no room, the oldest traces are decided early, as
// when memory is short. The caller holds p.mu, and flushes the store once it is
// released.
func (p *errorKeepProcessor) accept(pending []*traceGroup, now time.Time, kept *keptTraces, out *outcome) {
	if !p.durable() {
		return
	}
	batchFrom := p.store.Current()
	p.store.Protect(p.protectFrom(batchFrom))
	for _, g := range pending {
		for {
			// Deciding early for room may have decided this very trace: its group then
			// follows the decision from memory, as a late one.
			if _, decided := p.decidedMeanwhile(g.id, out); decided {
				break
			}
			seq, err := p.write(spanstore.KindAccepted, g.id, g.pieces.List, g.pieces.Spans, out)
			if errors.Is(err, spanstore.ErrFull) && p.buffer.len() > 0 {
				out.early++
				p.decideLocked(p.buffer.oldest(), now, kept, out)
				p.store.Protect(p.protectFrom(batchFrom))
				continue
			}
			g.stored, g.storedFrom = err == nil, seq
			if err != nil {
				g.storedFrom = p.store.Current()
			}
			break
		}
	}
}

// decidedMeanwhile returns the decision that deciding early for room made for trace
// id while a batch was taken in. Only an early decision (counted in out.early) decides
// anything then: without one, the lookup that made the group pending still holds,
// and none is repeated. The caller holds p.mu.
func (p *errorKeepProcessor) decidedMeanwhile(id pcommon.TraceID, out *outcome) (decision, bool) {
	if out.early == 0 {
		return 0, false
	}
	return p.decisions.get(id)
}

// protectFrom is the oldest segment that may hold undecided spans: the oldest
// buffered trace's, or, with nothing buffered, batchFrom, the one the batch being
// accepted began in (0 for none). The caller holds p.mu.
func (p *errorKeepProcessor) protectFrom(batchFrom uint32) uint32 {
	if t := p.buffer.oldest(); t != nil && t.storedFrom != 0 {
		return t.storedFrom
	}
	return batchFrom
}

// letGoTrace lets go of a whole buffered trace decided not kept: what it has in the
// folder is there already, and a marker says it was not kept; what it holds in
// memory is written now. The caller holds p.mu.
func (p *errorKeepProcessor) letGoTrace(t *bufferedTrace, out *outcome) uint32 {
	if p.store == nil {
		return 0
	}
	var seq uint32
	if t.summary.inStore {
		seq = p.mark(spanstore.KindLetGo, t.id, out)
	}
	p.storeScratch.pieces = t.pieces.appendTo(p.storeScratch.pieces[:0])
	if len(p.storeScratch.pieces) > 0 {
		if s := p.letGo(t.id, p.storeScratch.pieces, t.summary.spans, out); s != 0 {
			seq = s
		}
	}
	clear(p.storeScratch.pieces)
	return seq
}

// handedOn marks the kept traces the next consumer has taken, so that a crash after
// this point does not send them again. A crash before it does: at least once.
func (p *errorKeepProcessor) handedOn(ctx context.Context, kept *keptTraces) {
	if p.cfg.Directory == "" {
		return // nothing to mark in memory: skip the lock on every forward
	}
	var out outcome
	p.mu.Lock()
	if p.durable() {
		for i := range kept.traces {
			p.mark(spanstore.KindHandedOn, kept.traces[i].id, &out)
		}
	}
	p.mu.Unlock()
	if out.writeFailures > 0 || out.evicted > 0 {
		p.telemetry.record(ctx, &out)
	}
}

// flushAccepted writes what accept put in the store's buffer to its folder, so that
// the batch is on disk before it is acknowledged.
func (p *errorKeepProcessor) flushAccepted(out *outcome) {
	if p.cfg.Directory == "" {
		return
	}
	p.mu.Lock()
	store := p.store
	p.mu.Unlock()
	if store == nil {
		return
	}
	if err := store.Flush(); err != nil {
		out.writeFailures++
		p.logger.Warn("errorkeep: writing accepted spans to the folder failed; they are held in memory only",
			zap.String("directory", p.cfg.Directory), zap.Error(err))
	}
}

// recoverUndecided decides again what a crashed process had accepted and not
// decided: each trace is marked handed on, so that a second crash does not bring it
// back twice, and its spans are accepted anew, as if just received.
func (p *errorKeepProcessor) recoverUndecided(ctx context.Context, out *outcome) error {
	if !p.durable() {
		return nil
	}
	undecided, err := p.store.Undecided()
	if err != nil {
		p.logger.Warn("errorkeep: some records left by the last run could not be read", zap.Error(err))
	}
	if len(undecided) == 0 {
		return nil
	}
	td := ptrace.NewTraces()
	var unmarshaler ptrace.ProtoUnmarshaler
	p.mu.Lock()
	for i := range undecided {
		u := &undecided[i]
		p.mark(spanstore.KindHandedOn, u.TraceID, out)
		for _, payload := range u.Payloads {
			part, err := unmarshaler.UnmarshalTraces(payload)
			if err != nil {
				continue // our own encoding, checksummed: cannot happen short of a bug
			}
			setTraceID(part, u.TraceID)
			part.ResourceSpans().MoveAndAppendTo(td.ResourceSpans())
		}
		out.recoveredTraces++
		out.recoveredSpans += u.Spans
	}
	p.mu.Unlock()
	p.logger.Info("errorkeep recovered what the last run had not decided",
		zap.Int64("traces", out.recoveredTraces), zap.Int64("spans", out.recoveredSpans))
	return p.ConsumeTraces(ctx, td)
}

// rescue brings back what the store holds of a trace now kept, with its threshold:
// in a folder the spans it waited with, and whatever it had let go of before. It
// reports whether anything let go of came back. The caller holds p.mu.
func (p *errorKeepProcessor) rescue(id pcommon.TraceID, threshold uint64, kept *keptTraces, out *outcome) bool {
	if p.store == nil {
		return false
	}
	taken, err := p.store.Take(id)
	if err != nil {
		// A record that fails its checksum is left out; the rest still comes back.
		p.logger.Warn("errorkeep rescue store: a record could not be read", zap.Error(err))
	}
	if len(taken.Payloads) == 0 {
		return false
	}
	kept.addStored(id, threshold, taken.Payloads)
	if taken.Rescued == 0 {
		return false
	}
	out.rescuedTraces++
	out.rescuedSpans += taken.Rescued
	return true
}

// followLate applies a past decision to late spans. Spans of a kept trace are
// forwarded with its threshold. A late span that qualifies on its own (an error, a
// slow span) is never dropped: it is kept with threshold 0, and so is every later
// span of its trace; a trace not kept until then gets its earlier spans back from the
// store. Other late spans of a not-kept trace join its spans in the store. A group
// accept wrote to the folder before its trace was decided (deciding early for room)
// is there already, and went wherever the decision sent its trace. The caller holds
// p.mu.
func (p *errorKeepProcessor) followLate(g *traceGroup, d decision, kept *keptTraces, out *outcome) {
	n := int64(g.summary.spans)
	qualifies := p.classifier.reason(&g.summary) != reasonNone
	keep := func(threshold uint64) {
		out.lateKept += n
		if !g.stored { // in the folder, it went with its trace
			kept.addGroup(g, threshold)
		}
	}
	switch {
	case d.keep() && d.threshold() != 0 && qualifies: // kept by sampling until now: th:0 from here on
		p.decisions.update(g.id, keptWith(0))
		keep(0)
	case d.keep():
		keep(d.threshold())
	case qualifies:
		out.lateQualified += n
		p.decisions.update(g.id, keptWith(0))
		keep(0)
		if p.store != nil && !p.rescue(g.id, 0, kept, out) {
			out.missed[p.store.Gone(d.stored())]++
		}
	default:
		out.lateDropped += n
		if g.stored {
			return
		}
		if stored := p.letGo(g.id, g.pieces.List, g.summary.spans, out); d.stored() == 0 && stored != 0 {
			p.decisions.update(g.id, letGoTo(stored))
		}
	}
}
