package journal

import (
	"fmt"
	"testing"
)

// BenchmarkAppend is the cost the journal adds to accepting a request: one write of
// the record (in memory: bookkeeping only), with deliveries keeping the folder small.
func BenchmarkAppend(b *testing.B) {
	for _, size := range []int{4 << 10, 64 << 10} {
		for _, where := range []string{"memory", "folder"} {
			b.Run(fmt.Sprintf("%s/%dKiB", where, size>>10), func(b *testing.B) {
				opts := Options{Signal: SignalTraces, MaxBytes: 1 << 30, SegmentBytes: 16 << 20}
				if where == "folder" {
					opts.Dir = b.TempDir()
				}
				j, _, err := Open(opts)
				if err != nil {
					b.Fatal(err)
				}
				defer j.Close()
				p := payload(1, size)
				b.SetBytes(int64(size))
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					if err := j.Append(p, 10); err != nil {
						b.Fatal(err)
					}
					if n++; n%64 == 0 {
						if err := j.Delivered(j.Take(1<<30, 1<<30)); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}

// BenchmarkDeliverBatch is the journal's share of one delivery: take a batch of 64
// records, read their payloads back from the folder, mark them delivered.
func BenchmarkDeliverBatch(b *testing.B) {
	const records, size = 64, 4 << 10
	j, _, err := Open(Options{Dir: b.TempDir(), Signal: SignalTraces, MaxBytes: 1 << 30, SegmentBytes: 16 << 20})
	if err != nil {
		b.Fatal(err)
	}
	defer j.Close()
	p := payload(1, size)
	var buf []byte
	b.SetBytes(records * size)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		for range records {
			if err := j.Append(p, 10); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		batch := j.Take(1<<30, 1<<30)
		buf, _, err = j.ReadPayloads(buf[:0], batch)
		if err != nil {
			b.Fatal(err)
		}
		if err := j.Delivered(batch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecover is a restart on a folder holding 10,000 undelivered records
// (40 MiB).
func BenchmarkRecover(b *testing.B) {
	dir := b.TempDir()
	opts := Options{Dir: dir, Signal: SignalTraces, MaxBytes: 1 << 30, SegmentBytes: 16 << 20}
	j, _, err := Open(opts)
	if err != nil {
		b.Fatal(err)
	}
	p := payload(1, 4<<10)
	for range 10_000 {
		if err := j.Append(p, 10); err != nil {
			b.Fatal(err)
		}
	}
	if err := j.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		j, rec, err := Open(opts)
		if err != nil || rec.Records != 10_000 {
			b.Fatal(rec, err)
		}
		if err := j.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
