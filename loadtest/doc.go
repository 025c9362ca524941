// Package loadtest measures otelcol-custom side by side with a reference build of the
// same collector release made from stock components only (reference/builder-config.yaml).
//
// For each scenario and build it starts the collector on loopback (pinned to its own
// core when the machine has two or more), one or two counting OTLP sinks, and a load
// generator, then reports achieved spans/s, spans accepted and delivered, CPU seconds per
// million spans and peak RSS read from /proc, and anything refused or dropped. Run it with
// `make loadtest`; docs/benchmarks.md has the results of a real run and how to read them.
package loadtest
