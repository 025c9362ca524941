package spanstore // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"

import (
	"errors"
	"os"
)

// Undecided is what a trace had accepted, and not yet decided, when the process that
// wrote the folder stopped.
type Undecided struct {
	TraceID  [16]byte
	Payloads [][]byte // newest first
	Spans    int64
}

// Undecided returns the traces whose newest records are accepted spans that no
// marker closes: a crash left them undecided. The caller decides them again and
// writes a KindHandedOn marker for each before it accepts their spans anew, so that a
// second crash does not bring them back twice. Records that fail their checksum are
// left out and reported in err.
func (s *Store) Undecided() (traces []Undecided, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[indexKey]bool{}
	for i := len(s.segs) - 1; i >= 0; i-- {
		for key := range s.segs[i].index {
			if seen[key] {
				continue
			}
			seen[key] = true
			found, readErr := s.undecidedLocked(key)
			err = errors.Join(err, readErr)
			traces = append(traces, found...)
		}
	}
	return traces, err
}

// undecidedLocked reads the records on key's chains newest first and returns, for
// each trace among them (nearly always one: a short slice, searched in order), its
// accepted spans up to its newest marker.
func (s *Store) undecidedLocked(key indexKey) ([]Undecided, error) {
	type trace struct {
		u      Undecided
		closed bool
	}
	var traces []trace
	find := func(id [16]byte) *trace {
		for k := range traces {
			if traces[k].u.TraceID == id {
				return &traces[k]
			}
		}
		traces = append(traces, trace{u: Undecided{TraceID: id}})
		return &traces[len(traces)-1]
	}
	var err error
	for i := len(s.segs) - 1; i >= 0 && err == nil; i-- {
		seg := s.segs[i]
		for r := seg.index[key]; r != 0; {
			record, readErr := seg.read(r)
			if readErr != nil {
				err = readErr
				break
			}
			h := parseHeader(record)
			r = ref(h.prev)
			t := find(h.traceID)
			switch {
			case t.closed:
			case h.kind == KindLetGo || h.kind == KindHandedOn:
				t.closed = true
			case h.kind == KindAccepted:
				t.u.Payloads = append(t.u.Payloads, record[recordHeaderSize:])
				t.u.Spans += int64(h.spans)
			}
		}
	}
	var found []Undecided
	for _, t := range traces {
		if len(t.u.Payloads) > 0 {
			found = append(found, t.u)
		}
	}
	return found, err
}

// Sync writes pending records and asks the file system to make every segment file
// written since the last Sync durable (fsync): for a power loss or a node failure,
// not for a crash of the process, which loses nothing once records are written. The
// fsyncs run outside the store's lock (about 3-5 ms for a second of 10,000 spans/s),
// so writes go on meanwhile.
func (s *Store) Sync() error {
	s.mu.Lock()
	if cur := s.current(); cur != nil {
		if err := cur.flush(); err != nil {
			s.mu.Unlock()
			return err
		}
	}
	var files []*os.File
	for _, seg := range s.segs {
		if seg.file != nil && seg.unsynced {
			files = append(files, seg.file)
			seg.unsynced = false
		}
	}
	s.mu.Unlock()
	var errs []error
	for _, f := range files {
		// A segment dropped meanwhile has closed its file: nothing left to keep.
		if err := f.Sync(); err != nil && !errors.Is(err, os.ErrClosed) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
