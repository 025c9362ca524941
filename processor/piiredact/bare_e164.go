package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Phone numbers that SMS and voice APIs write as E.164 digits without the '+':
// Vonage's "to": "447700900123", MessageBird's "recipient": 31612345678. Alone such a
// run is an id as often; under a key that names whom a message goes to or comes
// from, and read as a whole international number with its '+' (a country code and
// that plan's length), it is a phone number.

// e164Phone is the phone detector, used to read digits as an international number.
var e164Phone = func() detector.Detector {
	d, ok := detector.NewBuiltin(detector.Phone)
	if !ok {
		panic("piiredact: no phone detector")
	}
	return d
}()

// addresseeWords end a key that names whom a message goes to or comes from.
var addresseeWords = []string{"to", "from", "recipient", "recipients", "sender", "originator", "destination", "callee", "caller"}

// addresseeKey reports a key whose last word is one of addresseeWords.
func addresseeKey(k string) bool {
	var spans [maxKeyWords][2]int
	n := keyWordSpans(k, &spans)
	if n == 0 {
		return false
	}
	last := spans[n-1]
	return oneOf(k[last[0]:last[1]], addresseeWords)
}

// nsnLengths are the lengths of national significant numbers (mobiles' first) of the
// country codes SMS APIs see most, from the ITU's national numbering plans. A code
// not listed is not read: without the '+' a run of digits needs its plan to be a
// phone number (an epoch in milliseconds, "1709251200000", is "+1" and 12 digits).
var nsnLengths = map[string][2]int{
	"1": {10, 10}, "7": {10, 10}, "20": {10, 10}, "27": {9, 9}, "30": {10, 10}, "31": {9, 9}, "32": {8, 9}, "33": {9, 9},
	"34": {9, 9}, "36": {8, 9}, "39": {9, 10}, "40": {9, 9}, "41": {9, 9}, "43": {10, 11}, "44": {10, 10}, "45": {8, 8},
	"46": {7, 9}, "47": {8, 8}, "48": {9, 9}, "49": {10, 11}, "52": {10, 10}, "54": {10, 11}, "55": {10, 11},
	"61": {9, 9}, "62": {9, 12}, "63": {10, 10}, "64": {8, 10}, "65": {8, 8}, "66": {9, 9}, "81": {10, 10},
	"82": {9, 10}, "84": {9, 9}, "86": {11, 11}, "90": {10, 10}, "91": {10, 10}, "234": {10, 10}, "351": {9, 9},
	"353": {9, 9}, "358": {9, 10}, "420": {9, 9}, "966": {9, 9}, "971": {9, 9}, "972": {9, 9},
}

// bareE164 reports 10 to 15 digits that are a country code and a national number of
// that plan's length, and that the phone detector reads, with a '+' before them, as
// one whole international number.
func bareE164(v string) bool {
	if len(v) < 10 || len(v) > 15 || !allDigits(v) {
		return false
	}
	planned := false
	for n := 1; n <= 3; n++ {
		if l, ok := nsnLengths[v[:n]]; ok && len(v)-n >= l[0] && len(v)-n <= l[1] {
			planned = true
			break
		}
	}
	if !planned {
		return false
	}
	var buf [16]byte
	buf[0] = '+'
	n := copy(buf[1:], v) + 1
	t := string(buf[:n])
	var ms [2]detector.Match
	found := e164Phone.AppendMatches(ms[:0], t)
	return len(found) == 1 && found[0].Start == 0 && found[0].End == n
}
