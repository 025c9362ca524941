package errorkeep

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"go.uber.org/zap"
)

// With replicas_dns, the fleet goal is shared by as many gateways as the name has
// addresses, followed as they change; replicas stands in while a lookup fails.
func TestReplicaCountFollowsTheGatewaysDNSName(t *testing.T) {
	cfg := keyedConfig(300).HealthyThroughput
	cfg.Replicas = 2
	cfg.ReplicasDNS = "otelcol-gateway-headless.observability.svc.cluster.local"
	cfg.Interval = 10 * time.Millisecond
	r := newReplicaCount(&cfg)
	var answer atomic.Pointer[[]string] // nil: the lookup fails
	answer.Store(&[]string{"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.3"})
	r.lookup = func(_ context.Context, host string) ([]string, error) {
		assert.Equal(t, cfg.ReplicasDNS, host)
		if a := answer.Load(); a != nil {
			return *a, nil
		}
		return nil, errors.New("no such host")
	}
	assert.Equal(t, 2, r.get(), "replicas until the first answer")
	r.start(zap.NewNop())
	defer r.stop()
	assert.Eventually(t, func() bool { return r.get() == 3 }, 5*time.Second, time.Millisecond, "three distinct addresses")
	answer.Store(&[]string{"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"})
	assert.Eventually(t, func() bool { return r.get() == 5 }, 5*time.Second, time.Millisecond, "scaled out to five")
	answer.Store(nil)                 // lookups fail from now on
	time.Sleep(50 * time.Millisecond) // several intervals of failing lookups
	assert.Equal(t, 5, r.get(), "the last count holds while lookups fail")
	r.stop()
	r.stop()
}

func TestBudgetSharesTheFleetGoalByTheReplicaCount(t *testing.T) {
	cfg := keyedConfig(300).HealthyThroughput
	b := newThroughputBudget(&cfg)
	b.replicas.current.Store(4)
	b.adjust(t0)
	b.adjust(t0.Add(time.Second))
	assert.InDelta(t, 75.0, b.goal, 1e-9)
}
