package spanstore // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"

import (
	"fmt"
	"os"
	"path/filepath"
)

// segment is one append-only run of records: a file in the store's folder, or a
// block of memory when the store has no folder. In a file, appended records wait in
// pending until flushed, so that a decision pass costs one write, not one per trace.
type segment struct {
	seq  uint32
	file *os.File // nil in memory
	// data: in memory, the whole segment, allocated at its full size once; in a file,
	// the records not yet written, which start at flushed.
	data    []byte
	size    int64 // bytes appended, header included
	flushed int64 // bytes in the file
	first   int64 // when the first record was written, Unix ns
	last    int64 // when the last record was written, Unix ns
	// index maps a trace to its newest record here; older ones are chained through
	// the records' prev fields, so a trace costs one entry per segment, not per record.
	index map[indexKey]ref
	// unsynced: written since the last fsync.
	unsynced bool
}

func segmentPath(dir string, seq uint32) string {
	return filepath.Join(dir, fmt.Sprintf("segment-%08x.ekspans", seq))
}

// newMemorySegment allocates a segment of capacity bytes up front: one allocation,
// and the bytes it counts are the bytes it holds.
func newMemorySegment(seq uint32, capacity int) *segment {
	s := &segment{seq: seq, data: make([]byte, 0, capacity), index: make(map[indexKey]ref)}
	s.data = append(s.data, segmentHeader()...)
	s.size = int64(len(s.data))
	return s
}

// newFileSegment creates the segment's file in dir and writes its header.
func newFileSegment(dir string, seq uint32) (*segment, error) {
	f, err := os.OpenFile(segmentPath(dir, seq), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(segmentHeader()); err != nil {
		_ = f.Close()
		return nil, err
	}
	return &segment{seq: seq, file: f, size: segmentHeaderSize, flushed: segmentHeaderSize, index: make(map[indexKey]ref)}, nil
}

// held is what the segment counts against the store's bound: its capacity in
// memory, its size on disk.
func (s *segment) held() int64 {
	if s.file == nil {
		return int64(cap(s.data))
	}
	return s.size
}

// fits reports whether n more bytes can be appended without passing limit.
func (s *segment) fits(n int, limit int64) bool {
	if s.file == nil {
		return len(s.data)+n <= cap(s.data)
	}
	return s.size+int64(n) <= limit
}

// appendRecord appends a record: its header, then the payload that fill appends
// (exactly length bytes). It returns the record's ref.
func (s *segment) appendRecord(h recordHeader, fill func([]byte) []byte) ref {
	start := len(s.data)
	s.data = append(s.data, make([]byte, recordHeaderSize)...)
	if fill != nil { // a marker has no payload
		s.data = fill(s.data)
	}
	h.length = uint32(len(s.data) - start - recordHeaderSize)
	record := s.data[start:]
	h.put(record)
	seal(record)
	off := s.size
	s.size += int64(len(record))
	if s.first == 0 {
		s.first = h.written
	}
	s.last = h.written
	r := makeRef(off, len(record))
	s.index[keyOf(h.traceID)] = r
	return r
}

// read returns a copy of the record at r, checked against its checksum.
func (s *segment) read(r ref) ([]byte, error) {
	off, n := r.off(), r.len()
	buf := make([]byte, n)
	switch {
	case s.file == nil:
		copy(buf, s.data[off:off+int64(n)])
	case off >= s.flushed:
		copy(buf, s.data[off-s.flushed:off-s.flushed+int64(n)])
	default:
		if _, err := s.file.ReadAt(buf, off); err != nil {
			return nil, err
		}
	}
	if n < recordHeaderSize || !verify(buf) {
		return nil, errCorrupt
	}
	return buf, nil
}

// flush writes pending records to the file.
func (s *segment) flush() error {
	if s.file == nil || len(s.data) == 0 {
		return nil
	}
	if _, err := s.file.WriteAt(s.data, s.flushed); err != nil {
		return err
	}
	s.flushed += int64(len(s.data))
	s.data = s.data[:0]
	s.unsynced = true
	return nil
}

// release closes and removes the segment's file; a memory segment is left to the
// garbage collector (records handed out by read are copies).
func (s *segment) release() error {
	s.index = nil
	s.data = nil
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := s.file.Close()
	if rmErr := os.Remove(name); err == nil {
		err = rmErr
	}
	return err
}
