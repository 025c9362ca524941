package errorkeep

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// budgetRun is what a simulated run of a budget kept.
type budgetRun struct {
	sent, kept map[uint32]int
	estimated  map[uint32]float64 // from the thresholds, as a backend counts
	perSecond  []int              // healthy traces kept each second
	// unrepresented counts, per key, the intervals in which it was sent and none kept.
	unrepresented map[uint32]int
}

// runBudget decides traces of keys arriving at rates(second) per second (Poisson
// arrivals) for the given seconds, ticking every 100 ms as the decision loop does,
// and records what was kept. Randomness comes from a seeded generator, as trace IDs
// do.
func runBudget(t *testing.T, cfg *ThroughputConfig, seconds int, rates func(second int) map[uint32]float64) budgetRun {
	return runBudgetInLumps(t, cfg, seconds, 1, rates)
}

// runBudgetInLumps is runBudget with the traces of every lump ticks decided
// together, at the lump's last tick, as one SDK's batches are.
func runBudgetInLumps(t *testing.T, cfg *ThroughputConfig, seconds, lump int, rates func(second int) map[uint32]float64) budgetRun {
	t.Helper()
	b := newThroughputBudget(cfg)
	rng := rand.New(rand.NewPCG(7, 11))
	run := budgetRun{sent: map[uint32]int{}, kept: map[uint32]int{}, estimated: map[uint32]float64{}, unrepresented: map[uint32]int{}}
	const tick = 100 * time.Millisecond
	ticksPerInterval := int(cfg.Interval / tick)
	sentIn, keptIn := map[uint32]int{}, map[uint32]int{}
	now := t0
	for step := 0; step < seconds*10; step++ {
		b.adjust(now)
		if step%10 == 0 {
			run.perSecond = append(run.perSecond, 0)
		}
		for key, rate := range rates(step / 10) {
			if (step+1)%lump != 0 {
				continue
			}
			for range poisson(rng, rate*tick.Seconds()*float64(lump)) {
				run.sent[key]++
				sentIn[key]++
				t16 := b.admit(key)
				if uint32(rng.Uint64()>>48) < t16 {
					continue
				}
				b.kept()
				run.kept[key]++
				keptIn[key]++
				run.perSecond[len(run.perSecond)-1]++
				run.estimated[key] += 1 / (1 - float64(t16)/(1<<16))
			}
		}
		if (step+1)%ticksPerInterval == 0 {
			for key := range sentIn {
				if keptIn[key] == 0 {
					run.unrepresented[key]++
				}
			}
			clear(sentIn)
			clear(keptIn)
		}
		now = now.Add(tick)
	}
	return run
}

// skewed is one hot key with 95% of 300 traces a second and twenty rare keys
// sharing the rest; burst multiplies the hot key's rate in seconds [from, to).
func skewed(burst float64, from, to int) func(int) map[uint32]float64 {
	return func(second int) map[uint32]float64 {
		rates := map[uint32]float64{1: 285}
		if second >= from && second < to {
			rates[1] *= burst
		}
		for k := uint32(2); k < 22; k++ {
			rates[k] = 15.0 / 20
		}
		return rates
	}
}

func throughput(goal float64) *ThroughputConfig {
	cfg := defaultConfig().HealthyThroughput
	cfg.TracesPerSecond = goal
	return &cfg
}

// The goal holds, a rare key keeps nearly all its traces while the hot one is sampled
// down, every key is represented in every interval, and the counts extrapolated from
// the thresholds are those sent.
func TestBudgetSharesTheGoalAmongKeys(t *testing.T) {
	cfg := throughput(50)
	run := runBudget(t, cfg, 120, skewed(1, 0, 0))
	steady := run.perSecond[10:] // the rates settle within a second or two
	assert.InDelta(t, 50, mean(steady), 5, "healthy traces kept per second")
	assert.Empty(t, run.unrepresented, "every key keeps a trace in every interval")
	hot := float64(run.kept[1]) / float64(run.sent[1])
	assert.Less(t, hot, 0.15, "the hot key is sampled down to what the rare ones leave")
	for k := uint32(2); k < 22; k++ {
		assert.Equal(t, run.sent[k], run.kept[k], "rare key %d keeps all of its traces", k)
		assert.InDelta(t, float64(run.sent[k]), run.estimated[k], 0.05*float64(run.sent[k]), "key %d counted from th", k)
	}
	assert.InDelta(t, float64(run.sent[1]), run.estimated[1], 0.05*float64(run.sent[1]), "hot key counted from th")
}

// A burst that triples the hot key's traffic moves the kept rate by little: the
// rates follow within a second, and the burst takes budget from no rare key.
func TestBudgetHoldsTheGoalThroughABurst(t *testing.T) {
	cfg := throughput(50)
	run := runBudget(t, cfg, 90, skewed(3, 40, 60))
	before, during := mean(run.perSecond[10:40]), mean(run.perSecond[40:60])
	assert.InDelta(t, 50, before, 5)
	assert.InDelta(t, 50, during, 5, "kept per second while the hot key triples")
	assert.Empty(t, run.unrepresented)
	assert.InDelta(t, float64(run.sent[1]), run.estimated[1], 0.05*float64(run.sent[1]))
}

// Below the goal, everything is kept, each trace counting as itself.
func TestBudgetKeepsEverythingBelowTheGoal(t *testing.T) {
	run := runBudget(t, throughput(1000), 30, skewed(1, 0, 0))
	for k, n := range run.sent {
		assert.Equal(t, n, run.kept[k], "key %d", k)
	}
}

// A fleet's goal is shared by its replicas.
func TestBudgetDividesAFleetGoal(t *testing.T) {
	cfg := throughput(150)
	cfg.Replicas = 3
	run := runBudget(t, cfg, 60, skewed(1, 0, 0))
	assert.InDelta(t, 50, mean(run.perSecond[10:]), 5)
}

func TestBudgetBoundsItsKeysAndForgetsIdleOnes(t *testing.T) {
	cfg := throughput(10)
	cfg.MaxKeys = 3
	b := newThroughputBudget(cfg)
	for key := uint32(1); key <= 10; key++ {
		b.admit(key)
	}
	assert.Len(t, b.keys, 4, "three keys and the one the others share")
	assert.Contains(t, b.keys, uint32(overflowKey))
	now := t0
	for range idleAdjustments + 2 {
		b.adjust(now)
		now = now.Add(adjustEvery)
	}
	assert.Empty(t, b.keys, "keys unseen for a minute are forgotten")
}

func TestThreshold16(t *testing.T) {
	assert.Equal(t, uint32(0), threshold16(1))
	assert.Equal(t, uint32(1<<15), threshold16(0.5))
	assert.Equal(t, uint32(58982), threshold16(0.1)) // th:e666
	assert.Equal(t, uint32(threshold16Max), threshold16(0), "never rejects all")
	assert.Equal(t, "e666", encodeThreshold(uint64(threshold16(0.1))<<40))
}

func TestWaterLevel(t *testing.T) {
	keys := map[uint32]*keyShare{1: {rate: 1000}, 2: {rate: 1}, 3: {rate: 10}}
	assert.True(t, math.IsInf(waterLevel(keys, 2000, 10), 1), "all of it fits")
	lambda := waterLevel(keys, 60, 10)
	sum := 0.0
	for _, k := range keys {
		sum += min(k.rate, lambda*weight(k.rate, 10))
	}
	require.InDelta(t, 60, sum, 1e-6)
	assert.InDelta(t, 1, min(keys[2].rate, lambda*weight(1, 10)), 1e-9, "the rare key keeps all of its traffic")
}

// poisson draws from a Poisson distribution (Knuth's method; a normal approximation
// for large means).
func poisson(rng *rand.Rand, mean float64) int {
	if mean > 30 {
		return max(0, int(math.Round(mean+math.Sqrt(mean)*rng.NormFloat64())))
	}
	limit, n, p := math.Exp(-mean), 0, rng.Float64()
	for p > limit {
		n++
		p *= rng.Float64()
	}
	return n
}

func mean(xs []int) float64 {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return float64(sum) / float64(len(xs))
}

// A key's traces decided in a lump before its rate is known (a new key, traffic
// after a pause) are shared out as they come, not all kept.
func TestBudgetSharesALumpBeforeItsRateIsKnown(t *testing.T) {
	b := newThroughputBudget(throughput(60))
	b.adjust(t0)
	rng := rand.New(rand.NewPCG(1, 2))
	kept := 0
	for range 1000 {
		if uint32(rng.Uint64()>>48) >= b.admit(1) {
			kept++
		}
	}
	assert.Less(t, kept, 150, "of a lump of 1000")
	assert.Greater(t, kept, 16)
}
