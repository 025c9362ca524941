package piiredact

import "testing"

// The side-by-side benchmarks against contrib redaction are in the distribution's
// module (test/compare), so that this module does not pull contrib processors in.

// BenchmarkRedactCleanValue measures one value with nothing to redact, scanned (the
// first time a worker sees it; the memo of clean values is off here), with the key
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
			sc.clean = nil
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

// BenchmarkRedactRepeatedCleanValue measures the same clean value seen again by the
// same worker, as a span name or a peer's service is on span after span: one hash and
// one comparison (clean_memo.go).
func BenchmarkRedactRepeatedCleanValue(b *testing.B) {
	clean := "GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)"
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	r.redactString(clean, sc, true)
	b.ReportAllocs()
	for b.Loop() {
		r.redactString(clean, sc, true)
	}
}
