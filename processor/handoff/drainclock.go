package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"

import (
	"sync"
	"time"
)

// drainClock gives every handoff of one collector the same drain deadline. The
// collector shuts components down one after another, so a handoff per backend each
// waiting its full drain_timeout would add up (two backends down: twice the time) and
// overrun the pod's grace period. Instead each drain ends drain_timeout after the
// first handoff began to shut down; the others have been delivering all along. One
// clock per factory: the factory is made once per collector (per configuration), so
// nothing is shared between collectors, and the clock starts over once every handoff
// it served has shut down.
type drainClock struct {
	mu      sync.Mutex
	running int       // handoffs started and not yet shut down
	began   time.Time // when the first of them began to shut down; zero before
}

func (c *drainClock) started() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.running++
}

// deadline returns when a handoff whose shutdown begins now ends its drain.
func (c *drainClock) deadline(now time.Time, timeout time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.began.IsZero() {
		c.began = now
	}
	return c.began.Add(timeout)
}

func (c *drainClock) stopped() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.running--; c.running <= 0 {
		c.running, c.began = 0, time.Time{}
	}
}
