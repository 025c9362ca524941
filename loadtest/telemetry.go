package loadtest

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// collectorCounters are the collector's own counters that say whether it lost anything.
type collectorCounters struct {
	Accepted      int64 // otelcol_receiver_accepted_spans
	Refused       int64 // otelcol_receiver_refused_spans (memory_limiter refusals land here)
	SendFailed    int64 // otelcol_exporter_send_failed_spans
	EnqueueFailed int64 // otelcol_exporter_enqueue_failed_spans
	// A handoff in front of an exporter retries what the exporter failed to send; what
	// it gives up on is in its dropped and refused counters instead.
	HandoffAccepted int64 // otelcol_processor_handoff_accepted_items
	HandoffDropped  int64 // otelcol_processor_handoff_dropped_items
	HandoffRefused  int64 // otelcol_processor_handoff_refused_items
}

// lost is what the collector dropped: with handoffs, what they dropped or refused
// (failed sends are retried); without, what the exporters failed to send or enqueue.
func (c collectorCounters) lost() int64 {
	if c.HandoffAccepted > 0 {
		return c.HandoffDropped + c.HandoffRefused + c.EnqueueFailed
	}
	return c.SendFailed + c.EnqueueFailed
}

// scrapeCounters reads the collector's Prometheus endpoint and sums each counter over
// all its label sets (receivers, exporters, transports).
func scrapeCounters(endpoint string) (collectorCounters, error) {
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + endpoint + "/metrics")
	if err != nil {
		return collectorCounters{}, err
	}
	defer resp.Body.Close()
	return parseCounters(resp.Body)
}

func parseCounters(r io.Reader) (collectorCounters, error) {
	var c collectorCounters
	targets := map[string]*int64{
		"otelcol_receiver_accepted_spans":          &c.Accepted,
		"otelcol_receiver_refused_spans":           &c.Refused,
		"otelcol_exporter_send_failed_spans":       &c.SendFailed,
		"otelcol_exporter_enqueue_failed_spans":    &c.EnqueueFailed,
		"otelcol_processor_handoff_accepted_items": &c.HandoffAccepted,
		"otelcol_processor_handoff_dropped_items":  &c.HandoffDropped,
		"otelcol_processor_handoff_refused_items":  &c.HandoffRefused,
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		name, rest, _ := strings.Cut(line, " ")
		if i := strings.IndexByte(name, '{'); i >= 0 {
			// Labels may hold spaces: the value follows the closing brace.
			name = line[:i]
			_, rest, _ = strings.Cut(line[strings.LastIndexByte(line, '}')+1:], " ")
		}
		name = strings.TrimSuffix(name, "_total")
		dst, ok := targets[name]
		if !ok {
			continue
		}
		value, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return c, fmt.Errorf("metric %s: %w", name, err)
		}
		*dst += int64(v)
	}
	return c, sc.Err()
}
