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

func (m keyMatcher) empty() bool { return len(m.globs) == 0 }

func (m keyMatcher) match(key string) bool {
	for i := range m.globs {
		if m.globs[i].match(key) {
			return true
		}
	}
	return false
}

func (g *glob) match(key string) bool {
	switch g.shape {
	case globExact:
		return len(key) == len(g.literal) && strings.EqualFold(key, g.literal)
	case globPrefix:
		return len(key) >= len(g.literal) && strings.EqualFold(key[:len(g.literal)], g.literal)
	case globSuffix:
		return len(key) >= len(g.literal) && strings.EqualFold(key[len(key)-len(g.literal):], g.literal)
	case globContains:
		return containsFold(key, g.literal)
	default:
		return globMatchFold(g.pattern, key)
	}
}

// containsFold reports whether lit (lower case) occurs in s, ignoring ASCII case.
func containsFold(s, lit string) bool {
	if lit == "" {
		return true
	}
	first := lit[0]
	for i := 0; i+len(lit) <= len(s); i++ {
		if lower(s[i]) == first && strings.EqualFold(s[i:i+len(lit)], lit) {
			return true
		}
	}
	return false
}

// globMatchFold matches '*' and '?' wildcards with backtracking on the last star.
func globMatchFold(p, s string) bool {
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == lower(s[si])):
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
