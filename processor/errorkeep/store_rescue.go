package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"errors"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"
	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

// rescueStore keeps the spans of traces decided not kept for rescue_window in a
// spanstore.Store: in memory on its own, in a folder as part of folderStore. A span
// that arrives later and qualifies on its own (an error, a slow span) brings them
// back, so that the trace reaches the backend whole.
type rescueStore struct {
	store  *spanstore.Store
	logger *zap.Logger
	// pieces and enc are what writing a trace reuses; they belong to the
	// processor's lock, under which admission calls.
	pieces []otlpwire.Piece
	enc    otlpwire.Encoder
}

var _ traceStore = (*rescueStore)(nil)

// newRescueStore opens a rescue store in memory.
func newRescueStore(cfg *Config, now func() time.Time, logger *zap.Logger) (*rescueStore, error) {
	store, _, err := spanstore.Open(spanstore.Options{Window: cfg.RescueWindow, MaxBytes: cfg.RescueMaxBytes, Now: now})
	if err != nil {
		return nil, err
	}
	return &rescueStore{store: store, logger: logger}, nil
}

func (r *rescueStore) current() uint32                      { return 0 }
func (r *rescueStore) protect(uint32)                       {}
func (r *rescueStore) accept(*pass, *traceGroup) error      { return nil }
func (r *rescueStore) handedOn(*pass)                       {}
func (r *rescueStore) flush(*pass)                          {}
func (r *rescueStore) recoverUndecided(*pass) ptrace.Traces { return ptrace.NewTraces() }
func (r *rescueStore) usage() (bytes, traces int64)         { return r.store.Usage() }
func (r *rescueStore) close() error                         { return r.store.Close() }

// tend drops what outlived the window: the store's normal turnover, not a loss, so it
// is not counted.
func (r *rescueStore) tend(time.Time) (bool, time.Duration, error) {
	r.store.Expire()
	return false, 0, nil
}

// write writes pieces of trace id as one record of kind, and returns the segment it
// went to.
func (r *rescueStore) write(ps *pass, kind spanstore.Kind, id pcommon.TraceID, pieces []otlpwire.Piece, spans uint32) (uint32, error) {
	r.enc.Reset()
	if err := r.enc.Add(pieces, 0); err != nil {
		ps.out.writeFailures++
		return 0, err
	}
	seq, evicted, err := r.store.Put(kind, id, spans, r.enc.Size(), r.enc.AppendTo)
	ps.out.evicted += evicted
	if err != nil && !errors.Is(err, spanstore.ErrFull) {
		ps.out.writeFailures++ // a full store is undecided traffic, not a failing folder
	}
	return seq, err
}

// mark writes a marker record for trace id.
func (r *rescueStore) mark(ps *pass, kind spanstore.Kind, id pcommon.TraceID) uint32 {
	seq, evicted, err := r.store.Put(kind, id, 0, 0, nil)
	ps.out.evicted += evicted
	if err != nil {
		ps.out.writeFailures++
		return 0
	}
	return seq
}

func (r *rescueStore) letGo(ps *pass, t *bufferedTrace) uint32 {
	r.pieces = t.pieces.appendTo(r.pieces[:0])
	defer clear(r.pieces)
	if len(r.pieces) == 0 {
		return 0
	}
	seq, err := r.write(ps, spanstore.KindNotKept, t.id, r.pieces, t.summary.spans)
	if err != nil {
		return 0
	}
	return seq
}

func (r *rescueStore) letGoLate(ps *pass, g *traceGroup) uint32 {
	seq, err := r.write(ps, spanstore.KindNotKept, g.id, g.pieces.List, g.summary.spans)
	if err != nil {
		return 0
	}
	return seq
}

func (r *rescueStore) takeBack(ps *pass, id pcommon.TraceID, d decision) bool {
	taken, err := r.store.Take(id)
	if err != nil {
		// A record that fails its checksum is left out; the rest still comes back.
		r.logger.Warn("errorkeep rescue store: a record could not be read", zap.Error(err))
	}
	if len(taken.Payloads) == 0 {
		return false
	}
	ps.kept.addStored(id, d, taken.Payloads)
	if taken.Rescued == 0 {
		return false
	}
	ps.out.rescuedTraces++
	ps.out.rescuedSpans += taken.Rescued
	return true
}

func (r *rescueStore) missedRescue(ps *pass, seq uint32) {
	ps.out.missed[r.store.Gone(seq)]++
}
