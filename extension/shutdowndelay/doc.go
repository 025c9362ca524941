//go:generate mdatagen metadata.yaml

// Package shutdowndelay implements an extension that keeps the collector's receivers
// open for a configured delay after it is told to stop, before the pipelines shut
// down: for a sidecar that Kubernetes stops at the same moment as its application
// (no native sidecar support), so that the application's last flush on SIGTERM still
// finds it listening.
package shutdowndelay // import "github.com/otelcol-custom/otelcol-custom/extension/shutdowndelay"
