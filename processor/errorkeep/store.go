package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// traceStore is where spans wait for their decision and are kept for rescue after
// it. Three kinds, by config: none (rescue_window 0: spans not kept are dropped),
// memory (rescueStore: spans not kept are held in memory for rescue_window) and a
// folder (folderStore: every span accepted is written there before its batch is
// acknowledged and waits there for its decision; what a killed process had not
// decided is recovered at the next start). Admission calls it under the processor's
// lock; handedOn, flush, tend and usage may be called without it.
type traceStore interface {
	// current is the segment writes go to now (0 without a folder).
	current() uint32
	// protect keeps every segment from seq on, whatever the window or the bound:
	// they hold undecided spans. 0 protects nothing.
	protect(seq uint32)
	// accept writes group g ahead of its batch's acknowledgement and notes in g where
	// it went (g.stored, g.storedFrom). spanstore.ErrFull: g needs room that only
	// undecided traces hold; decide some, and call again.
	accept(ps *pass, g *traceGroup) error
	// letGo keeps the spans of trace t, decided not kept, for rescue (those it holds
	// in memory, and those waiting in the folder), and returns the segment they went
	// to: 0 for nowhere.
	letGo(ps *pass, t *bufferedTrace) uint32
	// letGoLate does the same for late spans g of a trace not kept.
	letGoLate(ps *pass, g *traceGroup) uint32
	// takeBack adds to ps.kept what the store holds of trace id, now kept as
	// decided, and reports whether any of it had been let go of (a rescue).
	takeBack(ps *pass, id pcommon.TraceID, d decision) bool
	// missedRescue counts a rescue that found nothing, with why: the trace's spans
	// went to segment seq (0: they were not stored).
	missedRescue(ps *pass, seq uint32)
	// handedOn notes that the next consumer took the traces ps kept, so that a crash
	// from now on does not send them again.
	handedOn(ps *pass)
	// flush writes what accept put to the folder: the batch is on disk before it is
	// acknowledged.
	flush(ps *pass)
	// tend is the store's upkeep, at every tick: writes what was let go of, fsyncs
	// when sync_interval is due (synced, and how long it took) and drops what outlived
	// the rescue window.
	tend(now time.Time) (synced bool, took time.Duration, err error)
	// recoverUndecided returns the spans a killed process accepted and did not
	// decide, each trace marked handed on first so that a second crash does not bring
	// it back twice.
	recoverUndecided(ps *pass) ptrace.Traces
	// usage is what the store holds.
	usage() (bytes, traces int64)
	close() error
}

// noStore is the store when rescue is off: spans not kept are dropped, and late
// spans that qualify are kept on their own.
type noStore struct{}

var _ traceStore = noStore{}

func (noStore) current() uint32                                { return 0 }
func (noStore) protect(uint32)                                 {}
func (noStore) accept(*pass, *traceGroup) error                { return nil }
func (noStore) letGo(*pass, *bufferedTrace) uint32             { return 0 }
func (noStore) letGoLate(*pass, *traceGroup) uint32            { return 0 }
func (noStore) takeBack(*pass, pcommon.TraceID, decision) bool { return false }
func (noStore) missedRescue(*pass, uint32)                     {}
func (noStore) handedOn(*pass)                                 {}
func (noStore) flush(*pass)                                    {}
func (noStore) tend(time.Time) (bool, time.Duration, error)    { return false, 0, nil }
func (noStore) recoverUndecided(*pass) ptrace.Traces           { return ptrace.NewTraces() }
func (noStore) usage() (bytes, traces int64)                   { return 0, 0 }
func (noStore) close() error                                   { return nil }
