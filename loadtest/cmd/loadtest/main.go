// Command loadtest measures otelcol-custom against the reference build of stock
// components, scenario by scenario, and prints one key=value line per run and a
// Markdown report. `make loadtest` builds everything it needs and runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/otelcol-custom/otelcol-custom/loadtest"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		repo         = flag.String("repo", ".", "repository root (configs are read relative to it)")
		custom       = flag.String("custom", "bin/otelcol-custom", "otelcol-custom binary")
		reference    = flag.String("reference", "bin/otelcol-reference", "reference binary (loadtest/reference/builder-config.yaml)")
		telemetrygen = flag.String("telemetrygen", "bin/telemetrygen", "telemetrygen binary")
		scenarios    = flag.String("scenarios", "all", "comma-separated scenarios, or all")
		rates        = flag.String("rates", "10000,50000", "fixed rates in spans/s, comma-separated; empty for none")
		duration     = flag.Duration("duration", 20*time.Second, "load duration of each fixed-rate run")
		searchMax    = flag.Bool("max", true, "also search each scenario's max throughput")
		maxStart     = flag.Int("max-start", 25000, "first rate of the max-throughput search, spans/s")
		maxLimit     = flag.Int("max-limit", 400000, "highest rate the search asks for, spans/s")
		maxStep      = flag.Duration("max-step", 10*time.Second, "load duration of each max-throughput trial")
		refine       = flag.Int("refine", 3, "bisection steps of the max-throughput search")
		cpus         = flag.String("collector-cpus", "auto", `taskset CPU list for the collector under test; "auto": core 0 when this process may use 2 or more, "" for none`)
		workers      = flag.Int("workers", 8, "concurrent export calls of the realistic generator")
		out          = flag.String("out", "loadtest/results", "folder for the key=value log and the Markdown report")
		rerender     = flag.String("report", "", "render the Markdown report of an earlier run's key=value log and exit")
	)
	flag.Parse()
	if *rerender != "" {
		fixed, err := parseRates(*rates)
		if err != nil {
			return err
		}
		return renderReport(*rerender, fixed)
	}

	selected, err := selectScenarios(*scenarios)
	if err != nil {
		return err
	}
	fixed, err := parseRates(*rates)
	if err != nil {
		return err
	}
	if *cpus == "auto" {
		*cpus = ""
		if runtime.NumCPU() >= 2 {
			*cpus = "0"
		}
	}
	root, err := filepath.Abs(*repo)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil { //nolint:gosec // reports are shared: readable by others
		return err
	}
	stamp := time.Now().UTC().Format("20060102T150405Z")
	logFile, err := os.Create(filepath.Join(*out, "loadtest-"+stamp+".txt"))
	if err != nil {
		return err
	}
	defer logFile.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	runner := &loadtest.Runner{
		RepoRoot: root,
		Binaries: map[loadtest.BuildKind]string{loadtest.Custom: abs(*custom), loadtest.Reference: abs(*reference)},
		Generators: map[string]loadtest.Generator{
			"realistic": loadtest.Realistic{TracesPerRequest: 20, Workers: *workers},
			"late-roots": loadtest.Realistic{TracesPerRequest: 20, Workers: *workers,
				RootDelay: [2]time.Duration{5 * time.Second, 10 * time.Second}},
			"telemetrygen": loadtest.Telemetrygen{Binary: abs(*telemetrygen), SpansPerWorker: 1000},
			// Every span carries an e-mail address and a card number, under keys that
			// are not sensitive by name, so the detectors find and mask both.
			"telemetrygen-pii": loadtest.Telemetrygen{Binary: abs(*telemetrygen), SpansPerWorker: 1000,
				Attributes: []string{`customer.contact="jane.doe@example.com"`, `payment.note="card 4111 1111 1111 1111"`}},
		},
		CollectorCPUs: *cpus,
		Log:           io.MultiWriter(os.Stdout, logFile),
	}
	report := &loadtest.Report{Machine: loadtest.DescribeMachine() + pinning(*cpus), Scenarios: selected}
	for _, sc := range selected {
		for _, build := range []loadtest.BuildKind{loadtest.Custom, loadtest.Reference} {
			for _, rate := range fixed {
				res, err := runner.RunFixed(ctx, sc, build, rate, *duration)
				if err != nil {
					return fmt.Errorf("%s on %s at %d spans/s: %w", sc.Name, build, rate, err)
				}
				report.Results = append(report.Results, res)
			}
			if *searchMax && sc.SearchMax {
				best, _, err := runner.FindMax(ctx, sc, build, loadtest.SearchOptions{
					StartRate: *maxStart, MaxRate: *maxLimit, Step: *maxStep, Refine: *refine})
				if err != nil {
					return fmt.Errorf("%s on %s, max throughput: %w", sc.Name, build, err)
				}
				fmt.Fprintln(runner.Log, best.KeyValues())
				report.Results = append(report.Results, best)
			}
		}
	}
	md := report.Markdown()
	fmt.Println()
	fmt.Print(md)
	mdPath := filepath.Join(*out, "loadtest-"+stamp+".md")
	if err := os.WriteFile(mdPath, []byte(md), 0o644); err != nil { //nolint:gosec // reports are shared: readable by others
		return err
	}
	fmt.Printf("results: %s and %s\n", logFile.Name(), mdPath)
	return nil
}

// renderReport prints the Markdown report of a key=value log: its fixed-rate runs at
// the given rates and its max-throughput results (search trials and other lines are
// skipped).
func renderReport(path string, rates []int) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	report := &loadtest.Report{Scenarios: loadtest.Scenarios()}
	for _, line := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(line, "scenario=") {
			continue
		}
		res, err := loadtest.ParseKeyValues(line)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if res.Mode == "max" || (res.Mode == "fixed" && slices.Contains(rates, res.TargetRate)) {
			report.Results = append(report.Results, res)
		}
	}
	fmt.Print(report.Markdown())
	return nil
}

func selectScenarios(list string) ([]loadtest.Scenario, error) {
	all := loadtest.Scenarios()
	if list == "all" {
		return all, nil
	}
	var out []loadtest.Scenario
	for _, name := range strings.Split(list, ",") {
		i := slices.IndexFunc(all, func(s loadtest.Scenario) bool { return s.Name == strings.TrimSpace(name) })
		if i < 0 {
			return nil, fmt.Errorf("-scenarios: unknown scenario %q", name)
		}
		out = append(out, all[i])
	}
	return out, nil
}

func parseRates(list string) ([]int, error) {
	var rates []int
	for _, f := range strings.Split(list, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		r, err := strconv.Atoi(f)
		if err != nil || r <= 0 {
			return nil, fmt.Errorf("-rates: %q is not a positive number of spans/s", f)
		}
		rates = append(rates, r)
	}
	return rates, nil
}

func pinning(cpus string) string {
	if cpus == "" {
		return "; collector not pinned"
	}
	return "; collector pinned to CPU " + cpus + " (taskset), load generator and sinks on the others"
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
