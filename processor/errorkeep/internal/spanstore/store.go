// Package spanstore is errorkeep's record store: records of spans by trace, held in
// append-only segments, files in a folder or blocks of memory, rotated by age and
// bounded in bytes as a whole, with a small index per segment by trace. What a record
// holds is opaque here (errorkeep writes OTLP encodings cut by otlpwire): the spans of
// traces let go of, so that a span arriving after its trace was decided can bring the
// rest of the trace back, and, in a folder, every span accepted and not yet decided
// (the write-ahead log a crashed process is recovered from, and where undecided spans
// wait instead of memory).
package spanstore // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// segmentsPerBound: a segment is at most 1/segmentsPerBound of the byte bound, so
// dropping the oldest one frees a small share, not the whole store.
const segmentsPerBound = 8

var (
	// ErrTooLarge is returned for a record larger than one segment may be.
	ErrTooLarge = errors.New("spanstore: record larger than a segment")
	// ErrFull is returned for spans that would need room only the segments kept
	// for undecided traces (Protect) could make: the caller decides some, then tries
	// again.
	ErrFull = errors.New("spanstore: full of undecided spans")
)

// Options configure a Store.
type Options struct {
	// Dir is the folder segments are written to; empty keeps them in memory.
	Dir string
	// Window is how long a record stays retrievable after it was written.
	Window time.Duration
	// MaxBytes bounds what the store holds: segments on disk by their size, in
	// memory by their allocation.
	MaxBytes int64
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Store is a rescue store. It is safe for concurrent use.
type Store struct {
	dir      string
	window   int64 // ns
	maxBytes int64
	segLimit int64
	now      func() time.Time

	mu      sync.Mutex
	segs    []*segment // oldest first; the last is written to
	nextSeq uint32
	bytes   int64
	traces  int64 // index entries, over all segments
	gone    goneLog
	closed  bool
	// protectFrom: segments from this one on hold spans not decided yet, which
	// neither the bound nor the window may drop. 0 protects nothing.
	protectFrom uint32
}

// Recovered is what Open found in the folder from an earlier run.
type Recovered struct {
	Segments       int   // segments kept
	Traces         int64 // traces retrievable from them
	TruncatedBytes int64 // bytes cut off torn or corrupt segment tails
	Expired        int   // segments removed because their window had passed
}

// Open opens a store. With a folder, it creates it if needed, checks that it can
// write there, and takes over the segments an earlier run left that are still
// inside the window.
func Open(opts Options) (*Store, Recovered, error) {
	if opts.MaxBytes <= 0 || opts.Window <= 0 {
		return nil, Recovered{}, fmt.Errorf("spanstore: window and max bytes must be positive, got %s and %d", opts.Window, opts.MaxBytes)
	}
	s := &Store{
		dir:      opts.Dir,
		window:   opts.Window.Nanoseconds(),
		maxBytes: opts.MaxBytes,
		segLimit: max(opts.MaxBytes/segmentsPerBound, 1),
		now:      opts.Now,
		nextSeq:  1,
	}
	if s.now == nil {
		s.now = time.Now
	}
	var rec Recovered
	if s.dir == "" {
		return s, rec, nil
	}
	rec, err := s.recover()
	if err != nil {
		return nil, rec, err
	}
	return s, rec, nil
}

// Put writes the spans of one trace: size bytes that fill appends to the slice it is
// given. It returns the segment they went into (for Gone), and how many traces were
// dropped, oldest first, to stay within the bound.
func (s *Store) Put(kind Kind, traceID [16]byte, spans uint32, size int, fill func([]byte) []byte) (seq uint32, evicted int64, err error) {
	n := int64(recordHeaderSize + size)
	if n > s.segLimit {
		return 0, 0, ErrTooLarge
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, 0, errors.New("spanstore: closed")
	}
	now := s.now().UnixNano()
	cur := s.current()
	if cur == nil || !cur.fits(int(n), s.segLimit) || (cur.first != 0 && now-cur.first >= s.window/segmentsPerBound) {
		if cur, evicted, err = s.rotate(); err != nil {
			return 0, evicted, err
		}
	}
	if cur.file != nil {
		for s.bytes+n > s.maxBytes && len(s.segs) > 1 {
			if s.protected(s.segs[0]) {
				if kind == KindAccepted || kind == KindNotKept {
					return 0, evicted, ErrFull
				}
				break // a marker is a header's worth: it passes the bound rather than fail
			}
			evicted += s.dropOldest(ReasonEvicted)
		}
		s.bytes += n
	}
	h := recordHeader{kind: kind, spans: spans, written: now, traceID: traceID}
	prev, seen := cur.index[keyOf(traceID)]
	h.prev = uint64(prev)
	cur.appendRecord(h, fill)
	if !seen {
		s.traces++
	}
	if cur.file != nil && len(cur.data) >= pendingFlushBytes {
		err = cur.flush()
	}
	return cur.seq, evicted, err
}

// Protect keeps every segment from seq on, whatever the bound and the window, until
// a later call moves it: they hold accepted spans not decided yet. 0 protects
// nothing. A segment is protected only in a folder: in memory nothing is accepted.
func (s *Store) Protect(seq uint32) {
	s.mu.Lock()
	s.protectFrom = seq
	s.mu.Unlock()
}

func (s *Store) protected(seg *segment) bool {
	return s.protectFrom != 0 && seg.seq >= s.protectFrom
}

// Current is the segment records are written to now (the next one when there is
// none yet): every record written from now on is in it or a newer one.
func (s *Store) Current() uint32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur := s.current(); cur != nil {
		return cur.seq
	}
	return s.nextSeq
}

// pendingFlushBytes: pending records are written once they reach this size even
// before the next Flush, so a large pass does not hold them all in memory.
const pendingFlushBytes = 1 << 20

func (s *Store) current() *segment {
	if len(s.segs) == 0 {
		return nil
	}
	return s.segs[len(s.segs)-1]
}

// rotate starts a new segment, first making room for it in memory.
func (s *Store) rotate() (*segment, int64, error) {
	var evicted int64
	var pending []byte // a folder's write buffer passes from segment to segment
	if cur := s.current(); cur != nil {
		if err := cur.flush(); err != nil {
			return nil, 0, err
		}
		if cur.file != nil {
			pending, cur.data = cur.data[:0], nil
		}
	}
	var seg *segment
	if s.dir == "" {
		for s.bytes+s.segLimit > s.maxBytes && len(s.segs) > 0 {
			evicted += s.dropOldest(ReasonEvicted)
		}
		seg = newMemorySegment(s.nextSeq, int(s.segLimit))
	} else {
		var err error
		if seg, err = newFileSegment(s.dir, s.nextSeq); err != nil {
			return nil, evicted, fmt.Errorf("spanstore: %w", err)
		}
		seg.data = pending
	}
	s.nextSeq++
	s.segs = append(s.segs, seg)
	s.bytes += seg.held()
	return seg, evicted, nil
}

// dropOldest releases the oldest segment and returns how many traces it held.
func (s *Store) dropOldest(reason Reason) int64 {
	seg := s.segs[0]
	s.segs[0] = nil
	s.segs = s.segs[1:]
	s.bytes -= seg.held()
	n := int64(len(seg.index))
	s.traces -= n
	s.gone.add(seg.seq, reason)
	_ = seg.release() // a segment file that cannot be removed only costs disk space
	return n
}

// Taken is what Take gave back of a trace.
type Taken struct {
	// Payloads are OTLP TracesData encodings of its spans, trace IDs blank, newest
	// first.
	Payloads [][]byte
	Spans    int64 // spans in Payloads
	// Rescued is how many of them were let go of before: written after the trace was
	// decided not kept, or accepted in an episode a KindLetGo marker closed.
	Rescued int64
}

// Take returns what is held for traceID that has not been handed on, and forgets the
// trace, so that it is taken once: the accepted spans no marker closes yet (the
// trace being decided now, whose spans wait here rather than in memory), the spans
// written after it was decided not kept, and the accepted spans of episodes closed
// by a KindLetGo marker. Accepted spans of episodes handed on are left out.
func (s *Store) Take(traceID [16]byte) (taken Taken, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := keyOf(traceID)
	closedBy := Kind(0) // the marker closing the records being read; 0: none yet
	for i := len(s.segs) - 1; i >= 0; i-- {
		seg := s.segs[i]
		r, ok := seg.index[key]
		if !ok {
			continue
		}
		shared := false // another trace's records are on the chain: its entry stays
		for r != 0 {
			record, readErr := seg.read(r)
			if readErr != nil {
				err = errors.Join(err, readErr)
				break
			}
			h := parseHeader(record)
			r = ref(h.prev)
			if h.traceID != traceID {
				shared = true
				continue
			}
			switch h.kind {
			case KindLetGo, KindHandedOn:
				closedBy = h.kind
			case KindNotKept:
				taken.add(record, h.spans, true)
			case KindAccepted:
				if closedBy != KindHandedOn {
					taken.add(record, h.spans, closedBy == KindLetGo)
				}
			}
		}
		if !shared {
			delete(seg.index, key)
			s.traces--
		}
	}
	return taken, err
}

func (t *Taken) add(record []byte, spans uint32, rescued bool) {
	t.Payloads = append(t.Payloads, record[recordHeaderSize:])
	t.Spans += int64(spans)
	if rescued {
		t.Rescued += int64(spans)
	}
}

// Holds reports whether anything is held for traceID.
func (s *Store) Holds(traceID [16]byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := keyOf(traceID)
	for _, seg := range s.segs {
		if _, ok := seg.index[key]; ok {
			return true
		}
	}
	return false
}

// Gone says why a trace written to segment seq is no longer held.
func (s *Store) Gone(seq uint32) Reason {
	if seq == 0 {
		return ReasonNotStored
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.segs) > 0 && seq >= s.segs[0].seq {
		return ReasonTaken
	}
	return s.gone.reason(seq)
}

// Expire drops the segments whose newest record is older than the window and
// returns how many traces they held.
func (s *Store) Expire() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now().UnixNano()
	var expired int64
	for len(s.segs) > 0 && s.segs[0].last != 0 && now-s.segs[0].last >= s.window && !s.protected(s.segs[0]) {
		expired += s.dropOldest(ReasonExpired)
	}
	return expired
}

// Flush writes pending records to the current segment's file.
func (s *Store) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur := s.current(); cur != nil {
		return cur.flush()
	}
	return nil
}

// Usage returns the bytes and the traces held.
func (s *Store) Usage() (bytes, traces int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes, s.traces
}

// Close flushes and closes the segment files, which stay in the folder for the next
// run. Calling it again does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var errs []error
	for _, seg := range s.segs {
		if seg.file == nil {
			continue
		}
		errs = append(errs, seg.flush(), seg.file.Close())
	}
	return errors.Join(errs...)
}
