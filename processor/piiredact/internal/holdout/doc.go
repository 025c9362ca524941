// Package holdout is a second, independent labelled corpus for piiredact, written
// apart from internal/eval and without reading its generators, so that the two
// measure different assumptions: a corpus written by the hand that wrote the fixes
// measures the fixes' own ideas of what telemetry looks like.
//
// It plants personal data and secrets where real applications and the official
// OpenTelemetry instrumentations put them (semantic-convention attributes and
// header arrays, structured and free-text logs of common frameworks and servers,
// URLs, statements, command lines and shell histories, exception messages and
// stack traces of several languages, payloads in JSON, XML, YAML, form and
// multipart encodings, connection strings, message headers), next to the
// non-personal values that sit there (identifiers of every kind, hashes, versions,
// timestamps, sizes, the services' own addresses, error codes, SQL with bind
// parameters, public keys and certificates). Every case says what must be gone and
// what must arrive byte for byte.
//
// Run runs the real processor, built by its factory from the piiredact section of
// config/sidecar.yaml, over spans, logs and metrics; NewReport counts recall and
// precision by kind and by place. TestHoldout fails below the threshold; `go test
// -run TestHoldout -v ./internal/holdout -args -holdout.examples=40` prints the
// tables and the worst examples.
package holdout
