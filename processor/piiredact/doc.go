//go:generate mdatagen metadata.yaml

// Package piiredact implements a processor that finds personal data and secrets in
// traces, logs and metrics and masks, hashes or removes them in place, so that they
// never leave the process, while keeping every other byte of the payload intact.
package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"
