package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"sync"
	"time"
)

// pass is one run over the processor's state: a batch taken in, or the decisions of
// a tick. It carries what the run kept, to be put together and forwarded once the
// lock is released, and what it did, to be recorded in the metrics in one go. Every
// layer below the processor adds to it; none keeps it.
type pass struct {
	now  time.Time
	kept keptTraces
	out  outcome
}

// decidedEarly reports whether the pass decided a trace before its time, to make
// room: only then can a trace have been decided while a batch was taken in.
func (ps *pass) decidedEarly() bool { return ps.out.early > 0 }

// passPool reuses passes and the room their lists grew: one is taken for every batch.
type passPool struct{ pool sync.Pool }

func (pp *passPool) get(now time.Time) *pass {
	ps, _ := pp.pool.Get().(*pass)
	if ps == nil {
		ps = new(pass)
	}
	ps.now = now
	return ps
}

// maxPooledKept: a pass that kept unusually many traces (a flush at shutdown, say)
// leaves its lists to the garbage collector rather than keep them.
const maxPooledKept = 4096

func (pp *passPool) put(ps *pass) {
	if cap(ps.kept.traces) > maxPooledKept || cap(ps.kept.pieces) > maxPooledKept {
		return
	}
	ps.kept.reset()
	ps.out.reset()
	pp.pool.Put(ps)
}
