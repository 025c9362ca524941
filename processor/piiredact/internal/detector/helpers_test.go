package detector

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// detectionCase is one input and the exact substrings a detector must report.
type detectionCase struct {
	in   string
	want []string
}

func found(d Detector, s string) []string {
	var out []string
	for _, m := range d.AppendMatches(nil, s) {
		out = append(out, s[m.Start:m.End])
	}
	return out
}

func runDetectionCases(t *testing.T, name string, cases []detectionCase) {
	t.Helper()
	b, ok := Lookup(name)
	if !ok {
		t.Fatalf("no built-in detector %q", name)
	}
	d := b.New(Options{})
	assert.Equal(t, name, d.Name())
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, found(d, tc.in))
			if len(tc.want) > 0 {
				p := NewProfile(tc.in)
				assert.True(t, b.Prefilter.Admits(&p), "the prefilter would skip a value with a match")
			}
		})
	}
}

// lookAlikes are values no detector may report: IDs, timestamps, versions, prices,
// dates and numbers that only resemble personal data.
var lookAlikes = []string{
	"550e8400-e29b-41d4-a716-446655440000",    // UUID
	"4bf92f3577b34da6a3ce929d0e0e4736",        // trace ID
	"00f067aa0ba902b7",                        // span ID
	"1732480000000",                           // Unix time in ms
	"1732480000000000000",                     // Unix time in ns
	"1732480000",                              // Unix time in s
	"v2.13.0", "go1.26.8", "1.2.3", "10.15.7", // versions
	"order 4111111111111112 shipped",           // 16 digits, Luhn fails
	"ORD-2024-000123456",                       // order number
	"price 1299.99 EUR", "total: 4,111,111.11", // prices
	"2026-11-24", "2026-11-24T20:01:00Z", "12:30:45", // dates and times
	"GET /api/v1/users/12345/orders",
	"00:1a:2b:3c:4d:5e", // MAC address
	"std::vector<int>",  // C++ scope
	"pkg@1.2.3",         // npm-style version pin
	"user@localhost",    // no domain
	"basic information about the bearer of this letter",
	"Chrome/120.0.6099.109", // browser version
	"count=12 retries=3 status=200",
	"risk-assessment-framework-2024",
	"2147483647",
	"1.3.6.1.4.1.311", // OID
}

func TestLookAlikesStayUntouched(t *testing.T) {
	for _, name := range BuiltinNames() {
		d, _ := NewBuiltin(name)
		for _, s := range lookAlikes {
			assert.Empty(t, found(d, s), "%s reported something in %q", name, s)
		}
	}
}

func TestNewBuiltinUnknown(t *testing.T) {
	_, ok := NewBuiltin("nope")
	assert.False(t, ok)
}
