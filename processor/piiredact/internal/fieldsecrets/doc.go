// Package fieldsecrets is a labelled corpus of secrets and credentials for
// piiredact, written as a third, independent round beside internal/eval and
// internal/holdout and without reading either: what a demanding SRE finds in the
// telemetry of a fleet.
//
// It plants passwords and tokens where real tools, drivers and instrumentations
// put them: on the command lines of database, cache, broker, cloud, container and
// HTTP clients (process.command_line and process.command_args), in the
// user-management and authentication statements of SQL dialects, Redis, MongoDB,
// Cypher, InfluxQL, ClickHouse and CQL, in connection strings of every common
// driver and broker, in request headers and gRPC metadata beyond Authorization, in
// URL paths, queries and fragments (signed URLs, OAuth redirects, webhooks), as
// vendors' token formats, PEM keys, and in the dumps and configuration files logs
// print. Beside them it places the values that look like secrets and are none
// (hashes, digests, identifiers, public keys, masked values and placeholders),
// which must arrive byte for byte.
//
// TestFieldSecrets runs it through the real processor, built by its factory from
// config/sidecar.yaml, and fails below 99.9% recall or precision per class and
// per place; `make fieldsecrets` prints the tables and the worst examples.
package fieldsecrets
