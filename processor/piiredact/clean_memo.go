package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import "hash/maphash"

// cleanMemoBits sizes each worker's memo: 4,096 slots of 8 bytes (32 KiB).
const cleanMemoBits = 12

// cleanMemo remembers the values a worker found nothing to redact in, so that a
// value telemetry repeats on span after span (a span name, a peer's service name,
// a route, a statement with placeholders) is scanned once rather than each time.
//
// It holds no value, only a 64-bit hash of each, in a direct-mapped table: a lookup
// costs one hash of the value and one comparison, a new value overwrites its slot,
// and nothing is ever allocated, so a clean value still costs no allocation the first
// time or any later one. A value is skipped only when its full 64-bit hash equals the
// one its slot holds: under a seed drawn per processor, two different values agree on
// all 64 bits about once in 2^64 lookups. Values found with anything to redact are
// never remembered; they are scanned every time.
type cleanMemo struct {
	seed  maphash.Seed
	slots [1 << cleanMemoBits]uint64
}

// hash returns s's hash, never 0 (the empty slot).
func (m *cleanMemo) hash(s string) uint64 {
	return maphash.String(m.seed, s) | 1
}

func (m *cleanMemo) slot(h uint64) *uint64 { return &m.slots[h>>(64-cleanMemoBits)] }

// has reports a value found clean before, by its hash.
func (m *cleanMemo) has(h uint64) bool { return *m.slot(h) == h }

// add remembers a value found clean, by its hash.
func (m *cleanMemo) add(h uint64) { *m.slot(h) = h }
