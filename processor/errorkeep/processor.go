package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"context"
	"errors"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.uber.org/zap"

	"github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"
)

// errorKeepProcessor buffers spans by trace, decides each trace once, and forwards
// every span of a kept trace together.
type errorKeepProcessor struct {
	cfg        *Config
	next       consumer.Traces
	logger     *zap.Logger
	telemetry  *keepTelemetry
	classifier classifier
	now        func() time.Time
	tick       time.Duration

	scratch       sync.Pool // of *cutScratch
	encodeBuffers sync.Pool // of *[]byte, for putting kept traces together

	mu           sync.Mutex
	buffer       traceBuffer
	decisions    decisionCache
	store        *spanstore.Store // nil when rescue is off; set by Start
	storeScratch storeScratch
	lastSync     time.Time // when the store's folder was last fsynced (sync_interval)

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
		cfg:        cfg,
		next:       next,
		logger:     set.Logger,
		classifier: newClassifier(cfg),
		now:        time.Now,
		tick:       tickFor(cfg),
		buffer:     newTraceBuffer(),
		decisions:  newDecisionCache(cfg.DecisionCacheSize),
		stop:       make(chan context.Context, 1),
		done:       make(chan struct{}),
	}
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

// Start opens the rescue store, launches the decision loop and logs the effective
// settings once.
func (p *errorKeepProcessor) Start(ctx context.Context, _ component.Host) error {
	p.lifecycle.Lock()
	defer p.lifecycle.Unlock()
	if p.started {
		return nil
	}
	var out outcome
	store, err := p.openStore(&out)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.store = store
	p.mu.Unlock()
	// What a killed process had accepted and not decided is decided again, late.
	if err := p.recoverUndecided(ctx, &out); err != nil {
		p.logger.Warn("errorkeep: recovered spans could not be forwarded", zap.Error(err))
	}
	p.telemetry.record(ctx, &out)
	p.started = true
	p.logger.Info("errorkeep started",
		zap.Duration("decision_wait", p.cfg.DecisionWait),
		zap.Duration("root_span_grace", p.cfg.RootSpanGrace),
		zap.Duration("latency_threshold", p.cfg.LatencyThreshold),
		zap.Int("http_status_floor", p.cfg.HTTPStatusFloor),
		zap.Float64("healthy_percent", p.cfg.HealthyPercent),
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
		p.mu.Lock()
		store := p.store
		p.mu.Unlock()
		if store != nil {
			err = errors.Join(err, store.Close())
		}
	})
	return err
}

func (p *errorKeepProcessor) held() usage {
	p.mu.Lock()
	defer p.mu.Unlock()
	u := usage{bufferedTraces: int64(p.buffer.len()), bufferedBytes: p.buffer.bytes}
	if p.store != nil {
		u.rescueBytes, u.rescueTraces = p.store.Usage()
	}
	return u
}

// ConsumeTraces buffers spans under their trace. Spans of a trace already decided
// follow that decision at once. When the buffer is full, the oldest traces are
// decided early to make room.
func (p *errorKeepProcessor) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	scratch := p.scratch.Get().(*cutScratch)
	defer func() {
		scratch.reset()
		p.scratch.Put(scratch)
	}()
	groups, err := p.classifier.cutBatch(td, scratch)
	if err != nil {
		return err
	}
	var (
		out  outcome
		kept keptTraces
	)
	now := p.now()
	p.mu.Lock()
	pending := scratch.pending[:0]
	for _, g := range groups {
		if d, ok := p.decisions.get(g.id); ok {
			p.followLate(g, d, &kept, &out)
			continue
		}
		pending = append(pending, g)
	}
	scratch.pending = pending
	if !p.durable() {
		err = p.repackIfWasteful(scratch)
	}
	if err == nil {
		p.accept(pending, now, &kept, &out)
		p.admit(pending, now, &kept, &out)
	}
	p.mu.Unlock()
	if len(pending) > 0 {
		p.flushAccepted(&out)
	}
	p.telemetry.record(ctx, &out)
	if err != nil {
		return err
	}
	return p.forward(ctx, &kept)
}

// repackIfWasteful copies the pending groups of a batch out of its slab when holding
// the slab for them would cost far more memory than they are (spanstore.NeedsRepack).
// In a folder it is never needed: the groups wait there, not in their slab.
func (p *errorKeepProcessor) repackIfWasteful(scratch *cutScratch) error {
	for _, g := range scratch.pending {
		scratch.repack = append(scratch.repack, &g.pieces)
	}
	if !spanstore.NeedsRepack(scratch.repack, p.cfg.MaxBufferedBytes) {
		return nil
	}
	return spanstore.Repack(scratch.repack, spanstore.RepackLimit(p.cfg.MaxBufferedBytes))
}

// admit buffers the groups of one batch that follow no decision yet. The caller
// holds p.mu.
func (p *errorKeepProcessor) admit(pending []*traceGroup, now time.Time, kept *keptTraces, out *outcome) {
	for _, g := range pending {
		// Making room for an earlier group may have decided this trace.
		if d, ok := p.decidedMeanwhile(g.id, out); ok {
			p.followLate(g, d, kept, out)
			continue
		}
		t := p.buffer.get(g.id)
		overflows := p.buffer.bytes+p.need(g, t) > p.cfg.MaxBufferedBytes
		// A trace that is itself what fills the buffer is decided now with what it
		// has, rather than let it push out everything else. Its later spans follow.
		if overflows && p.isOversized(g, t) {
			t = p.bufferGroup(g, t, now)
			out.early++
			p.decideLocked(t, now, kept, out)
			continue
		}
		if (overflows || (t == nil && p.buffer.len() >= p.cfg.MaxTraces)) && !p.makeRoom(g, t, kept, out, now) {
			d, _ := p.decisions.get(g.id) // making room decided this very trace
			p.followLate(g, d, kept, out)
			continue
		}
		p.bufferGroup(g, t, now)
	}
}

// bufferGroup adds a group's spans to its trace t, creating the trace when t is nil.
// The caller holds p.mu.
func (p *errorKeepProcessor) bufferGroup(g *traceGroup, t *bufferedTrace, now time.Time) *bufferedTrace {
	if t == nil {
		t = p.buffer.add(g.id, now)
	}
	p.buffer.hold(t, g)
	if t.storedFrom == 0 {
		t.storedFrom = g.storedFrom
	}
	if g.summary.hasRoot && p.cfg.RootSpanGrace > 0 {
		p.buffer.setRootDeadline(t, now.Add(p.cfg.RootSpanGrace))
	}
	return t
}

// oversizedShare is the share of max_buffered_bytes above which a trace that
// needs room is decided itself instead of evicting older traces.
const oversizedShare = 4

// need is what buffering g would add to the buffer's bytes; t is its trace, or nil.
func (p *errorKeepProcessor) need(g *traceGroup, t *bufferedTrace) int64 {
	n := p.buffer.newBytes(g)
	if t == nil {
		n += perTraceOverhead
	}
	return n
}

// isOversized reports that g's trace's spans alone would take more than
// 1/oversizedShare of the buffer. Spans in the store's folder take none of it.
func (p *errorKeepProcessor) isOversized(g *traceGroup, t *bufferedTrace) bool {
	if g.stored {
		return false
	}
	own := int64(g.summary.bytes)
	if t != nil && !t.summary.inStore {
		own += int64(t.summary.bytes)
	}
	return own > p.cfg.MaxBufferedBytes/oversizedShare
}

// makeRoom decides the oldest traces until g fits, in bytes and, for a new trace, in
// traces. It returns false when that decided g's own trace t.
func (p *errorKeepProcessor) makeRoom(g *traceGroup, t *bufferedTrace, kept *keptTraces, out *outcome, now time.Time) bool {
	for p.buffer.len() > 0 {
		if p.buffer.bytes+p.need(g, t) <= p.cfg.MaxBufferedBytes && (t != nil || p.buffer.len() < p.cfg.MaxTraces) {
			return true
		}
		oldest := p.buffer.oldest()
		out.early++
		p.decideLocked(oldest, now, kept, out)
		if oldest == t {
			return false
		}
	}
	return true
}

// decideDue decides every trace whose wait is over, or whose root span's grace is.
func (p *errorKeepProcessor) decideDue(ctx context.Context, now time.Time) {
	var (
		out  outcome
		kept keptTraces
	)
	p.mu.Lock()
	nowNs, wait := now.UnixNano(), p.cfg.DecisionWait.Nanoseconds()
	for t := p.buffer.oldest(); t != nil && nowNs >= t.firstSeen+wait; t = p.buffer.oldest() {
		p.decideLocked(t, now, &kept, &out)
	}
	for t := p.buffer.oldestRoot(); t != nil && nowNs >= t.rootDeadline(); t = p.buffer.oldestRoot() {
		p.decideLocked(t, now, &kept, &out)
	}
	p.mu.Unlock()
	p.deliver(ctx, &kept, &out)
	p.tendStore()
}

// tendStore writes what decision passes let go of to the store's folder, outside
// the processor's lock, and drops what outlived the rescue window.
func (p *errorKeepProcessor) tendStore() {
	p.mu.Lock()
	store, doSync := p.store, false
	if store != nil && p.durable() {
		store.Protect(p.protectFrom(0)) // nothing buffered: nothing to protect
		if now := p.now(); p.cfg.SyncInterval > 0 && now.Sub(p.lastSync) >= p.cfg.SyncInterval {
			p.lastSync, doSync = now, true
		}
	}
	p.mu.Unlock()
	if store == nil {
		return
	}
	var err error
	if doSync {
		start := time.Now() // the real clock, not the injected one: this is a duration of work
		err = store.Sync()
		p.telemetry.recordSync(context.Background(), time.Since(start))
	} else {
		err = store.Flush()
	}
	if err != nil {
		p.logger.Warn("errorkeep rescue store: writing to the folder failed", zap.String("directory", p.cfg.Directory), zap.Error(err))
	}
	// Expired traces are the store's normal turnover, not a loss: not counted.
	store.Expire()
}

// flushAll decides every buffered trace now, as at shutdown.
func (p *errorKeepProcessor) flushAll(ctx context.Context) {
	var (
		out  outcome
		kept keptTraces
	)
	now := p.now()
	p.mu.Lock()
	for t := p.buffer.oldest(); t != nil; t = p.buffer.oldest() {
		p.decideLocked(t, now, &kept, &out)
	}
	p.mu.Unlock()
	p.deliver(ctx, &kept, &out)
}

// deliver records a decision pass and forwards what it kept; nobody waits for the
// error, so it is logged.
func (p *errorKeepProcessor) deliver(ctx context.Context, kept *keptTraces, out *outcome) {
	p.telemetry.record(ctx, out)
	if err := p.forward(ctx, kept); err != nil && !errors.Is(err, context.Canceled) {
		p.logger.Warn("errorkeep could not forward kept traces", zap.Int("traces", len(kept.traces)), zap.Error(err))
	}
}

// maxPooledEncodeBuffer: a buffer grown for an unusually large pass (a flush at
// shutdown, say) is left to the garbage collector rather than kept.
const maxPooledEncodeBuffer = 4 << 20

// forward decodes what was kept and hands it to the next consumer.
func (p *errorKeepProcessor) forward(ctx context.Context, kept *keptTraces) error {
	if kept.empty() {
		return nil
	}
	bufp := p.encodeBuffers.Get().(*[]byte)
	td, buf, err := kept.decode(*bufp)
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
	p.handedOn(ctx, kept)
	return nil
}

// decideLocked decides t, removes it from the buffer, remembers the decision and,
// when kept, adds it to kept. The caller holds p.mu.
func (p *errorKeepProcessor) decideLocked(t *bufferedTrace, now time.Time, kept *keptTraces, out *outcome) {
	p.buffer.remove(t)
	reason := p.classifier.reason(&t.summary)
	d := keptWith(0)
	if reason == reasonNone {
		reason = reasonSampled
		d = keptWith(p.classifier.healthyT)
		if !p.classifier.sampled(t.id, &t.summary) {
			d = letGoTo(0)
		}
	}
	out.latencies = append(out.latencies, time.Duration(now.UnixNano()-t.firstSeen))
	spans := int64(t.summary.spans)
	if !d.keep() {
		d = letGoTo(p.letGoTrace(t, out))
		p.decisions.put(t.id, d)
		out.droppedTrace++
		out.droppedSpans += spans
		return
	}
	p.decisions.put(t.id, d)
	out.keptTraces[reason]++
	out.keptSpans[reason] += spans
	kept.addTrace(t, d.threshold())
	// A trace the decision cache had forgotten may have been let go of before: its
	// earlier spans come back with it.
	p.rescue(t.id, d.threshold(), kept, out)
}
