package eval

import (
	"strconv"
	"strings"
)

// field is one entry of a structured payload: v is a string or a []field.
type field struct {
	k string
	v any
}

// flatten returns the payload as dotted keys ("payment.details.holder.name").
func flatten(fs []field, prefix string, out []field) []field {
	for _, f := range fs {
		k := f.k
		if prefix != "" {
			k = prefix + "." + f.k
		}
		if sub, ok := f.v.([]field); ok {
			out = flatten(sub, k, out)
			continue
		}
		out = append(out, field{k, f.v})
	}
	return out
}

// asRaw returns the payload as a map for pcommon.Map.FromRaw.
func asRaw(fs []field) map[string]any {
	m := make(map[string]any, len(fs))
	for _, f := range fs {
		if sub, ok := f.v.([]field); ok {
			m[f.k] = asRaw(sub)
			continue
		}
		m[f.k] = f.v
	}
	return m
}

// serialisations are the ways applications write a map into a log line: JSON,
// logfmt, key=value, and the map dumps of Python, Ruby, Java, Go and JavaScript.
var serialisations = map[string]func(fs []field) string{
	"log.json":   renderJSON,
	"log.logfmt": renderLogfmt,
	"log.kv":     renderKV,
	"log.python": func(fs []field) string { return renderMapDump(fs, "{", "}", "'", "'", ": ", ", ") },
	"log.ruby":   renderRuby,
	"log.java":   renderJava,
	"log.go":     renderGo,
	"log.js":     func(fs []field) string { return renderMapDump(fs, "{ ", " }", "", "'", ": ", ", ") },
}

func renderJSON(fs []field) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(f.k))
		b.WriteByte(':')
		if sub, ok := f.v.([]field); ok {
			b.WriteString(renderJSON(sub))
			continue
		}
		b.WriteString(jsonString(f.v.(string)))
	}
	b.WriteByte('}')
	return b.String()
}

// jsonString quotes s as encoding/json does for the characters the corpus uses:
// non-ASCII stays as it is, quotes, backslashes and control characters are escaped.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func renderLogfmt(fs []field) string {
	var parts []string
	for _, f := range flatten(fs, "", nil) {
		v := f.v.(string)
		if strings.ContainsAny(v, " \"=") {
			v = strconv.Quote(v)
		}
		parts = append(parts, strings.ReplaceAll(f.k, ".", "_")+"="+v)
	}
	return strings.Join(parts, " ")
}

func renderKV(fs []field) string {
	var parts []string
	for _, f := range flatten(fs, "", nil) {
		parts = append(parts, f.k+": "+f.v.(string))
	}
	return strings.Join(parts, ", ")
}

// renderMapDump writes a map the way Python's repr and Node's util.inspect do.
func renderMapDump(fs []field, open, closing, keyQuote, valQuote, sep, comma string) string {
	var parts []string
	for _, f := range fs {
		k := keyQuote + f.k + keyQuote
		if keyQuote == "" && !isIdent(f.k) {
			k = "'" + f.k + "'"
		}
		if sub, ok := f.v.([]field); ok {
			parts = append(parts, k+sep+renderMapDump(sub, open, closing, keyQuote, valQuote, sep, comma))
			continue
		}
		v := f.v.(string)
		if valQuote == "'" && strings.Contains(v, "'") {
			v = `"` + v + `"`
		} else {
			v = valQuote + v + valQuote
		}
		parts = append(parts, k+sep+v)
	}
	return open + strings.Join(parts, comma) + closing
}

func isIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}

// renderRuby writes a Hash as Ruby's inspect does: symbol keys before Ruby 3.4
// (`{:email=>"x"}`), string keys, and 3.4's `{email: "x"}`.
func renderRuby(fs []field) string {
	var parts []string
	for _, f := range fs {
		k := ":" + f.k + "=>"
		if !isIdent(f.k) {
			k = strconv.Quote(f.k) + "=>"
		}
		if sub, ok := f.v.([]field); ok {
			parts = append(parts, k+renderRuby(sub))
			continue
		}
		parts = append(parts, k+strconv.Quote(f.v.(string)))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// renderJava writes a Map as java.util.AbstractMap.toString does: `{k=v, k2=v2}`.
func renderJava(fs []field) string {
	var parts []string
	for _, f := range fs {
		if sub, ok := f.v.([]field); ok {
			parts = append(parts, f.k+"="+renderJava(sub))
			continue
		}
		parts = append(parts, f.k+"="+f.v.(string))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// renderGo writes a map as fmt's %v does: `map[k:v k2:v2]`, keys sorted.
func renderGo(fs []field) string {
	sorted := append([]field(nil), fs...)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && sorted[j].k < sorted[j-1].k; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	var parts []string
	for _, f := range sorted {
		if sub, ok := f.v.([]field); ok {
			parts = append(parts, f.k+":"+renderGo(sub))
			continue
		}
		parts = append(parts, f.k+":"+f.v.(string))
	}
	return "map[" + strings.Join(parts, " ") + "]"
}
