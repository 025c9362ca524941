package loadtest

import (
	"path/filepath"
	"time"
)

// BuildKind names the two builds every scenario runs on.
type BuildKind string

const (
	Custom    BuildKind = "otelcol-custom"
	Reference BuildKind = "reference"
)

// Setup is how one build runs a scenario: config files merged in order (the collector
// merges repeated --config flags) and --set overrides.
type Setup struct {
	Configs []string // relative to the repository root
	Set     []string
}

// Scenario is one pipeline measured on both builds.
type Scenario struct {
	Name      string
	Title     string // for the report
	Generator string // "realistic" or "telemetrygen"
	Sinks     int    // backends the pipeline fans out to
	// HealthyPercent is the share of healthy traces the pipeline samples; 100 when it
	// does not sample, in which case every accepted span must reach every sink.
	HealthyPercent float64
	Custom         Setup
	Reference      Setup
	// SearchMax: the max-throughput search means something for this scenario (it does
	// not when the generator saturates before the collector does).
	SearchMax bool
	// Wait is the decision wait of both builds' samplers; zero means DecisionWait.
	Wait time.Duration
	// KeyedGoal: the custom build samples healthy traces toward a number per second
	// (errorkeep's healthy_throughput), set from the target rate so that it keeps
	// HealthyPercent of them, as the reference's percentage does.
	KeyedGoal bool
}

// healthyGoal is the healthy traces a second a keyed sampler keeps at rate spans a
// second, HEALTHY_TRACES_PER_SECOND; 0 (keyed sampling off) unless KeyedGoal.
func (s Scenario) healthyGoal(rate int) float64 {
	if !s.KeyedGoal {
		return 0
	}
	return float64(rate) / SpansPerTrace * ClassShare(ClassHealthy) * s.HealthyPercent / 100
}

// decisionWait is the decision wait the scenario's samplers use.
func (s Scenario) decisionWait() time.Duration {
	if s.Wait > 0 {
		return s.Wait
	}
	return DecisionWait
}

// Sampling reports whether the scenario drops healthy traces on purpose.
func (s Scenario) Sampling() bool { return s.HealthyPercent < 100 }

// ExpectedRatio is the share of accepted spans each sink should receive.
func (s Scenario) ExpectedRatio() float64 {
	if !s.Sampling() {
		return 1
	}
	return ClassShare(ClassError) + ClassShare(ClassSlow) + ClassShare(ClassHealthy)*s.HealthyPercent/100
}

// Setup returns the scenario's setup for a build.
func (s Scenario) Setup(build BuildKind) Setup {
	if build == Custom {
		return s.Custom
	}
	return s.Reference
}

// DecisionWait is the tail-sampling decision wait every sampling scenario uses on both
// builds, passed to the configs as DECISION_WAIT.
const DecisionWait = 2 * time.Second

const (
	passthroughConfig = "loadtest/configs/passthrough.yaml"
	processorsDir     = "loadtest/configs/processors"
)

func processorsFile(name string) string { return filepath.Join(processorsDir, name+".yaml") }

func tracesProcessors(list string) string {
	return "service::pipelines::traces::processors=[" + list + "]"
}

// withProcessor is the passthrough pipeline with processor between memory_limiter and
// batch, configured by the given processors/*.yaml files, merged in order.
func withProcessor(processor string, files ...string) Setup {
	configs := []string{passthroughConfig}
	for _, f := range files {
		configs = append(configs, processorsFile(f))
	}
	return Setup{Configs: configs, Set: []string{tracesProcessors("memory_limiter," + processor + ",batch")}}
}

// Scenarios are every scenario, in the order they run and are reported.
func Scenarios() []Scenario {
	return []Scenario{
		{
			Name: "passthrough", Title: "Passthrough (memory_limiter + batch)",
			Generator: "realistic", Sinks: 1, HealthyPercent: 100, SearchMax: true,
			Custom:    Setup{Configs: []string{passthroughConfig}},
			Reference: Setup{Configs: []string{passthroughConfig}},
		},
		{
			// telemetrygen (SDK spans, one limiter wait per span) tops out below what one
			// collector core handles, so this row compares CPU per span, not max rates.
			Name: "passthrough-telemetrygen", Title: "Passthrough, telemetrygen load",
			Generator: "telemetrygen", Sinks: 1, HealthyPercent: 100,
			Custom:    Setup{Configs: []string{passthroughConfig}},
			Reference: Setup{Configs: []string{passthroughConfig}},
		},
		{
			Name: "redaction", Title: "Redaction: piiredact vs contrib redaction",
			Generator: "realistic", Sinks: 1, HealthyPercent: 100, SearchMax: true,
			Custom:    withProcessor("piiredact", "piiredact"),
			Reference: withProcessor("redaction", "contrib-redaction"),
		},
		{
			// The dense case: every span carries PII (telemetrygen-pii), memory_limiter →
			// redaction → batch. Against passthrough-dense, on the same load, it says what
			// piiredact costs when it masks something in every span.
			Name: "redaction-dense", Title: "Redaction, every span with an e-mail and a card",
			Generator: "telemetrygen-pii", Sinks: 1, HealthyPercent: 100,
			Custom:    withProcessor("piiredact", "piiredact"),
			Reference: withProcessor("redaction", "contrib-redaction"),
		},
		{
			Name: "passthrough-dense", Title: "Passthrough, the dense-PII load",
			Generator: "telemetrygen-pii", Sinks: 1, HealthyPercent: 100,
			Custom:    Setup{Configs: []string{passthroughConfig}},
			Reference: Setup{Configs: []string{passthroughConfig}},
		},
		{
			Name: "tailsampling", Title: "Tail sampling: errorkeep vs contrib tail_sampling",
			Generator: "realistic", Sinks: 1, HealthyPercent: 10, SearchMax: true,
			Custom:    withProcessor("errorkeep", "errorkeep"),
			Reference: withProcessor("tail_sampling", "contrib-tail-sampling"),
		},
		{
			// The same without errorkeep's folder: what its crash safety costs.
			Name: "tailsampling-in-memory", Title: "Tail sampling: errorkeep without its folder vs contrib tail_sampling",
			Generator: "realistic", Sinks: 1, HealthyPercent: 10,
			Custom:    withProcessor("errorkeep", "errorkeep", "errorkeep-in-memory"),
			Reference: withProcessor("tail_sampling", "contrib-tail-sampling"),
		},
		{
			// The same with the healthy traces sampled toward a number a second
			// (healthy_throughput) instead of a share: what the keyed budget costs.
			Name: "tailsampling-keyed", Title: "Tail sampling: errorkeep with keyed throughput sampling vs contrib tail_sampling",
			Generator: "realistic", Sinks: 1, HealthyPercent: 10, KeyedGoal: true,
			Custom:    withProcessor("errorkeep", "errorkeep", "errorkeep-keyed"),
			Reference: withProcessor("tail_sampling", "contrib-tail-sampling"),
		},
		{
			Name: "sidecar", Title: "Sidecar pipeline (config/sidecar.yaml, handoff folder; reference: batch and a file_storage queue)",
			Generator: "realistic", Sinks: 1, HealthyPercent: 100, SearchMax: true,
			Custom:    Setup{Configs: []string{"config/sidecar.yaml"}},
			Reference: Setup{Configs: []string{"loadtest/configs/reference-sidecar.yaml", processorsFile("contrib-redaction")}},
		},
		{
			// The sidecar's durable queue costs as much per span as the rest of the
			// pipeline; this row separates piiredact's share from the queue's.
			Name: "sidecar-without-redaction", Title: "Sidecar pipeline with the redaction processor taken out",
			Generator: "realistic", Sinks: 1, HealthyPercent: 100,
			Custom: Setup{Configs: []string{"config/sidecar.yaml"}, Set: []string{tracesProcessors("memory_limiter,handoff")}},
			Reference: Setup{Configs: []string{"loadtest/configs/reference-sidecar.yaml", processorsFile("contrib-redaction")},
				Set: []string{tracesProcessors("memory_limiter,batch")}},
		},
		{
			// Long requests as SDKs export them: the four children when they end, the root
			// 5-10 s later. A 30 s decision wait on both builds, as users set it for such
			// traffic: tail_sampling holds every span for 30 s, errorkeep decides a trace
			// root_span_grace (1 s) after its root arrives.
			Name: "late-roots", Title: "Tail sampling with roots exported 5-10 s after their children, 30 s wait",
			Generator: "late-roots", Sinks: 1, HealthyPercent: 10, Wait: 30 * time.Second,
			Custom:    withProcessor("errorkeep", "errorkeep"),
			Reference: withProcessor("tail_sampling", "contrib-tail-sampling"),
		},
		{
			Name: "gateway", Title: "Gateway pipeline (config/gateway.yaml, two backends)",
			Generator: "realistic", Sinks: 2, HealthyPercent: 10, SearchMax: true,
			Custom: Setup{Configs: []string{"config/gateway.yaml"}},
			Reference: Setup{Configs: []string{"loadtest/configs/reference-gateway.yaml",
				processorsFile("contrib-redaction"), processorsFile("contrib-tail-sampling")}},
		},
		{
			// What durability costs: the same gateway with errorkeep and the handoffs in
			// memory, against the same reference.
			Name: "gateway-in-memory", Title: "Gateway pipeline in memory (gateway.yaml + gateway-in-memory.yaml)",
			Generator: "realistic", Sinks: 2, HealthyPercent: 10,
			Custom: Setup{Configs: []string{"config/gateway.yaml", "config/gateway-in-memory.yaml"}},
			Reference: Setup{Configs: []string{"loadtest/configs/reference-gateway.yaml",
				processorsFile("contrib-redaction"), processorsFile("contrib-tail-sampling")}},
		},
	}
}
