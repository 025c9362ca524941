package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"strings"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Path parameters that a span's route template names. Instrumentations record the
// template ("http.route": "/reset/{token}", "/users/:email/orders", Flask's
// "/login/<user>/<password>") next to the path it matched ("url.path",
// "url.full", "http.target", and the span name of older ones): the template says
// which segment of the path is a credential or a personal value, whatever it looks
// like. Those segments are redacted in every attribute and in the span's name.

// routeKeys hold a route template.
var routeKeys = [...]string{"http.route", "url.template"}

// pathKeys hold a path that a route matched.
var pathKeys = [...]string{"url.path", "url.full", "http.target", "http.url", "url.original"}

// maxRouteSegments bounds the segments looked at.
const maxRouteSegments = 32

// routeSecrets returns, for each segment of a route template, the rule that redacts
// it (-1 for none), and the number of segments; n is 0 when no parameter names a
// secret.
func (r *redactor) routeSecrets(route string, rules *[maxRouteSegments]int) (n int) {
	secret := false
	t := strings.Trim(route, "/")
	for len(t) > 0 || n == 0 {
		if n == maxRouteSegments {
			return 0
		}
		seg := t
		if k := strings.IndexByte(t, '/'); k >= 0 {
			seg, t = t[:k], t[k+1:]
		} else {
			t = ""
		}
		rules[n] = -1
		if name, ok := routeParam(seg); ok {
			switch classifyKeyWords(name) {
			case wordsCredential, wordsPersonName, wordsAuthorization, wordsCookie:
				rules[n], secret = r.keyRule, true
			case wordsNone:
				if kind := personalKeyKind(name); kind != personalNone {
					rules[n], secret = r.personalRule(kind), true
				} else if strings.EqualFold(name, "email") || hasSuffixFold(name, "email") {
					rules[n], secret = r.keyRule, true
				}
			}
		}
		n++
	}
	if !secret {
		return 0
	}
	return n
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// routeParam returns the name of a template's parameter segment: "{token}",
// "{token:[a-z]+}", ":token", "<token>", "<string:token>".
func routeParam(seg string) (string, bool) {
	switch {
	case len(seg) > 2 && seg[0] == '{' && seg[len(seg)-1] == '}':
		name := seg[1 : len(seg)-1]
		if c := strings.IndexByte(name, ':'); c >= 0 {
			name = name[:c]
		}
		return strings.TrimLeft(name, "*"), true
	case len(seg) > 1 && seg[0] == ':':
		return seg[1:], true
	case len(seg) > 2 && seg[0] == '<' && seg[len(seg)-1] == '>':
		name := seg[1 : len(seg)-1]
		if c := strings.LastIndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		return name, true
	}
	return "", false
}

// redactRouteParams redacts the segments of the span's paths that its route
// template names as secrets.
func (r *redactor) redactRouteParams(span ptrace.Span, sc *scratch) {
	attrs := span.Attributes()
	var route string
	for _, k := range routeKeys {
		if v, ok := attrs.Get(k); ok && v.Type() == pcommon.ValueTypeStr {
			route = v.Str()
			break
		}
	}
	if route == "" || !strings.ContainsAny(route, "{:<") {
		return
	}
	if route != sc.route || sc.route == "" {
		sc.route, sc.routeN = route, r.routeSecrets(route, &sc.routeRules)
	}
	n, rules := sc.routeN, &sc.routeRules
	if n == 0 {
		return
	}
	for _, k := range pathKeys {
		if v, ok := attrs.Get(k); ok && v.Type() == pcommon.ValueTypeStr {
			if out, changed := r.redactPathSegments(v.Str(), rules, n, sc); changed {
				v.SetStr(out)
			}
		}
	}
	if out, changed := r.redactPathSegments(span.Name(), rules, n, sc); changed {
		span.SetName(out)
	}
}

// redactPathSegments finds the path in s (after a scheme and host, or from its first
// '/'), and when it has the template's segments, replaces those the rules name. A
// segment that is itself a parameter ("{password}": the template in a span's name)
// stays.
func (r *redactor) redactPathSegments(s string, rules *[maxRouteSegments]int, n int, sc *scratch) (string, bool) {
	start := strings.Index(s, "://")
	if start >= 0 {
		slash := strings.IndexByte(s[start+3:], '/')
		if slash < 0 {
			return s, false
		}
		start += 3 + slash
	} else if start = strings.IndexByte(s, '/'); start < 0 {
		return s, false
	}
	end := start
	for end < len(s) && s[end] != '?' && s[end] != '#' && s[end] != ' ' {
		end++
	}
	if end > start+1 && s[end-1] == '/' {
		end--
	}
	if strings.Count(s[start+1:end], "/")+1 != n {
		return s, false
	}
	var b strings.Builder
	changed := false
	seg, segStart, prev := 0, start+1, 0
	for i := start + 1; i <= end && seg < n; i++ {
		if i < end && s[i] != '/' {
			continue
		}
		value := s[segStart:i]
		if rl := rules[seg]; rl >= 0 && value != "" && !isReplacement(value) {
			if _, param := routeParam(value); !param {
				sc.batch[rl]++
				sc.item[rl]++
				if !r.dryRun {
					b.WriteString(s[prev:segStart])
					r.rules[rl].writeReplacement(&b, r.hasher, value)
					prev = i
					changed = true
				}
			}
		}
		seg++
		segStart = i + 1
	}
	if !changed {
		return s, false
	}
	b.WriteString(s[prev:])
	return b.String(), true
}
