package fieldsecrets

import (
	"context"
	"flag"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/holdout"
)

// threshold is what recall and precision must reach, in total, per class of value
// and per place.
const threshold = 0.999

var (
	examples = flag.Int("fieldsecrets.examples", 0, "how many leaks and damaged values to print")
	tables   = flag.Bool("fieldsecrets.tables", false, "print the tables")
	seed     = flag.Uint64("fieldsecrets.seed", 0, "draw the corpus from another seed (0: the default)")
	export   = flag.String("fieldsecrets.export", "", "write the leaks and damages found, as internal/eval regression cases, to this file")
)

const sidecarConfig = "../../../../config/sidecar.yaml"

// TestFieldSecrets runs the corpus through the processor as config/sidecar.yaml
// configures it.
func TestFieldSecrets(t *testing.T) {
	opts := DefaultOptions()
	if *seed != 0 {
		opts.Seed = *seed
	}
	cases := Generate(opts)
	cfg, err := holdout.LoadConfig(sidecarConfig)
	require.NoError(t, err)
	outcomes, err := holdout.Run(context.Background(), cfg, cases)
	require.NoError(t, err)
	r := holdout.NewReport(outcomes)
	r.Name = "fieldsecrets"
	require.Empty(t, r.Missing, "the corpus labels values its records do not hold")

	if *export != "" {
		require.NoError(t, Export(*export, "fieldsecrets (internal/fieldsecrets) before its fixes", outcomes))
	}
	r.Judge(t, threshold, *tables, *examples)
}

// TestCorpusIsDeterministic: the same options give the same cases.
func TestCorpusIsDeterministic(t *testing.T) {
	holdout.RequireDeterministic(t, func() []Case { return Generate(DefaultOptions()) })
}

// TestTokensFollowTheirFormats checks the generators against the published
// formats, so that a planted token is one a scanner of the vendor accepts.
func TestTokensFollowTheirFormats(t *testing.T) {
	g := newGen(1)
	gh := g.token("github")
	require.Len(t, gh, 40)
	require.Equal(t, base62CRC(gh[4:34]), gh[34:], "GitHub: the last six are the base62 CRC32 of the thirty before")
	require.Len(t, g.token("aws-id"), 20)
	require.Len(t, g.token("slack-bot")[:5], 5)
	require.Equal(t, "dXNlcjpwYXNz", basic("user", "pass"))
}
