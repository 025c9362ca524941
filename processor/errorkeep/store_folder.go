package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"errors"
	"fmt"
	"time"

	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

// folderStore is the rescue store in a folder, and errorkeep's write-ahead log: every
// group of a batch that waits for a decision is written there before the batch is
// acknowledged (a record of kind accepted), and waits there instead of memory; a
// decision closes it with a marker (let go: the records become the rescue store's;
// handed on: the next consumer took the kept trace). What no marker closes when the
// process starts was accepted by a process that was killed, and is recovered.
type folderStore struct {
	*rescueStore
	dir          string
	syncInterval time.Duration
	lastSync     time.Time // only tend, on the decision loop, reads and writes it
}

var _ traceStore = (*folderStore)(nil)

// openFolderStore opens the folder (creating it) and takes over what an earlier run
// left there; ps counts the torn bytes cut from its segments.
func openFolderStore(cfg *Config, now func() time.Time, logger *zap.Logger, ps *pass) (*folderStore, error) {
	store, rec, err := spanstore.Open(spanstore.Options{Dir: cfg.Directory, Window: cfg.RescueWindow, MaxBytes: cfg.RescueMaxBytes, Now: now})
	if err != nil {
		return nil, fmt.Errorf("errorkeep: directory: %w", err)
	}
	ps.out.truncatedBytes += rec.TruncatedBytes
	logger.Info("errorkeep rescue store opened",
		zap.String("directory", cfg.Directory),
		zap.Int("segments_taken_over", rec.Segments),
		zap.Int64("traces_held", rec.Traces),
		zap.Int64("torn_bytes_cut", rec.TruncatedBytes),
		zap.Int("segments_expired", rec.Expired))
	return &folderStore{
		rescueStore:  &rescueStore{store: store, logger: logger},
		dir:          cfg.Directory,
		syncInterval: cfg.SyncInterval,
	}, nil
}

func (f *folderStore) current() uint32    { return f.store.Current() }
func (f *folderStore) protect(seq uint32) { f.store.Protect(seq) }

func (f *folderStore) accept(ps *pass, g *traceGroup) error {
	seq, err := f.write(ps, spanstore.KindAccepted, g.id, g.pieces.List, g.pieces.Spans)
	g.stored, g.storedFrom = err == nil, seq
	if err != nil {
		// Held in memory instead; its trace's records in the folder, if any, start here.
		g.storedFrom = f.store.Current()
	}
	if errors.Is(err, spanstore.ErrFull) {
		return err
	}
	return nil
}

// letGo closes what trace t has in the folder with a let-go marker, and writes what
// it holds in memory (a group whose write failed) as not kept.
func (f *folderStore) letGo(ps *pass, t *bufferedTrace) uint32 {
	var seq uint32
	if t.summary.has(flagInStore) {
		seq = f.mark(ps, spanstore.KindLetGo, t.id)
	}
	if s := f.rescueStore.letGo(ps, t); s != 0 {
		seq = s
	}
	return seq
}

func (f *folderStore) handedOn(ps *pass) {
	for i := range ps.kept.traces {
		f.mark(ps, spanstore.KindHandedOn, ps.kept.traces[i].id)
	}
}

func (f *folderStore) flush(ps *pass) {
	if err := f.store.Flush(); err != nil {
		ps.out.writeFailures++
		f.logger.Warn("errorkeep: writing accepted spans to the folder failed; they are held in memory only",
			zap.String("directory", f.dir), zap.Error(err))
	}
}

func (f *folderStore) tend(now time.Time) (synced bool, took time.Duration, err error) {
	if f.syncInterval > 0 && now.Sub(f.lastSync) >= f.syncInterval {
		f.lastSync, synced = now, true
		start := time.Now() // the real clock, not the injected one: this is a duration of work
		err = f.store.Sync()
		took = time.Since(start)
	} else {
		err = f.store.Flush()
	}
	if err != nil {
		err = fmt.Errorf("writing to the folder %s: %w", f.dir, err)
	}
	// Expired traces are the store's normal turnover, not a loss: not counted.
	f.store.Expire()
	return synced, took, err
}

func (f *folderStore) recoverUndecided(ps *pass) ptrace.Traces {
	td := ptrace.NewTraces()
	undecided, err := f.store.Undecided()
	if err != nil {
		f.logger.Warn("errorkeep: some records left by the last run could not be read", zap.Error(err))
	}
	var unmarshaler ptrace.ProtoUnmarshaler
	for i := range undecided {
		u := &undecided[i]
		f.mark(ps, spanstore.KindHandedOn, u.TraceID)
		for _, payload := range u.Payloads {
			part, err := unmarshaler.UnmarshalTraces(payload)
			if err != nil {
				continue // our own encoding, checksummed: cannot happen short of a bug
			}
			setTraceID(part, u.TraceID)
			part.ResourceSpans().MoveAndAppendTo(td.ResourceSpans())
		}
		ps.out.recoveredTraces++
		ps.out.recoveredSpans += u.Spans
	}
	return td
}
