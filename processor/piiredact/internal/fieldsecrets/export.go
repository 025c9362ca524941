package fieldsecrets

import "github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/holdout"

// The corpus runs on the holdout's harness (internal/holdout): the same records,
// the same processor built by its factory, the same judgement of leaks and damage.
type (
	Case    = holdout.Case
	Record  = holdout.Record
	Map     = holdout.Map
	KV      = holdout.KV
	Outcome = holdout.Outcome
)

const (
	Traces  = holdout.Traces
	Logs    = holdout.Logs
	Metrics = holdout.Metrics
)

// Export writes the leaks and damages found as internal/eval regression cases: one
// for each kind of value and one for each class and place besides.
func Export(path, source string, outcomes []Outcome) error {
	return holdout.ExportAs(path, holdout.ExportFormat{
		Head: "# Cases the secrets corpus (internal/fieldsecrets) found leaking or damaged on the code before\n" +
			"# its fixes: one for each kind of value, and one for each class of value and place besides.\n" +
			"# Written by `go test ./internal/fieldsecrets -run TestFieldSecrets -args -fieldsecrets.export=…`;\n" +
			"# the format is regressions.yaml's.\n",
		Source:      source,
		PlacePrefix: "fieldsecrets:",
		Kind:        evalKind,
	}, outcomes)
}

// evalKind names, in the evaluation corpus's terms, what must find a class of value.
func evalKind(c *Case) string {
	switch c.Class() {
	case "keep":
		return ""
	case "private_key":
		return "private_key"
	case "token":
		if c.Kind == "token/jwt" {
			return "jwt"
		}
		return "api_key"
	}
	return "credential"
}
