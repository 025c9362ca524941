package journal // import "github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// segment is one append-only file of the folder. Segments are written in turn and
// removed oldest first, once every data record in them is delivered: a delivered
// record always sits in the same segment as the data it lists or a later one, so it
// never goes before the data does, and a crash cannot bring delivered data back.
type segment struct {
	num  uint64
	file *os.File
	size int64 // bytes written, header included
	live int   // data records not yet delivered
	// broken: a write failed and could not be undone; nothing more is appended.
	broken   bool
	unsynced bool
}

const segmentSuffix = ".hoff"

func segmentPath(dir string, num uint64) string {
	return filepath.Join(dir, fmt.Sprintf("%016x%s", num, segmentSuffix))
}

// segmentNumber parses a segment file's name; ok is false for any other file.
func segmentNumber(name string) (uint64, bool) {
	hex, found := strings.CutSuffix(name, segmentSuffix)
	if !found || len(hex) != 16 {
		return 0, false
	}
	n, err := strconv.ParseUint(hex, 16, 64)
	return n, err == nil
}

// createSegment creates a new segment file and writes its header.
func createSegment(dir string, num uint64, signal Signal) (*segment, error) {
	f, err := os.OpenFile(segmentPath(dir, num), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(segmentHeader(signal)); err != nil {
		_ = f.Close()
		_ = os.Remove(f.Name())
		return nil, err
	}
	return &segment{num: num, file: f, size: segmentHeaderSize, unsynced: true}, nil
}

// write appends a whole record. A failed write is undone (the file cut back), so
// that no torn record sits between good ones; when that fails too, the segment is
// marked broken and the next write starts a new one.
func (s *segment) write(record []byte) (int64, error) {
	off := s.size
	if _, err := s.file.WriteAt(record, off); err != nil {
		if truncErr := s.file.Truncate(off); truncErr != nil {
			s.broken = true
		}
		return 0, err
	}
	s.size += int64(len(record))
	s.unsynced = true
	return off, nil
}

// remove closes and deletes the segment's file.
func (s *segment) remove() error {
	err := s.file.Close()
	if rmErr := os.Remove(s.file.Name()); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
		err = errors.Join(err, rmErr)
	}
	return err
}
