package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/processor"
	"go.uber.org/zap"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"
)

// deliverFunc decodes a request (one or several payloads concatenated) and hands it
// to the next consumer.
type deliverFunc func(ctx context.Context, request []byte) error

// handoff is the signal-independent part of the processor: the folder, the
// deliveries and the drain. The per-signal types in signals.go encode what they are
// given and decode what they deliver.
type handoff struct {
	cfg       *Config
	id        component.ID
	signal    journal.Signal
	dir       string // this instance's folder; empty in memory
	deliver   deliverFunc
	logger    *zap.Logger
	telemetry *handoffTelemetry
	now       func() time.Time
	// jitter returns a wait in [d/2, d]: retries of many deliveries spread out.
	jitter func(d time.Duration) time.Duration
	// clock is shared by every handoff of the collector: one drain deadline for all.
	clock *drainClock

	journal   *journal.Journal // set by Start
	buffers   sync.Pool        // of *[]byte, for reading requests back
	wake      chan struct{}    // a request was accepted, or the drain began
	slots     chan struct{}    // one per delivery in flight
	stop      chan struct{}    // closed to stop the dispatcher
	stopCtx   context.Context  // cancelled when deliveries must stop (drain over)
	stopAll   context.CancelFunc
	draining  atomic.Bool
	drained   chan struct{} // closed once nothing is left to deliver while draining
	drainOnce sync.Once
	workers   sync.WaitGroup

	lifecycle    sync.Mutex
	started      bool
	shutdownOnce sync.Once
}

// option tunes construction; tests use it to inject a clock and jitter.
type option func(*handoff)

func withClock(now func() time.Time) option { return func(h *handoff) { h.now = now } }

func withJitter(jitter func(time.Duration) time.Duration) option {
	return func(h *handoff) { h.jitter = jitter }
}

func newHandoff(set processor.Settings, cfg *Config, clock *drainClock, signal journal.Signal, deliver deliverFunc, opts ...option) (*handoff, error) {
	h := &handoff{
		cfg:     cfg,
		clock:   clock,
		id:      set.ID,
		signal:  signal,
		deliver: deliver,
		logger:  set.Logger,
		now:     time.Now,
		jitter:  halfJitter,
		wake:    make(chan struct{}, 1),
		slots:   make(chan struct{}, cfg.NumConsumers),
		stop:    make(chan struct{}),
		drained: make(chan struct{}),
	}
	if cfg.Directory != "" {
		h.dir = filepath.Join(cfg.Directory, folderName(set.ID), signal.String())
	}
	h.buffers.New = func() any { return new([]byte) }
	for _, o := range opts {
		o(h)
	}
	t, err := newHandoffTelemetry(set, signal, cfg.MaxBytes, h.usage)
	if err != nil {
		return nil, err
	}
	h.telemetry = t
	return h, nil
}

// folderName turns a component ID into a folder name: handoff/jaeger -> handoff_jaeger.
func folderName(id component.ID) string {
	return strings.ReplaceAll(id.String(), "/", "_")
}

// Start opens the folder, hands what an earlier run left undelivered to the
// deliveries, and starts them.
func (h *handoff) Start(ctx context.Context, _ component.Host) error {
	h.lifecycle.Lock()
	defer h.lifecycle.Unlock()
	if h.started {
		return nil
	}
	j, rec, err := journal.Open(journal.Options{
		Dir:          h.dir,
		Signal:       h.signal,
		MaxBytes:     h.cfg.MaxBytes,
		SegmentBytes: h.cfg.SegmentBytes,
		Now:          h.now,
	})
	if err != nil {
		if errors.Is(err, journal.ErrLocked) {
			return fmt.Errorf("handoff %s (%s): %w: give each pipeline of a signal its own handoff (handoff/<name>), and each collector its own volume", h.id, h.signal, err)
		}
		return fmt.Errorf("handoff %s (%s): %w", h.id, h.signal, err)
	}
	h.journal = j
	h.telemetry.recovered(ctx, rec)
	h.stopCtx, h.stopAll = context.WithCancel(context.Background())
	h.started = true
	h.clock.started()
	where := h.dir
	if where == "" {
		where = "memory (lost with the process)"
	}
	h.logger.Info("handoff started",
		zap.String("signal", h.signal.String()),
		zap.String("folder", where),
		zap.Int64("max_bytes", h.cfg.MaxBytes),
		zap.Duration("drain_timeout", h.cfg.DrainTimeout),
		zap.Int("num_consumers", h.cfg.NumConsumers),
		zap.Int("batch_min_items", h.cfg.Batch.MinItems),
		zap.Int("batch_max_items", h.cfg.Batch.MaxItems),
		zap.Duration("sync_interval", h.cfg.SyncInterval),
	)
	if rec.Records > 0 || rec.TruncatedBytes > 0 {
		h.logger.Info("handoff: delivering what an earlier run left in the folder",
			zap.String("signal", h.signal.String()),
			zap.String("folder", h.dir),
			zap.Int64("items", rec.Items),
			zap.Int64("bytes", rec.Bytes),
			zap.Int("requests", rec.Records),
			zap.Int64("truncated_bytes", rec.TruncatedBytes),
		)
	}
	h.workers.Add(1)
	go h.dispatch()
	if h.cfg.SyncInterval > 0 {
		h.workers.Add(1)
		go h.syncLoop()
	}
	return nil
}

// Shutdown keeps delivering until nothing accepted is left or drain_timeout (or ctx)
// passes; then it stops the deliveries, counts and logs what is left, and closes the
// folder. It is safe to call more than once, and without Start.
func (h *handoff) Shutdown(ctx context.Context) error {
	var err error
	h.shutdownOnce.Do(func() {
		h.lifecycle.Lock()
		started := h.started
		h.lifecycle.Unlock()
		defer h.telemetry.close()
		if !started {
			return
		}
		defer h.clock.stopped()
		began := h.now()
		h.draining.Store(true)
		h.poke()
		h.checkDrained()
		if wait := h.clock.deadline(began, h.cfg.DrainTimeout).Sub(began); wait > 0 {
			timer := time.NewTimer(wait)
			select {
			case <-h.drained:
			case <-timer.C:
			case <-ctx.Done():
			}
			timer.Stop()
		}
		h.stopAll()
		close(h.stop)
		h.workers.Wait()
		h.reportLeft(ctx, h.now().Sub(began))
		if h.cfg.SyncInterval > 0 {
			err = h.journal.Sync()
		}
		err = errors.Join(err, h.journal.Close())
	})
	return err
}

// reportLeft logs what the drain delivered, or what it left and where: sizes, never
// content.
func (h *handoff) reportLeft(ctx context.Context, took time.Duration) {
	u := h.journal.Usage()
	if u.Records == 0 {
		h.logger.Info("handoff drained: everything accepted was delivered",
			zap.String("signal", h.signal.String()), zap.Duration("took", took))
		return
	}
	h.telemetry.left(ctx, u)
	where := "the folder " + h.dir + ", for a next start on it"
	if h.dir == "" {
		where = "memory: lost with the process"
	}
	h.logger.Warn("handoff: drain_timeout passed with items undelivered; they are left in "+where,
		zap.String("signal", h.signal.String()),
		zap.Int64("items", u.Items),
		zap.Int64("bytes", u.Bytes),
		zap.Int64("requests", u.Records),
		zap.Duration("drain_timeout", h.cfg.DrainTimeout),
		zap.Duration("took", took),
	)
}

// accept writes a request to the folder before the caller is answered.
func (h *handoff) accept(ctx context.Context, request []byte, items int) error {
	if err := h.journal.Append(request, items); err != nil {
		h.telemetry.refused(ctx, items)
		if errors.Is(err, journal.ErrFull) {
			return fmt.Errorf("handoff %s: %w (max_bytes %d): the next tier is not keeping up or is down", h.id, err, h.cfg.MaxBytes)
		}
		return fmt.Errorf("handoff %s: %w", h.id, err)
	}
	h.telemetry.accepted(ctx, items)
	h.poke()
	return nil
}

// poke wakes the dispatcher without blocking.
func (h *handoff) poke() {
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// checkDrained closes drained once nothing is left to deliver while draining.
func (h *handoff) checkDrained() {
	if h.draining.Load() && h.journal.Usage().Records == 0 {
		h.drainOnce.Do(func() { close(h.drained) })
	}
}

func (h *handoff) usage() journal.Usage {
	h.lifecycle.Lock()
	j := h.journal
	h.lifecycle.Unlock()
	if j == nil {
		return journal.Usage{}
	}
	return j.Usage()
}

func (h *handoff) syncLoop() {
	defer h.workers.Done()
	ticker := time.NewTicker(h.cfg.SyncInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			if err := h.journal.Sync(); err != nil {
				h.logger.Warn("handoff: fsync of the folder failed", zap.String("folder", h.dir), zap.Error(err))
			}
		case <-h.stop:
			return
		}
	}
}

func halfJitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	return d/2 + rand.N(d/2+1) //nolint:gosec // spreading retries needs no cryptographic randomness
}
