package loadtest

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Runner runs scenarios against the two builds.
type Runner struct {
	RepoRoot string
	Binaries map[BuildKind]string
	// Generators by name ("realistic", "telemetrygen").
	Generators map[string]Generator
	// CollectorCPUs pins the collector under test with taskset (for example "0"); empty
	// leaves it unpinned.
	CollectorCPUs string
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// Result is one run of one scenario on one build at one rate.
type Result struct {
	Scenario   string
	Build      BuildKind
	Mode       string // "fixed", "trial" (a step of the max search) or "max"
	Generator  string
	TargetRate int     // spans/s asked of the generator
	Achieved   float64 // spans/s the collector accepted over the generator's run

	Accepted         int64 // spans the collector's receiver accepted
	GeneratorRefused int64 // spans in export calls that failed at the generator
	CollectorRefused int64 // spans the receiver refused (memory_limiter, overload)
	Dropped          int64 // spans the collector dropped (collectorCounters.lost)
	Received         int64 // spans at the sink that received the fewest
	ExpectedRatio    float64
	DeliveredRatio   float64 // Received / Accepted
	KeptLost         int64   // error and slow spans accepted but missing at a sink
	Behind           bool    // the generator fell more than a second behind its schedule

	CPUSeconds    float64
	CPUPerMillion float64 // CPU seconds of the collector per million accepted spans
	PeakRSSMiB    float64

	OK  bool   // nothing refused, dropped or lost, and the target rate was held
	Why string // why not OK
}

// RunFixed runs a scenario on a build at a fixed rate for d, then waits for the
// pipeline to drain, and measures the collector process throughout.
func (r *Runner) RunFixed(ctx context.Context, sc Scenario, build BuildKind, rate int, d time.Duration) (Result, error) {
	res := Result{Scenario: sc.Name, Build: build, Mode: "fixed", Generator: sc.Generator, TargetRate: rate, ExpectedRatio: sc.ExpectedRatio()}
	gen, ok := r.Generators[sc.Generator]
	if !ok {
		return res, fmt.Errorf("scenario %s: no %q generator configured", sc.Name, sc.Generator)
	}
	dir, err := os.MkdirTemp("", "otelcol-loadtest-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(dir)

	sinks := make([]*Sink, sc.Sinks)
	for i := range sinks {
		if sinks[i], err = StartSink(); err != nil {
			return res, err
		}
		defer sinks[i].Stop()
	}
	var args []string
	setup := sc.Setup(build)
	for _, c := range setup.Configs {
		args = append(args, "--config", filepath.Join(r.RepoRoot, c))
	}
	for _, s := range setup.Set {
		args = append(args, "--set="+s)
	}
	col, env, err := r.start(ctx, build, args, dir, sinks, sc.decisionWait(), sc.healthyGoal(rate))
	if err != nil {
		return res, err
	}
	defer func() { _ = col.stop(30 * time.Second) }() // the run's figures are taken; an unclean exit shows in its log

	cpuBefore, err := CPUTime(col.pid())
	if err != nil {
		return res, err
	}
	load, err := gen.Run(ctx, env["OTLP_GRPC_ENDPOINT"], rate, d)
	if err != nil {
		return res, err
	}
	counters, err := r.drain(ctx, sc, sinks, env["TELEMETRY_ENDPOINT"], load)
	if err != nil {
		return res, err
	}
	cpuAfter, err := CPUTime(col.pid())
	if err != nil {
		return res, err
	}
	rss, err := PeakRSS(col.pid())
	if err != nil {
		return res, err
	}
	if err := col.stop(30 * time.Second); err != nil {
		return res, fmt.Errorf("%s on %s: %w\n%s", sc.Name, build, err, lastLines([]byte(col.output.String()), 20))
	}

	res.Accepted = counters.Accepted
	res.GeneratorRefused = load.Refused
	res.CollectorRefused = counters.Refused
	res.Dropped = counters.lost()
	res.Behind = load.Behind
	res.Received, res.KeptLost = deliveredAtWorstSink(sinks, load)
	if res.Accepted > 0 {
		res.DeliveredRatio = float64(res.Received) / float64(res.Accepted)
		res.CPUPerMillion = (cpuAfter - cpuBefore).Seconds() / float64(res.Accepted) * 1e6
	}
	if load.Elapsed > 0 {
		res.Achieved = float64(res.Accepted) / load.Elapsed.Seconds()
	}
	res.CPUSeconds = (cpuAfter - cpuBefore).Seconds()
	res.PeakRSSMiB = float64(rss) / (1 << 20)
	res.OK, res.Why = judge(sc, res, gen.Accuracy())
	r.logf("%s\n", res.KeyValues())
	return res, nil
}

// start starts the collector on fresh loopback ports and waits until it is healthy. A
// port found free can be taken by an outgoing connection before the collector binds it
// (both come from the ephemeral range), so a start that fails on "address already in
// use" is retried on new ports.
func (r *Runner) start(ctx context.Context, build BuildKind, args []string, dir string, sinks []*Sink, wait time.Duration, healthyGoal float64) (*collector, map[string]string, error) {
	for attempt := 1; ; attempt++ {
		env, err := r.environment(dir, sinks, wait)
		if err != nil {
			return nil, nil, err
		}
		env["HEALTHY_TRACES_PER_SECOND"] = strconv.FormatFloat(healthyGoal, 'f', -1, 64)
		col, err := startCollector(r.Binaries[build], args, env, r.CollectorCPUs)
		if err != nil {
			return nil, nil, err
		}
		startCtx, cancel := context.WithTimeout(ctx, time.Minute)
		err = col.waitHealthy(startCtx)
		cancel()
		if err == nil {
			return col, env, nil
		}
		_ = col.stop(10 * time.Second)
		if attempt == 3 || !strings.Contains(col.output.String(), "address already in use") {
			return nil, nil, err
		}
		r.logf("port taken before the collector bound it; retrying on new ports\n")
	}
}

// environment gives a run its loopback endpoints and folders. The shipped configs and
// the loadtest configs read the same variable names.
func (r *Runner) environment(dir string, sinks []*Sink, wait time.Duration) (map[string]string, error) {
	env := map[string]string{
		"TELEMETRY_METRICS_HOST": "127.0.0.1",
		"QUEUE_DIR":              filepath.Join(dir, "queue"),
		"ERRORKEEP_DIR":          filepath.Join(dir, "errorkeep"),
		"GATEWAY_QUEUE_DIR":      filepath.Join(dir, "gateway-queue"),
		"OUTPUT_DIR":             dir,
		"DECISION_WAIT":          wait.String(),
		"HEALTHY_PERCENT":        "10",
		"LATENCY_THRESHOLD":      "2s",
		"LOG_LEVEL":              "warn",
		"SINK_ENDPOINT":          sinks[0].Endpoint,
		"GATEWAY_ENDPOINT":       sinks[0].Endpoint,
		"JAEGER_ENDPOINT":        sinks[0].Endpoint,
		"TEMPO_ENDPOINT":         sinks[len(sinks)-1].Endpoint,
	}
	for _, name := range []string{"OTLP_GRPC_ENDPOINT", "OTLP_HTTP_ENDPOINT", "HEALTH_CHECK_ENDPOINT",
		"TELEMETRY_ENDPOINT", "PPROF_ENDPOINT", "ZPAGES_ENDPOINT", "SIGNALS_ENDPOINT"} {
		ep, err := freeEndpoint()
		if err != nil {
			return nil, err
		}
		env[name] = ep
	}
	_, port, _ := net.SplitHostPort(env["TELEMETRY_ENDPOINT"])
	env["TELEMETRY_METRICS_PORT"] = port
	// Logs and metrics are not part of the load; their exporter points at a closed port.
	env["SIGNALS_ENDPOINT"] = "http://" + env["SIGNALS_ENDPOINT"]
	return env, nil
}

// drain waits until everything the collector accepted has left it: every sink holds
// every accepted span (or, when sampling, the counts stopped moving for longer than the
// decision wait and a batch timeout). It returns the collector's final counters.
func (r *Runner) drain(ctx context.Context, sc Scenario, sinks []*Sink, telemetry string, load Load) (collectorCounters, error) {
	quiet := 3 * time.Second
	if sc.Sampling() {
		quiet += sc.decisionWait()
	}
	deadline := time.Now().Add(60*time.Second + quiet)
	lastTotal, lastChange := int64(-1), time.Now()
	for {
		counters, err := scrapeCounters(telemetry)
		if err != nil {
			return counters, fmt.Errorf("reading the collector's metrics: %w", err)
		}
		total, complete := int64(0), true
		for _, s := range sinks {
			n, _ := s.Received()
			total += n
			complete = complete && n >= counters.Accepted
		}
		if total != lastTotal {
			lastTotal, lastChange = total, time.Now()
		}
		switch {
		case !sc.Sampling() && complete && counters.Accepted > 0:
			return counters, nil
		case time.Since(lastChange) >= quiet:
			return counters, nil
		case time.Now().After(deadline):
			return counters, nil
		}
		select {
		case <-ctx.Done():
			return counters, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// deliveredAtWorstSink returns the spans received by the sink that got the fewest, and
// how many error and slow spans the generator had accepted that some sink lacks.
func deliveredAtWorstSink(sinks []*Sink, load Load) (received, keptLost int64) {
	received = -1
	for _, s := range sinks {
		n, perClass := s.Received()
		if received < 0 || n < received {
			received = n
		}
		for _, c := range []TraceClass{ClassError, ClassSlow} {
			if lost := load.SentBy[c] - perClass[c]; lost > keptLost {
				keptLost = lost
			}
		}
	}
	return received, keptLost
}

// judge says whether a run lost, refused or dropped nothing and kept up with its rate.
func judge(sc Scenario, res Result, accuracy float64) (bool, string) {
	switch {
	case res.GeneratorRefused > 0 || res.CollectorRefused > 0:
		return false, fmt.Sprintf("refused %d spans", max(res.GeneratorRefused, res.CollectorRefused))
	case res.Dropped > 0:
		return false, fmt.Sprintf("dropped %d spans", res.Dropped)
	case res.KeptLost > 0:
		return false, fmt.Sprintf("lost %d error or slow spans", res.KeptLost)
	case !sc.Sampling() && res.Received != res.Accepted:
		return false, fmt.Sprintf("delivered %d of %d accepted spans", res.Received, res.Accepted)
	case res.Behind || res.Achieved < accuracy*float64(res.TargetRate):
		return false, fmt.Sprintf("held %.0f of %d spans/s", res.Achieved, res.TargetRate)
	}
	return true, ""
}

func (r *Runner) logf(format string, args ...any) {
	if r.Log != nil {
		fmt.Fprintf(r.Log, format, args...)
	}
}
