package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import "strings"

// keyMatcher matches keys against case-insensitive globs. Globs of the common
// shapes ("*x*", "*x", "x*", "x") are matched without the general algorithm, and
// nothing allocates.
type keyMatcher struct {
	globs []glob
}

type globShape uint8

const (
	globExact globShape = iota
	globPrefix
	globSuffix
	globContains
	globGeneral
)

type glob struct {
	shape   globShape
	literal string // lower-cased literal part for the simple shapes
	pattern string // lower-cased whole pattern for globGeneral
}

func newKeyMatcher(patterns []string) keyMatcher {
	m := keyMatcher{globs: make([]glob, 0, len(patterns))}
	for _, p := range patterns {
		m.globs = append(m.globs, compileGlob(strings.ToLower(p)))
	}
	return m
}

func compileGlob(p string) glob {
	inner := strings.Trim(p, "*")
	if !strings.ContainsAny(inner, "*?") {
		lead, trail := strings.HasPrefix(p, "*"), strings.HasSuffix(p, "*") && len(p) > 1
		switch {
		case lead && trail:
			return glob{shape: globContains, literal: inner}
		case lead:
			return glob{shape: globSuffix, literal: inner}
		case trail:
			return glob{shape: globPrefix, literal: inner}
		default:
			return glob{shape: globExact, literal: inner}
		}
	}
	return glob{shape: globGeneral, pattern: p}
}

func (m keyMatcher) match(key string) bool {
	if len(m.globs) == 0 {
		return false
	}
	// Lower-case the key once so that each glob is a plain (vectorised) substring test.
	// Keys are lower case by convention, and then nothing is copied.
	lowered := lowerASCII(key)
	for i := range m.globs {
		if m.globs[i].match(lowered) {
			return true
		}
	}
	return false
}

// matchesExactly reports whether a glob without wildcards names the key.
func (m keyMatcher) matchesExactly(key string) bool {
	for i := range m.globs {
		if m.globs[i].shape == globExact && strings.EqualFold(m.globs[i].literal, key) {
			return true
		}
	}
	return false
}

// match reports whether the lower-cased key matches.
func (g *glob) match(key string) bool {
	switch g.shape {
	case globExact:
		return key == g.literal
	case globPrefix:
		return strings.HasPrefix(key, g.literal)
	case globSuffix:
		return strings.HasSuffix(key, g.literal)
	case globContains:
		return strings.Contains(key, g.literal)
	default:
		return globMatch(g.pattern, key)
	}
}

// lowerASCII returns s with ASCII letters lower-cased, and s itself when it has no
// upper case. Other bytes are kept, so a key's UTF-8 is untouched.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		b[i] = lower(b[i])
	}
	return string(b)
}

// globMatch matches '*' and '?' wildcards with backtracking on the last star.
func globMatch(p, s string) bool {
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == s[si]):
			pi++
			si++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
