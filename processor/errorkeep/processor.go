package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"context"
	"errors"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor"
	"go.uber.org/zap"
)

// errorKeepProcessor buffers spans by trace, decides each trace once, and forwards
// every span of a kept trace together.
type errorKeepProcessor struct {
	cfg        *Config
	next       consumer.Traces
	logger     *zap.Logger
	telemetry  *keepTelemetry
	classifier classifier
	healthyT   uint64 // rejection threshold for healthy traces
	now        func() time.Time
	tick       time.Duration

	mu        sync.Mutex
	buffer    traceBuffer
	decisions decisionCache

	lifecycle    sync.Mutex
	started      bool
	stop         chan struct{}
	done         chan struct{}
	shutdownOnce sync.Once
	flushCtx     context.Context //nolint:containedctx // handed from Shutdown to the loop so the final flush honours its deadline
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
		healthyT:   thresholdForPercent(cfg.HealthyPercent),
		now:        time.Now,
		tick:       tickFor(cfg),
		buffer:     newTraceBuffer(),
		decisions:  newDecisionCache(cfg.DecisionCacheSize),
		stop:       make(chan struct{}),
		done:       make(chan struct{}),
	}
	for _, o := range opts {
		o(p)
	}
	t, err := newKeepTelemetry(set, p.buffered)
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

// Capabilities: errorkeep moves spans out of the batches it receives (groupByTrace).
func (p *errorKeepProcessor) Capabilities() consumer.Capabilities {
	return consumer.Capabilities{MutatesData: true}
}

// Start launches the decision loop and logs the effective settings once.
func (p *errorKeepProcessor) Start(context.Context, component.Host) error {
	p.lifecycle.Lock()
	defer p.lifecycle.Unlock()
	if p.started {
		return nil
	}
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
	)
	go p.loop()
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
		case <-p.stop:
			p.flushAll(p.flushCtx)
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
		p.flushCtx = ctx
		p.lifecycle.Unlock()
		defer p.telemetry.close()
		if !started {
			p.flushAll(ctx)
			return
		}
		close(p.stop)
		select {
		case <-p.done:
		case <-ctx.Done():
			err = ctx.Err()
		}
	})
	return err
}

func (p *errorKeepProcessor) buffered() (traces, bytes int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return int64(p.buffer.len()), p.buffer.bytes
}

// ConsumeTraces buffers spans under their trace. Spans of a trace already decided
// follow that decision at once. When the buffer is full, the oldest traces are
// decided early to make room.
func (p *errorKeepProcessor) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	groups := p.classifier.groupByTrace(td)
	chunks := make([][]byte, len(groups))
	var marshaler ptrace.ProtoMarshaler
	for i, g := range groups {
		b, err := marshaler.MarshalTraces(g.traces)
		if err != nil {
			return err
		}
		chunks[i] = b
	}

	var (
		out     outcome
		forward = ptrace.NewTraces()
	)
	now := p.now()
	p.mu.Lock()
	for i, g := range groups {
		if d, ok := p.decisions.get(g.id); ok {
			p.followDecision(g, d, forward, &out)
			continue
		}
		need := int64(len(chunks[i]))
		// A trace that is itself what fills the buffer is decided now with what it
		// has, rather than let it push out everything else. Its later spans follow.
		oversized := p.isOversized(g.id, need)
		if !oversized {
			p.makeRoom(need, p.buffer.get(g.id) == nil, forward, &out, now)
			if d, ok := p.decisions.get(g.id); ok { // makeRoom may have decided this very trace
				p.followDecision(g, d, forward, &out)
				continue
			}
		}
		t := p.bufferChunk(g, chunks[i], now)
		if oversized {
			out.early++
			p.decideLocked(t, now, forward, &out)
		}
	}
	p.mu.Unlock()
	p.telemetry.record(ctx, &out)
	if forward.SpanCount() == 0 {
		return nil
	}
	return p.next.ConsumeTraces(ctx, forward)
}

// bufferChunk adds a group's encoded spans to its trace, creating the trace on its
// first spans. The caller holds p.mu.
func (p *errorKeepProcessor) bufferChunk(g *traceGroup, chunk []byte, now time.Time) *bufferedTrace {
	t := p.buffer.get(g.id)
	if t == nil {
		t = p.buffer.add(g.id, now)
	}
	p.buffer.appendChunk(t, chunk, &g.summary)
	if g.summary.hasRoot && p.cfg.RootSpanGrace > 0 {
		p.buffer.setRootDeadline(t, now.Add(p.cfg.RootSpanGrace))
	}
	return t
}

// followDecision applies a past decision to late spans.
func (p *errorKeepProcessor) followDecision(g *traceGroup, d decision, forward ptrace.Traces, out *outcome) {
	n := int64(g.summary.spans)
	if !d.keep {
		out.lateDropped += n
		return
	}
	out.lateKept += n
	setThreshold(g.traces, d.threshold)
	g.traces.ResourceSpans().MoveAndAppendTo(forward.ResourceSpans())
}

// oversizedShare is the share of max_buffered_bytes above which a trace that
// needs room is decided itself instead of evicting older traces.
const oversizedShare = 4

// isOversized reports that adding need bytes to trace id overflows the buffer and
// that the trace alone would hold more than 1/oversizedShare of it.
func (p *errorKeepProcessor) isOversized(id pcommon.TraceID, need int64) bool {
	if p.buffer.bytes+need+perTraceOverhead <= p.cfg.MaxBufferedBytes {
		return false
	}
	own := need
	if t := p.buffer.get(id); t != nil {
		own += t.bytes
	}
	return own > p.cfg.MaxBufferedBytes/oversizedShare
}

// makeRoom decides the oldest traces until need more bytes (and, for a new trace,
// one more trace) fit.
func (p *errorKeepProcessor) makeRoom(need int64, newTrace bool, forward ptrace.Traces, out *outcome, now time.Time) {
	extra := 0
	if newTrace {
		extra = 1
		need += perTraceOverhead
	}
	for p.buffer.len() > 0 && (p.buffer.bytes+need > p.cfg.MaxBufferedBytes || p.buffer.len()+extra > p.cfg.MaxTraces) {
		out.early++
		p.decideLocked(p.buffer.oldest(), now, forward, out)
	}
}

// decideDue decides every trace whose wait is over, or whose root span's grace is.
func (p *errorKeepProcessor) decideDue(ctx context.Context, now time.Time) {
	var out outcome
	forward := ptrace.NewTraces()
	p.mu.Lock()
	nowNs, wait := now.UnixNano(), p.cfg.DecisionWait.Nanoseconds()
	for t := p.buffer.oldest(); t != nil && nowNs >= t.firstSeen+wait; t = p.buffer.oldest() {
		p.decideLocked(t, now, forward, &out)
	}
	for t := p.buffer.oldestRoot(); t != nil && nowNs >= t.rootDeadline; t = p.buffer.oldestRoot() {
		p.decideLocked(t, now, forward, &out)
	}
	p.mu.Unlock()
	p.deliver(ctx, forward, &out)
}

// flushAll decides every buffered trace now, as at shutdown.
func (p *errorKeepProcessor) flushAll(ctx context.Context) {
	var out outcome
	forward := ptrace.NewTraces()
	now := p.now()
	p.mu.Lock()
	for t := p.buffer.oldest(); t != nil; t = p.buffer.oldest() {
		p.decideLocked(t, now, forward, &out)
	}
	p.mu.Unlock()
	p.deliver(ctx, forward, &out)
}

func (p *errorKeepProcessor) deliver(ctx context.Context, forward ptrace.Traces, out *outcome) {
	p.telemetry.record(ctx, out)
	if forward.SpanCount() == 0 {
		return
	}
	if err := p.next.ConsumeTraces(ctx, forward); err != nil && !errors.Is(err, context.Canceled) {
		p.logger.Warn("errorkeep could not forward kept traces", zap.Int("spans", forward.SpanCount()), zap.Error(err))
	}
}

// decideLocked decides t, removes it from the buffer, remembers the decision and,
// when kept, appends its spans to forward. The caller holds p.mu.
func (p *errorKeepProcessor) decideLocked(t *bufferedTrace, now time.Time, forward ptrace.Traces, out *outcome) {
	p.buffer.remove(t)
	reason := p.classifier.reason(&t.summary)
	d := decision{keep: true}
	if reason == reasonNone {
		reason = reasonSampled
		d.threshold = p.healthyT
		d.keep = sampledByThreshold(randomness(t.id, t.summary.otValue), p.healthyT)
	}
	p.decisions.put(t.id, d)
	out.latencies = append(out.latencies, time.Duration(now.UnixNano()-t.firstSeen))
	spans := int64(t.summary.spans)
	if !d.keep {
		out.droppedTrace++
		out.droppedSpans += spans
		return
	}
	out.keptTraces[reason]++
	out.keptSpans[reason] += spans
	var unmarshaler ptrace.ProtoUnmarshaler
	for _, chunk := range t.chunks {
		td, err := unmarshaler.UnmarshalTraces(chunk)
		if err != nil {
			// Chunks are our own encoding; this cannot happen short of memory corruption.
			p.logger.Error("errorkeep could not decode a buffered chunk", zap.Error(err))
			continue
		}
		setThreshold(td, d.threshold)
		td.ResourceSpans().MoveAndAppendTo(forward.ResourceSpans())
	}
}
