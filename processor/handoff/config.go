package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"

import (
	"errors"
	"fmt"
	"time"
)

// Config configures the handoff processor.
type Config struct {
	// Directory holds the write-ahead folders: each handoff in each pipeline writes to
	// <directory>/<id>/<signal> (handoff/jaeger in a traces pipeline:
	// <directory>/handoff_jaeger/traces), so one volume serves them all. What is
	// written there survives a crash of the process: a restart on the same folder
	// delivers it. Empty (the default) keeps requests in memory: delivered and drained
	// the same way, and lost with the process.
	Directory string `mapstructure:"directory"`

	// MaxBytes bounds what each handoff holds: its folder's files, or its requests in
	// memory, counted as OTLP protobuf plus 32 bytes a request. Beyond it new data is
	// refused with a retryable error (the sender keeps it) and counted. Default 512 MiB.
	MaxBytes int64 `mapstructure:"max_bytes"`

	// SegmentBytes is the size of the folder's files: a file is written up to it, and
	// removed once everything in it was delivered. Default 8 MiB; at most half of
	// max_bytes.
	SegmentBytes int64 `mapstructure:"segment_bytes"`

	// SyncInterval fsyncs the folder at this interval, so that a power loss or a node
	// failure loses at most that much. Zero (the default) never fsyncs: written data
	// survives a crash of the process (SIGKILL, OOM kill, panic), not of the node.
	SyncInterval time.Duration `mapstructure:"sync_interval"`

	// DrainTimeout is how long shutdown keeps delivering, until everything accepted is
	// delivered. What is left when it passes (the next tier or a backend is down) stays
	// in the folder, counted (processor_handoff_left_items) and logged with its size.
	// Fit it into the pod's terminationGracePeriodSeconds, less the shutdown delay and
	// what the rest of the shutdown takes. Default 20s; zero leaves everything
	// undelivered in the folder at once.
	DrainTimeout time.Duration `mapstructure:"drain_timeout"`

	// NumConsumers is how many deliveries may be in flight at once. Default 4.
	NumConsumers int `mapstructure:"num_consumers"`

	// Batch shapes what one delivery carries.
	Batch BatchConfig `mapstructure:"batch"`

	// RetryOnFailure paces the retries of a delivery that failed with a retryable
	// error. A delivery is retried until it succeeds: the folder, not a retry budget,
	// bounds what is held.
	RetryOnFailure RetryConfig `mapstructure:"retry_on_failure"`

	// prevent unkeyed literal initialization
	_ struct{}
}

// BatchConfig shapes deliveries. Batching happens here, after the folder, so that
// nothing acknowledged waits in memory for a batch to fill.
type BatchConfig struct {
	// MinItems: a delivery waits until this many items (spans, data points, log
	// records) are waiting, or until the oldest has waited FlushTimeout. Zero (the
	// default) delivers whatever waits at once. Shutdown never waits.
	MinItems int `mapstructure:"min_items"`
	// FlushTimeout is the longest an item waits for MinItems. Default 1s.
	FlushTimeout time.Duration `mapstructure:"flush_timeout"`
	// MaxItems caps a delivery's items; a larger request is split when it is accepted.
	// Default 8192.
	MaxItems int `mapstructure:"max_items"`
	// MaxBytes caps a delivery's OTLP protobuf bytes, so that it fits the receiving
	// end's message size limit (gRPC's default is 4 MiB); a larger request is split
	// when it is accepted. Default 3 MiB.
	MaxBytes int `mapstructure:"max_bytes"`
	// Merge lets a delivery carry several waiting requests at once. Default true.
	// False delivers each request as it was accepted: for an exporter that spreads a
	// request over several destinations (load_balancing), where one destination
	// failing makes the whole delivery be retried, and a merged delivery would be
	// sent again to every other destination.
	Merge bool `mapstructure:"merge"`
}

// RetryConfig paces retries: exponential backoff with jitter from InitialInterval to
// MaxInterval.
type RetryConfig struct {
	// InitialInterval is the wait after the first failure. Default 1s.
	InitialInterval time.Duration `mapstructure:"initial_interval"`
	// MaxInterval caps the wait between attempts. Default 30s.
	MaxInterval time.Duration `mapstructure:"max_interval"`
}

var (
	errNoMaxBytes       = errors.New("max_bytes must be positive")
	errSegmentBytes     = errors.New("segment_bytes must be positive and at most half of max_bytes")
	errNegativeDuration = errors.New("must not be negative")
	errNumConsumers     = errors.New("num_consumers must be at least 1")
	errSyncInMemory     = errors.New("sync_interval needs a directory: without one nothing is written to disk")
)

// Validate checks the configuration.
func (c *Config) Validate() error {
	var errs []error
	if c.MaxBytes <= 0 {
		errs = append(errs, fmt.Errorf("%w: got %d", errNoMaxBytes, c.MaxBytes))
	}
	if c.SegmentBytes <= 0 || (c.MaxBytes > 0 && c.SegmentBytes > c.MaxBytes/2) {
		errs = append(errs, fmt.Errorf("%w: got %d for max_bytes %d", errSegmentBytes, c.SegmentBytes, c.MaxBytes))
	}
	if c.SyncInterval < 0 {
		errs = append(errs, fmt.Errorf("sync_interval %w: got %q", errNegativeDuration, c.SyncInterval))
	}
	if c.DrainTimeout < 0 {
		errs = append(errs, fmt.Errorf("drain_timeout %w: got %q", errNegativeDuration, c.DrainTimeout))
	}
	if c.SyncInterval > 0 && c.Directory == "" {
		errs = append(errs, errSyncInMemory)
	}
	if c.NumConsumers < 1 {
		errs = append(errs, fmt.Errorf("%w: got %d", errNumConsumers, c.NumConsumers))
	}
	return errors.Join(errs...)
}

var (
	errMaxItems        = errors.New("max_items must be at least 1")
	errMaxBytes        = errors.New("max_bytes must be at least 1")
	errMinItems        = errors.New("min_items must be between 0 and max_items")
	errFlushTimeout    = errors.New("flush_timeout must be positive when min_items is set")
	errMinItemsNoMerge = errors.New("min_items needs merge: without it each request goes out as it came")
)

// Validate checks the batch settings.
func (b *BatchConfig) Validate() error {
	var errs []error
	if b.MaxItems < 1 {
		errs = append(errs, fmt.Errorf("%w: got %d", errMaxItems, b.MaxItems))
	}
	if b.MaxBytes < 1 {
		errs = append(errs, fmt.Errorf("%w: got %d", errMaxBytes, b.MaxBytes))
	}
	if b.MinItems < 0 || (b.MaxItems >= 1 && b.MinItems > b.MaxItems) {
		errs = append(errs, fmt.Errorf("%w: got %d for max_items %d", errMinItems, b.MinItems, b.MaxItems))
	}
	if b.MinItems > 0 && b.FlushTimeout <= 0 {
		errs = append(errs, fmt.Errorf("%w: got %q", errFlushTimeout, b.FlushTimeout))
	}
	if b.MinItems > 0 && !b.Merge {
		errs = append(errs, errMinItemsNoMerge)
	}
	return errors.Join(errs...)
}

var errRetryIntervals = errors.New("initial_interval must be positive and max_interval at least initial_interval")

// Validate checks the retry settings.
func (r *RetryConfig) Validate() error {
	if r.InitialInterval <= 0 || r.MaxInterval < r.InitialInterval {
		return fmt.Errorf("%w: got initial_interval %q, max_interval %q", errRetryIntervals, r.InitialInterval, r.MaxInterval)
	}
	return nil
}
