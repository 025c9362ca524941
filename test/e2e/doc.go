// Package e2e drives the real otelcol-custom binary as a separate process.
//
// The harness builds the binary once per `go test` run (or uses the one named by
// OTELCOL_CUSTOM_BINARY), starts it on free loopback ports with a config from
// config/ plus environment overrides, starts in-process OTLP backends that record
// what they receive, sends telemetry with the OpenTelemetry Go SDK over gRPC and
// HTTP, and waits on conditions with bounded timeouts. Scenarios for every feature
// live in this package as *_test.go files and reuse these helpers.
package e2e
