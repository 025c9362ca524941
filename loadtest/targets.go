package loadtest

import "fmt"

// Target is one of the published performance targets, checked against a report.
type Target struct {
	Name     string
	Measured string
	Met      bool
	// NotComparable: one of the two runs did not hold the rate, so they did not carry
	// the same load and their ratio says nothing.
	NotComparable bool
}

func (t Target) Verdict() string {
	switch {
	case t.NotComparable:
		return "not comparable"
	case t.Met:
		return "met"
	}
	return "**missed**"
}

func newTarget(name, measured string, met bool) Target {
	return Target{Name: name, Measured: measured, Met: met}
}

// notComparable is the target entry for two runs that did not carry the same load.
func notComparable(name string, c, f Result) Target {
	return Target{Name: name, NotComparable: true, Measured: fmt.Sprintf("otelcol-custom held %.0f, the reference %.0f of %d spans/s",
		c.Achieved, f.Achieved, c.TargetRate)}
}

// Targets checks the published targets against every rate the report has results for.
func (rep *Report) Targets() []Target {
	var out []Target
	for _, rate := range rep.fixedRates() {
		at := fmt.Sprintf(" at %d spans/s", rate)
		if side, ok := rep.find("sidecar", Custom, "fixed", rate); ok {
			if pass, ok := rep.find("passthrough", Custom, "fixed", rate); ok && pass.CPUPerMillion > 0 {
				r := side.CPUPerMillion / pass.CPUPerMillion
				out = append(out, newTarget("Sidecar pipeline ≤ 1.15× passthrough CPU per span"+at,
					fmt.Sprintf("%.2f× (%.2f vs %.2f s per 1M spans)", r, side.CPUPerMillion, pass.CPUPerMillion), r <= 1.15))
			}
			if bare, ok := rep.find("sidecar-without-redaction", Custom, "fixed", rate); ok && bare.CPUPerMillion > 0 {
				r := side.CPUPerMillion / bare.CPUPerMillion
				out = append(out, newTarget("Sidecar pipeline ≤ 1.15× the CPU per span of the same sidecar without piiredact"+at,
					fmt.Sprintf("%.2f× (%.2f vs %.2f s per 1M spans)", r, side.CPUPerMillion, bare.CPUPerMillion), r <= 1.15))
			}
			if ref, ok := rep.find("sidecar", Reference, "fixed", rate); ok && side.CPUPerMillion > 0 {
				// CPU per span is comparable here even when the reference fell short of the
				// rate: it is the cost of each span it did take.
				r := ref.CPUPerMillion / side.CPUPerMillion
				out = append(out, newTarget("Sidecar pipeline ≥ 3× cheaper per span than with contrib redaction"+at,
					fmt.Sprintf("%.2f× cheaper (%.2f vs %.2f s per 1M spans)", r, side.CPUPerMillion, ref.CPUPerMillion), r >= 3))
			}
		}
		for _, sc := range []string{"tailsampling", "gateway"} {
			c, okC := rep.find(sc, Custom, "fixed", rate)
			f, okR := rep.find(sc, Reference, "fixed", rate)
			if !okC || !okR || f.CPUPerMillion == 0 || f.PeakRSSMiB == 0 {
				continue
			}
			cpuName := fmt.Sprintf("%s: errorkeep ≤ 0.5× tail_sampling CPU per span%s", sc, at)
			rssName := fmt.Sprintf("%s: errorkeep ≤ 0.5× tail_sampling peak RSS%s", sc, at)
			if !c.OK || !f.OK {
				out = append(out, notComparable(cpuName, c, f), notComparable(rssName, c, f))
				continue
			}
			cpu, rss := c.CPUPerMillion/f.CPUPerMillion, c.PeakRSSMiB/f.PeakRSSMiB
			out = append(out,
				newTarget(cpuName,
					fmt.Sprintf("%.2f× (%.2f vs %.2f s per 1M spans)", cpu, c.CPUPerMillion, f.CPUPerMillion), cpu <= 0.5),
				newTarget(rssName,
					fmt.Sprintf("%.2f× (%.0f vs %.0f MiB)", rss, c.PeakRSSMiB, f.PeakRSSMiB), rss <= 0.5))
		}
		// The processors' own cost: what each adds over the passthrough pipeline of its
		// build, which takes out the receiver, exporter and binary-size costs they share.
		if c, f, ok := rep.addedOverPassthrough("tailsampling", rate); ok && f.CPUPerMillion > 0 && f.PeakRSSMiB > 0 {
			cpu, rss := c.CPUPerMillion/f.CPUPerMillion, c.PeakRSSMiB/f.PeakRSSMiB
			out = append(out,
				newTarget("errorkeep's own CPU per span (over passthrough) ≤ 0.5× tail_sampling's"+at,
					fmt.Sprintf("%.2f× (%+.2f vs %+.2f s per 1M spans)", cpu, c.CPUPerMillion, f.CPUPerMillion), cpu <= 0.5),
				newTarget("errorkeep's own memory (peak RSS over passthrough) ≤ 0.5× tail_sampling's"+at,
					fmt.Sprintf("%.2f× (%+.0f vs %+.0f MiB)", rss, c.PeakRSSMiB, f.PeakRSSMiB), rss <= 0.5))
		}
		if c, ok := rep.find("passthrough", Custom, "fixed", rate); ok {
			if f, ok := rep.find("passthrough", Reference, "fixed", rate); ok && f.CPUPerMillion > 0 {
				r := c.CPUPerMillion / f.CPUPerMillion
				out = append(out, newTarget("Passthrough within 5% of the reference build's CPU per span"+at,
					fmt.Sprintf("%.2f×", r), r <= 1.05))
			}
		}
	}
	c, okC := rep.find("passthrough", Custom, "max", 0)
	f, okR := rep.find("passthrough", Reference, "max", 0)
	if okC && okR && c.OK && f.OK && f.Achieved > 0 {
		r := c.Achieved / f.Achieved
		out = append(out, newTarget("Passthrough max throughput within 5% of the reference build",
			fmt.Sprintf("%.2f× (%.0f vs %.0f spans/s)", r, c.Achieved, f.Achieved), r >= 0.95))
	}
	return out
}

// addedOverPassthrough returns, for each build, how much a scenario's CPU per span and
// peak RSS exceed the passthrough scenario's at the same rate.
func (rep *Report) addedOverPassthrough(scenario string, rate int) (custom, reference Result, ok bool) {
	var added [2]Result
	for i, build := range []BuildKind{Custom, Reference} {
		s, okS := rep.find(scenario, build, "fixed", rate)
		p, okP := rep.find("passthrough", build, "fixed", rate)
		if !okS || !okP {
			return Result{}, Result{}, false
		}
		added[i] = Result{CPUPerMillion: s.CPUPerMillion - p.CPUPerMillion, PeakRSSMiB: s.PeakRSSMiB - p.PeakRSSMiB}
	}
	return added[0], added[1], true
}
