package errorkeep

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

func TestSummaryMerge(t *testing.T) {
	a := traceSummary{minStart: 100, maxEnd: 200, spans: 2, bytes: 10, marks: 1, flags: flagRoot}
	b := traceSummary{minStart: 50, maxEnd: 150, spans: 1, bytes: 5, marks: 4, flags: flagInStore}
	a.merge(&b)
	assert.Equal(t, traceSummary{minStart: 50, maxEnd: 200, spans: 3, bytes: 15, marks: 5, flags: flagRoot | flagInStore}, a)
	assert.Equal(t, int64(150), a.duration())

	// A start of 0 (unset) never becomes the earliest of a trace that has spans.
	c := traceSummary{minStart: 0, maxEnd: 10, spans: 1}
	a.merge(&c)
	assert.Equal(t, int64(50), int64(a.minStart))

	full := traceSummary{bytes: ^uint32(0) - 1}
	full.merge(&traceSummary{bytes: 7})
	assert.Equal(t, ^uint32(0), full.bytes, "sizes saturate")
}

// A summary is 32 bytes: 24 for times and counts, one byte of rule marks (one bit
// per rule), one of flags, six to spare.
func TestSummaryIs32Bytes(t *testing.T) {
	assert.Equal(t, uintptr(32), unsafe.Sizeof(traceSummary{}))
}
