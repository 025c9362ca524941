package holdout

import (
	"bytes"
	"slices"
	"testing"
)

// Judge logs the report's tables (when tables is set, or under -v) and its n worst
// examples, and fails t once for each total, class or place below threshold: what
// the test of every corpus on this harness does with its report.
func (r *Report) Judge(t testing.TB, threshold float64, tables bool, examples int) {
	t.Helper()
	if tables || testing.Verbose() {
		var b bytes.Buffer
		r.WriteTables(&b)
		t.Log("\n" + b.String())
	}
	if examples > 0 {
		var e bytes.Buffer
		r.WriteExamples(&e, examples)
		t.Log("\n" + e.String())
	}
	for _, f := range r.Failures(threshold) {
		t.Error(f)
	}
}

// RequireDeterministic fails t unless generate gives the same cases twice: a corpus
// measures the same thing on every run.
func RequireDeterministic(t testing.TB, generate func() []Case) {
	t.Helper()
	a, b := generate(), generate()
	if len(a) != len(b) {
		t.Fatalf("%d cases, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || !slices.Equal(a[i].Secrets, b[i].Secrets) || !slices.Equal(a[i].Keep, b[i].Keep) {
			t.Fatalf("case %d differs: %s, then %s", i, a[i].Kind, b[i].Kind)
		}
	}
}
