package spanstore // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"

// Reason says why a trace's spans are not held (any more).
type Reason int

const (
	// ReasonExpired: its segment outlived the window.
	ReasonExpired Reason = iota
	// ReasonEvicted: its segment was dropped, oldest first, to stay within the bound.
	ReasonEvicted
	// ReasonNotStored: it was never written (no store, or a write failed or was too large).
	ReasonNotStored
	// ReasonTaken: it was already rescued.
	ReasonTaken
)

// ReasonNames are the reasons' metric attribute values, in order.
var ReasonNames = [...]string{"expired", "evicted", "not_stored", "taken"}

func (r Reason) String() string { return ReasonNames[r] }

// goneLog remembers why segments were dropped, as runs of consecutive sequence
// numbers: segments go oldest first, so runs only ever grow at the end. It keeps the
// last maxGoneRuns runs; anything older is reported as expired.
type goneLog struct {
	runs      []goneRun
	forgotten uint32 // runs up to here were let go of
}

type goneRun struct {
	upTo   uint32 // the run covers sequence numbers up to and including this one
	reason Reason
}

const maxGoneRuns = 256

func (g *goneLog) add(seq uint32, reason Reason) {
	if n := len(g.runs); n > 0 && g.runs[n-1].reason == reason {
		g.runs[n-1].upTo = seq
		return
	}
	if len(g.runs) == maxGoneRuns {
		g.forgotten = g.runs[0].upTo
		g.runs = append(g.runs[:0], g.runs[1:]...)
	}
	g.runs = append(g.runs, goneRun{upTo: seq, reason: reason})
}

func (g *goneLog) reason(seq uint32) Reason {
	if seq <= g.forgotten {
		return ReasonExpired
	}
	for _, r := range g.runs {
		if seq <= r.upTo {
			return r.reason
		}
	}
	return ReasonExpired
}
