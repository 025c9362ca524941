package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"math"
	"time"
)

// throughputBudget shares a number of healthy traces per second among keys. Every
// adjustment (adjustEvery, on the decision loop's tick) it updates each key's rate of
// healthy traces (an exponential moving average with time constant rateTau) and splits the goal by water-filling: key k
// gets min(rate_k, λ·w_k) traces per second, with weight w_k = ln(1 + traces per
// interval) and λ such that the shares add up to the goal, corrected by how far what
// was kept lately is from it. So a key's share
// grows with the logarithm of its traffic: a rare key keeps all of its traces, a hot one is
// sampled down, and a burst on one key takes budget from no other. The first trace
// of every key in each interval is kept whatever its share (its probability is 1, and
// it is counted so), so no key seen goes unrepresented; what those take is left out
// of the goal the shares split.
//
// Each key's probability becomes a threshold of 16 bits (tracestate th of up to four
// hex digits), which both decides (a trace is kept when the top 16 bits of its
// randomness reach it) and travels with the kept spans: the counts extrapolated from
// th are exact in expectation.
//
// Not safe for concurrent use: the processor's lock covers it.
type throughputBudget struct {
	fleetGoal float64 // traces per second for the fleet, shared by replicas
	replicas  *replicaCount
	goal      float64 // fleetGoal / replicas: traces per second for this replica
	interval  time.Duration
	maxKeys   int

	keys map[uint32]*keyShare
	// forced counts the first traces of an interval kept since the last adjustment,
	// and forcedRate is their moving average per second.
	forced     int
	forcedRate float64
	// lambda is the water level of the last adjustment (+Inf: all traffic fit), and
	// period its length in seconds: what admit needs to share out a lump.
	lambda float64
	period float64
	// keptSince counts the traces kept since the last adjustment, keptRate is
	// their moving average per second, and correction scales the budget by how far
	// that is from the goal.
	keptSince  int
	keptRate   float64
	correction float64
	lastAdjust time.Time
	windowFrom time.Time // the current interval's start
}

// keyShare is one key's part of the budget.
type keyShare struct {
	rate      float64 // healthy traces per second, moving average
	seen      int     // healthy traces decided since the last adjustment
	threshold uint32  // 16-bit rejection threshold now: 0 keeps all, 65535 one in 65536
	kept      bool    // its first trace of the current interval was kept
	idle      int     // adjustments in a row that saw none of its traces
}

const (
	// adjustEvery: shares are recomputed at most this often.
	adjustEvery = 250 * time.Millisecond
	// rateTau is the time constant of the rates' moving average.
	rateTau = time.Second
	// lumpSlack is how many traces more than its rate foresaw a key may decide in
	// one adjustment period before its share is worked out from what it sees.
	lumpSlack = 16
	// maxPeriod bounds the period a lump's rate is taken over: a pause longer
	// than that says nothing about the lump after it.
	maxPeriod = time.Second
	// correctionTau is how fast the budget is corrected by what was kept, and
	// maxCorrection how far.
	correctionTau = 3 * time.Second
	maxCorrection = 4
	// idleAdjustments: a key unseen for this many adjustments is forgotten.
	idleAdjustments = 240 // a minute at adjustEvery
	// overflowKey is the key traces of keys beyond max_keys share.
	overflowKey = 0
	// threshold16Max is the strictest 16-bit threshold: keep one trace in 65536.
	threshold16Max = 1<<16 - 1
)

func newThroughputBudget(cfg *ThroughputConfig) *throughputBudget {
	return &throughputBudget{
		fleetGoal:  cfg.TracesPerSecond,
		replicas:   newReplicaCount(cfg),
		goal:       cfg.TracesPerSecond / float64(cfg.Replicas),
		interval:   cfg.Interval,
		maxKeys:    cfg.MaxKeys,
		keys:       make(map[uint32]*keyShare),
		correction: 1,
		lambda:     math.Inf(1),
		period:     adjustEvery.Seconds(),
	}
}

// kept counts a trace admit let through.
func (b *throughputBudget) kept() { b.keptSince++ }

// admit counts one healthy trace of key and returns the threshold it is decided
// with: 0 for the first of its key in the interval, the key's share otherwise. A key
// deciding far more traces than its rate foresaw (a lump after a pause, a key new
// since the last adjustment) has its share worked out again from what it sees,
// trace by trace, rather than keep them all until the next adjustment.
func (b *throughputBudget) admit(key uint32) uint32 {
	k := b.share(key)
	k.seen++
	if !k.kept {
		k.kept = true
		b.forced++
		return 0
	}
	if float64(k.seen) <= k.rate*b.period+lumpSlack {
		return k.threshold
	}
	rate := float64(k.seen) / b.period
	target := min(rate, b.goal) // all of it fits: this key alone takes no more than the goal
	if !math.IsInf(b.lambda, 1) {
		target = min(rate, b.lambda*weight(rate, b.interval.Seconds()))
	}
	return threshold16(target / rate)
}

func (b *throughputBudget) share(key uint32) *keyShare {
	if k, ok := b.keys[key]; ok {
		return k
	}
	if len(b.keys) >= b.maxKeys {
		key = overflowKey
		if k, ok := b.keys[key]; ok {
			return k
		}
	}
	// A key not seen before keeps its traces until the next adjustment gives it a
	// share: at most adjustEvery of them.
	k := &keyShare{}
	b.keys[key] = k
	return k
}

// adjust recomputes the rates and shares, at most every adjustEvery, and starts a
// new interval when the last one is over.
func (b *throughputBudget) adjust(now time.Time) {
	if b.lastAdjust.IsZero() {
		b.lastAdjust, b.windowFrom = now, now
		return
	}
	elapsed := now.Sub(b.lastAdjust)
	if elapsed < adjustEvery {
		return
	}
	b.lastAdjust = now
	b.goal = b.fleetGoal / float64(max(b.replicas.get(), 1))
	dt := elapsed.Seconds()
	b.period = min(dt, maxPeriod.Seconds())
	alpha := 1 - math.Exp(-dt/rateTau.Seconds())
	b.forcedRate += alpha * (float64(b.forced)/dt - b.forcedRate)
	b.keptRate += alpha * (float64(b.keptSince)/dt - b.keptRate)
	b.forced, b.keptSince = 0, 0
	// What the shares did not foresee (traffic that comes in lumps, a rate in
	// flux) shows in what was kept: the budget the shares split is corrected by it,
	// a little at every adjustment.
	if b.keptRate > 0 && b.goal > 0 {
		b.correction *= math.Pow(b.goal/b.keptRate, dt/correctionTau.Seconds())
		b.correction = min(max(b.correction, 1/maxCorrection), maxCorrection)
	}
	for key, k := range b.keys {
		k.rate += alpha * (float64(k.seen)/dt - k.rate)
		if k.seen == 0 {
			k.idle++
		} else {
			k.idle = 0
		}
		k.seen = 0
		if k.idle >= idleAdjustments {
			delete(b.keys, key)
		}
	}
	b.share16()
	if now.Sub(b.windowFrom) >= b.interval {
		b.windowFrom = now
		for _, k := range b.keys {
			k.kept = false
		}
	}
}

// share16 splits what the goal leaves after the interval's first traces among the
// keys, and turns each share into a threshold.
func (b *throughputBudget) share16() {
	budget := max(b.goal-b.forcedRate, 0) * b.correction
	perInterval := b.interval.Seconds()
	b.lambda = waterLevel(b.keys, budget, perInterval)
	for _, k := range b.keys {
		p := 1.0
		if k.rate > 0 {
			p = min(1, b.lambda*weight(k.rate, perInterval)/k.rate)
		}
		k.threshold = threshold16(p)
	}
}

// weight is how much of the budget a key's traffic claims: the logarithm of its
// traces per interval.
func weight(rate, perInterval float64) float64 { return math.Log1p(rate * perInterval) }

// waterLevel finds λ such that the keys' shares, min(rate, λ·weight), add up to
// budget; +Inf when all of their traffic fits.
func waterLevel(keys map[uint32]*keyShare, budget, perInterval float64) float64 {
	total, hi := 0.0, 0.0
	for _, k := range keys {
		total += k.rate
		if w := weight(k.rate, perInterval); w > 0 {
			hi = max(hi, k.rate/w)
		}
	}
	if total <= budget {
		return math.Inf(1)
	}
	lo := 0.0
	for range 64 { // bisection: the shares grow with λ, from 0 to total
		mid := (lo + hi) / 2
		sum := 0.0
		for _, k := range keys {
			sum += min(k.rate, mid*weight(k.rate, perInterval))
		}
		if sum > budget {
			hi = mid
		} else {
			lo = mid
		}
	}
	return lo
}

// threshold16 is the 16-bit rejection threshold that keeps a share p of traces,
// rounded to the nearest representable probability and never rejecting all.
func threshold16(p float64) uint32 {
	if p >= 1 {
		return 0
	}
	return uint32(min(math.Round((1-p)*(1<<16)), threshold16Max))
}
