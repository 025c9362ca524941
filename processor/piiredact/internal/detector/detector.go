// Package detector finds personal data and secrets in strings.
//
// Every built-in detector is a hand-written scanner with a validator (Luhn for cards,
// mod-97 for IBANs, range rules for SSNs, a full grammar for IPv6, a decoded check for
// Basic credentials), not a bare pattern: a value with nothing to report costs one
// pass and no allocation, and look-alikes such as order numbers, timestamps, UUIDs and
// version strings are left alone.
//
// Where things are: registry.go lists the built-in detectors in the order they run;
// each detector's file (<name>.go, and <name>_*.go when it needs more than one)
// opens with its registration, a Builtin holding its name, constructor and
// prefilter (profile.go); shared helpers live in files named for what they hold
// (chars.go, checkdigit.go, dotted_quad.go, url_syntax.go, sort.go), and no detector
// uses another's code (TestNoDetectorUsesAnother).
package detector // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"

import "regexp"

// Match is the half-open byte range [Start, End) of a recognised value.
type Match struct {
	Start, End int
}

// Detector finds one kind of sensitive value.
type Detector interface {
	// Name is the kind of value found; it is used in configuration, in replacement
	// text and as a metric attribute, so it never contains data.
	Name() string
	// AppendMatches appends to dst the ranges of s it recognises, in increasing,
	// non-overlapping order, and returns the extended slice. It never allocates
	// unless dst must grow.
	AppendMatches(dst []Match, s string) []Match
}

// NewPattern returns a detector for a user-supplied, already compiled RE2 pattern.
func NewPattern(name string, re *regexp.Regexp) Detector {
	return pattern{name: name, re: re}
}

type pattern struct {
	name string
	re   *regexp.Regexp
}

func (p pattern) Name() string { return p.name }

func (p pattern) AppendMatches(dst []Match, s string) []Match {
	for _, loc := range p.re.FindAllStringIndex(s, -1) {
		if loc[1] > loc[0] {
			dst = append(dst, Match{Start: loc[0], End: loc[1]})
		}
	}
	return dst
}
