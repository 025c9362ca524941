// Package fieldpersonal is a third, independent labelled corpus for piiredact,
// aimed at personal data and at the look-alikes that sit beside it in real
// telemetry. It was written without reading internal/eval's or internal/holdout's
// generators; it reuses only holdout's harness (records, the run through the real
// processor, the report and the export), so that its numbers are read the same way.
//
// Personal values (e-mail addresses in every notation, phone numbers of many
// numbering plans, payment cards of every issuer range, IBANs and bank accounts,
// national identifiers with their check digits, passports, driving licences,
// dates of birth, postal addresses, people's names under keys that name a person,
// public client addresses) are planted in the places real applications and the
// OpenTelemetry instrumentations put them: semantic-convention attributes, string
// arrays, nested maps, log bodies in JSON, logfmt, plain text and language dumps,
// GraphQL variables, form bodies, XML and SOAP, URL paths and queries, SQL
// statements, exception messages, span events and metric attributes. Beside each
// sits what real telemetry carries there and must arrive byte for byte: UUIDs,
// ULIDs, KSUIDs, trace ids in hex and decimal, hashes and image digests, pod
// names, versions of every notation, timestamps and epochs, durations, sizes,
// internal addresses, MAC addresses, order and tracking numbers, GTINs, SKUs,
// coordinates, amounts, status and error codes, cloud resource names, colours,
// stack trace positions, configuration values, feature flags and cron lines.
//
// TestFieldPersonal runs it through the processor built by the factory with its
// default configuration and fails below 99.9% recall or precision per class and
// per place; `make fieldpersonal` prints the tables and the worst examples.
package fieldpersonal
