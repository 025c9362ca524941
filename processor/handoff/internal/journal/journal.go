// Package journal is handoff's write-ahead folder: every request is appended to it
// before it is acknowledged, handed out for delivery oldest first, and marked
// delivered once the next consumer took it. What a stopped or killed process had not
// delivered is found again by the next Open on the same folder.
package journal // import "github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

var (
	// ErrFull: accepting the record would pass MaxBytes.
	ErrFull = errors.New("journal: full")
	// ErrClosed: the journal was closed.
	ErrClosed = errors.New("journal: closed")
	// ErrLocked: another journal holds the folder.
	ErrLocked = errors.New("journal: the folder is in use by another journal")
	// ErrTooLarge: a single record above the format's limit.
	ErrTooLarge = errors.New("journal: record too large")
)

// Options configure Open.
type Options struct {
	// Dir is the folder. Empty keeps the records in memory: they are delivered the
	// same way, and lost with the process.
	Dir string
	// Signal is what the folder holds; a folder holding another signal is refused.
	Signal Signal
	// MaxBytes bounds what the journal holds: its segment files on disk, or its
	// records in memory. Append refuses beyond it.
	MaxBytes int64
	// SegmentBytes: a segment is closed for writing once it reaches this size, and a
	// new one started. Segments are removed whole, so this is also the granularity
	// at which delivered data leaves the disk.
	SegmentBytes int64
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Entry is one data record: a request accepted and not yet delivered.
type Entry struct {
	Seq     uint64
	Items   int   // spans, data points or log records
	Size    int   // payload bytes
	Written int64 // when it was accepted, Unix ns

	seg     *segment // nil in memory
	off     int64    // the record's offset in seg
	payload []byte   // in memory
}

// Recovered is what Open found undelivered in the folder.
type Recovered struct {
	Segments       int   // segment files read
	Records        int   // data records not delivered
	Items          int64 // their items
	Bytes          int64 // their payload bytes
	TruncatedBytes int64 // torn or corrupt tails cut from the segments
}

// Usage is what the journal holds at one moment.
type Usage struct {
	// Items, Records and Bytes (payload) not delivered: waiting, or being delivered.
	Items, Records, Bytes int64
	// Stored is what counts against MaxBytes: the segment files, or the records in memory.
	Stored int64
	// Oldest is when the oldest record not delivered was accepted (Unix ns), 0 when none.
	Oldest int64
}

// Journal is a folder (or, without one, memory) of records. It is safe for
// concurrent use.
type Journal struct {
	opts Options
	lock *os.File // the folder's lock, held until Close

	mu       sync.Mutex
	segs     []*segment // oldest first; the last is written to
	nextNum  uint64     // the next segment's number
	nextSeq  uint64
	queue    []*Entry // waiting for delivery, oldest first, from head on
	head     int
	inflight map[uint64]*Entry // handed out by Take, not yet delivered
	items    int64             // not delivered: waiting and in flight
	records  int64
	bytes    int64
	waiting  int64 // items waiting (queue only)
	stored   int64
	scratch  []byte
	closed   bool
	dirDirty bool // a segment file was created or removed since the last Sync
}

// Open opens (creating it if needed) and locks the folder, and reads what an earlier
// run left there: what was not delivered is handed out first.
func Open(opts Options) (*Journal, Recovered, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	j := &Journal{opts: opts, nextSeq: 1, nextNum: 1, inflight: map[uint64]*Entry{}}
	if opts.Dir == "" {
		return j, Recovered{}, nil
	}
	if err := os.MkdirAll(opts.Dir, 0o750); err != nil {
		return nil, Recovered{}, fmt.Errorf("creating folder %q: %w", opts.Dir, err)
	}
	lock, err := lockFolder(opts.Dir)
	if err != nil {
		return nil, Recovered{}, fmt.Errorf("folder %q: %w", opts.Dir, err)
	}
	j.lock = lock
	rec, err := j.recover()
	if err != nil {
		j.closeFiles()
		_ = lock.Close()
		return nil, rec, err
	}
	return j, rec, nil
}

// Append accepts a record: on disk (one write) or in memory, before it returns. In
// memory the journal keeps payload, which must not change afterwards.
func (j *Journal) Append(payload []byte, items int) error {
	if len(payload) > maxPayload {
		return fmt.Errorf("%w: %d bytes", ErrTooLarge, len(payload))
	}
	size := int64(recordHeaderSize + len(payload))
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return ErrClosed
	}
	if j.stored+size > j.opts.MaxBytes {
		return ErrFull
	}
	now := j.opts.Now().UnixNano()
	e := &Entry{Seq: j.nextSeq, Items: items, Size: len(payload), Written: now}
	if j.opts.Dir == "" {
		e.payload = payload
	} else {
		seg, err := j.writable(size)
		if err != nil {
			return err
		}
		j.scratch = appendRecord(j.scratch[:0], Header{Kind: KindData, Items: uint32(items), Seq: e.Seq, Written: now}, payload)
		off, err := seg.write(j.scratch)
		j.trimScratch()
		if err != nil {
			return fmt.Errorf("writing to %q: %w", seg.file.Name(), err)
		}
		e.seg, e.off = seg, off
		seg.live++
	}
	j.nextSeq++
	j.stored += size
	j.queue = append(j.queue, e)
	j.items += int64(items)
	j.waiting += int64(items)
	j.records++
	j.bytes += int64(len(payload))
	return nil
}

// Waiting returns the items waiting for delivery (not handed out) and when the
// oldest of them was accepted (Unix ns, 0 when none).
func (j *Journal) Waiting() (items, oldest int64) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.head < len(j.queue) {
		oldest = j.queue[j.head].Written
	}
	return j.waiting, oldest
}

// Take hands out the oldest waiting records, as many as fit maxItems and maxBytes
// (payload), and at least one when any waits. They stay in the journal until
// Delivered; if the process stops first, the next Open hands them out again.
func (j *Journal) Take(maxItems, maxBytes int) []*Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []*Entry
	items, bytes := 0, 0
	for j.head < len(j.queue) {
		e := j.queue[j.head]
		if len(out) > 0 && (items+e.Items > maxItems || bytes+e.Size > maxBytes) {
			break
		}
		out = append(out, e)
		items += e.Items
		bytes += e.Size
		j.queue[j.head] = nil
		j.head++
		j.inflight[e.Seq] = e
	}
	j.waiting -= int64(items)
	if j.head == len(j.queue) {
		j.queue, j.head = j.queue[:0], 0
	} else if j.head > 1024 && j.head*2 > len(j.queue) {
		j.queue = append(j.queue[:0], j.queue[j.head:]...)
		j.head = 0
	}
	return out
}

// ReadPayloads appends the payloads of entries to dst, in order: since each is an
// OTLP export request, the result is one request holding them all. A record that
// fails its checksum (a bad block) is left out and returned in bad; the caller counts
// it lost and marks it delivered, so that it does not come back.
func (j *Journal) ReadPayloads(dst []byte, entries []*Entry) (out []byte, bad []*Entry, err error) {
	for _, e := range entries {
		if e.seg == nil {
			dst = append(dst, e.payload...)
			continue
		}
		n := len(dst)
		size := recordHeaderSize + e.Size
		if cap(dst)-n < size {
			grown := make([]byte, n, 2*cap(dst)+size)
			copy(grown, dst)
			dst = grown
		}
		record := dst[n : n+size]
		if _, err := e.seg.file.ReadAt(record, e.off); err != nil {
			return dst[:n], bad, fmt.Errorf("reading from %q: %w", e.seg.file.Name(), err)
		}
		if !verify(record) || parseHeader(record).Seq != e.Seq {
			bad = append(bad, e)
			dst = dst[:n]
			continue
		}
		copy(record, record[recordHeaderSize:])
		dst = dst[:n+e.Size]
	}
	return dst, bad, nil
}

// Delivered marks entries delivered: they leave the backlog, a delivered record is
// written for them, and segments left without undelivered data are removed. The
// in-memory state is updated even when the write fails (the error is returned): the
// data was delivered, and a crash before the next good write only sends it twice.
func (j *Journal) Delivered(entries []*Entry) error {
	if len(entries) == 0 {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	seqs := make([]uint64, 0, len(entries))
	for _, e := range entries {
		if _, ok := j.inflight[e.Seq]; !ok {
			continue // already delivered
		}
		delete(j.inflight, e.Seq)
		seqs = append(seqs, e.Seq)
		j.items -= int64(e.Items)
		j.records--
		j.bytes -= int64(e.Size)
		if e.seg != nil {
			e.seg.live--
		} else {
			j.stored -= int64(recordHeaderSize + e.Size)
			e.payload = nil
		}
	}
	if j.opts.Dir == "" || len(seqs) == 0 || j.closed {
		return nil
	}
	var err error
	j.scratch = appendDeliveredRecord(j.scratch[:0], seqs, j.opts.Now().UnixNano())
	// A delivered record is written even when the journal is full: it is small, and
	// it is what lets segments go.
	seg, werr := j.writable(0)
	if werr == nil {
		_, werr = seg.write(j.scratch)
		if werr == nil {
			j.stored += int64(len(j.scratch))
		}
	}
	j.trimScratch()
	if werr != nil {
		err = fmt.Errorf("marking records delivered: %w", werr)
	}
	return errors.Join(err, j.releaseLocked())
}

// Usage returns what the journal holds now.
func (j *Journal) Usage() Usage {
	j.mu.Lock()
	defer j.mu.Unlock()
	u := Usage{Items: j.items, Records: j.records, Bytes: j.bytes, Stored: j.stored}
	if j.head < len(j.queue) {
		u.Oldest = j.queue[j.head].Written
	}
	for _, e := range j.inflight {
		if u.Oldest == 0 || e.Written < u.Oldest {
			u.Oldest = e.Written
		}
	}
	return u
}

// Sync makes what was written durable (fsync of the segment files written since the
// last Sync, and of the folder when files came or went): for a power loss or a node
// failure. A crash of the process alone loses nothing once a record is written.
func (j *Journal) Sync() error {
	j.mu.Lock()
	if j.closed || j.opts.Dir == "" {
		j.mu.Unlock()
		return nil
	}
	var files []*os.File
	for _, s := range j.segs {
		if s.unsynced {
			files = append(files, s.file)
			s.unsynced = false
		}
	}
	dirDirty := j.dirDirty
	j.dirDirty = false
	j.mu.Unlock()
	var errs []error
	for _, f := range files {
		// A segment removed meanwhile has closed its file: nothing left to keep.
		if err := f.Sync(); err != nil && !errors.Is(err, os.ErrClosed) {
			errs = append(errs, err)
		}
	}
	if dirDirty {
		errs = append(errs, syncDir(j.opts.Dir))
	}
	return errors.Join(errs...)
}

// Close closes the journal. When nothing is left undelivered the segment files are
// removed, so a folder that was drained is left empty; otherwise they stay for the
// next Open. Records handed out and not delivered count as not delivered.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return nil
	}
	j.closed = true
	if j.opts.Dir == "" {
		return nil
	}
	var errs []error
	for _, s := range j.segs {
		if j.records == 0 {
			errs = append(errs, s.remove())
		} else {
			errs = append(errs, s.file.Close())
		}
	}
	j.segs = nil
	errs = append(errs, j.lock.Close())
	return errors.Join(errs...)
}

// writable returns the segment to append n bytes to, starting a new one when the
// current one is full or broken. Called with mu held.
func (j *Journal) writable(n int64) (*segment, error) {
	if len(j.segs) > 0 {
		cur := j.segs[len(j.segs)-1]
		if !cur.broken && (cur.size+n <= j.opts.SegmentBytes || cur.size == segmentHeaderSize) {
			return cur, nil
		}
	}
	seg, err := createSegment(j.opts.Dir, j.nextNum, j.opts.Signal)
	if err != nil {
		return nil, fmt.Errorf("starting a segment in %q: %w", j.opts.Dir, err)
	}
	j.nextNum++
	j.segs = append(j.segs, seg)
	j.stored += seg.size
	j.dirDirty = true
	// The segment just closed for writing may hold nothing undelivered.
	return seg, j.releaseLocked()
}

// releaseLocked removes the oldest segments while every data record in them is
// delivered, never the one being written. Called with mu held.
func (j *Journal) releaseLocked() error {
	var errs []error
	for len(j.segs) > 1 && j.segs[0].live == 0 {
		s := j.segs[0]
		j.stored -= s.size
		errs = append(errs, s.remove())
		j.segs[0] = nil
		j.segs = j.segs[1:]
		j.dirDirty = true
	}
	return errors.Join(errs...)
}

// trimScratch lets the garbage collector have a scratch buffer grown for an unusually
// large record. Called with mu held.
func (j *Journal) trimScratch() {
	if cap(j.scratch) > 4<<20 {
		j.scratch = nil
	}
}

func (j *Journal) closeFiles() {
	for _, s := range j.segs {
		_ = s.file.Close()
	}
	j.segs = nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	return errors.Join(err, d.Close())
}
