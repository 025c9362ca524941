package errorkeep

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

// The th values below are those of the OpenTelemetry specification's examples
// ("TraceState: probability sampling", threshold encoding) and of exact arithmetic.
func TestThresholdForPercent(t *testing.T) {
	tests := []struct {
		percent float64
		th      string
	}{
		{100, "0"},
		{50, "8"},
		{25, "c"},
		{75, "4"},
		{12.5, "e"},
		{10, "e6666666666666"},
		{1, "fd70a3d70a3d71"},
		{0.1, "ffbe76c8b43958"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.th, encodeThreshold(thresholdForPercent(tt.percent)), "percent %g", tt.percent)
		back, ok := decodeThreshold(tt.th)
		assert.True(t, ok)
		assert.Equal(t, thresholdForPercent(tt.percent), back)
	}
	assert.Equal(t, maxThreshold, thresholdForPercent(0))
}

func TestRandomnessAndSampling(t *testing.T) {
	id := pcommon.TraceID{0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0}
	assert.Equal(t, uint64(0x80000000000000), randomness(id, ""))
	assert.True(t, sampledByThreshold(randomness(id, ""), thresholdForPercent(50)))
	low := pcommon.TraceID{0, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	assert.False(t, sampledByThreshold(randomness(low, ""), thresholdForPercent(50)))
	assert.Equal(t, uint64(0xffffffffffffff), randomness(low, "th:0;rv:ffffffffffffff"))
	assert.False(t, sampledByThreshold(randomness(id, ""), thresholdForPercent(0)))
}

func TestWithThreshold(t *testing.T) {
	assert.Equal(t, "ot=th:0", withThreshold("", 0))
	assert.Equal(t, "ot=th:8,vendor=x", withThreshold("vendor=x", thresholdForPercent(50)))
	assert.Equal(t, "ot=th:e6666666666666;rv:abcdefabcdefab,b=2", withThreshold("ot=th:8;rv:abcdefabcdefab,b=2", thresholdForPercent(10)))
	// An upstream stage that sampled harder wins.
	assert.Equal(t, "ot=th:e", withThreshold("ot=th:e", thresholdForPercent(50)))
}
