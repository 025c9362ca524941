package piiredact

import "testing"

// The side-by-side benchmarks against contrib redaction are in the distribution's
// module (test/compare), so that this module does not pull contrib processors in.

// The values of BenchmarkRedactCleanValue and BenchmarkRedactDenseValue (and of
// BenchmarkRedactRepeatedValue, seen again).
const (
	benchCleanValue = "GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)"
	benchDenseValue = `charge failed for jane.doe@example.com card 4111 1111 1111 1111 {"user":"jane","password":"hunter2!x"} exec: mysql -u app -pS3cret orders`
)

// BenchmarkRedactCleanValue measures one value with nothing to redact, scanned (the
// first time a worker sees it; the memo of values is off here), with the key rules
// by words (key rules in text, command lines, statements) on and off, so that what
// they cost shows within one run.
func BenchmarkRedactCleanValue(b *testing.B) { benchmarkScan(b, benchCleanValue) }

// BenchmarkRedactDenseValue measures a log line with a card, an e-mail address, a
// password in a map dump and a command line's secret: everything is found, scanned
// (the memo of values is off here).
func BenchmarkRedactDenseValue(b *testing.B) { benchmarkScan(b, benchDenseValue) }

// benchmarkScan measures the scan of v, with sensitive_key_words on and off.
func benchmarkScan(b *testing.B, v string) {
	for _, words := range []bool{true, false} {
		name := "key_words=on"
		if !words {
			name = "key_words=off"
		}
		b.Run(name, func(b *testing.B) {
			cfg := createDefaultConfig().(*Config)
			cfg.SensitiveKeyWords = &words
			r := newRedactor(cfg)
			sc := r.getScratch()
			sc.memo = nil
			b.ReportAllocs()
			for b.Loop() {
				r.redactString(v, sc, true)
			}
		})
	}
}

// BenchmarkRedactRepeatedValue measures a value seen again by the same worker, as a
// span name, a peer's service or address, or a user's e-mail address is on span after
// span: one hash and one comparison, and for a redacted one its remembered redaction
// and counts (value_memo.go).
func BenchmarkRedactRepeatedValue(b *testing.B) {
	for name, v := range map[string]string{"clean": benchCleanValue, "dense": benchDenseValue} {
		b.Run(name, func(b *testing.B) {
			r := newRedactor(createDefaultConfig().(*Config))
			sc := r.getScratch()
			r.redactString(v, sc, true)
			b.ReportAllocs()
			for b.Loop() {
				r.redactString(v, sc, true)
			}
		})
	}
}
