package spanstore

import (
	"encoding/binary"
	"math/bits"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func putKind(t *testing.T, s *Store, kind Kind, i int, payload []byte) {
	t.Helper()
	var fill func([]byte) []byte
	if payload != nil {
		fill = func(dst []byte) []byte { return append(dst, payload...) }
	}
	_, _, err := s.Put(kind, traceID(i), uint32(len(payload)), len(payload), fill)
	require.NoError(t, err)
}

// TestTakeReturnsWhatWasNotHandedOn: the accepted spans of the trace being decided
// (no marker yet), and those a KindLetGo marker closes, are taken, never those handed
// on; spans written after a decision always are. Only spans let go of count as
// rescued.
func TestTakeReturnsWhatWasNotHandedOn(t *testing.T) {
	modes(t, func(t *testing.T, dir string) {
		s := open(t, dir, time.Minute, 8<<20, newClock())
		a, b, late, again := []byte("accepted-a"), []byte("accepted-b"), []byte("late"), []byte("again")

		putKind(t, s, KindAccepted, 1, a) // trace 1: being decided now
		got, err := s.Take(traceID(1))
		require.NoError(t, err)
		assert.Equal(t, Taken{Payloads: [][]byte{a}, Spans: int64(len(a))}, got, "its spans wait in the folder, not in memory")

		putKind(t, s, KindAccepted, 2, a) // trace 2: let go, a late span, then a new episode
		putKind(t, s, KindAccepted, 2, b)
		putKind(t, s, KindLetGo, 2, nil)
		putKind(t, s, KindNotKept, 2, late)
		putKind(t, s, KindAccepted, 2, again)
		got, err = s.Take(traceID(2))
		require.NoError(t, err)
		assert.Equal(t, [][]byte{again, late, b, a}, got.Payloads)
		assert.Equal(t, int64(len(again)+len(late)+len(a)+len(b)), got.Spans)
		assert.Equal(t, int64(len(late)+len(a)+len(b)), got.Rescued, "the open episode is not a rescue")

		putKind(t, s, KindAccepted, 3, a) // trace 3: kept and handed on
		putKind(t, s, KindHandedOn, 3, nil)
		got, err = s.Take(traceID(3))
		require.NoError(t, err)
		assert.Empty(t, got.Payloads)
	})
}

// TestUndecidedAfterACrash: a folder left without Close (the process was killed)
// gives back exactly the accepted spans no marker closes, across segments.
func TestUndecidedAfterACrash(t *testing.T) {
	dir, clock := t.TempDir(), newClock()
	s, _, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	putKind(t, s, KindAccepted, 1, []byte("one-a"))
	putKind(t, s, KindAccepted, 2, []byte("two"))
	putKind(t, s, KindLetGo, 2, nil)
	putKind(t, s, KindAccepted, 3, []byte("three"))
	putKind(t, s, KindHandedOn, 3, nil)
	for range 20 { // fill past a segment so trace 1 spans two
		putKind(t, s, KindAccepted, 9, make([]byte, 8<<10))
		putKind(t, s, KindHandedOn, 9, nil)
	}
	putKind(t, s, KindAccepted, 1, []byte("one-b"))
	require.NoError(t, s.Flush()) // written, as after each batch; never closed
	assert.Greater(t, len(mustGlob(t, dir)), 1)

	reopened, _, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	defer reopened.Close()
	undecided, err := reopened.Undecided()
	require.NoError(t, err)
	require.Len(t, undecided, 1)
	assert.Equal(t, traceID(1), undecided[0].TraceID)
	assert.Equal(t, [][]byte{[]byte("one-b"), []byte("one-a")}, undecided[0].Payloads)

	// Marked handed on and accepted again, it is not undecided twice after a second crash.
	putKind(t, reopened, KindHandedOn, 1, nil)
	putKind(t, reopened, KindAccepted, 1, []byte("one-again"))
	require.NoError(t, reopened.Sync())
	third, _, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	defer third.Close()
	undecided, err = third.Undecided()
	require.NoError(t, err)
	require.Len(t, undecided, 1)
	assert.Equal(t, [][]byte{[]byte("one-again")}, undecided[0].Payloads)
	require.NoError(t, s.Close())
}

// TestUndecidedSurvivesATornLastWrite: the record being written when the process died
// is cut; what was written before it is recovered.
func TestUndecidedSurvivesATornLastWrite(t *testing.T) {
	dir, clock := t.TempDir(), newClock()
	s, _, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	putKind(t, s, KindAccepted, 1, []byte("whole"))
	putKind(t, s, KindAccepted, 2, []byte("torn-record-payload"))
	require.NoError(t, s.Close())
	last := lastSegment(t, dir)
	info, err := os.Stat(last)
	require.NoError(t, err)
	require.NoError(t, os.Truncate(last, info.Size()-5))

	reopened, rec, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	defer reopened.Close()
	assert.Positive(t, rec.TruncatedBytes)
	undecided, err := reopened.Undecided()
	require.NoError(t, err)
	require.Len(t, undecided, 1)
	assert.Equal(t, traceID(1), undecided[0].TraceID)
}

// collidingIDs are two trace IDs whose index keys are the same.
func collidingIDs() (a, b [16]byte) {
	binary.LittleEndian.PutUint64(a[8:], 0x1234_5678_9abc_def0)
	hi := uint64(0xfeed_face_cafe_beef)
	binary.LittleEndian.PutUint64(b[:8], hi)
	binary.LittleEndian.PutUint64(b[8:], 0x1234_5678_9abc_def0^bits.RotateLeft64(hi*0x9E3779B97F4A7C15, 32))
	return a, b
}

// Two traces whose IDs fold to the same index key share a chain: each reader still
// gets exactly its own trace's records, and taking one leaves the other's.
func TestTracesSharingAnIndexKeyStayApart(t *testing.T) {
	a, b := collidingIDs()
	require.Equal(t, keyOf(a), keyOf(b))
	dir, clock := t.TempDir(), newClock()
	s, _, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	put := func(kind Kind, id [16]byte, payload string) {
		var fill func([]byte) []byte
		if payload != "" {
			fill = func(dst []byte) []byte { return append(dst, payload...) }
		}
		_, _, err := s.Put(kind, id, 1, len(payload), fill)
		require.NoError(t, err)
	}
	put(KindAccepted, a, "a1")
	put(KindAccepted, b, "b1")
	put(KindLetGo, a, "")
	put(KindAccepted, b, "b2")
	require.NoError(t, s.Flush())

	undecided, err := s.Undecided()
	require.NoError(t, err)
	require.Len(t, undecided, 1, "a was let go of: only b is undecided")
	assert.Equal(t, b, undecided[0].TraceID)
	assert.Equal(t, [][]byte{[]byte("b2"), []byte("b1")}, undecided[0].Payloads)

	takenA, err := s.Take(a)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{[]byte("a1")}, takenA.Payloads)
	assert.Equal(t, int64(1), takenA.Rescued)
	assert.True(t, s.Holds(b), "taking a leaves b's entry")
	takenB, err := s.Take(b)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{[]byte("b2"), []byte("b1")}, takenB.Payloads)
	require.NoError(t, s.Close())
}
