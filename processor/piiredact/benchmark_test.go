package piiredact

import "testing"

// The side-by-side benchmarks against contrib redaction are in the distribution's
// module (test/compare), so that this module does not pull contrib processors in.

// BenchmarkRedactCleanValue measures one value with nothing to redact, with the key
// rules by words (key rules in text, command lines, statements) on and off, so that
// what they cost shows within one run.
func BenchmarkRedactCleanValue(b *testing.B) {
	clean := "GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)"
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
			b.ReportAllocs()
			for b.Loop() {
				r.redactString(clean, sc, true)
			}
		})
	}
}

// BenchmarkRedactDenseValue measures a log line with a card, an e-mail address, a
// password in a map dump and a command line's secret: everything is found.
func BenchmarkRedactDenseValue(b *testing.B) {
	dense := `charge failed for jane.doe@example.com card 4111 1111 1111 1111 {"user":"jane","password":"hunter2!x"} exec: mysql -u app -pS3cret orders`
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
			b.ReportAllocs()
			for b.Loop() {
				r.redactString(dense, sc, true)
			}
		})
	}
}
