package journal

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

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func options(dir string) Options {
	return Options{Dir: dir, Signal: SignalTraces, MaxBytes: 1 << 20, SegmentBytes: 4096}
}

// crash drops the journal as a killed process would: files closed by the kernel,
// nothing cleaned up, the lock released.
func crash(j *Journal) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.closeFiles()
	_ = j.lock.Close()
	j.closed = true
}

func payload(i, size int) []byte {
	p := bytes.Repeat([]byte{byte(i)}, size)
	copy(p, fmt.Sprintf("record %d;", i))
	return p
}

func open(t *testing.T, opts Options) (*Journal, Recovered) {
	t.Helper()
	j, rec, err := Open(opts)
	require.NoError(t, err)
	return j, rec
}

func takeAll(j *Journal) []*Entry {
	var all []*Entry
	for {
		batch := j.Take(1<<30, 1<<30)
		if len(batch) == 0 {
			return all
		}
		all = append(all, batch...)
	}
}

func readAll(t *testing.T, j *Journal, entries []*Entry) [][]byte {
	t.Helper()
	var out [][]byte
	for _, e := range entries {
		p, bad, err := j.ReadPayloads(nil, []*Entry{e})
		require.NoError(t, err)
		require.Empty(t, bad)
		out = append(out, p)
	}
	return out
}

func segmentFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*"+segmentSuffix))
	require.NoError(t, err)
	return names
}

func TestAppendTakeDeliverInMemoryAndOnDisk(t *testing.T) {
	for _, dir := range []string{"", "folder"} {
		t.Run(fmt.Sprintf("dir=%q", dir), func(t *testing.T) {
			opts := options("")
			if dir != "" {
				opts.Dir = filepath.Join(t.TempDir(), dir)
			}
			j, _ := open(t, opts)
			for i := range 10 {
				require.NoError(t, j.Append(payload(i, 100), i+1))
			}
			u := j.Usage()
			assert.Equal(t, Usage{Items: 55, Records: 10, Bytes: 1000, Stored: u.Stored, Oldest: u.Oldest}, u)
			assert.Positive(t, u.Oldest)
			waiting, _ := j.Waiting()
			assert.Equal(t, int64(55), waiting)

			// maxItems and maxBytes cut the batch; at least one record always goes.
			first := j.Take(6, 1<<20)
			require.Len(t, first, 3) // 1+2+3 items
			assert.Len(t, j.Take(1, 1), 1)
			waiting, _ = j.Waiting()
			assert.Equal(t, int64(55-10), waiting)

			got, bad, err := j.ReadPayloads([]byte("prefix:"), first)
			require.NoError(t, err)
			assert.Empty(t, bad)
			want := append([]byte("prefix:"), payload(0, 100)...)
			want = append(want, payload(1, 100)...)
			want = append(want, payload(2, 100)...)
			assert.Equal(t, want, got, "payloads concatenated in order after dst")

			require.NoError(t, j.Delivered(first))
			require.NoError(t, j.Delivered(first), "delivering twice changes nothing")
			assert.Equal(t, int64(55-6), j.Usage().Items)
			rest := takeAll(j)
			assert.Len(t, rest, 6)
			require.NoError(t, j.Delivered(rest))
			assert.Equal(t, int64(4), j.Usage().Items, "the record handed out alone is not delivered")
			require.NoError(t, j.Close())
			require.NoError(t, j.Close(), "Close is idempotent")
			assert.ErrorIs(t, j.Append(payload(0, 1), 1), ErrClosed)
		})
	}
}

func TestUndeliveredRecordsComeBackAfterACrash(t *testing.T) {
	dir := t.TempDir()
	j, _ := open(t, options(dir))
	for i := range 50 {
		require.NoError(t, j.Append(payload(i, 300), 1))
	}
	// Deliver every other batch of five; leave one batch handed out but not delivered.
	for b := 0; b < 10; b++ {
		batch := j.Take(5, 1<<20)
		require.Len(t, batch, 5)
		if b%2 == 0 {
			require.NoError(t, j.Delivered(batch))
		}
	}
	crash(j)
	assert.Greater(t, len(segmentFiles(t, dir)), 1, "the test wants records across several segments")

	j, rec := open(t, options(dir))
	defer j.Close()
	assert.Equal(t, 25, rec.Records)
	assert.Equal(t, int64(25), rec.Items)
	assert.Equal(t, int64(25*300), rec.Bytes)
	assert.Zero(t, rec.TruncatedBytes)
	entries := takeAll(j)
	require.Len(t, entries, 25)
	var want [][]byte
	for b := 1; b < 10; b += 2 {
		for i := b * 5; i < b*5+5; i++ {
			want = append(want, payload(i, 300))
		}
	}
	assert.Equal(t, want, readAll(t, j, entries), "the undelivered records, oldest first, intact")

	// New records get sequence numbers after every one the folder ever listed.
	require.NoError(t, j.Append(payload(99, 10), 1))
	fresh := j.Take(1, 1)
	assert.Greater(t, fresh[0].Seq, entries[len(entries)-1].Seq)
}

func TestDeliveredRecordsDoNotComeBack(t *testing.T) {
	dir := t.TempDir()
	j, _ := open(t, options(dir))
	for i := range 40 {
		require.NoError(t, j.Append(payload(i, 300), 1))
	}
	all := takeAll(j)
	// Delivered out of order, the newest first: their markers land in the newest
	// segment while the old segments still hold undelivered data.
	require.NoError(t, j.Delivered(all[20:]))
	require.NoError(t, j.Delivered(all[:10]))
	crash(j)

	j, rec := open(t, options(dir))
	assert.Equal(t, 10, rec.Records)
	got := readAll(t, j, takeAll(j))
	require.Len(t, got, 10)
	assert.Equal(t, payload(10, 300), got[0])
	assert.Equal(t, payload(19, 300), got[9])
	crash(j)

	// A second crash before any delivery brings the same ten back, not more.
	j, rec = open(t, options(dir))
	defer j.Close()
	assert.Equal(t, 10, rec.Records)
}

func TestSegmentsGoOnceDeliveredAndADrainedFolderIsLeftEmpty(t *testing.T) {
	dir := t.TempDir()
	opts := options(dir)
	j, _ := open(t, opts)
	for round := range 20 {
		for i := range 10 {
			require.NoError(t, j.Append(payload(round*10+i, 200), 1))
		}
		require.NoError(t, j.Delivered(takeAll(j)))
		// What is on disk stays within a segment or two, however much went through.
		assert.LessOrEqual(t, j.Usage().Stored, 2*opts.SegmentBytes+recordHeaderSize+200)
		assert.LessOrEqual(t, len(segmentFiles(t, dir)), 2)
	}
	require.NoError(t, j.Close())
	assert.Empty(t, segmentFiles(t, dir), "nothing undelivered: no segment left behind")

	j, rec := open(t, opts)
	defer j.Close()
	assert.Equal(t, Recovered{}, rec)
}

func TestAFolderWithUndeliveredRecordsIsKeptOnClose(t *testing.T) {
	dir := t.TempDir()
	j, _ := open(t, options(dir))
	require.NoError(t, j.Append(payload(1, 10), 3))
	_ = j.Take(1, 1) // handed out, never delivered: still undelivered
	require.NoError(t, j.Close())
	assert.NotEmpty(t, segmentFiles(t, dir))
	j, rec := open(t, options(dir))
	defer j.Close()
	assert.Equal(t, int64(3), rec.Items)
}

func TestFullRefusesUntilDeliveryMakesRoom(t *testing.T) {
	for _, dir := range []string{"", "folder"} {
		t.Run(fmt.Sprintf("dir=%q", dir), func(t *testing.T) {
			opts := options("")
			if dir != "" {
				opts.Dir = filepath.Join(t.TempDir(), dir)
			}
			opts.MaxBytes = 16 << 10
			j, _ := open(t, opts)
			defer j.Close()
			accepted := 0
			for {
				err := j.Append(payload(accepted, 1000), 1)
				if err != nil {
					require.ErrorIs(t, err, ErrFull)
					break
				}
				accepted++
			}
			assert.LessOrEqual(t, j.Usage().Stored, opts.MaxBytes)
			assert.Greater(t, accepted, 8)
			require.NoError(t, j.Delivered(takeAll(j)))
			require.NoError(t, j.Append(payload(0, 1000), 1), "room again once delivered")
		})
	}
}

func TestATornTailIsCutAndCounted(t *testing.T) {
	dir := t.TempDir()
	j, _ := open(t, options(dir))
	for i := range 3 {
		require.NoError(t, j.Append(payload(i, 100), 1))
	}
	crash(j)
	files := segmentFiles(t, dir)
	require.Len(t, files, 1)
	// Half a record: a header promising 100 bytes, and 10 of them.
	torn := appendRecord(nil, Header{Kind: KindData, Items: 1, Seq: 4}, payload(3, 100))[:recordHeaderSize+10]
	f, err := os.OpenFile(files[0], os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	_, err = f.Write(torn)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	j, rec := open(t, options(dir))
	assert.Equal(t, int64(len(torn)), rec.TruncatedBytes)
	assert.Equal(t, 3, rec.Records)
	// The cut file takes new records after its good ones; the next start is clean.
	require.NoError(t, j.Append(payload(9, 100), 1))
	crash(j)
	j, rec = open(t, options(dir))
	defer j.Close()
	assert.Zero(t, rec.TruncatedBytes)
	assert.Equal(t, 4, rec.Records)
}

func TestACorruptRecordEndsItsSegment(t *testing.T) {
	dir := t.TempDir()
	j, _ := open(t, options(dir))
	for i := range 3 {
		require.NoError(t, j.Append(payload(i, 100), 1))
	}
	crash(j)
	files := segmentFiles(t, dir)
	raw, err := os.ReadFile(files[0])
	require.NoError(t, err)
	second := segmentHeaderSize + recordHeaderSize + 100
	raw[second+recordHeaderSize+50] ^= 0xff // a bad block in the second record's payload
	require.NoError(t, os.WriteFile(files[0], raw, 0o600))

	j, rec := open(t, options(dir))
	defer j.Close()
	assert.Equal(t, 1, rec.Records, "the first record survives")
	assert.Equal(t, int64(len(raw)-second), rec.TruncatedBytes)
}

func TestReadPayloadsLeavesOutARecordThatGoesBadOnDisk(t *testing.T) {
	dir := t.TempDir()
	j, _ := open(t, options(dir))
	defer j.Close()
	for i := range 3 {
		require.NoError(t, j.Append(payload(i, 100), 1))
	}
	files := segmentFiles(t, dir)
	f, err := os.OpenFile(files[0], os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteAt([]byte{0xff}, int64(segmentHeaderSize+recordHeaderSize+100+recordHeaderSize+7))
	require.NoError(t, err)
	require.NoError(t, f.Close())

	entries := takeAll(j)
	got, bad, err := j.ReadPayloads(nil, entries)
	require.NoError(t, err)
	require.Len(t, bad, 1)
	assert.Equal(t, entries[1], bad[0])
	assert.Equal(t, append(payload(0, 100), payload(2, 100)...), got)
}

func TestAFolderIsLockedAndHoldsOneSignal(t *testing.T) {
	dir := t.TempDir()
	j, _ := open(t, options(dir))
	_, _, err := Open(options(dir))
	require.ErrorIs(t, err, ErrLocked)
	require.NoError(t, j.Append(payload(1, 10), 1))
	require.NoError(t, j.Close())

	logs := options(dir)
	logs.Signal = SignalLogs
	_, _, err = Open(logs)
	require.ErrorIs(t, err, ErrWrongSignal)
	assert.NotEmpty(t, segmentFiles(t, dir), "another signal's folder is never cut")
	j, rec := open(t, options(dir))
	defer j.Close()
	assert.Equal(t, 1, rec.Records)
}

func TestAnEmptyOrHeaderlessSegmentIsRemoved(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(segmentPath(dir, 7), []byte("hand"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not ours"), 0o600))
	j, rec := open(t, options(dir))
	assert.Equal(t, int64(4), rec.TruncatedBytes)
	require.NoError(t, j.Append(payload(1, 10), 1))
	require.NoError(t, j.Close())
	files := segmentFiles(t, dir)
	require.Len(t, files, 1)
	assert.Equal(t, segmentPath(dir, 8), files[0], "numbering goes on after the removed file")
	_, err := os.Stat(filepath.Join(dir, "notes.txt"))
	assert.NoError(t, err, "other files are left alone")
}

func TestSyncMakesTheFolderDurable(t *testing.T) {
	dir := t.TempDir()
	j, _ := open(t, options(dir))
	require.NoError(t, j.Append(payload(1, 10), 1))
	require.NoError(t, j.Sync())
	for _, s := range j.segs {
		assert.False(t, s.unsynced)
	}
	assert.False(t, j.dirDirty)
	require.NoError(t, j.Close())
	require.NoError(t, j.Sync(), "after Close, nothing to do")
}

func TestUsageOldestCountsRecordsInFlight(t *testing.T) {
	now := time.Unix(1000, 0)
	opts := options("")
	opts.Now = func() time.Time { return now }
	j, _ := open(t, opts)
	require.NoError(t, j.Append(payload(1, 10), 1))
	now = now.Add(time.Second)
	require.NoError(t, j.Append(payload(2, 10), 1))
	first := j.Take(1, 1)
	_, oldestWaiting := j.Waiting()
	assert.Equal(t, now.UnixNano(), oldestWaiting)
	assert.Equal(t, time.Unix(1000, 0).UnixNano(), j.Usage().Oldest, "the record in flight is older")
	require.NoError(t, j.Delivered(first))
	assert.Equal(t, now.UnixNano(), j.Usage().Oldest)
}
