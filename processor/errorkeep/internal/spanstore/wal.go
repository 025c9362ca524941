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
	seen := map[[16]byte]bool{}
	for i := len(s.segs) - 1; i >= 0; i-- {
		for id := range s.segs[i].index {
			if seen[id] {
				continue
			}
			seen[id] = true
			u, readErr := s.undecidedLocked(id)
			err = errors.Join(err, readErr)
			if len(u.Payloads) > 0 {
				traces = append(traces, u)
			}
		}
	}
	return traces, err
}

// undecidedLocked reads trace id's records newest first, up to its newest marker.
func (s *Store) undecidedLocked(id [16]byte) (Undecided, error) {
	u := Undecided{TraceID: id}
	for i := len(s.segs) - 1; i >= 0; i-- {
		seg := s.segs[i]
		for r := seg.index[id]; r != 0; {
			record, err := seg.read(r)
			if err != nil {
				return u, err
			}
			h := parseHeader(record)
			switch h.kind {
			case KindLetGo, KindHandedOn:
				return u, nil
			case KindAccepted:
				u.Payloads = append(u.Payloads, record[recordHeaderSize:])
				u.Spans += int64(h.spans)
			}
			r = ref(h.prev)
		}
	}
	return u, nil
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
