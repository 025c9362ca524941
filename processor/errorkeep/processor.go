package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.uber.org/zap"
)

// errorKeepProcessor buffers spans by trace, decides each trace once, and forwards
// every span of a kept trace together. It is the top layer: its lifecycle, the
// decision loop, taking batches in and forwarding what was kept. What happens to a
// trace between its arrival and its decision is admission's.
type errorKeepProcessor struct {
	cfg       *Config
	next      consumer.Traces
	logger    *zap.Logger
	telemetry *keepTelemetry
	rules     *keepRules      // admission's decider's; cutBatch reads them without the lock: what it reads never changes
	reasons   *reasonRecorder // nil unless record_reason
	now       func() time.Time
	tick      time.Duration

	scratch       sync.Pool // of *cutScratch
	passes        passPool
	encodeBuffers sync.Pool // of *[]byte, for putting kept traces together

	mu  sync.Mutex
	adm admission

	lifecycle    sync.Mutex
	started      bool
	stop         chan context.Context // Shutdown hands the loop its context, so the final flush honours its deadline
	done         chan struct{}
	shutdownOnce sync.Once
}

// option tunes construction; tests use it to inject a clock.
type option func(*errorKeepProcessor)

func withClock(now func() time.Time) option {
	return func(p *errorKeepProcessor) { p.now = now }
}

var _ processor.Traces = (*errorKeepProcessor)(nil)

func newErrorKeepProcessor(set processor.Settings, cfg *Config, next consumer.Traces, opts ...option) (*errorKeepProcessor, error) {
	p := &errorKeepProcessor{
		cfg:     cfg,
		next:    next,
		logger:  set.Logger,
		now:     time.Now,
		tick:    tickFor(cfg),
		adm:     newAdmission(cfg),
		reasons: newReasonRecorder(cfg),
		stop:    make(chan context.Context, 1),
		done:    make(chan struct{}),
	}
	p.rules = &p.adm.decider.rules
	p.scratch.New = func() any { return newCutScratch() }
	p.encodeBuffers.New = func() any { return new([]byte) }
	for _, o := range opts {
		o(p)
	}
	t, err := newKeepTelemetry(set, p.held)
	if err != nil {
		return nil, err
	}
	p.telemetry = t
	return p, nil
}

// tickFor checks for due traces often enough that a decision is at most a tenth of
// the shortest wait late, without spinning.
func tickFor(cfg *Config) time.Duration {
	shortest := cfg.DecisionWait
	if cfg.RootSpanGrace > 0 && cfg.RootSpanGrace < shortest {
		shortest = cfg.RootSpanGrace
	}
	return min(max(shortest/10, 10*time.Millisecond), time.Second)
}

// Capabilities: errorkeep blanks the trace IDs of the batches it receives (cutBatch).
func (p *errorKeepProcessor) Capabilities() consumer.Capabilities {
	return consumer.Capabilities{MutatesData: true}
}

// Start opens the store, decides again what a killed process had not decided,
// launches the decision loop and logs the effective settings once.
func (p *errorKeepProcessor) Start(ctx context.Context, _ component.Host) error {
	p.lifecycle.Lock()
	defer p.lifecycle.Unlock()
	if p.started {
		return nil
	}
	ps := p.passes.get(p.now())
	defer p.passes.put(ps)
	store, err := p.openStore(ps)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.adm.store = store
	p.mu.Unlock()
	// What a killed process had accepted and not decided is decided again, late.
	if td := store.recoverUndecided(ps); td.SpanCount() > 0 {
		p.logger.Info("errorkeep recovered what the last run had not decided",
			zap.Int64("traces", ps.out.recoveredTraces), zap.Int64("spans", ps.out.recoveredSpans))
		if err := p.ConsumeTraces(ctx, td); err != nil {
			p.logger.Warn("errorkeep: recovered spans could not be forwarded", zap.Error(err))
		}
	}
	p.telemetry.record(ctx, &ps.out)
	p.rules.start(p.logger)
	p.started = true
	p.logger.Info("errorkeep started",
		zap.Duration("decision_wait", p.cfg.DecisionWait),
		zap.Duration("root_span_grace", p.cfg.RootSpanGrace),
		zap.Duration("latency_threshold", p.cfg.LatencyThreshold),
		zap.Int("http_status_floor", p.cfg.HTTPStatusFloor),
		zap.String("healthy_sampling", p.healthySampling()),
		zap.Int("conditions", len(p.cfg.Conditions)),
		zap.Int64("max_buffered_bytes", p.cfg.MaxBufferedBytes),
		zap.Int("max_traces", p.cfg.MaxTraces),
		zap.Duration("rescue_window", p.cfg.RescueWindow),
		zap.Int64("rescue_max_bytes", p.cfg.RescueMaxBytes),
		zap.String("directory", p.cfg.Directory),
	)
	if p.cfg.Directory != "" && p.cfg.DecisionWait >= p.cfg.RescueWindow {
		p.logger.Warn("errorkeep: decision_wait is not shorter than rescue_window: a crash loses the spans of traces that wait longer than rescue_window",
			zap.Duration("decision_wait", p.cfg.DecisionWait), zap.Duration("rescue_window", p.cfg.RescueWindow))
	}
	go p.loop() //nolint:gosec // the loop outlives Start, whose context ends with it; Shutdown stops it
	return nil
}

// healthySampling says how healthy traces are sampled, for the start-up log.
func (p *errorKeepProcessor) healthySampling() string {
	tp := &p.cfg.HealthyThroughput
	if !tp.enabled() {
		return strconv.FormatFloat(p.cfg.HealthyPercent, 'g', -1, 64) + "%"
	}
	replicas := strconv.Itoa(tp.Replicas)
	if tp.ReplicasDNS != "" {
		replicas = "the addresses of " + tp.ReplicasDNS + " (" + replicas + " until resolved)"
	}
	return fmt.Sprintf("%g traces/s shared by %s replica(s), by key %v, each key at least once every %s",
		tp.TracesPerSecond, replicas, tp.Key, tp.Interval)
}

// openStore opens the store the config asks for.
func (p *errorKeepProcessor) openStore(ps *pass) (traceStore, error) {
	switch {
	case p.cfg.RescueWindow <= 0:
		return noStore{}, nil
	case p.cfg.Directory == "":
		return newRescueStore(p.cfg, p.now, p.logger)
	}
	return openFolderStore(p.cfg, p.now, p.logger, ps)
}

func (p *errorKeepProcessor) loop() {
	defer close(p.done)
	ticker := time.NewTicker(p.tick)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			p.decideDue(context.Background(), p.now())
		case ctx := <-p.stop:
			p.flushAll(ctx)
			return
		}
	}
}

// Shutdown decides and forwards everything still buffered, within ctx's deadline.
// It is safe to call more than once, and without Start.
func (p *errorKeepProcessor) Shutdown(ctx context.Context) error {
	var err error
	p.shutdownOnce.Do(func() {
		p.lifecycle.Lock()
		started := p.started
		p.lifecycle.Unlock()
		defer p.telemetry.close()
		defer p.rules.stop()
		if !started {
			p.flushAll(ctx)
			return
		}
		p.stop <- ctx
		select {
		case <-p.done:
		case <-ctx.Done():
			err = ctx.Err()
		}
		// What was let go of at shutdown stays in the folder for the next run.
		err = errors.Join(err, p.store().close())
	})
	return err
}

// store is admission's store, set once at Start.
func (p *errorKeepProcessor) store() traceStore {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.adm.store
}

func (p *errorKeepProcessor) held() usage {
	p.mu.Lock()
	defer p.mu.Unlock()
	u := usage{bufferedTraces: int64(p.adm.buffer.len()), bufferedBytes: p.adm.buffer.bytes}
	u.rescueBytes, u.rescueTraces = p.adm.store.usage()
	return u
}

// ConsumeTraces buffers spans under their trace. Spans of a trace already decided
// follow that decision at once. When the buffer is full, the oldest traces are
// decided early to make room. With a folder, the batch is on disk before it returns.
func (p *errorKeepProcessor) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	scratch := p.scratch.Get().(*cutScratch)
	defer func() {
		scratch.reset()
		p.scratch.Put(scratch)
	}()
	if _, err := cutBatch(td, p.rules, scratch); err != nil {
		return err
	}
	ps := p.passes.get(p.now())
	defer p.passes.put(ps)
	p.mu.Lock()
	err := p.adm.take(ps, scratch)
	store := p.adm.store
	p.mu.Unlock()
	if len(scratch.pending) > 0 {
		store.flush(ps)
	}
	if err == nil {
		err = p.forward(ctx, ps, store)
	}
	p.telemetry.record(ctx, &ps.out)
	return err
}

// decideDue decides every trace whose wait is over, or whose root span's grace is,
// and tends the store.
func (p *errorKeepProcessor) decideDue(ctx context.Context, now time.Time) {
	ps := p.passes.get(now)
	defer p.passes.put(ps)
	p.mu.Lock()
	p.adm.decideDue(ps)
	p.adm.protectUndecided()
	store := p.adm.store
	p.mu.Unlock()
	p.deliver(ctx, ps, store)
	// Outside the lock: writing to the folder, and an fsync, take time.
	synced, took, err := store.tend(now)
	if synced {
		p.telemetry.recordSync(ctx, took)
	}
	if err != nil {
		p.logger.Warn("errorkeep rescue store: writing to the folder failed", zap.Error(err))
	}
}

// flushAll decides every buffered trace now, as at shutdown.
func (p *errorKeepProcessor) flushAll(ctx context.Context) {
	ps := p.passes.get(p.now())
	defer p.passes.put(ps)
	p.mu.Lock()
	p.adm.decideAll(ps)
	store := p.adm.store
	p.mu.Unlock()
	p.deliver(ctx, ps, store)
}

// deliver forwards what a decision pass kept and records what it did; nobody waits
// for the error, so it is logged.
func (p *errorKeepProcessor) deliver(ctx context.Context, ps *pass, store traceStore) {
	if err := p.forward(ctx, ps, store); err != nil && !errors.Is(err, context.Canceled) {
		p.logger.Warn("errorkeep could not forward kept traces", zap.Int("traces", len(ps.kept.traces)), zap.Error(err))
	}
	p.telemetry.record(ctx, &ps.out)
}

// maxPooledEncodeBuffer: a buffer grown for an unusually large pass (a flush at
// shutdown, say) is left to the garbage collector rather than kept.
const maxPooledEncodeBuffer = 4 << 20

// forward decodes what the pass kept and hands it to the next consumer; then the
// store notes that it was handed on.
func (p *errorKeepProcessor) forward(ctx context.Context, ps *pass, store traceStore) error {
	if ps.kept.empty() {
		return nil
	}
	bufp := p.encodeBuffers.Get().(*[]byte)
	td, buf, err := ps.kept.decode(*bufp, p.reasons)
	if cap(buf) <= maxPooledEncodeBuffer {
		*bufp = buf[:0]
		p.encodeBuffers.Put(bufp)
	}
	if err != nil {
		// The pieces are our own encoding; this cannot happen short of memory corruption.
		p.logger.Error("errorkeep could not decode buffered spans", zap.Error(err))
		return err
	}
	if err := p.next.ConsumeTraces(ctx, td); err != nil {
		return err
	}
	store.handedOn(ps)
	return nil
}
