package handoff // import "github.com/otelcol-custom/otelcol-custom/processor/handoff"

import (
	"context"
	"time"

	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.uber.org/zap"

	"github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"
)

// maxPooledBuffer: a buffer grown for an unusually large delivery is left to the
// garbage collector rather than kept.
const maxPooledBuffer = 8 << 20

// dispatch starts deliveries: each time one of num_consumers slots is free and a
// batch is due, it takes the oldest waiting requests from the folder and delivers
// them. Taking the batch only once a slot is free lets it grow while every slot is
// busy, so a backlog goes out in full batches.
func (h *handoff) dispatch() {
	defer h.workers.Done()
	for {
		select {
		case h.slots <- struct{}{}:
		case <-h.stop:
			return
		}
		batch := h.nextBatch()
		if batch == nil {
			<-h.slots
			return
		}
		h.workers.Add(1)
		go func() {
			defer h.workers.Done()
			defer func() { <-h.slots }()
			h.deliverBatch(batch)
		}()
	}
}

// nextBatch waits until a batch is due and takes it: batch::min_items waiting, the
// oldest having waited batch::flush_timeout, or the drain begun. It returns nil when
// the dispatcher stops.
func (h *handoff) nextBatch() []*journal.Entry {
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		var wait <-chan time.Time
		waiting, oldest := h.journal.Waiting()
		if waiting > 0 {
			age := h.now().Sub(time.Unix(0, oldest))
			if h.draining.Load() || waiting >= int64(h.cfg.Batch.MinItems) || age >= h.cfg.Batch.FlushTimeout {
				maxItems, maxBytes := h.cfg.Batch.MaxItems, h.cfg.Batch.MaxBytes
				if !h.cfg.Batch.Merge {
					maxItems, maxBytes = 1, 1 // one request, whatever its size
				}
				if batch := h.journal.Take(maxItems, maxBytes); len(batch) > 0 {
					return batch
				}
				continue
			}
			if timer == nil {
				timer = time.NewTimer(h.cfg.Batch.FlushTimeout - age)
			} else {
				timer.Reset(h.cfg.Batch.FlushTimeout - age)
			}
			wait = timer.C
		}
		select {
		case <-h.wake:
		case <-wait:
		case <-h.stop:
			return nil
		}
	}
}

// deliverBatch hands a batch to the next consumer, retrying with backoff until it is
// taken, refused for good, or the drain is over (then it stays in the folder).
func (h *handoff) deliverBatch(batch []*journal.Entry) {
	bufp := h.buffers.Get().(*[]byte)
	defer func() {
		if cap(*bufp) <= maxPooledBuffer {
			*bufp = (*bufp)[:0]
			h.buffers.Put(bufp)
		}
	}()
	request, batch, ok := h.readBatch(batch, bufp)
	if !ok || len(batch) == 0 {
		return
	}
	items := 0
	for _, e := range batch {
		items += e.Items
	}
	backoff := h.cfg.RetryOnFailure.InitialInterval
	for {
		err := h.deliver(h.stopCtx, request)
		switch {
		case err == nil:
			h.delivered(batch)
			h.telemetry.delivered(context.Background(), items)
			h.checkDrained()
			return
		case consumererror.IsPermanent(err):
			h.logger.Warn("handoff: the next consumer refused a delivery for good; its items are dropped",
				zap.String("signal", h.signal.String()), zap.Int("items", items), zap.Error(err))
			h.delivered(batch)
			h.telemetry.dropped(context.Background(), items)
			h.checkDrained()
			return
		case h.stopCtx.Err() != nil:
			return // the drain is over: the batch stays in the folder
		}
		h.telemetry.failed(context.Background())
		wait := h.jitter(backoff)
		h.logger.Info("handoff: delivery failed; it stays in the folder and is retried",
			zap.String("signal", h.signal.String()), zap.Int("items", items),
			zap.Duration("retry_in", wait), zap.Error(err))
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-h.stopCtx.Done():
			timer.Stop()
			return
		}
		backoff = min(2*backoff, h.cfg.RetryOnFailure.MaxInterval)
	}
}

// readBatch reads a batch's requests back into one. A request that fails its
// checksum is dropped and counted (a bad block, not something a retry mends); a read
// that fails is retried with backoff, as a delivery is.
func (h *handoff) readBatch(batch []*journal.Entry, bufp *[]byte) ([]byte, []*journal.Entry, bool) {
	backoff := h.cfg.RetryOnFailure.InitialInterval
	for {
		request, bad, err := h.journal.ReadPayloads((*bufp)[:0], batch)
		*bufp = request
		if err == nil {
			if len(bad) > 0 {
				batch = h.dropUnreadable(batch, bad)
			}
			return request, batch, true
		}
		h.logger.Warn("handoff: reading from the folder failed; retrying", zap.String("folder", h.dir), zap.Error(err))
		timer := time.NewTimer(h.jitter(backoff))
		select {
		case <-timer.C:
		case <-h.stopCtx.Done():
			timer.Stop()
			return nil, nil, false
		}
		backoff = min(2*backoff, h.cfg.RetryOnFailure.MaxInterval)
	}
}

func (h *handoff) dropUnreadable(batch, bad []*journal.Entry) []*journal.Entry {
	lost := 0
	for _, e := range bad {
		lost += e.Items
	}
	h.logger.Error("handoff: requests in the folder failed their checksum and are dropped",
		zap.String("folder", h.dir), zap.Int("requests", len(bad)), zap.Int("items", lost))
	h.delivered(bad)
	h.telemetry.dropped(context.Background(), lost)
	kept := batch[:0:0]
	for _, e := range batch {
		isBad := false
		for _, b := range bad {
			isBad = isBad || b == e
		}
		if !isBad {
			kept = append(kept, e)
		}
	}
	return kept
}

// delivered marks a batch delivered in the folder; a failed mark is logged, not
// retried: the next crash would only deliver that batch twice.
func (h *handoff) delivered(batch []*journal.Entry) {
	if err := h.journal.Delivered(batch); err != nil {
		h.logger.Warn("handoff: marking requests delivered failed; a crash would deliver them again",
			zap.String("folder", h.dir), zap.Error(err))
	}
}
