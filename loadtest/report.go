package loadtest

import (
	"fmt"
	"strconv"
	"strings"
)

// KeyValues renders a result as one line of key=value pairs, the machine-readable form.
func (r Result) KeyValues() string {
	fields := []struct {
		key   string
		value string
	}{
		{"scenario", r.Scenario},
		{"build", string(r.Build)},
		{"mode", r.Mode},
		{"generator", r.Generator},
		{"target_spans_per_s", strconv.Itoa(r.TargetRate)},
		{"achieved_spans_per_s", fmt.Sprintf("%.0f", r.Achieved)},
		{"accepted", strconv.FormatInt(r.Accepted, 10)},
		{"received", strconv.FormatInt(r.Received, 10)},
		{"delivered_ratio", fmt.Sprintf("%.4f", r.DeliveredRatio)},
		{"expected_ratio", fmt.Sprintf("%.4f", r.ExpectedRatio)},
		{"kept_lost", strconv.FormatInt(r.KeptLost, 10)},
		{"refused", strconv.FormatInt(max(r.GeneratorRefused, r.CollectorRefused), 10)},
		{"dropped", strconv.FormatInt(r.Dropped, 10)},
		{"cpu_s", fmt.Sprintf("%.2f", r.CPUSeconds)},
		{"cpu_s_per_million_spans", fmt.Sprintf("%.2f", r.CPUPerMillion)},
		{"peak_rss_mib", fmt.Sprintf("%.1f", r.PeakRSSMiB)},
		{"ok", strconv.FormatBool(r.OK)},
	}
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f.key)
		b.WriteByte('=')
		b.WriteString(f.value)
	}
	if r.Why != "" {
		fmt.Fprintf(&b, " why=%q", r.Why)
	}
	return b.String()
}

// Report collects the results of one invocation and renders them as Markdown.
type Report struct {
	Machine   string // a line describing where it ran
	Scenarios []Scenario
	Results   []Result
}

// find returns the result for a scenario, build, mode and (for fixed runs) rate.
func (rep *Report) find(scenario string, build BuildKind, mode string, rate int) (Result, bool) {
	for _, r := range rep.Results {
		if r.Scenario == scenario && r.Build == build && r.Mode == mode && (mode == "max" || r.TargetRate == rate) {
			return r, true
		}
	}
	return Result{}, false
}

func (rep *Report) fixedRates() []int {
	var rates []int
	for _, r := range rep.Results {
		if r.Mode == "fixed" && !containsInt(rates, r.TargetRate) {
			rates = append(rates, r.TargetRate)
		}
	}
	return rates
}

// Markdown renders the fixed-rate table, the max-throughput table and the targets.
func (rep *Report) Markdown() string {
	var b strings.Builder
	if rep.Machine != "" {
		fmt.Fprintf(&b, "Machine: %s\n\n", rep.Machine)
	}
	if rates := rep.fixedRates(); len(rates) > 0 {
		b.WriteString("### Fixed rate\n\n")
		b.WriteString("CPU is the collector's user+system time per million spans it accepted, load and drain included. ")
		b.WriteString("Ratio is otelcol-custom / reference: below 1 is better.\n\n")
		b.WriteString("| Scenario | Spans/s asked | Held (custom / ref) | CPU s per 1M spans (custom / ref / ratio) | Peak RSS MiB (custom / ref / ratio) | Delivered share custom / ref (expected) | Refused, dropped, lost (custom / ref) |\n")
		b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
		for _, sc := range rep.Scenarios {
			for _, rate := range rates {
				c, okC := rep.find(sc.Name, Custom, "fixed", rate)
				f, okR := rep.find(sc.Name, Reference, "fixed", rate)
				if !okC && !okR {
					continue
				}
				fmt.Fprintf(&b, "| %s | %d | %s / %s | %s / %s / %s | %s / %s / %s | %s / %s (%.3f) | %s / %s |\n",
					sc.Name, rate, held(c, okC), held(f, okR),
					num(c.CPUPerMillion, okC), num(f.CPUPerMillion, okR), ratio(c.CPUPerMillion, f.CPUPerMillion, okC && okR),
					num(c.PeakRSSMiB, okC), num(f.PeakRSSMiB, okR), ratio(c.PeakRSSMiB, f.PeakRSSMiB, okC && okR),
					num3(c.DeliveredRatio, okC), num3(f.DeliveredRatio, okR), sc.ExpectedRatio(), losses(c, okC), losses(f, okR))
			}
		}
		b.WriteString("\n")
	}
	var maxRows strings.Builder
	for _, sc := range rep.Scenarios {
		c, okC := rep.find(sc.Name, Custom, "max", 0)
		f, okR := rep.find(sc.Name, Reference, "max", 0)
		if !okC && !okR {
			continue
		}
		fmt.Fprintf(&maxRows, "| %s | %s | %s | %s | %s / %s | %s / %s | %s / %s |\n", sc.Name,
			maxRate(c, okC), maxRate(f, okR), ratio(c.Achieved, f.Achieved, okC && okR && c.OK && f.OK),
			num(c.CPUPerMillion, okC), num(f.CPUPerMillion, okR), perCore(c, okC), perCore(f, okR),
			num(c.PeakRSSMiB, okC), num(f.PeakRSSMiB, okR))
	}
	if maxRows.Len() > 0 {
		b.WriteString("### Max throughput (collector pinned to one core)\n\n")
		b.WriteString("The highest rate held with nothing refused, dropped or lost. Ratio is otelcol-custom / reference: above 1 is better. ")
		b.WriteString("Spans/s per core is 1,000,000 / CPU s per 1M spans at that rate: what one core sustains. A rate marked * kept the ")
		b.WriteString("collector's core less than 90% busy: its true limit is higher, between that rate and the next one tried, or the load generator set it.\n\n")
		b.WriteString("| Scenario | Max spans/s custom | Max spans/s reference | Ratio | CPU s per 1M spans at max (custom / ref) | Spans/s per core (custom / ref) | Peak RSS MiB at max (custom / ref) |\n")
		b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
		b.WriteString(maxRows.String())
		b.WriteString("\n")
	}
	if targets := rep.Targets(); len(targets) > 0 {
		b.WriteString("### Targets\n\n| Target | Measured | Verdict |\n|---|---|---|\n")
		for _, t := range targets {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", t.Name, t.Measured, t.Verdict())
		}
		b.WriteString("\n")
	}
	return b.String()
}

func held(r Result, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.0f", r.Achieved)
}

func num(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	if v >= 100 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func ratio(a, b float64, ok bool) string {
	if !ok || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func num3(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.3f", v)
}

func losses(r Result, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%d, %d, %d", max(r.GeneratorRefused, r.CollectorRefused), r.Dropped, r.KeptLost)
}

func maxRate(r Result, ok bool) string {
	switch {
	case !ok:
		return "–"
	case !r.OK:
		return fmt.Sprintf("none (%s at %d)", r.Why, r.TargetRate)
	case r.CoreShare() < 0.9:
		return fmt.Sprintf("%.0f*", r.Achieved)
	}
	return fmt.Sprintf("%.0f", r.Achieved)
}

// perCore is the rate one core of the collector sustains at this run's CPU per span.
func perCore(r Result, ok bool) string {
	if !ok || r.CPUPerMillion == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f", 1e6/r.CPUPerMillion)
}

// CoreShare is the share of one core the collector used while taking the load in.
func (r Result) CoreShare() float64 { return r.Achieved * r.CPUPerMillion / 1e6 }

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// ParseKeyValues reads a line written by KeyValues back into a Result, so that a report
// can be rendered again from a run's log (loadtest -report).
func ParseKeyValues(line string) (Result, error) {
	var r Result
	rest := strings.TrimSpace(line)
	if why := strings.Index(rest, ` why="`); why >= 0 {
		unquoted, err := strconv.Unquote(rest[why+len(" why="):])
		if err != nil {
			return r, fmt.Errorf("why: %w", err)
		}
		r.Why, rest = unquoted, rest[:why]
	}
	var errs []error
	num := func(v string) float64 {
		f, err := strconv.ParseFloat(v, 64)
		errs = append(errs, err)
		return f
	}
	for _, field := range strings.Fields(rest) {
		key, v, ok := strings.Cut(field, "=")
		if !ok {
			return r, fmt.Errorf("%q is not key=value", field)
		}
		switch key {
		case "scenario":
			r.Scenario = v
		case "build":
			r.Build = BuildKind(v)
		case "mode":
			r.Mode = v
		case "generator":
			r.Generator = v
		case "target_spans_per_s":
			r.TargetRate = int(num(v))
		case "achieved_spans_per_s":
			r.Achieved = num(v)
		case "accepted":
			r.Accepted = int64(num(v))
		case "received":
			r.Received = int64(num(v))
		case "delivered_ratio":
			r.DeliveredRatio = num(v)
		case "expected_ratio":
			r.ExpectedRatio = num(v)
		case "kept_lost":
			r.KeptLost = int64(num(v))
		case "refused":
			r.GeneratorRefused = int64(num(v))
		case "dropped":
			r.Dropped = int64(num(v))
		case "cpu_s":
			r.CPUSeconds = num(v)
		case "cpu_s_per_million_spans":
			r.CPUPerMillion = num(v)
		case "peak_rss_mib":
			r.PeakRSSMiB = num(v)
		case "ok":
			r.OK = v == "true"
		default:
			return r, fmt.Errorf("unknown key %q", key)
		}
	}
	for _, err := range errs {
		if err != nil {
			return r, err
		}
	}
	if r.Scenario == "" || r.Build == "" || r.Mode == "" {
		return r, fmt.Errorf("line lacks scenario, build or mode: %q", line)
	}
	return r, nil
}
