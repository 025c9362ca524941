package holdout

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
)

// How each serialisation writes a string, so that a case labels the bytes the
// record really holds.

// jsonInner is s as a JSON string's contents, without its quotes.
func jsonInner(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	out := strings.TrimSuffix(b.String(), "\n")
	return out[1 : len(out)-1]
}

func jsonQ(s string) string { return `"` + jsonInner(s) + `"` }

// pyRepr is Python's repr of a str.
func pyRepr(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	r := strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	out := r.Replace(s)
	if q == "'" {
		out = strings.ReplaceAll(out, "'", `\'`)
	}
	return q + out + q
}

// rubyInspect is Ruby's String#inspect.
func rubyInspect(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "#{", `\#{`)
	return `"` + r.Replace(s) + `"`
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

func queryEscape(s string) string { return url.QueryEscape(s) }
func pathEscape(s string) string  { return url.PathEscape(s) }

// sqlQuote is a SQL string literal's contents.
func sqlQuote(s string) string { return strings.ReplaceAll(s, "'", "''") }

// logfmtValue quotes a value that holds a space, a quote or '='.
func logfmtValue(s string) string {
	if strings.ContainsAny(s, " \"=") {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return s
}

// yamlScalar quotes what YAML would not read as a plain string.
func yamlScalar(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`") || strings.HasPrefix(s, "-") || strings.HasPrefix(s, " ") || strings.HasPrefix(s, "?") {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return s
}

// shellQuote quotes an argument the way a person does in a shell.
func shellQuote(s string) string {
	if !strings.ContainsAny(s, " \t'\"$`\\!&;|<>(){}*?#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// inner returns what of a quoted rendering is the value itself: the bytes between
// the quotes.
func inner(rendered string) string {
	if len(rendered) >= 2 && (rendered[0] == '"' || rendered[0] == '\'') && rendered[len(rendered)-1] == rendered[0] {
		return rendered[1 : len(rendered)-1]
	}
	return rendered
}

// lastWord returns the last segment of a dotted key ("customer.phone" → "phone").
func lastWord(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[i+1:]
	}
	return k
}

// nest turns "a.b.c" and a value into {a: {b: {c: v}}}.
func nest(key string, v any) Map {
	parts := strings.Split(key, ".")
	m := Map{{parts[len(parts)-1], v}}
	for i := len(parts) - 2; i >= 0; i-- {
		m = Map{{parts[i], m}}
	}
	return m
}

// jsonNest is nest as JSON text, the value given already rendered.
func jsonNest(key string, rendered string) string {
	parts := strings.Split(key, ".")
	out := jsonQ(parts[len(parts)-1]) + ":" + rendered
	for i := len(parts) - 2; i >= 0; i-- {
		out = jsonQ(parts[i]) + ":{" + out + "}"
	}
	return out
}
