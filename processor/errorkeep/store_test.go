package errorkeep

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

// openStores opens each kind of store on cfg: none, memory, and a folder.
func openStores(t *testing.T, cfg *Config) map[string]traceStore {
	t.Helper()
	memory, err := newRescueStore(cfg, clockAt(t0), zap.NewNop())
	require.NoError(t, err)
	dirCfg := *cfg
	dirCfg.Directory = t.TempDir()
	folder, err := openFolderStore(&dirCfg, clockAt(t0), zap.NewNop(), &pass{})
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, memory.close()); assert.NoError(t, folder.close()) })
	return map[string]traceStore{"none": noStore{}, "memory": memory, "folder": folder}
}

func clockAt(at time.Time) func() time.Time { return func() time.Time { return at } }

// bufferedFrom is trace id of td as the buffer holds it, its spans in memory.
func bufferedFrom(t *testing.T, td ptrace.Traces) *bufferedTrace {
	t.Helper()
	rules := newKeepRules(defaultConfig())
	groups, err := cutBatch(td, &rules, newCutScratch())
	require.NoError(t, err)
	require.Len(t, groups, 1)
	b := newTraceBuffer()
	bt := b.add(groups[0].id, t0)
	b.hold(bt, groups[0])
	return bt
}

// Every store gives back, for rescue, what it was given when a trace was let go of;
// without one, nothing comes back and no miss is counted.
func TestStoresGiveBackWhatWasLetGoOf(t *testing.T) {
	for name, store := range openStores(t, defaultConfig()) {
		t.Run(name, func(t *testing.T) {
			id := traceID(11)
			bt := bufferedFrom(t, traceOf(id, spanSpec{span: 1}, spanSpec{span: 2, parent: 1}))
			ps := &pass{now: t0}
			seq := store.letGo(ps, bt)
			rescued := store.takeBack(ps, id, keptWith(0, 1))
			if name == "none" {
				assert.Zero(t, seq)
				assert.False(t, rescued)
				store.missedRescue(ps, seq)
				assert.Zero(t, ps.out.missed)
				return
			}
			assert.NotZero(t, seq, "the segment it went to")
			assert.True(t, rescued)
			assert.Equal(t, int64(1), ps.out.rescuedTraces)
			assert.Equal(t, int64(2), ps.out.rescuedSpans)
			td, _, err := ps.kept.decode(nil, nil)
			require.NoError(t, err)
			assert.Equal(t, 2, td.SpanCount())
			// Taken once: a second rescue finds nothing, and says why.
			assert.False(t, store.takeBack(ps, id, keptWith(0, 1)))
			store.missedRescue(ps, seq)
			assert.Equal(t, int64(1), ps.out.missed[spanstore.ReasonTaken])
		})
	}
}

// Only a folder writes ahead: a group it accepted is not held in memory, and what no
// marker closed comes back after a crash, once.
func TestOnlyAFolderWritesAhead(t *testing.T) {
	cfg := defaultConfig()
	for name, store := range openStores(t, cfg) {
		t.Run(name, func(t *testing.T) {
			rules := newKeepRules(cfg)
			groups, err := cutBatch(traceOf(traceID(12), spanSpec{span: 1}), &rules, newCutScratch())
			require.NoError(t, err)
			ps := &pass{now: t0}
			require.NoError(t, store.accept(ps, groups[0]))
			store.flush(ps)
			assert.Equal(t, name == "folder", groups[0].stored)
			assert.Equal(t, name == "folder", store.current() != 0)
			recovered := store.recoverUndecided(ps)
			if name != "folder" {
				assert.Zero(t, recovered.SpanCount())
				return
			}
			assert.Equal(t, 1, recovered.SpanCount())
			assert.Equal(t, int64(1), ps.out.recoveredTraces)
			assert.Zero(t, store.recoverUndecided(ps).SpanCount(), "marked handed on as it was recovered")
		})
	}
}
