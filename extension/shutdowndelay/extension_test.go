package shutdowndelay

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/otelcol-custom/otelcol-custom/extension/shutdowndelay/internal/metadata"
)

func TestNotReadyWaitsTheDelay(t *testing.T) {
	core, logs := observer.New(zap.InfoLevel)
	set := extensiontest.NewNopSettings(metadata.Type)
	set.Logger = zap.New(core)
	var waited []time.Duration
	e := newShutdownDelay(set, &Config{Delay: 3 * time.Second}, withWait(func(d time.Duration) { waited = append(waited, d) }))
	require.NoError(t, e.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, e.Ready())
	assert.Empty(t, waited, "nothing waits while the collector runs")
	require.NoError(t, e.NotReady())
	assert.Equal(t, []time.Duration{3 * time.Second}, waited)
	assert.Equal(t, 1, logs.FilterMessageSnippet("receivers stay open").Len())
	require.NoError(t, e.Shutdown(context.Background()))
}

func TestNoDelayNoWait(t *testing.T) {
	e := newShutdownDelay(extensiontest.NewNopSettings(metadata.Type), &Config{}, withWait(func(time.Duration) { t.Fatal("waited") }))
	require.NoError(t, e.NotReady())
}

// The real wait: NotReady returns after the delay, not before.
func TestNotReadyReallyWaits(t *testing.T) {
	e := newShutdownDelay(extensiontest.NewNopSettings(metadata.Type), &Config{Delay: 20 * time.Millisecond})
	start := time.Now()
	require.NoError(t, e.NotReady())
	assert.GreaterOrEqual(t, time.Since(start), 20*time.Millisecond)
}

func TestDependenciesAreTheExtensionsToTellFirst(t *testing.T) {
	after := []component.ID{component.MustNewID("health_check")}
	ext, err := NewFactory().Create(context.Background(), extensiontest.NewNopSettings(metadata.Type), &Config{After: after})
	require.NoError(t, err)
	assert.Equal(t, after, ext.(*shutdownDelay).Dependencies())
}
