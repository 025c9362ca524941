package fieldsecrets

import "encoding/base64"

// Options say how the corpus is drawn.
type Options struct {
	// Seed draws the values; the same seed gives the same cases.
	Seed uint64
	// Rounds is how many times each template is drawn, each time with new values.
	Rounds int
}

// DefaultOptions is the corpus the test runs.
func DefaultOptions() Options { return Options{Seed: 20_2026, Rounds: 12} }

// Generate draws the labelled cases.
func Generate(opts Options) []Case {
	c := &corpus{gen: newGen(opts.Seed)}
	for range opts.Rounds {
		c.commands()
		c.statements()
		c.connections()
		c.headers()
		c.links()
		c.tokens()
		c.configs()
		c.lookalikes()
		c.moreCommands()
		c.moreStatements()
		c.morePayloads()
		c.thirdRound()
		c.fourthRound()
		c.fifthRound()
		c.sixthRound()
		c.seventhRound()
	}
	return c.cases
}

func base64Std(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
