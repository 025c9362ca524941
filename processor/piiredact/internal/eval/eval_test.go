package eval

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// threshold is what recall and precision must reach, per detector and per place
// (formats another change closes are shown apart and not held to it).
const threshold = 0.999

var (
	writeDoc = flag.Bool("eval.doc", false, "rewrite docs/piiredact-evaluation.md from this run")
	examples = flag.Int("eval.examples", 25, "how many leaks and damaged values `make eval` prints")
)

const (
	sidecarConfig = "../../../../config/sidecar.yaml"
	docPath       = "../../../../docs/piiredact-evaluation.md"
	shapesDir     = "testdata/shapes"
)

// TestEvaluation runs the whole corpus through the processor as config/sidecar.yaml
// configures it and fails when any detector or place falls below the threshold.
func TestEvaluation(t *testing.T) {
	shapes, err := LoadShapes(shapesDir)
	require.NoError(t, err)
	cases := Generate(DefaultOptions(shapes))
	// The hand-labelled cases, and those the independent corpora (internal/holdout,
	// internal/fieldsecrets, internal/fieldpersonal) found leaking or damaged before
	// their fixes.
	for n, file := range []string{"regressions.yaml", "regressions-holdout.yaml", "regressions-fieldsecrets.yaml", "regressions-fieldpersonal.yaml"} {
		regressions, err := LoadRegressions(filepath.Join("testdata", file))
		require.NoError(t, err)
		for i := range regressions {
			regressions[i].ID += n * 100_000 // one ID per case across the files
		}
		cases = append(cases, regressions...)
	}
	cfg, err := LoadConfig(sidecarConfig)
	require.NoError(t, err)
	outcomes, err := Run(context.Background(), cfg, cases)
	require.NoError(t, err)
	report := NewReport(outcomes)
	require.Empty(t, report.Unlabelled, "the corpus labels secrets its records do not hold")

	var tables bytes.Buffer
	report.WriteTables(&tables)
	var ex bytes.Buffer
	report.WriteExamples(&ex, *examples)
	t.Logf("shapes: %d captured spans; cases: %d\n%s\n%s", len(shapes), len(cases), tables.String(), ex.String())
	if *writeDoc {
		writeEvaluationDoc(t, tables.String(), len(shapes))
	}
	for _, f := range report.Failures(threshold) {
		t.Error(f)
	}
}

func writeEvaluationDoc(t *testing.T, tables string, shapes int) {
	t.Helper()
	head, err := os.ReadFile(filepath.Join("testdata", "doc-head.md"))
	require.NoError(t, err)
	doc := strings.ReplaceAll(string(head), "{{shapes}}", itoa(shapes)) + "\n" + tables
	require.NoError(t, os.WriteFile(docPath, []byte(doc), 0o644))
}
