package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"go.opentelemetry.io/collector/component"
)

// Config defines the errorkeep processor's settings. The defaults keep every error
// and slow trace and 10% of the rest, within 128 MiB.
type Config struct {
	// DecisionWait is how long after its first span a trace is decided. Spans that
	// arrive later follow the decision already taken. Default: 5s.
	DecisionWait time.Duration `mapstructure:"decision_wait"`

	// RootSpanGrace decides a trace earlier: this long after its root span (a span
	// without a parent) arrived, when that is before DecisionWait runs out. Zero
	// turns early decisions off. Default: 1s.
	RootSpanGrace time.Duration `mapstructure:"root_span_grace"`

	// LatencyThreshold keeps a trace whose duration (earliest start to latest end)
	// or any span's duration reaches it. Zero turns the latency rule off. Default: 2s.
	LatencyThreshold time.Duration `mapstructure:"latency_threshold"`

	// HTTPStatusFloor keeps a trace with any span whose HTTP status code
	// (http.response.status_code or http.status_code) is at or above it. Zero turns
	// the rule off. Default: 500.
	HTTPStatusFloor int `mapstructure:"http_status_floor"`

	// HealthyPercent is the share of other traces kept, 0 to 100, decided from the
	// trace ID's random bits so that every replica and tier agrees. Default: 10.
	// HealthyThroughput replaces it when its traces_per_second is set.
	HealthyPercent float64 `mapstructure:"healthy_percent"`

	// HealthyThroughput samples the traces no other rule keeps toward a number per
	// second, per key (by default the root span's service and route), instead of a
	// fixed share: a rare key keeps most of its traces, a hot key is sampled down, and
	// every key seen keeps at least one trace per interval. Off (healthy_percent
	// applies) while traces_per_second is 0.
	HealthyThroughput ThroughputConfig `mapstructure:"healthy_throughput"`

	// RecordReason adds to every span forwarded the attribute errorkeep.reason, the
	// keep rule that kept its trace (error, latency, condition, sampled), and
	// errorkeep.key, the trace's sampling key. Default: false.
	RecordReason bool `mapstructure:"record_reason"`

	// Conditions keep a trace when any span, or its resource, has the attribute with
	// one of the values (or at all, when values is empty). Default: none.
	Conditions []ConditionConfig `mapstructure:"conditions"`

	// MaxBufferedBytes bounds the memory held by traces awaiting decisions: the
	// encoded batches that undecided traces point into, each counted whole, plus a
	// fixed allowance per trace. With Directory, undecided spans wait in the folder
	// instead (bounded by RescueMaxBytes), and only the allowance per trace counts
	// here. When full, the oldest traces are decided early with what has arrived.
	// Default: 128 MiB.
	MaxBufferedBytes int64 `mapstructure:"max_buffered_bytes"`

	// MaxTraces bounds the number of traces held. Default: 100000.
	MaxTraces int `mapstructure:"max_traces"`

	// DecisionCacheSize is how many recent decisions are remembered so that late
	// spans follow them. Default: 200000.
	DecisionCacheSize int `mapstructure:"decision_cache_size"`

	// RescueWindow is how long the spans of a trace decided not kept stay
	// retrievable, so that a late span that qualifies on its own (an error, a slow
	// span) brings the whole trace back. Two minutes covers an SDK's 5 s export
	// interval several times over and most asynchronous consumers. Zero turns rescue
	// off: late spans then only follow the decision. Default: 2m.
	RescueWindow time.Duration `mapstructure:"rescue_window"`

	// RescueMaxBytes bounds what is held for rescue: segment files in Directory, or
	// memory when Directory is empty. When full, the oldest are dropped first (and
	// counted). In Directory it also bounds the spans waiting for their decision,
	// which are never dropped for room: when they alone would fill it, the oldest
	// traces are decided early instead, as when memory is short. Default: 64 MiB.
	RescueMaxBytes int64 `mapstructure:"rescue_max_bytes"`

	// Directory is the local folder the rescue store writes its segments to, so that
	// rescue costs disk, not heap, and survives a restart. With a folder, errorkeep is
	// also crash-safe: every span it accepts is written there (one write per batch,
	// before the batch is acknowledged), and what a killed process had not decided is
	// recovered and decided at the next start. Undecided spans then wait there rather
	// than in memory, and a kept trace is read back (from the page cache, mostly) at
	// its decision: the heap holds about 40 bytes per buffered span instead of 310. It is created at start if missing;
	// start fails if it cannot be written. Records older than RescueWindow go, so
	// recovery covers traces that wait less than that. Empty keeps the store in
	// memory, and nothing survives a crash. Default: empty.
	Directory string `mapstructure:"directory"`

	// SyncInterval, with Directory, fsyncs what was written at this interval, so that
	// a power loss or a node failure loses at most that much of what was acknowledged
	// (a crash of the process loses nothing without it: written data is in the page
	// cache). Zero never fsyncs. Default: 0.
	SyncInterval time.Duration `mapstructure:"sync_interval"`

	// prevent unkeyed literal initialization
	_ struct{}
}

// ThroughputConfig sets keyed throughput sampling for healthy traces up.
type ThroughputConfig struct {
	// TracesPerSecond is the goal: healthy traces kept per second by this replica,
	// or by the whole fleet when Replicas is more than 1. Errors and slow traces are
	// kept outside it. Zero turns keyed sampling off. Default: 0.
	TracesPerSecond float64 `mapstructure:"traces_per_second"`
	// Replicas divides TracesPerSecond among the gateways a load-balancing tier
	// spreads traces over, for a goal set for the whole fleet: set it from the
	// environment (${env:GATEWAY_REPLICAS}). Default: 1.
	Replicas int `mapstructure:"replicas"`
	// ReplicasDNS, when set, is a DNS name that resolves to every gateway the goal is
	// shared by: the headless Service the load-balancing tier resolves. The goal is
	// divided by how many addresses it has, looked up every interval, so that it
	// follows scaling; Replicas stands in until the first answer and while lookups
	// fail. Default: "" (Replicas only).
	ReplicasDNS string `mapstructure:"replicas_dns"`
	// Key names the attributes whose values make a trace's key, looked up on its root
	// span (its first span until the root arrives), then on that span's resource; a
	// name found on neither stands for the span's name. Default: [service.name,
	// http.route], so a root span without a route is keyed by its name.
	Key []string `mapstructure:"key"`
	// Interval is the time in which every key seen keeps at least one trace (the
	// first one decided). Default: 10s.
	Interval time.Duration `mapstructure:"interval"`
	// MaxKeys bounds the keys tracked; traces of keys beyond it share one.
	// Default: 10000.
	MaxKeys int `mapstructure:"max_keys"`
}

// enabled reports whether keyed sampling replaces healthy_percent.
func (c *ThroughputConfig) enabled() bool { return c.TracesPerSecond > 0 }

// Validate checks the goal and, when it is set, the rest.
func (c *ThroughputConfig) Validate() error {
	if c.TracesPerSecond < 0 {
		return fmt.Errorf("traces_per_second: must be 0 (off) or more, got %g", c.TracesPerSecond)
	}
	if !c.enabled() {
		return nil
	}
	var errs []error
	if c.Replicas < 1 {
		errs = append(errs, fmt.Errorf("replicas: must be at least 1, got %d", c.Replicas))
	}
	if len(c.Key) == 0 {
		errs = append(errs, errors.New("key: must name at least one attribute"))
	}
	for i, k := range c.Key {
		if k == "" {
			errs = append(errs, fmt.Errorf("key::%d: must not be empty", i))
		}
	}
	if c.Interval <= 0 {
		errs = append(errs, fmt.Errorf("interval: %w, got %s", errMustBePositive, c.Interval))
	}
	if c.MaxKeys <= 0 {
		errs = append(errs, fmt.Errorf("max_keys: %w, got %d", errMustBePositive, c.MaxKeys))
	}
	return errors.Join(errs...)
}

// ConditionConfig keeps traces that carry an attribute.
type ConditionConfig struct {
	// Attribute is the key looked up on spans and resources. Required.
	Attribute string `mapstructure:"attribute"`
	// Values are the string forms that match; empty means any value.
	Values []string `mapstructure:"values"`
}

var _ component.Config = (*Config)(nil)

var (
	errNegativeDuration = errors.New("must not be negative")
	errPercentRange     = errors.New("must be between 0 and 100")
	errMustBePositive   = errors.New("must be greater than 0")
)

// Validate checks every field that can be checked without starting.
func (cfg *Config) Validate() error {
	var errs []error
	if cfg.DecisionWait <= 0 {
		errs = append(errs, fmt.Errorf("decision_wait: %w, got %s", errMustBePositive, cfg.DecisionWait))
	}
	if cfg.RootSpanGrace < 0 {
		errs = append(errs, fmt.Errorf("root_span_grace: %w, got %s", errNegativeDuration, cfg.RootSpanGrace))
	}
	if cfg.LatencyThreshold < 0 {
		errs = append(errs, fmt.Errorf("latency_threshold: %w, got %s", errNegativeDuration, cfg.LatencyThreshold))
	}
	if cfg.HTTPStatusFloor < 0 || cfg.HTTPStatusFloor > 599 {
		errs = append(errs, fmt.Errorf("http_status_floor: must be 0 (off) or an HTTP status code up to 599, got %d", cfg.HTTPStatusFloor))
	}
	if cfg.HealthyPercent < 0 || cfg.HealthyPercent > 100 {
		errs = append(errs, fmt.Errorf("healthy_percent: %w, got %g", errPercentRange, cfg.HealthyPercent))
	}
	if cfg.MaxBufferedBytes <= 0 {
		errs = append(errs, fmt.Errorf("max_buffered_bytes: %w, got %d", errMustBePositive, cfg.MaxBufferedBytes))
	}
	if cfg.MaxTraces <= 0 {
		errs = append(errs, fmt.Errorf("max_traces: %w, got %d", errMustBePositive, cfg.MaxTraces))
	}
	if cfg.DecisionCacheSize <= 0 {
		errs = append(errs, fmt.Errorf("decision_cache_size: %w, got %d", errMustBePositive, cfg.DecisionCacheSize))
	}
	if cfg.RescueWindow < 0 {
		errs = append(errs, fmt.Errorf("rescue_window: %w, got %s", errNegativeDuration, cfg.RescueWindow))
	}
	if cfg.RescueWindow > 0 && cfg.RescueMaxBytes < minRescueMaxBytes {
		errs = append(errs, fmt.Errorf("rescue_max_bytes: must be at least %d when rescue_window is on, got %d", minRescueMaxBytes, cfg.RescueMaxBytes))
	}
	if cfg.Directory != "" && cfg.RescueWindow <= 0 {
		errs = append(errs, fmt.Errorf("rescue_window: must be on when directory is set (the folder is the rescue store), got %s", cfg.RescueWindow))
	}
	if cfg.SyncInterval < 0 {
		errs = append(errs, fmt.Errorf("sync_interval: %w, got %s", errNegativeDuration, cfg.SyncInterval))
	}
	// Whether the folder can be created and written is checked at start.
	if strings.ContainsRune(cfg.Directory, 0) {
		errs = append(errs, fmt.Errorf("directory: must not contain a NUL byte, got %q", cfg.Directory))
	}
	return errors.Join(errs...)
}

// minRescueMaxBytes: the store is cut into eight segments, and a segment must hold
// more than a handful of traces.
const minRescueMaxBytes = 1 << 20

// Validate checks the condition.
func (c *ConditionConfig) Validate() error {
	if c.Attribute == "" {
		return errors.New("attribute: required")
	}
	return nil
}
