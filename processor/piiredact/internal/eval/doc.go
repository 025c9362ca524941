// Package eval measures piiredact on a labelled corpus: thousands of values per
// detector, generated from the formats' public specifications (issuer prefixes and
// Luhn, IBAN lengths and mod 97, e-mail grammar, numbering plans, JWT structure,
// vendors' token formats, PEM, national identifiers and their check digits), and
// the look-alikes that sit next to them in real telemetry (identifiers, hashes,
// versions in every notation, timestamps, amounts, the services' own addresses),
// each planted in every kind of place the OpenTelemetry semantic conventions and
// real instrumentations put values: attributes of every level, header and metadata
// arrays, nested maps, log bodies in the common serialisations, URLs, database
// statements, command lines, exceptions. The captured shapes under testdata/shapes
// (internal/tools/capture records them from real instrumented clients) are the
// background each case is planted into.
//
// Every case is labelled: the substrings that must not survive, and those that must
// arrive unchanged. Run runs the real processor, built by its factory from the
// piiredact section of config/sidecar.yaml, and NewReport counts recall and
// precision per detector and per place. `make eval` prints the tables and the worst
// examples; `make test` fails below the threshold in eval_test.go.
package eval
