//go:generate mdatagen metadata.yaml

// Package errorkeep implements a tail-sampling processor that keeps every trace
// with an error or high latency, whole, and a consistent, adjustable share of the
// healthy ones, with memory bounded in bytes.
package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"
