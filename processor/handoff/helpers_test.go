package handoff

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/metadatatest"
)

// testConfig is the default config with fast retries, in a folder unless dir is "".
func testConfig(dir string) *Config {
	cfg := createDefaultConfig().(*Config)
	cfg.Directory = dir
	cfg.MaxBytes = 8 << 20
	cfg.SegmentBytes = 64 << 10
	cfg.RetryOnFailure = RetryConfig{InitialInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond}
	return cfg
}

// bothModes runs a test in memory and in a folder.
func bothModes(t *testing.T, run func(t *testing.T, cfg *Config)) {
	t.Run("memory", func(t *testing.T) { run(t, testConfig("")) })
	t.Run("folder", func(t *testing.T) { run(t, testConfig(filepath.Join(t.TempDir(), "handoff"))) })
}

// harness is a traces handoff with its own telemetry and logs.
type harness struct {
	*tracesHandoff
	tt   *componenttest.Telemetry
	logs *observer.ObservedLogs
}

func newHarness(t *testing.T, cfg *Config, next consumer.Traces) *harness {
	t.Helper()
	tt := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tt.Shutdown(context.Background())) })
	core, logs := observer.New(zapcore.InfoLevel)
	set := metadatatest.NewSettings(tt)
	set.Logger = zap.New(core)
	p, err := newTracesHandoff(set, cfg, &drainClock{}, next, withJitter(func(d time.Duration) time.Duration { return d }))
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	t.Cleanup(func() { require.NoError(t, p.Shutdown(context.Background())) })
	return &harness{tracesHandoff: p, tt: tt, logs: logs}
}

// controlled is a next consumer whose answer the test sets: nil (deliver to the
// sink), an error, or a wait until released.
type controlled struct {
	mu      sync.Mutex
	err     error
	hold    chan struct{} // deliveries wait on it while not nil
	calls   []int         // spans per call, delivered or not
	entered chan struct{}
	sink    consumertest.TracesSink
}

func newControlled() *controlled { return &controlled{entered: make(chan struct{}, 1024)} }

func (c *controlled) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (c *controlled) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	c.mu.Lock()
	c.calls = append(c.calls, td.SpanCount())
	hold, err := c.hold, c.err
	c.mu.Unlock()
	c.entered <- struct{}{}
	if hold != nil {
		select {
		case <-hold:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err != nil {
		return err
	}
	return c.sink.ConsumeTraces(ctx, td)
}

func (c *controlled) set(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.err = err
}

func (c *controlled) holdAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hold = make(chan struct{})
}

func (c *controlled) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	close(c.hold)
	c.hold = nil
}

func (c *controlled) callCounts() []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]int(nil), c.calls...)
}

// traces returns n one-span traces with distinct span IDs starting at first.
func traces(first, n int) ptrace.Traces {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName("test")
	for i := first; i < first+n; i++ {
		s := ss.Spans().AppendEmpty()
		s.SetName(fmt.Sprintf("span-%d", i))
		s.SetTraceID(pcommon.TraceID{byte(i >> 8), byte(i), 1})
		s.SetSpanID(pcommon.SpanID{byte(i >> 8), byte(i), 1})
	}
	return td
}

func logs(first, n int) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "checkout")
	recs := rl.ScopeLogs().AppendEmpty().LogRecords()
	for i := first; i < first+n; i++ {
		recs.AppendEmpty().Body().SetStr(fmt.Sprintf("record %d", i))
	}
	return ld
}

func metrics(first, n int) pmetric.Metrics {
	md := pmetric.NewMetrics()
	ms := md.ResourceMetrics().AppendEmpty().ScopeMetrics().AppendEmpty().Metrics()
	for i := first; i < first+n; i++ {
		g := ms.AppendEmpty()
		g.SetName(fmt.Sprintf("metric.%d", i))
		g.SetEmptyGauge().DataPoints().AppendEmpty().SetIntValue(int64(i))
	}
	return md
}

// spanNames lists every span's name, in order.
func spanNames(all []ptrace.Traces) []string {
	var names []string
	for _, td := range all {
		for i := 0; i < td.ResourceSpans().Len(); i++ {
			sss := td.ResourceSpans().At(i).ScopeSpans()
			for j := 0; j < sss.Len(); j++ {
				spans := sss.At(j).Spans()
				for k := 0; k < spans.Len(); k++ {
					names = append(names, spans.At(k).Name())
				}
			}
		}
	}
	return names
}

func counted(n int64, signal string) []metricdata.DataPoint[int64] {
	return []metricdata.DataPoint[int64]{{Value: n, Attributes: attribute.NewSet(
		attribute.String("processor", "handoff"), attribute.String("signal", signal))}}
}

var ignoreTime = []metricdatatest.Option{metricdatatest.IgnoreTimestamp()}

const waitFor, tick = 10 * time.Second, time.Millisecond
