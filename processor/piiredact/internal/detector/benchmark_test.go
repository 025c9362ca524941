package detector

import "testing"

// telemetryValues are values real spans and logs carry, none of them personal: what
// every detector scans most of the time.
var telemetryValues = []string{
	"GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)",
	"https://api.example.com/v2/carts/550e8400-e29b-41d4-a716-446655440000/items?page=2&limit=50",
	"SELECT id, total FROM orders WHERE customer_id = $1 AND created_at > $2 LIMIT 100",
	"checkout-sync/2.1.0.17 (linux; amd64) grpc-go/1.60.1",
	"processed 1532 events in 1732480000123 ns, batch 20240115-0042, queue depth 17",
}

// BenchmarkDetectorsOnTelemetry runs each built-in detector alone over values with
// nothing to find.
func BenchmarkDetectorsOnTelemetry(b *testing.B) {
	for _, name := range BuiltinNames() {
		d, _ := NewBuiltin(name)
		b.Run(name, func(b *testing.B) {
			dst := make([]Match, 0, 8)
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range telemetryValues {
					dst = d.AppendMatches(dst[:0], s)
				}
			}
		})
	}
}
