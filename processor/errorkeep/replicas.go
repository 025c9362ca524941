package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"context"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap"
)

// replicaCount is how many gateways share a fleet-wide goal: healthy_throughput's
// replicas, or, with replicas_dns, how many addresses that name resolves to, looked
// up in the background every interval (the load-balancing tier resolves the same
// name to spread traces over the same gateways).
type replicaCount struct {
	fallback int
	name     string
	every    time.Duration
	lookup   func(ctx context.Context, host string) ([]string, error)

	current atomic.Int64
	cancel  context.CancelFunc
	done    sync.WaitGroup
}

func newReplicaCount(cfg *ThroughputConfig) *replicaCount {
	r := &replicaCount{fallback: cfg.Replicas, name: cfg.ReplicasDNS, every: cfg.Interval, lookup: net.DefaultResolver.LookupHost}
	r.current.Store(int64(cfg.Replicas))
	return r
}

// get is the count now.
func (r *replicaCount) get() int { return int(r.current.Load()) }

// start begins the lookups, when there is a name to look up.
func (r *replicaCount) start(logger *zap.Logger) {
	if r.name == "" || r.cancel != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	r.done.Add(1)
	go func() {
		defer r.done.Done()
		failing := false
		for {
			n, err := r.resolve(ctx)
			switch {
			case err == nil:
				r.current.Store(int64(n))
				failing = false
			case ctx.Err() != nil:
				return
			case !failing: // once per outage, not per lookup
				logger.Warn("errorkeep: healthy_throughput.replicas_dns could not be resolved; the goal is shared by the last count",
					zap.String("replicas_dns", r.name), zap.Int("replicas", r.get()), zap.Error(err))
				failing = true
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(r.every):
			}
		}
	}()
}

// resolve counts the name's distinct addresses.
func (r *replicaCount) resolve(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, max(r.every/2, time.Second))
	defer cancel()
	addrs, err := r.lookup(ctx, r.name)
	if err != nil {
		return 0, err
	}
	distinct := map[string]bool{}
	for _, a := range addrs {
		distinct[a] = true
	}
	if len(distinct) == 0 {
		return r.fallback, nil
	}
	return len(distinct), nil
}

// stop ends the lookups; safe to call more than once, and without start.
func (r *replicaCount) stop() {
	if r.cancel != nil {
		r.cancel()
	}
	r.done.Wait()
}
