package piiredact

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The memo changes no result: each value, seen once, twice and after others, comes out
// as a worker without a memo writes it; a value with something to redact is scanned
// every time, and inside a version key's value (address detectors off) the memo is
// neither read nor written.
func TestCleanMemoChangesNoResult(t *testing.T) {
	values := []string{
		"GET /api/v1/orders/{id}", "lets-go", "telemetrygen-server", "1.2.3.4", "10.0.0.12",
		"charge failed for jane.doe@example.com", "card 4111 1111 1111 1111",
		"SELECT * FROM users WHERE id = ?", "AUTH default r3dis-Pa55", "mysql -u app -pS3cret orders",
		"https://hooks.example.com/reset-password/ByfSllWBUoeyNqqtGOOGeyVTQVylYDh_qHpAzunHnqs",
		"%2B44%2020%207946%200958", "v2.13.0", "",
	}
	r := newRedactor(createDefaultConfig().(*Config))
	plain := r.getScratch()
	plain.clean = nil
	memo := r.getScratch()
	assert.NotNil(t, memo.clean)
	for round := range 3 {
		for _, v := range values {
			want, wantChanged, _ := r.redactString(v, plain, false)
			got, changed, _ := r.redactString(v, memo, false)
			assert.Equal(t, want, got, "round %d: %q", round, v)
			assert.Equal(t, wantChanged, changed, "round %d: %q", round, v)
		}
	}
	// Remembered: the clean ones; never the ones with a finding.
	for _, v := range values[:3] {
		assert.True(t, memo.clean.has(memo.clean.hash(v)), v)
	}
	for _, v := range []string{values[5], values[6], values[8], values[9], values[10]} {
		assert.False(t, memo.clean.has(memo.clean.hash(v)), v)
	}

	// Inside a version's value the address detectors are off: "1.2.3.4" stays as it is
	// there, and that verdict must not leak out to the general case.
	memo.inVersion = true
	out, changed, _ := r.redactString("9.8.7.6", memo, false)
	assert.Equal(t, "9.8.7.6", out)
	assert.False(t, changed)
	memo.inVersion = false
	assert.False(t, memo.clean.has(memo.clean.hash("9.8.7.6")))
	want, _, _ := r.redactString("9.8.7.6", plain, false)
	got, _, _ := r.redactString("9.8.7.6", memo, false)
	assert.Equal(t, want, got)
}

// Slots are overwritten, not grown: far more distinct values than slots keep the memo at
// its size, and each still comes out as without a memo.
func TestCleanMemoStaysBounded(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	for i := range 3 * len(sc.clean.slots) {
		v := "order-" + strconv.Itoa(i)
		out, changed, _ := r.redactString(v, sc, false)
		assert.False(t, changed, v)
		assert.Equal(t, v, out)
	}
	assert.Len(t, sc.clean.slots, 1<<cleanMemoBits)
}
