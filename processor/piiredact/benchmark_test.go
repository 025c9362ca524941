package piiredact

import "testing"

// The side-by-side benchmarks against contrib redaction are in the distribution's
// module (test/compare), so that this module does not pull contrib processors in.

// BenchmarkRedactCleanValue measures one value with nothing to redact.
func BenchmarkRedactCleanValue(b *testing.B) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	clean := "GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)"
	b.ReportAllocs()
	for b.Loop() {
		r.redactString(clean, sc, true)
	}
}
