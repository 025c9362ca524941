package fieldpersonal

import (
	"context"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact"
	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/holdout"
)

// threshold is what recall and precision must reach, in total, per class and per
// place.
const threshold = 0.999

var (
	examples = flag.Int("fieldpersonal.examples", 0, "how many leaks and damaged values to print")
	tables   = flag.Bool("fieldpersonal.tables", false, "print the tables")
	seed     = flag.Uint64("fieldpersonal.seed", 0, "draw the corpus from another seed (0: the default)")
	findings = flag.String("fieldpersonal.findings", "", "write every leak and damage, one a line (kind, place, keys, value), to this file")
	export   = flag.String("fieldpersonal.export", "", "write the leaks and damages found, as internal/eval regression cases, to this file")
)

// TestFieldPersonal runs the corpus through the processor with the factory's
// default configuration.
func TestFieldPersonal(t *testing.T) {
	opts := DefaultOptions()
	if *seed != 0 {
		opts.Seed = *seed
	}
	cases := Generate(opts)
	cfg := piiredact.NewFactory().CreateDefaultConfig().(*piiredact.Config)
	outcomes, err := holdout.Run(context.Background(), cfg, cases)
	require.NoError(t, err)
	r := holdout.NewReport(outcomes)
	r.Name = "fieldpersonal"
	require.Empty(t, r.Missing, "the corpus labels values its records do not hold")

	if *findings != "" {
		require.NoError(t, writeFindings(*findings, outcomes))
	}
	if *export != "" {
		require.NoError(t, exportRegressions(*export, outcomes))
	}
	r.Judge(t, threshold, *tables, *examples)
}

// exportRegressions writes the findings in internal/eval's regression format,
// through holdout's exporter, under this corpus's name.
func exportRegressions(path string, outcomes []holdout.Outcome) error {
	return holdout.ExportAs(path, holdout.ExportFormat{
		Head: "# Cases the personal-data corpus (internal/fieldpersonal) found leaking or damaged on the code\n" +
			"# before its fixes: one for each kind of value, and one for each class of value and place besides.\n" +
			"# Written by `go test ./internal/fieldpersonal -run TestFieldPersonal -args -fieldpersonal.export=…`;\n" +
			"# the format is regressions.yaml's.\n",
		Source:      "fieldpersonal (internal/fieldpersonal) before its fixes",
		PlacePrefix: "fieldpersonal:",
		Kind:        evalKind,
	}, outcomes)
}

// evalKind is holdout's, but for passports and driving licences, which are found
// by their keys and labels as the other personal values without a format are
// (holdout's exporter has no such class).
func evalKind(c *holdout.Case) string {
	if strings.HasPrefix(c.Kind, "passport/") || strings.HasPrefix(c.Kind, "licence/") {
		return "personal_key"
	}
	return holdout.EvalKind(c)
}

// TestCorpusIsDeterministic: the same options give the same cases.
func TestCorpusIsDeterministic(t *testing.T) {
	holdout.RequireDeterministic(t, func() []holdout.Case { return Generate(DefaultOptions()) })
}

// TestCheckDigitsFollowPublishedExamples checks the generators against numbers
// the schemes publish, so that a planted identifier is a real one.
func TestCheckDigitsFollowPublishedExamples(t *testing.T) {
	require.Equal(t, byte('1'), luhnDigit("411111111111111"))
	require.Equal(t, "89", ibanCheck("DE", "370400440532013000"))
	require.Equal(t, "52998224725", cpfDigits("529982247"))
	require.Equal(t, "11222333000181", cnpjDigits("112223330001"))
	require.Equal(t, "K", rutDigit("14351238"))
	require.Equal(t, 4, verhoeff("23456789012"))
	require.True(t, elevenProof("111222333"))
	require.Equal(t, byte('Z'), dniLetter(12345678))
	require.Equal(t, 9, peselDigit("4405140135"))
	require.Equal(t, 9, nhsDigit("943476591"))
	require.Equal(t, byte('T'), hetuChar("131052308"))
	require.Equal(t, 3, nifDigit("50196484"))
	require.Equal(t, 3, cuitDigit("2026756539"))
	require.Equal(t, byte('V'), luhn36("27AAPFU0939F1Z"))
	require.Equal(t, 1, ean13("400638133393"))
}

// writeFindings lists every leak and damage, tab-separated, for sorting and
// counting by kind, place and key.
func writeFindings(path string, outcomes []holdout.Outcome) error {
	var b strings.Builder
	for _, o := range outcomes {
		var keys []string
		for _, kv := range o.Case.Rec.Attrs {
			keys = append(keys, kv.K)
		}
		for _, kv := range o.Case.Rec.Event {
			keys = append(keys, kv.K)
		}
		for _, l := range o.Leaked {
			b.WriteString("leak\t" + o.Case.Kind + "\t" + o.Case.Place + "\t" + strings.Join(keys, ",") + "\t" + l + "\n")
		}
		for _, d := range o.Damaged {
			b.WriteString("damage\t" + o.Case.Kind + "\t" + o.Case.Place + "\t" + strings.Join(keys, ",") + "\t" + d + "\n")
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o600)
}
