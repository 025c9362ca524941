package spanstore

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeAndClose fills a folder with traces 0..n-1 as a run that ended would leave it.
func writeAndClose(t *testing.T, dir string, clock *fakeClock, n int) {
	t.Helper()
	s, _, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	for i := range n {
		put(t, s, i, 200)
	}
	require.NoError(t, s.Close())
}

func lastSegment(t *testing.T, dir string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "segment-*.ekspans"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files[len(files)-1]
}

func TestReopenTakesOverTheFolder(t *testing.T) {
	dir, clock := t.TempDir(), newClock()
	writeAndClose(t, dir, clock, 10)
	s, rec, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	defer s.Close()
	assert.Equal(t, Recovered{Segments: 1, Traces: 10}, rec)
	taken, err := s.Take(traceID(7))
	require.NoError(t, err)
	assert.Equal(t, [][]byte{payloadOf(7, 200)}, taken.Payloads)
	assert.Equal(t, int64(3), taken.Spans)
	put(t, s, 11, 10) // appended after the records taken over
	require.NoError(t, s.Flush())
	taken, err = s.Take(traceID(11))
	require.NoError(t, err)
	assert.Equal(t, [][]byte{payloadOf(11, 10)}, taken.Payloads)
}

func TestReopenCutsATornTail(t *testing.T) {
	for name, damage := range map[string]func(t *testing.T, path string){
		"half-written record": func(t *testing.T, path string) {
			info, err := os.Stat(path)
			require.NoError(t, err)
			require.NoError(t, os.Truncate(path, info.Size()-100))
		},
		"flipped byte in the last record": func(t *testing.T, path string) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			data[len(data)-5] ^= 0xff
			require.NoError(t, os.WriteFile(path, data, 0o600))
		},
		"garbage after the last record": func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			require.NoError(t, err)
			_, err = f.Write([]byte("\xff\xff\xff\xff\xff\xff\xff\x7fnot a record"))
			require.NoError(t, err)
			require.NoError(t, f.Close())
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir, clock := t.TempDir(), newClock()
			writeAndClose(t, dir, clock, 10)
			damage(t, lastSegment(t, dir))
			s, rec, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
			require.NoError(t, err, "a torn tail never stops a start")
			defer s.Close()
			assert.Positive(t, rec.TruncatedBytes)
			assert.GreaterOrEqual(t, rec.Traces, int64(9))
			assert.True(t, s.Holds(traceID(0)))
			// What is left is whole: a restart after the cut reads it cleanly.
			require.NoError(t, s.Close())
			s2, rec2, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
			require.NoError(t, err)
			defer s2.Close()
			assert.Zero(t, rec2.TruncatedBytes)
			assert.Equal(t, rec.Traces, rec2.Traces)
		})
	}
}

func TestReopenDropsWhatOutlivedTheWindow(t *testing.T) {
	dir, clock := t.TempDir(), newClock()
	writeAndClose(t, dir, clock, 3)
	clock.advance(2 * time.Minute)
	s, rec, err := Open(Options{Dir: dir, Window: time.Minute, MaxBytes: 1 << 20, Now: clock.now})
	require.NoError(t, err)
	defer s.Close()
	assert.Equal(t, Recovered{Expired: 1}, rec)
	assert.Empty(t, mustGlob(t, dir))
}

func TestAFolderThatCannotBeUsedFailsWithItsPath(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	_, _, err := Open(Options{Dir: filepath.Join(file, "errorkeep"), Window: time.Minute, MaxBytes: 1 << 20})
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(file, "errorkeep"))
}

func mustGlob(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "segment-*"))
	require.NoError(t, err)
	return files
}
