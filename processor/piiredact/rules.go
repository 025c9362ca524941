package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"
	"sync"
)

// rule says what happens to a value one detector (or the key rules) found.
type rule struct {
	name     string
	action   Action
	keepLast int
	mask     string // precomputed "[REDACTED:<name>]"
}

func newRule(name string, action Action, keepLast int) rule {
	if action == "" {
		action = ActionMask
	}
	if keepLast == 0 {
		keepLast = defaultKeepLast
	}
	return rule{name: name, action: action, keepLast: keepLast, mask: "[REDACTED:" + name + "]"}
}

// hashedPrefixBytes is how much of the HMAC is shown: 128 bits keeps pseudonyms
// collision-free in practice while staying readable.
const hashedPrefixBytes = 16

// hasher computes keyed pseudonyms. HMAC states are pooled per processor.
type hasher struct {
	keyID string
	pool  sync.Pool
}

func newHasher(key []byte, keyID string) *hasher {
	h := &hasher{keyID: keyID}
	h.pool.New = func() any { return hmac.New(sha256.New, key) }
	return h
}

func (h *hasher) write(b *strings.Builder, name, value string) {
	mac := h.pool.Get().(hash.Hash)
	mac.Reset()
	_, _ = mac.Write([]byte(value))
	var sum [sha256.Size]byte
	digest := mac.Sum(sum[:0])
	h.pool.Put(mac)
	var hexBuf [2 * hashedPrefixBytes]byte
	hex.Encode(hexBuf[:], digest[:hashedPrefixBytes])
	b.WriteString("[HASH:")
	b.WriteString(name)
	b.WriteByte(':')
	b.WriteString(h.keyID)
	b.WriteByte(':')
	b.Write(hexBuf[:])
	b.WriteByte(']')
}

// writeReplacement writes what stands in for value under rule r. remove is
// written as mask: callers that can remove the holder do so before getting here.
func (r *rule) writeReplacement(b *strings.Builder, h *hasher, value string) {
	switch r.action {
	case ActionHash:
		h.write(b, r.name, value)
	case ActionKeepLast:
		b.WriteString("[REDACTED:")
		b.WriteString(r.name)
		b.WriteString(" ending ")
		b.WriteString(lastAlnum(value, r.keepLast))
		b.WriteByte(']')
	default:
		b.WriteString(r.mask)
	}
}

// replacement returns what stands in for a whole value under rule r.
func (r *rule) replacement(h *hasher, value string) string {
	if r.action == ActionMask || r.action == ActionRemove {
		return r.mask
	}
	var b strings.Builder
	r.writeReplacement(&b, h, value)
	return b.String()
}

// lastAlnum returns up to n trailing letters and digits of v, never more than half
// of them, so keep_last cannot reveal most of a short value.
func lastAlnum(v string, n int) string {
	total := 0
	for i := 0; i < len(v); i++ {
		if isAlnumByte(v[i]) {
			total++
		}
	}
	n = min(n, total/2)
	out := make([]byte, n)
	for i := len(v) - 1; i >= 0 && n > 0; i-- {
		if isAlnumByte(v[i]) {
			n--
			out[n] = v[i]
		}
	}
	return string(out)
}

func isAlnumByte(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// formatSummary renders per-rule counts as "credit_card:1,email:2".
func formatSummary(rules []rule, counts []int) string {
	var b strings.Builder
	for i, n := range counts {
		if n == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(rules[i].name)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}
