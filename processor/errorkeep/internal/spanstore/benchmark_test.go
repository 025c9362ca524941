package spanstore

import (
	"testing"
	"time"
)

// A not-kept trace of five realistic spans is about 1.5 KB in the wire format.
const benchPayload = 1500

// BenchmarkPut is what writing a not-kept trace costs: in a folder (a copy into the
// pending buffer, a write(2) per MiB) and in memory (a copy). b.SetBytes makes the
// result a write rate.
func BenchmarkPut(b *testing.B) {
	benchModes(b, func(b *testing.B, dir string) {
		clock := newClock()
		s, _, err := Open(Options{Dir: dir, Window: 2 * time.Minute, MaxBytes: 64 << 20, Now: clock.now})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		p := payloadOf(1, benchPayload)
		fill := func(dst []byte) []byte { return append(dst, p...) }
		b.SetBytes(benchPayload)
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			if _, _, err := s.Put(KindNotKept, traceID(i), 5, benchPayload, fill); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkTake is a rescue: finding a trace among 20,000 held and reading it back.
func BenchmarkTake(b *testing.B) {
	benchModes(b, func(b *testing.B, dir string) {
		const held = 20_000
		clock := newClock()
		s, _, err := Open(Options{Dir: dir, Window: 2 * time.Minute, MaxBytes: 256 << 20, Now: clock.now})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		p := payloadOf(1, benchPayload)
		fill := func(dst []byte) []byte { return append(dst, p...) }
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			if i%held == 0 {
				b.StopTimer()
				for j := range held {
					if _, _, err := s.Put(KindNotKept, traceID(i+j), 5, benchPayload, fill); err != nil {
						b.Fatal(err)
					}
				}
				if err := s.Flush(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			if taken, err := s.Take(traceID(i)); err != nil || len(taken.Payloads) != 1 {
				b.Fatalf("take %d: %d payloads, %v", i, len(taken.Payloads), err)
			}
		}
	})
}

func benchModes(b *testing.B, bench func(b *testing.B, dir string)) {
	b.Run("memory", func(b *testing.B) { bench(b, "") })
	b.Run("folder", func(b *testing.B) { bench(b, b.TempDir()) })
}

// BenchmarkSync is what sync_interval costs each time it fires: an fsync of the
// segment after a second's worth of writes at 10,000 spans/s (about 3 MB).
func BenchmarkSync(b *testing.B) {
	clock := newClock()
	s, _, err := Open(Options{Dir: b.TempDir(), Window: 2 * time.Minute, MaxBytes: 1 << 30, Now: clock.now})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	p := payloadOf(1, benchPayload)
	fill := func(dst []byte) []byte { return append(dst, p...) }
	const tracesPerSecond = 2000 // 10,000 spans/s of five-span traces
	b.ReportAllocs()
	for i := range b.N {
		b.StopTimer()
		for j := range tracesPerSecond {
			if _, _, err := s.Put(KindAccepted, traceID(i*tracesPerSecond+j), 5, benchPayload, fill); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Flush(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.Sync(); err != nil {
			b.Fatal(err)
		}
	}
}
