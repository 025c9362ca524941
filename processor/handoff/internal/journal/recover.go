package journal // import "github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"

import (
	"errors"
	"fmt"
	"os"
	"slices"
)

// recover reads the segments an earlier run left in the folder, oldest first. A data
// record that no delivered record lists is handed out again. A record that is torn
// (the process died writing it) or fails its checksum ends its segment: the file is
// cut there and the bytes counted, so that a crash never leaves a folder that stops
// the next start. Segments with nothing undelivered left are removed, oldest first.
func (j *Journal) recover() (Recovered, error) {
	var rec Recovered
	names, err := os.ReadDir(j.opts.Dir)
	if err != nil {
		return rec, fmt.Errorf("reading folder %q: %w", j.opts.Dir, err)
	}
	var nums []uint64
	for _, d := range names {
		if n, ok := segmentNumber(d.Name()); ok && d.Type().IsRegular() {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)

	data := map[uint64]*Entry{}
	delivered := map[uint64]struct{}{}
	maxSeq := uint64(0)
	for _, num := range nums {
		j.nextNum = max(j.nextNum, num+1)
		seg, cut, err := j.readSegment(num, data, delivered, &maxSeq)
		rec.TruncatedBytes += cut
		if err != nil {
			return rec, err
		}
		if seg == nil {
			continue
		}
		j.segs = append(j.segs, seg)
		j.stored += seg.size
		rec.Segments++
	}
	j.nextSeq = maxSeq + 1

	for seq, e := range data {
		if _, done := delivered[seq]; done {
			continue
		}
		e.seg.live++
		j.queue = append(j.queue, e)
	}
	slices.SortFunc(j.queue, func(a, b *Entry) int {
		switch {
		case a.Seq < b.Seq:
			return -1
		case a.Seq > b.Seq:
			return 1
		}
		return 0
	})
	for _, e := range j.queue {
		j.items += int64(e.Items)
		j.records++
		j.bytes += int64(e.Size)
	}
	j.waiting = j.items
	rec.Records, rec.Items, rec.Bytes = int(j.records), j.items, j.bytes

	// Segments are removed oldest first only (see segment): the newest one too when
	// nothing in it is undelivered, since writing starts in a new segment.
	for len(j.segs) > 0 && j.segs[0].live == 0 {
		s := j.segs[0]
		j.stored -= s.size
		if err := s.remove(); err != nil {
			return rec, fmt.Errorf("removing delivered segment: %w", err)
		}
		j.segs = j.segs[1:]
	}
	return rec, nil
}

// readSegment reads one segment file into data and delivered, cutting it after its
// last good record. It returns nil (and removes the file) for a file without a valid
// header: a segment the crash left before its header was written.
func (j *Journal) readSegment(num uint64, data map[uint64]*Entry, delivered map[uint64]struct{}, maxSeq *uint64) (*segment, int64, error) {
	path := segmentPath(j.opts.Dir, num)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("opening %q: %w", path, err)
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, 0, fmt.Errorf("reading %q: %w", path, err)
	}
	seg := &segment{num: num, file: f}
	good, scanErr := Scan(f, j.opts.Signal, func(off int64, h Header, payload []byte) error {
		switch h.Kind {
		case KindData:
			data[h.Seq] = &Entry{Seq: h.Seq, Items: int(h.Items), Size: int(h.Length), Written: h.Written, seg: seg, off: off}
			*maxSeq = max(*maxSeq, h.Seq)
		case KindDelivered:
			forEachDelivered(payload, func(s uint64) {
				delivered[s] = struct{}{}
				*maxSeq = max(*maxSeq, s)
			})
		}
		return nil
	})
	switch {
	case errors.Is(scanErr, ErrWrongSignal):
		_ = f.Close()
		return nil, 0, fmt.Errorf("%q: %w", path, scanErr)
	case scanErr != nil && !errors.Is(scanErr, errCorrupt):
		_ = f.Close()
		return nil, 0, fmt.Errorf("reading %q: %w", path, scanErr)
	}
	cut := info.Size() - good
	if good == 0 {
		_ = f.Close()
		if err := os.Remove(path); err != nil {
			return nil, cut, fmt.Errorf("removing %q, which holds no segment: %w", path, err)
		}
		return nil, cut, nil
	}
	if cut > 0 {
		if err := f.Truncate(good); err != nil {
			_ = f.Close()
			return nil, cut, fmt.Errorf("cutting the torn tail of %q: %w", path, err)
		}
	}
	seg.size = good
	return seg, cut, nil
}
