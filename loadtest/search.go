package loadtest

import (
	"context"
	"time"
)

// SearchOptions bound the max-throughput search.
type SearchOptions struct {
	StartRate int           // first rate tried, spans/s
	MaxRate   int           // the search never asks for more
	Step      time.Duration // load duration of each trial
	Refine    int           // bisection steps after the first failing rate
}

// runFunc runs one trial at a rate; RunFixed in production, a model in tests.
type runFunc func(ctx context.Context, rate int) (Result, error)

// FindMax returns the highest rate at which a scenario ran with nothing refused,
// dropped or lost, with the measurements of that run (Mode "max"), and every trial.
func (r *Runner) FindMax(ctx context.Context, sc Scenario, build BuildKind, opts SearchOptions) (Result, []Result, error) {
	return findMax(ctx, opts, func(ctx context.Context, rate int) (Result, error) {
		res, err := r.RunFixed(ctx, sc, build, rate, opts.Step)
		res.Mode = "trial"
		return res, err
	})
}

// findMax doubles the rate until a trial fails (or MaxRate passes), then bisects between
// the last passing and the first failing rate. A failing first trial halves instead.
// When no rate passes, the result is the last trial, not OK.
func findMax(ctx context.Context, opts SearchOptions, run runFunc) (Result, []Result, error) {
	var (
		trials    []Result
		low, high int // highest passing and lowest failing rate so far; 0 when none
		best      Result
	)
	try := func(rate int) (bool, error) {
		res, err := run(ctx, rate)
		if err != nil {
			return false, err
		}
		trials = append(trials, res)
		if res.OK {
			low, best = rate, res
		} else {
			high = rate
		}
		return res.OK, nil
	}
	for rate := opts.StartRate; ; {
		ok, err := try(rate)
		if err != nil {
			return best, trials, err
		}
		if ok {
			next := min(rate*2, opts.MaxRate)
			if next <= rate || (high != 0 && next >= high) {
				break
			}
			rate = next
			continue
		}
		if low != 0 || rate/2 < opts.StartRate/16 {
			break
		}
		rate /= 2
	}
	for range opts.Refine {
		if low == 0 || high == 0 || high-low <= max(low/50, 1) {
			break
		}
		if _, err := try((low + high) / 2); err != nil {
			return best, trials, err
		}
	}
	if low == 0 {
		best = trials[len(trials)-1]
	}
	best.Mode = "max"
	return best, trials, nil
}
