package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/otelcol-custom/otelcol-custom/loadtest"
)

// Load is steady traffic of realistic traces (the load test's generator: five-span
// traces, one in fifty with an error, one in fifty slow) running in the background.
type Load struct {
	done   chan struct{}
	result loadtest.Load
	err    error
}

// StartLoad sends spansPerSecond to endpoint for d, from a few concurrent clients.
func StartLoad(endpoint string, spansPerSecond int, d time.Duration) *Load {
	l := &Load{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		gen := loadtest.Realistic{TracesPerRequest: 10, Workers: 4}
		l.result, l.err = gen.Run(context.Background(), endpoint, spansPerSecond, d)
	}()
	return l
}

// PeakWhileRunning samples every interval until the load has finished and returns the
// highest value seen.
func (l *Load) PeakWhileRunning(interval time.Duration, sample func() float64) float64 {
	peak := sample()
	for {
		select {
		case <-l.done:
			return max(peak, sample())
		case <-time.After(interval):
			peak = max(peak, sample())
		}
	}
}

// Wait returns what the load did once it has finished.
func (l *Load) Wait(tb testing.TB) loadtest.Load {
	tb.Helper()
	<-l.done
	if l.err != nil {
		tb.Fatalf("load: %v", l.err)
	}
	return l.result
}

// metricSum sums the samples of a Prometheus text exposition whose series starts with
// prefix: a metric name ("otelcol_processor_handoff_backlog_items") or a name with
// leading labels (`otelcol_processor_handoff_backlog_items{processor="handoff/tempo"`).
// It returns -1 when no series matches.
func metricSum(text, prefix string) float64 {
	sum, found := 0.0, false
	for _, line := range strings.Split(text, "\n") {
		match := strings.HasPrefix(line, prefix)
		if match && !strings.Contains(prefix, "{") {
			rest := line[len(prefix):]
			match = strings.HasPrefix(rest, "{") || strings.HasPrefix(rest, " ")
		}
		if !match {
			continue
		}
		f := strings.Fields(line)
		if v, err := strconv.ParseFloat(f[len(f)-1], 64); err == nil {
			sum, found = sum+v, true
		}
	}
	if !found {
		return -1
	}
	return sum
}

// Settle waits until col holds nothing more for the backends: errorkeep has decided
// every trace, the handoffs hold nothing undelivered, and what the backends received
// has stopped changing for longer than the handoffs' batch timeout (1 s). A test that
// reads the backends while the collector runs on settles first.
func Settle(t *testing.T, col *Collector, backends ...*Backend) {
	t.Helper()
	Eventually(t, 2*DeliverTimeout, func() bool {
		m := col.Metrics(t)
		return metricSum(m, "otelcol_processor_errorkeep_buffered_traces") <= 0 && metricSum(m, "otelcol_processor_handoff_backlog_items") <= 0
	}, "every trace decided and every handoff delivered")
	received := func() (n int) {
		for _, b := range backends {
			n += b.SpanCount()
		}
		return n
	}
	last, since := received(), time.Now()
	Eventually(t, 2*DeliverTimeout, func() bool {
		if n := received(); n != last {
			last, since = n, time.Now()
		}
		return time.Since(since) > 1500*time.Millisecond
	}, "the backends stopped receiving")
}
