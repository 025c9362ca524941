package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import "hash/maphash"

const (
	// cleanMemoBits sizes each worker's memo of clean values: 4,096 slots of 8 bytes
	// (32 KiB).
	cleanMemoBits = 12
	// redactedMemoBits sizes its memo of redacted values: 256 slots.
	redactedMemoBits = 8
	// maxRedactedMemoLen bounds the values whose redaction is remembered, and so what the
	// memo holds: 256 slots of at most about 512 bytes each.
	maxRedactedMemoLen = 256
	// maxRedactedMemoHits is how many findings a remembered redaction may have.
	maxRedactedMemoHits = 4
)

// valueMemo remembers, per worker, what it found in values that telemetry repeats on
// span after span (a span name, a peer's service name or address, a route, a
// statement with placeholders, a user's e-mail address on each span of a session), so
// that each is scanned once rather than each time.
//
// Values are known by a 64-bit hash, in direct-mapped tables: a lookup costs one hash
// of the value and one comparison, a new value overwrites its slot, and nothing is
// allocated, so a clean value still costs no allocation the first time or any later
// one. A slot answers only when its full 64-bit hash is the value's: under a seed drawn
// per processor, two different values agree on all 64 bits about once in 2^64 lookups.
//
// A clean value is remembered by its hash alone. A value with findings is remembered
// with its redacted form (what is exported anyway) and the rules that found
// something, so that the redaction metrics count each occurrence; only when no finding
// is removed (the remove action), and never in dry-run mode.
type valueMemo struct {
	seed     maphash.Seed
	clean    [1 << cleanMemoBits]uint64
	redacted [1 << redactedMemoBits]redactedValue
}

// redactedValue is a value's redaction: its hash, what replaces it, and the rule of
// each finding.
type redactedValue struct {
	hash  uint64
	out   string
	rules [maxRedactedMemoHits]uint8
	hits  uint8
}

// hash returns s's hash, never 0 (the empty slot).
func (m *valueMemo) hash(s string) uint64 {
	return maphash.String(m.seed, s) | 1
}

func (m *valueMemo) cleanSlot(h uint64) *uint64 { return &m.clean[h>>(64-cleanMemoBits)] }

// isClean reports a value found clean before, by its hash.
func (m *valueMemo) isClean(h uint64) bool { return *m.cleanSlot(h) == h }

// addClean remembers a value found clean, by its hash.
func (m *valueMemo) addClean(h uint64) { *m.cleanSlot(h) = h }

// redaction returns the remembered redaction of the value with hash h, if any.
func (m *valueMemo) redaction(h uint64) (*redactedValue, bool) {
	e := m.redactedSlot(h)
	return e, e.hash == h
}

func (m *valueMemo) redactedSlot(h uint64) *redactedValue {
	return &m.redacted[h>>(64-redactedMemoBits)]
}

// addRedaction remembers out as the redaction of the value with hash h, found by
// hits, when they are few enough.
func (m *valueMemo) addRedaction(h uint64, out string, hits []hit) {
	if len(hits) > maxRedactedMemoHits {
		return
	}
	var rules [maxRedactedMemoHits]uint8
	for i, ht := range hits {
		if ht.rule > 255 {
			return // (hundreds of custom patterns: not remembered)
		}
		rules[i] = uint8(ht.rule)
	}
	*m.redactedSlot(h) = redactedValue{hash: h, out: out, rules: rules, hits: uint8(len(hits))}
}
