package journal

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// FuzzScan feeds arbitrary bytes to the record decoder recovery runs on every segment
// file: it must never panic or allocate beyond its bound, the good records it
// reports must be exactly the bytes that encode them, and they must end where it
// says the good part ends.
func FuzzScan(f *testing.F) {
	segment := segmentHeader(SignalTraces)
	segment = appendRecord(segment, Header{Kind: KindData, Items: 2, Seq: 1, Written: 5}, []byte("\x0a\x03abc"))
	segment = appendDeliveredRecord(segment, []uint64{1, 7}, 6)
	segment = appendRecord(segment, Header{Kind: KindData, Items: 1, Seq: 8}, nil)
	f.Add(segment)
	f.Add(segment[:len(segment)-3])                        // torn
	f.Add(segmentHeader(SignalLogs))                       // another signal
	f.Add([]byte("handoff\x00"))                           // header cut short
	f.Add(append(segmentHeader(SignalTraces), 0xff, 0xff)) // garbage after the header
	flipped := bytes.Clone(segment)
	flipped[segmentHeaderSize+20] ^= 1
	f.Add(flipped)
	f.Fuzz(func(t *testing.T, data []byte) {
		next := int64(segmentHeaderSize)
		good, err := Scan(bytes.NewReader(data), SignalTraces, func(off int64, h Header, payload []byte) error {
			if off != next {
				t.Fatalf("record at %d, want %d", off, next)
			}
			encoded := appendRecord(nil, h, payload)
			if h.Kind == KindDelivered {
				var seqs []uint64
				forEachDelivered(payload, func(s uint64) { seqs = append(seqs, s) })
				encoded = appendDeliveredRecord(nil, seqs, h.Written)
			}
			if !bytes.Equal(encoded, data[off:off+int64(len(encoded))]) {
				t.Fatalf("record at %d does not re-encode to its bytes", off)
			}
			next += int64(len(encoded))
			return nil
		})
		if good > int64(len(data)) {
			t.Fatalf("good part %d beyond the %d bytes", good, len(data))
		}
		if good > 0 && good != next {
			t.Fatalf("good part ends at %d, the last record at %d", good, next)
		}
		if err == nil && good != int64(len(data)) {
			t.Fatalf("no error, yet %d of %d bytes are good", good, len(data))
		}
	})
}

// FuzzOpen writes arbitrary bytes as a segment file, after a good one, and opens the
// folder: whatever a crash or a bad disk left, the start succeeds (never a crash
// loop), the good segment's records come back, and the start after that finds a
// clean folder.
func FuzzOpen(f *testing.F) {
	good := segmentHeader(SignalTraces)
	good = appendRecord(good, Header{Kind: KindData, Items: 3, Seq: 1}, []byte("first"))
	f.Add(good)
	f.Add(good[:len(good)-2])
	f.Add([]byte{})
	f.Add(appendDeliveredRecord(segmentHeader(SignalTraces), []uint64{1}, 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(segmentPath(dir, 1), good, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(segmentPath(dir, 2), data, 0o600); err != nil {
			t.Fatal(err)
		}
		opts := Options{Dir: dir, Signal: SignalTraces, MaxBytes: 1 << 30, SegmentBytes: 1 << 20}
		j, rec, err := Open(opts)
		if errors.Is(err, ErrWrongSignal) {
			return // another signal's folder: refused, and left as it is
		}
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		if rec.Records < 1 && !bytes.Contains(data, []byte{byte(KindDelivered)}) {
			t.Fatalf("the good segment's record is gone: %+v", rec)
		}
		if err := j.Close(); err != nil {
			t.Fatal(err)
		}
		j, again, err := Open(opts)
		if err != nil {
			t.Fatalf("second open: %v", err)
		}
		defer j.Close()
		if again.TruncatedBytes != 0 || again.Records != rec.Records {
			t.Fatalf("second open not clean: %+v after %+v", again, rec)
		}
	})
}
