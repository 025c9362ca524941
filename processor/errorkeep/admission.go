package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"errors"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"
	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

// admission takes batches in and holds their traces until they are decided: it
// follows past decisions for late spans, writes what waits ahead to the store,
// keeps the buffer within its bounds by deciding the oldest traces early, and
// decides traces when they are due. It decides through the decider and keeps spans
// through the store; the processor calls it under its lock.
type admission struct {
	buffer    traceBuffer
	decider   decider
	store     traceStore
	maxBytes  int64
	maxTraces int
	wait      int64         // decision_wait, ns
	rootGrace time.Duration // 0: no early decision after a root span
}

func newAdmission(cfg *Config) admission {
	return admission{
		buffer:    newTraceBuffer(),
		decider:   newDecider(cfg),
		store:     noStore{},
		maxBytes:  cfg.MaxBufferedBytes,
		maxTraces: cfg.MaxTraces,
		wait:      cfg.DecisionWait.Nanoseconds(),
		rootGrace: cfg.RootSpanGrace,
	}
}

// take takes the groups of one batch in: groups of traces already decided follow
// their decision, the others wait for theirs. scratch is the batch's.
func (a *admission) take(ps *pass, scratch *cutScratch) error {
	pending := scratch.pending[:0]
	for _, g := range scratch.groups {
		if d, ok := a.decider.recall(g.id); ok {
			a.late(ps, g, d)
			continue
		}
		pending = append(pending, g)
	}
	scratch.pending = pending
	a.accept(ps, pending)
	if err := a.repackIfWasteful(scratch); err != nil {
		return err
	}
	a.admit(ps, pending)
	return nil
}

// accept writes the groups that will wait to the store before their batch is
// acknowledged: the write-ahead log a crashed process is recovered from, and where
// the spans wait for their decision instead of memory. The store keeps every segment
// from the oldest waiting trace's on; when that leaves no room, the oldest traces are
// decided early, as when memory is short.
func (a *admission) accept(ps *pass, pending []*traceGroup) {
	batchFrom := a.store.current()
	a.store.protect(a.protectFrom(batchFrom))
	for _, g := range pending {
		for {
			// Deciding early for room may have decided this very trace: its group then
			// follows the decision from memory, as a late one.
			if _, decided := a.decidedMeanwhile(ps, g.id); decided {
				break
			}
			err := a.store.accept(ps, g)
			if !errors.Is(err, spanstore.ErrFull) || a.buffer.len() == 0 {
				break
			}
			ps.out.early++
			a.decide(ps, a.buffer.oldest())
			a.store.protect(a.protectFrom(batchFrom))
		}
	}
}

// protectFrom is the oldest segment that may hold undecided spans: the oldest
// buffered trace's, or, with nothing buffered, batchFrom, the one the batch being
// accepted began in (0 for none).
func (a *admission) protectFrom(batchFrom uint32) uint32 {
	if t := a.buffer.oldest(); t != nil && t.storedFrom != 0 {
		return t.storedFrom
	}
	return batchFrom
}

// protectUndecided keeps the segments of the traces still waiting, between batches.
func (a *admission) protectUndecided() { a.store.protect(a.protectFrom(0)) }

// decidedMeanwhile returns the decision that deciding early for room made for trace
// id while a batch was taken in. Only an early decision decides anything then:
// without one, the lookup that made the group pending still holds, and none is
// repeated.
func (a *admission) decidedMeanwhile(ps *pass, id pcommon.TraceID) (decision, bool) {
	if !ps.decidedEarly() {
		return 0, false
	}
	return a.decider.recall(id)
}

// repackIfWasteful copies the waiting groups that are held in memory (all of them
// without a folder) out of their batch's slab when holding the slab for them would
// cost far more memory than they are (otlpwire.NeedsRepack).
func (a *admission) repackIfWasteful(scratch *cutScratch) error {
	for _, g := range scratch.pending {
		if !g.stored {
			scratch.repack = append(scratch.repack, &g.pieces)
		}
	}
	if !otlpwire.NeedsRepack(scratch.repack, a.maxBytes) {
		return nil
	}
	return otlpwire.Repack(scratch.repack, otlpwire.RepackLimit(a.maxBytes))
}

// admit buffers the groups of one batch that follow no decision yet.
func (a *admission) admit(ps *pass, pending []*traceGroup) {
	for _, g := range pending {
		// Making room for an earlier group may have decided this trace.
		if d, ok := a.decidedMeanwhile(ps, g.id); ok {
			a.late(ps, g, d)
			continue
		}
		t := a.buffer.get(g.id)
		overflows := a.buffer.bytes+a.need(g, t) > a.maxBytes
		// A trace that is itself what fills the buffer is decided now with what it
		// has, rather than let it push out everything else. Its later spans follow.
		if overflows && a.isOversized(g, t) {
			t = a.hold(ps, g, t)
			ps.out.early++
			a.decide(ps, t)
			continue
		}
		if (overflows || (t == nil && a.buffer.len() >= a.maxTraces)) && !a.makeRoom(ps, g, t) {
			d, _ := a.decider.recall(g.id) // making room decided this very trace
			a.late(ps, g, d)
			continue
		}
		a.hold(ps, g, t)
	}
}

// hold adds a group's spans to its trace t, creating the trace when t is nil.
func (a *admission) hold(ps *pass, g *traceGroup, t *bufferedTrace) *bufferedTrace {
	if t == nil {
		t = a.buffer.add(g.id, ps.now)
	}
	a.buffer.hold(t, g)
	if t.storedFrom == 0 {
		t.storedFrom = g.storedFrom
	}
	if g.summary.has(flagRoot) && a.rootGrace > 0 {
		a.buffer.setRootDeadline(t, ps.now.Add(a.rootGrace))
	}
	return t
}

// oversizedShare is the share of max_buffered_bytes above which a trace that
// needs room is decided itself instead of evicting older traces.
const oversizedShare = 4

// need is what buffering g would add to the buffer's bytes; t is its trace, or nil.
func (a *admission) need(g *traceGroup, t *bufferedTrace) int64 {
	n := a.buffer.newBytes(g)
	if t == nil {
		n += perTraceOverhead
	}
	return n
}

// isOversized reports that g's trace's spans alone would take more than
// 1/oversizedShare of the buffer. Spans in the store's folder take none of it.
func (a *admission) isOversized(g *traceGroup, t *bufferedTrace) bool {
	if g.stored {
		return false
	}
	own := int64(g.summary.bytes)
	if t != nil && !t.summary.has(flagInStore) {
		own += int64(t.summary.bytes)
	}
	return own > a.maxBytes/oversizedShare
}

// makeRoom decides the oldest traces until g fits, in bytes and, for a new trace, in
// traces. It returns false when that decided g's own trace t.
func (a *admission) makeRoom(ps *pass, g *traceGroup, t *bufferedTrace) bool {
	for a.buffer.len() > 0 {
		if a.buffer.bytes+a.need(g, t) <= a.maxBytes && (t != nil || a.buffer.len() < a.maxTraces) {
			return true
		}
		oldest := a.buffer.oldest()
		ps.out.early++
		a.decide(ps, oldest)
		if oldest == t {
			return false
		}
	}
	return true
}

// decideDue decides every trace whose wait is over, or whose root span's grace is.
func (a *admission) decideDue(ps *pass) {
	a.decider.adjust(ps.now)
	now := ps.now.UnixNano()
	for t := a.buffer.oldest(); t != nil && now >= t.firstSeen+a.wait; t = a.buffer.oldest() {
		a.decide(ps, t)
	}
	for t := a.buffer.oldestRoot(); t != nil && now >= t.rootDeadline(); t = a.buffer.oldestRoot() {
		a.decide(ps, t)
	}
}

// decideAll decides every buffered trace now, as at shutdown.
func (a *admission) decideAll(ps *pass) {
	for t := a.buffer.oldest(); t != nil; t = a.buffer.oldest() {
		a.decide(ps, t)
	}
}

// decide decides buffered trace t and takes it out of the buffer: kept, its spans
// join ps.kept with whatever the store held of it; not kept, the store keeps them for
// rescue.
func (a *admission) decide(ps *pass, t *bufferedTrace) {
	a.buffer.remove(t)
	d, reason := a.decider.decide(t.id, &t.summary)
	ps.out.latencies = append(ps.out.latencies, time.Duration(ps.now.UnixNano()-t.firstSeen))
	spans := int64(t.summary.spans)
	if !d.keep() {
		d = letGoTo(a.store.letGo(ps, t))
		a.decider.remember(t.id, d)
		ps.out.droppedTrace++
		ps.out.droppedSpans += spans
		return
	}
	a.decider.remember(t.id, d)
	ps.out.keptTraces[reason]++
	ps.out.keptSpans[reason] += spans
	ps.kept.addTrace(t, d)
	// In a folder, the spans it waited with; and a trace the decision cache had
	// forgotten may have been let go of before: its earlier spans come back with it.
	a.store.takeBack(ps, t.id, d)
}

// late applies decision d, taken before, to late spans g of its trace.
func (a *admission) late(ps *pass, g *traceGroup, d decision) {
	n := int64(g.summary.spans)
	action, now := a.decider.late(g.id, &g.summary, d)
	switch action {
	case lateFollow, lateRescue:
		ps.out.lateKept += n
		if !g.stored { // in the folder, it went with its trace
			ps.kept.addGroup(g, now)
		}
		if action == lateRescue {
			ps.out.lateQualified += n
			if !a.store.takeBack(ps, g.id, now) {
				a.store.missedRescue(ps, d.stored())
			}
		}
	case lateLetGo:
		ps.out.lateDropped += n
		if !g.stored {
			a.decider.letGoneTo(g.id, d, a.store.letGoLate(ps, g))
		}
	}
}
