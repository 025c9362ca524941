package spanstore

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeClock is a clock tests move by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newClock() *fakeClock { return &fakeClock{t: time.Unix(1_800_000_000, 0)} }

func traceID(i int) [16]byte {
	var id [16]byte
	copy(id[:], fmt.Sprintf("trace-%010d", i))
	return id
}

func payloadOf(i, size int) []byte {
	return bytes.Repeat([]byte{byte(i)}, size)
}

func put(t *testing.T, s *Store, i, size int) (uint32, int64) {
	t.Helper()
	p := payloadOf(i, size)
	seq, evicted, err := s.Put(KindNotKept, traceID(i), 3, len(p), func(dst []byte) []byte { return append(dst, p...) })
	require.NoError(t, err)
	return seq, evicted
}

// modes runs a test against a store in memory and one in a folder.
func modes(t *testing.T, test func(t *testing.T, dir string)) {
	t.Run("memory", func(t *testing.T) { test(t, "") })
	t.Run("folder", func(t *testing.T) { test(t, t.TempDir()) })
}

func open(t *testing.T, dir string, window time.Duration, maxBytes int64, clock *fakeClock) *Store {
	t.Helper()
	s, _, err := Open(Options{Dir: dir, Window: window, MaxBytes: maxBytes, Now: clock.now})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	return s
}

func TestPutTakeEveryRecordOfATraceOnce(t *testing.T) {
	modes(t, func(t *testing.T, dir string) {
		clock := newClock()
		s := open(t, dir, time.Minute, 1<<20, clock)
		put(t, s, 1, 100)
		put(t, s, 2, 50)
		put(t, s, 1, 30) // a late part of trace 1, same segment: chained
		require.NoError(t, s.Flush())
		put(t, s, 1, 7) // after a flush: one part on disk, one pending
		_, traces := s.Usage()
		assert.Equal(t, int64(2), traces)

		taken, err := s.Take(traceID(1))
		require.NoError(t, err)
		assert.Equal(t, int64(9), taken.Spans)
		require.Len(t, taken.Payloads, 3)
		assert.Equal(t, [][]byte{payloadOf(1, 7), payloadOf(1, 30), payloadOf(1, 100)}, taken.Payloads, "newest first")

		again, err := s.Take(traceID(1))
		require.NoError(t, err)
		assert.Empty(t, again.Payloads, "a trace is rescued once")
		assert.True(t, s.Holds(traceID(2)))
		assert.False(t, s.Holds(traceID(3)))
	})
}

func TestRecordsExpireWithTheirSegment(t *testing.T) {
	modes(t, func(t *testing.T, dir string) {
		clock := newClock()
		s := open(t, dir, 80*time.Second, 1<<20, clock)
		seqOld, _ := put(t, s, 1, 100)
		clock.advance(20 * time.Second) // past window/8: a new segment
		seqNew, _ := put(t, s, 2, 100)
		require.NotEqual(t, seqOld, seqNew)

		clock.advance(59 * time.Second)
		assert.Zero(t, s.Expire(), "segment 1 is 79s old")
		clock.advance(time.Second)
		assert.Equal(t, int64(1), s.Expire())
		assert.False(t, s.Holds(traceID(1)))
		assert.True(t, s.Holds(traceID(2)))
		assert.Equal(t, ReasonExpired, s.Gone(seqOld))
		assert.Equal(t, ReasonNotStored, s.Gone(0))
		if dir != "" {
			files, _ := filepath.Glob(filepath.Join(dir, "segment-*"))
			assert.Len(t, files, 1, "the expired segment's file is removed")
		}
	})
}

func TestBoundDropsOldestFirstAndCountsIt(t *testing.T) {
	modes(t, func(t *testing.T, dir string) {
		const bound = 64 << 10
		clock := newClock()
		s := open(t, dir, time.Hour, bound, clock)
		var (
			firstSeq uint32
			evicted  int64
		)
		for i := range 2000 {
			seq, e := put(t, s, i, 300)
			if i == 0 {
				firstSeq = seq
			}
			evicted += e
			held, _ := s.Usage()
			require.LessOrEqual(t, held, int64(bound), "after trace %d", i)
			if dir != "" {
				assert.LessOrEqual(t, folderBytes(t, dir)+pending(s), int64(bound))
			}
		}
		_, traces := s.Usage()
		assert.Equal(t, int64(2000), traces+evicted, "every trace is either held or counted as evicted")
		assert.Positive(t, evicted)
		assert.False(t, s.Holds(traceID(0)), "the oldest went first")
		assert.True(t, s.Holds(traceID(1999)))
		assert.Equal(t, ReasonEvicted, s.Gone(firstSeq))
	})
}

func TestTooLargeIsRefused(t *testing.T) {
	s := open(t, "", time.Minute, 8<<10, newClock())
	_, _, err := s.Put(KindNotKept, traceID(1), 1, 2<<10, func(dst []byte) []byte { return append(dst, make([]byte, 2<<10)...) })
	require.ErrorIs(t, err, ErrTooLarge)
}

func folderBytes(t *testing.T, dir string) int64 {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var n int64
	for _, e := range entries {
		info, err := e.Info()
		require.NoError(t, err)
		n += info.Size()
	}
	return n
}

func pending(s *Store) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur := s.current(); cur != nil && cur.file != nil {
		return int64(len(cur.data))
	}
	return 0
}
