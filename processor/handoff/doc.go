//go:generate mdatagen metadata.yaml

// Package handoff implements a processor that makes a pipeline durable and drain on
// shutdown: every request is written to a folder before it is acknowledged, delivered
// to the next consumer (an exporter without a queue of its own) from there, and
// removed once the exporter took it. A restart on the same folder delivers what a
// crash left; a graceful shutdown keeps delivering until everything is delivered or
// drain_timeout passes.
package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"
