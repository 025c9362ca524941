package piiredact

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var memoValues = []string{
	"GET /api/v1/orders/{id}", "lets-go", "telemetrygen-server", "10.0.0.12", "SELECT * FROM users WHERE id = ?", // clean
	"1.2.3.4", "charge failed for jane.doe@example.com", "card 4111 1111 1111 1111", "AUTH default r3dis-Pa55",
	"mysql -u app -pS3cret orders", "https://hooks.example.com/reset-password/ByfSllWBUoeyNqqtGOOGeyVTQVylYDh_qHpAzunHnqs",
	"%2B44%2020%207946%200958", "v2.13.0", "",
}

// The memo changes no result and no count: each value, seen once, twice and after
// others, comes out as a worker without a memo writes it, and the redaction metrics
// count every occurrence.
func TestValueMemoChangesNoResult(t *testing.T) {
	for _, cfg := range []*Config{
		createDefaultConfig().(*Config),
		func() *Config { // hashing replaces: the memo must give the same digests
			c := createDefaultConfig().(*Config)
			c.Detectors = map[string]DetectorConfig{"email": {Action: ActionHash}}
			c.Hash.Key = "0123456789abcdef0123456789abcdef"
			return c
		}(),
	} {
		require.NoError(t, cfg.Validate())
		r := newRedactor(cfg)
		plain, memo := r.getScratch(), r.getScratch()
		plain.memo = nil
		require.NotNil(t, memo.memo)
		for round := range 3 {
			for _, v := range memoValues {
				want, wantChanged, _ := r.redactString(v, plain, false)
				got, changed, _ := r.redactString(v, memo, false)
				assert.Equal(t, want, got, "round %d: %q", round, v)
				assert.Equal(t, wantChanged, changed, "round %d: %q", round, v)
			}
		}
		assert.Equal(t, plain.batch, memo.batch, "every occurrence counted")
		assert.Positive(t, total(memo.batch))
	}
}

// What is remembered: clean values by their hash; redacted values with their redaction;
// nothing when a finding is removed, in dry-run mode, or inside a version's value.
func TestValueMemoRemembersWhatItMay(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	// (Checked right after each value: a later one may take its slot.)
	for _, v := range memoValues[:5] {
		r.redactString(v, sc, false)
		assert.True(t, sc.memo.isClean(sc.memo.hash(v)), v)
	}
	for _, v := range memoValues[5:10] {
		r.redactString(v, sc, false)
		assert.False(t, sc.memo.isClean(sc.memo.hash(v)), v)
		e, ok := sc.memo.redaction(sc.memo.hash(v))
		if assert.True(t, ok, v) {
			assert.NotContains(t, e.out, v, "the redacted form holds nothing of %q", v)
			assert.Positive(t, e.hits, v)
		}
	}

	removing := createDefaultConfig().(*Config)
	removing.Detectors = map[string]DetectorConfig{"email": {Action: ActionRemove}}
	rr := newRedactor(removing)
	sc = rr.getScratch()
	_, _, remove := rr.redactString("jane.doe@example.com", sc, true)
	assert.True(t, remove)
	out, changed, _ := rr.redactString("jane.doe@example.com", sc, false)
	assert.True(t, changed)
	_, ok := sc.memo.redaction(sc.memo.hash("jane.doe@example.com"))
	assert.False(t, ok, "a value whose finding is removed is not remembered")
	_, _, remove = rr.redactString("jane.doe@example.com", sc, true)
	assert.True(t, remove, "and is removed again where it may be, after %q", out)

	dry := createDefaultConfig().(*Config)
	dry.DryRun = true
	rd := newRedactor(dry)
	sc = rd.getScratch()
	for range 2 {
		out, changed, _ := rd.redactString("jane.doe@example.com", sc, false)
		assert.Equal(t, "jane.doe@example.com", out)
		assert.False(t, changed)
	}
	assert.Equal(t, 2, total(sc.batch), "dry run counts every occurrence")

	// Inside a version's value the address detectors are off: "9.8.7.6" stays as it is
	// there, and that verdict must not leak out to the general case.
	sc = r.getScratch()
	sc.inVersion = true
	out, changed, _ = r.redactString("9.8.7.6", sc, false)
	assert.Equal(t, "9.8.7.6", out)
	assert.False(t, changed)
	sc.inVersion = false
	assert.False(t, sc.memo.isClean(sc.memo.hash("9.8.7.6")))
	out, changed, _ = r.redactString("9.8.7.6", sc, false)
	assert.True(t, changed, out)
}

// Slots are overwritten, not grown: far more distinct values than slots keep the memo at
// its size, and each still comes out as without a memo.
func TestValueMemoStaysBounded(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc, plain := r.getScratch(), r.getScratch()
	plain.memo = nil
	for i := range 3 * len(sc.memo.clean) {
		for _, v := range []string{"order-" + strconv.Itoa(i), "user" + strconv.Itoa(i) + "@example.com"} {
			want, _, _ := r.redactString(v, plain, false)
			got, _, _ := r.redactString(v, sc, false)
			assert.Equal(t, want, got)
		}
	}
	assert.Len(t, sc.memo.clean, 1<<cleanMemoBits)
	assert.Len(t, sc.memo.redacted, 1<<redactedMemoBits)
}

func total(counts []int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}
