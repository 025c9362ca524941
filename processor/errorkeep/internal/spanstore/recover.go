package spanstore // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// recover takes over the segments an earlier run left in the folder: each is read
// once, its records checked, and its index rebuilt. A record that is torn (the
// process died while writing it) or fails its checksum ends the segment: the file is
// cut there and the bytes counted, so a crash never leaves a folder that stops the
// next start. Segments past the window are removed.
func (s *Store) recover() (Recovered, error) {
	var rec Recovered
	if err := os.MkdirAll(s.dir, 0o750); err != nil {
		return rec, fmt.Errorf("spanstore: creating folder %q: %w", s.dir, err)
	}
	probe, err := os.CreateTemp(s.dir, ".write-check-*")
	if err != nil {
		return rec, fmt.Errorf("spanstore: folder %q is not writable: %w", s.dir, err)
	}
	_ = probe.Close()
	_ = os.Remove(probe.Name())

	names, err := filepath.Glob(filepath.Join(s.dir, "segment-*.ekspans"))
	if err != nil {
		return rec, err
	}
	var seqs []uint32
	for _, name := range names {
		var seq uint32
		if _, err := fmt.Sscanf(filepath.Base(name), "segment-%08x.ekspans", &seq); err == nil && seq > 0 {
			seqs = append(seqs, seq)
		}
	}
	slices.Sort(seqs)
	now := s.now().UnixNano()
	for _, seq := range seqs {
		s.nextSeq = max(s.nextSeq, seq+1)
		seg, truncated, err := openSegment(s.dir, seq)
		rec.TruncatedBytes += truncated
		if err != nil {
			return rec, err
		}
		if len(seg.index) == 0 || now-seg.last >= s.window {
			if len(seg.index) > 0 {
				rec.Expired++
			}
			_ = seg.release()
			continue
		}
		s.segs = append(s.segs, seg)
		s.bytes += seg.held()
		s.traces += int64(len(seg.index))
		rec.Segments++
		rec.Traces += int64(len(seg.index))
	}
	for s.bytes > s.maxBytes && len(s.segs) > 0 {
		rec.Traces -= s.dropOldest(ReasonEvicted)
		rec.Segments--
	}
	return rec, nil
}

// openSegment reads one segment file and rebuilds its index, cutting it after its
// last good record. It returns how many bytes were cut.
func openSegment(dir string, seq uint32) (*segment, int64, error) {
	path := segmentPath(dir, seq)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("spanstore: opening %q: %w", path, err)
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, 0, fmt.Errorf("spanstore: %w", err)
	}
	seg := &segment{seq: seq, file: f, index: make(map[indexKey]ref)}
	good, scanErr := seg.scan(bufio.NewReaderSize(f, 1<<20))
	if scanErr != nil && !errors.Is(scanErr, errCorrupt) {
		_ = f.Close()
		return nil, 0, fmt.Errorf("spanstore: reading %q: %w", path, scanErr)
	}
	cut := info.Size() - good
	if cut > 0 {
		if err := f.Truncate(good); err != nil {
			_ = f.Close()
			return nil, 0, fmt.Errorf("spanstore: cutting the torn tail of %q: %w", path, err)
		}
	}
	seg.size, seg.flushed = good, good
	return seg, cut, nil
}

// scan reads records until the end or the first bad one and returns where the good
// records end. A segment without a valid header has none.
func (seg *segment) scan(r io.Reader) (int64, error) {
	header := make([]byte, segmentHeaderSize)
	if _, err := io.ReadFull(r, header); err != nil || !bytes.Equal(header, segmentHeader()) {
		return 0, errCorrupt
	}
	off := int64(segmentHeaderSize)
	var record []byte
	head := make([]byte, recordHeaderSize)
	for {
		if _, err := io.ReadFull(r, head); err != nil {
			if errors.Is(err, io.EOF) {
				return off, nil
			}
			return off, errCorrupt
		}
		h := parseHeader(head)
		if h.length > maxRecordPayload {
			return off, errCorrupt
		}
		n := recordHeaderSize + int(h.length)
		record = append(record[:0], head...)
		record = slices.Grow(record, int(h.length))[:n]
		if _, err := io.ReadFull(r, record[recordHeaderSize:]); err != nil || !verify(record) {
			return off, errCorrupt
		}
		if seg.first == 0 {
			seg.first = h.written
		}
		seg.last = max(seg.last, h.written)
		seg.index[keyOf(h.traceID)] = makeRef(off, n)
		off += int64(n)
	}
}

// maxRecordPayload rejects a length no record can have before allocating for it: a
// corrupt length field must not make recovery allocate gigabytes.
const maxRecordPayload = 1 << 30
