package loadtest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
)

// Load is what a generator did during one run.
type Load struct {
	Sent    int64             // spans the collector accepted (the export call succeeded)
	SentBy  [classCount]int64 // the same, per class (realistic generator only)
	Refused int64             // spans in export calls that failed
	Codes   map[string]int64  // failed calls per gRPC status code
	Elapsed time.Duration     // from the first send to the last answer
	Behind  bool              // the generator could not keep to the requested rate
}

// Generator sends traces to a collector at a target rate for a duration.
type Generator interface {
	Name() string
	Run(ctx context.Context, endpoint string, spansPerSecond int, d time.Duration) (Load, error)
	// Accuracy is the share of the asked rate the generator holds against an idle
	// collector; a run that achieves less was held back by the collector.
	Accuracy() float64
}

// Realistic sends whole traces built by traceBuilder over OTLP/gRPC, TracesPerRequest
// traces per request, from Workers goroutines that share one schedule.
type Realistic struct {
	TracesPerRequest int
	Workers          int
	// RootDelay, when set, holds each trace's root span back by a random delay in
	// [RootDelay[0], RootDelay[1]) and sends it in a later request, as SDKs export a
	// long request whose root ends last. Run then lasts up to RootDelay[1] longer.
	RootDelay [2]time.Duration
}

func (g Realistic) Name() string {
	if g.RootDelay[1] > 0 {
		return "late-roots"
	}
	return "realistic"
}

// Accuracy: the realistic generator keeps a schedule and catches up when late, up to
// a second past its duration. Held-back roots stretch a run by up to RootDelay[1], so
// its rate is not judged then.
func (g Realistic) Accuracy() float64 {
	if g.RootDelay[1] > 0 {
		return 0
	}
	return 0.95
}

func (g Realistic) Run(ctx context.Context, endpoint string, spansPerSecond int, d time.Duration) (Load, error) {
	if spansPerSecond <= 0 {
		return Load{}, errors.New("generator: rate must be positive")
	}
	conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallSendMsgSize(64<<20)))
	if err != nil {
		return Load{}, fmt.Errorf("generator: %w", err)
	}
	defer conn.Close()
	client := ptraceotlp.NewGRPCClient(conn)

	spansPerRequest := g.TracesPerRequest * SpansPerTrace
	interval := time.Duration(float64(time.Second) * float64(spansPerRequest) / float64(spansPerSecond))
	requests := int64(d / interval)
	var (
		next   atomic.Int64
		mu     sync.Mutex
		load   = Load{Codes: map[string]int64{}}
		behind atomic.Bool
		wg     sync.WaitGroup
	)
	// send exports td and counts it: perClass is the spans per class of the traces
	// whose spans it starts (their late roots count with them).
	send := func(td ptrace.Traces, perClass [classCount]int) {
		spans := int64(td.SpanCount())
		callCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_, err := client.Export(callCtx, ptraceotlp.NewExportRequestFromTraces(td))
		cancel()
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			load.Refused += spans
			load.Codes[status.Code(err).String()]++
			return
		}
		load.Sent += spans
		for c, k := range perClass {
			load.SentBy[c] += int64(k)
		}
	}
	start := time.Now()
	// A generator that falls behind stops at the end of its time rather than catch
	// up: a flood far beyond what the collector takes must not run for minutes.
	end := start.Add(d + time.Second)
	for w := range g.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			builder := newTraceBuilder(uint64(start.UnixNano()) + uint64(w)*7919)
			late := lateRoots{delay: g.RootDelay, rng: builder.rng}
			defer func() {
				// The roots still held back go out when due, as the SDK would send them.
				for len(late.pending) > 0 && ctx.Err() == nil {
					time.Sleep(time.Until(late.pending[0].due))
					send(late.takeDue(ptrace.NewTraces(), time.Now()), [classCount]int{})
				}
			}()
			for ctx.Err() == nil {
				n := next.Add(1) - 1
				if n >= requests {
					return
				}
				if time.Now().After(end) {
					behind.Store(true)
					return
				}
				due := start.Add(time.Duration(n) * interval)
				if wait := time.Until(due); wait > 0 {
					time.Sleep(wait)
				} else if -wait > time.Second {
					behind.Store(true)
				}
				now := time.Now()
				td, perClass := builder.batch(g.TracesPerRequest, now)
				if g.RootDelay[1] > 0 {
					late.holdBack(td, now)
					td = late.takeDue(td, now)
				}
				send(td, perClass)
			}
		}()
	}
	wg.Wait()
	load.Elapsed = time.Since(start)
	load.Behind = behind.Load()
	return load, ctx.Err()
}

// Telemetrygen runs the pinned contrib telemetrygen binary. It reports no per-call
// results, so Run returns only timing; the collector's own receiver metrics say what it
// accepted and refused.
type Telemetrygen struct {
	Binary string
	// SpansPerWorker is the rate one telemetrygen worker is asked for. Its limiter waits
	// once per span with a burst of one, so a worker falls further behind the more it is
	// asked for; 1,000 keeps most of the rate.
	SpansPerWorker int
	// Attributes are added to every span (--otlp-attributes key="value").
	Attributes []string
}

func (Telemetrygen) Name() string { return "telemetrygen" }

// Accuracy: telemetrygen's limiter sleeps once per span and never catches up, so it
// holds 55-90% of the asked rate depending on the rate and the machine, even against an
// idle collector. Its shortfall says nothing about the collector: it is not judged.
func (Telemetrygen) Accuracy() float64 { return 0 }

func (g Telemetrygen) Run(ctx context.Context, endpoint string, spansPerSecond int, d time.Duration) (Load, error) {
	workers := max(1, (spansPerSecond+g.SpansPerWorker-1)/g.SpansPerWorker)
	// --rate is spans per second per worker (a parent and --child-spans=1 per trace).
	args := []string{"traces",
		"--otlp-endpoint", endpoint, "--otlp-insecure",
		"--workers", strconv.Itoa(workers),
		"--rate", strconv.FormatFloat(float64(spansPerSecond)/float64(workers), 'f', 1, 64),
		"--child-spans", "1",
		"--duration", d.String(),
		"--service", "telemetrygen"}
	for _, a := range g.Attributes {
		args = append(args, "--otlp-attributes", a)
	}
	cmd := exec.CommandContext(ctx, g.Binary, args...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	load := Load{Elapsed: time.Since(start)}
	if err != nil {
		return load, fmt.Errorf("telemetrygen: %w\n%s", err, lastLines(out, 20))
	}
	return load, nil
}

// lateRoots holds the root spans of one worker's traces back until they are due.
type lateRoots struct {
	delay   [2]time.Duration
	rng     *rand.Rand
	pending []heldRoots // by due time: every hold is the same length of delay range
}

type heldRoots struct {
	due   time.Time
	roots ptrace.Traces
}

// holdBack moves td's root spans (no parent) into a batch of their own, due after a
// random delay.
func (l *lateRoots) holdBack(td ptrace.Traces, now time.Time) {
	roots := ptrace.NewTraces()
	td.ResourceSpans().At(0).Resource().CopyTo(roots.ResourceSpans().AppendEmpty().Resource())
	ss := td.ResourceSpans().At(0).ScopeSpans().At(0)
	out := roots.ResourceSpans().At(0).ScopeSpans().AppendEmpty()
	ss.Scope().CopyTo(out.Scope())
	ss.Spans().RemoveIf(func(s ptrace.Span) bool {
		if !s.ParentSpanID().IsEmpty() {
			return false
		}
		s.CopyTo(out.Spans().AppendEmpty())
		return true
	})
	delay := l.delay[0] + time.Duration(l.rng.Int64N(int64(l.delay[1]-l.delay[0])))
	held := heldRoots{due: now.Add(delay), roots: roots}
	i := len(l.pending)
	for i > 0 && l.pending[i-1].due.After(held.due) {
		i--
	}
	l.pending = append(l.pending, heldRoots{})
	copy(l.pending[i+1:], l.pending[i:])
	l.pending[i] = held
}

// takeDue appends the roots due by now to td and returns it.
func (l *lateRoots) takeDue(td ptrace.Traces, now time.Time) ptrace.Traces {
	n := 0
	for n < len(l.pending) && !l.pending[n].due.After(now) {
		l.pending[n].roots.ResourceSpans().MoveAndAppendTo(td.ResourceSpans())
		n++
	}
	l.pending = l.pending[n:]
	return td
}
