package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import "github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"

// Identifiers by their key, which a detector would read as personal data now and then:
//
//   - trace context in attributes and in logs: "trace_id", "span_id", "traceId",
//     "dd.trace_id", "x-b3-spanid", "traceparent", "uber-trace-id". Their values are
//     in hex ("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7") or, Datadog's,
//     in decimal. One span ID in about 77,000 is sixteen decimal digits that pass
//     Luhn after a card's prefix, and JSON logs carry one on every line;
//   - a product's barcode: "gtin", "ean", "upc", "barcode", "isbn". One EAN-13 in
//     ten of Germany's (400–440) passes Luhn as a Visa number of thirteen digits.
//
// Under these keys a value of the identifier's shape is left as it is (so that
// logs stay correlated with their traces); anything else is scanned.

type identifierKind uint8

const (
	notIdentifier identifierKind = iota
	traceIdentifier
	productCode
)

// identifierKeyKind returns the identifier a key's last words name, if any.
func identifierKeyKind(k string) identifierKind {
	var spans [maxKeyWords][2]int
	n := keyWordSpans(k, &spans)
	if n == 0 {
		return notIdentifier
	}
	last := k[spans[n-1][0]:spans[n-1][1]]
	switch {
	case oneOf(last, []string{"traceid", "spanid", "parentspanid", "traceparent"}):
		return traceIdentifier
	case n >= 2 && oneOf(last, []string{"id"}) && oneOf(k[spans[n-2][0]:spans[n-2][1]], []string{"trace", "span"}):
		return traceIdentifier
	case oneOf(last, []string{"gtin", "gtin13", "gtin14", "ean", "ean13", "upc", "barcode", "isbn", "isbn13"}):
		return productCode
	}
	return notIdentifier
}

// identifierShaped reports a value of the kind's shape: for trace context, hex digits
// (eight or more) with the '-' and ':' that traceparent and uber-trace-id put
// between their fields; for a barcode, 8 to 14 digits (spaces and dashes between
// groups) that pass GS1's check digit.
func identifierShaped(kind identifierKind, v string) bool {
	if len(v) > 80 {
		return false
	}
	switch kind {
	case traceIdentifier:
		hex := 0
		for i := 0; i < len(v); i++ {
			switch c := v[i]; {
			case detector.IsHex(c):
				hex++
			case c == '-' || c == ':':
			default:
				return false
			}
		}
		return hex >= 8
	case productCode:
		var d [14]byte
		n := 0
		for i := 0; i < len(v); i++ {
			switch c := v[i]; {
			case c >= '0' && c <= '9':
				if n == len(d) {
					return false
				}
				d[n] = c - '0'
				n++
			case c == ' ' || c == '-':
			default:
				return false
			}
		}
		return detector.GS1Valid(d[:n])
	}
	return false
}

// keepKind marks a range found in text that no rule may redact (appendKeyedValues).
const keepKind = personalKind(255)

// dropKept removes the hits that lie within a kept range.
func dropKept(hits []hit, keeps []detector.Match) []hit {
	out := hits[:0]
	for _, h := range hits {
		kept := false
		for _, k := range keeps {
			if h.Start >= k.Start && h.End <= k.End {
				kept = true
				break
			}
		}
		if !kept {
			out = append(out, h)
		}
	}
	return out
}
