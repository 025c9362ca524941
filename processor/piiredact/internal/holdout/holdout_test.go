package holdout

import (
	"context"
	"flag"
	"testing"

	"github.com/stretchr/testify/require"
)

// threshold is what recall and precision must reach, in total, per class of value
// and per place.
const threshold = 0.999

var (
	examples = flag.Int("holdout.examples", 0, "how many leaks and damaged values to print")
	tables   = flag.Bool("holdout.tables", false, "print the tables")
	seed     = flag.Uint64("holdout.seed", 0, "draw the corpus from another seed (0: the default)")
	export   = flag.String("holdout.export", "", "write the leaks and damages found, as internal/eval regression cases, to this file")
)

const sidecarConfig = "../../../../config/sidecar.yaml"

// TestHoldout runs the independent corpus through the processor as
// config/sidecar.yaml configures it.
func TestHoldout(t *testing.T) {
	opts := DefaultOptions()
	if *seed != 0 {
		opts.Seed = *seed
	}
	cases := Generate(opts)
	cfg, err := LoadConfig(sidecarConfig)
	require.NoError(t, err)
	outcomes, err := Run(context.Background(), cfg, cases)
	require.NoError(t, err)
	r := NewReport(outcomes)
	require.Empty(t, r.Missing, "the corpus labels values its records do not hold")

	if *export != "" {
		require.NoError(t, Export(*export, "holdout (internal/holdout) before its fixes", outcomes))
	}
	r.Judge(t, threshold, *tables, *examples)
}

// TestCorpusIsDeterministic: the same options give the same cases.
func TestCorpusIsDeterministic(t *testing.T) {
	RequireDeterministic(t, func() []Case { return Generate(DefaultOptions()) })
}

// TestGeneratedIdentifiersFollowTheirRules checks a few generators against
// published examples, so that a planted identifier is a real one.
func TestGeneratedIdentifiersFollowTheirRules(t *testing.T) {
	require.Equal(t, byte('1'), luhnDigit("411111111111111"), "Luhn: 4111 1111 1111 1111")
	require.Equal(t, "89", ibanCheck("DE", "370400440532013000"), "IBAN DE89 3704 0044 0532 0130 00")
	require.Equal(t, "82", ibanCheck("GB", "WEST12345698765432"), "IBAN GB82 WEST 1234 5698 7654 32")
	require.Equal(t, 4, verhoeff("23456789012"), "Verhoeff: 2345 6789 0124")
}
