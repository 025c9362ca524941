package fieldpersonal

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/holdout"
)

type (
	kv  = holdout.KV
	rec = holdout.Record
	hm  = holdout.Map
)

// field is one key and value of a case; secret says which list it joins.
type field struct {
	key, value string
	// text is how prose mentions it.
	text   string
	kind   string
	secret bool
	// secrets are the parts that must be gone (a mail header's name and address).
	secrets []string
}

// places lists every place, in order.
var places = []string{
	"span.attr", "span.attr.array", "span.attr.nested", "span.event", "span.exception", "metric.attr",
	"log.attr", "log.body.json", "log.body.map", "log.body.logfmt", "log.body.text", "log.body.dump",
	"log.body.graphql", "log.body.form", "log.body.xml", "log.body.protobuf", "url.query", "url.path", "db.statement",
}

// keyWords splits a key into its lower-case words: "billing_details.name" →
// billing, details, name; "cardholderName" → cardholder, name.
func keyWords(k string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(k)
	for i, r := range rs {
		switch {
		case r == '.' || r == '_' || r == '-' || r == ' ':
			flush()
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// queryName is how a query string names a field: its last word, or its last two
// when the last alone says nothing ("holder_name", "passport_number", not "name").
func queryName(k string) string {
	last := lastSegment(k)
	w := keyWords(k)
	switch snake(last) {
	case "name", "number", "no", "id", "value", "line1", "street", "to", "from":
		if len(w) > 1 {
			return w[len(w)-2] + "_" + w[len(w)-1]
		}
	}
	return snake(last)
}

func lastSegment(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[i+1:]
	}
	return k
}

func pascal(k string) string {
	var b strings.Builder
	for _, w := range keyWords(k) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func snake(k string) string { return strings.Join(keyWords(k), "_") }

// nested turns dotted keys into nested maps: payment.details.holder.name.
func nested(fs []field) hm {
	var out hm
	for _, f := range fs {
		out = insert(out, strings.Split(f.key, "."), f.value)
	}
	return out
}

func insert(m hm, path []string, v string) hm {
	if len(path) == 1 {
		return append(m, kv{K: path[0], V: v})
	}
	for i := range m {
		if m[i].K == path[0] {
			if sub, ok := m[i].V.(hm); ok {
				m[i].V = insert(sub, path[1:], v)
				return m
			}
		}
	}
	return append(m, kv{K: path[0], V: insert(nil, path[1:], v)})
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func jsonOf(m hm) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jsonString(e.K) + ":")
		switch v := e.V.(type) {
		case hm:
			b.WriteString(jsonOf(v))
		case string:
			b.WriteString(jsonString(v))
		}
	}
	b.WriteByte('}')
	return b.String()
}

func flat(fs []field) hm {
	var out hm
	for _, f := range fs {
		out = append(out, kv{K: f.key, V: f.value})
	}
	return out
}

func logfmtValue(s string) string {
	if strings.ContainsAny(s, " \"=") {
		return jsonString(s)
	}
	return s
}

// dump writes the fields as a language prints a map or an object.
func dump(g *gen, fs []field) string {
	var parts []string
	switch g.intn(5) {
	case 0: // Python dict
		for _, f := range fs {
			parts = append(parts, fmt.Sprintf("'%s': '%s'", snake(f.key), strings.ReplaceAll(f.value, "'", `\'`)))
		}
		return "payload={" + strings.Join(parts, ", ") + "}"
	case 1: // Ruby hash
		for _, f := range fs {
			parts = append(parts, fmt.Sprintf(":%s=>%q", snake(f.key), f.value))
		}
		return "params: {" + strings.Join(parts, ", ") + "}"
	case 2: // Java toString
		for _, f := range fs {
			parts = append(parts, fmt.Sprintf("%s='%s'", lowerCamel(f.key), f.value))
		}
		return "Saving CustomerDto{" + strings.Join(parts, ", ") + "}"
	case 3: // Go %+v
		for _, f := range fs {
			if strings.ContainsAny(f.value, " ") {
				parts = append(parts, fmt.Sprintf("%s:%q", pascal(f.key), f.value))
			} else {
				parts = append(parts, pascal(f.key)+":"+f.value)
			}
		}
		return "update request: &{" + strings.Join(parts, " ") + "}"
	default: // PHP print_r
		for _, f := range fs {
			parts = append(parts, fmt.Sprintf("    [%s] => %s", snake(f.key), f.value))
		}
		return "Array\n(\n" + strings.Join(parts, "\n") + "\n)\n"
	}
}

func lowerCamel(k string) string {
	p := pascal(k)
	if p == "" {
		return p
	}
	return strings.ToLower(p[:1]) + p[1:]
}

func protobufText(fs []field) string {
	var b strings.Builder
	b.WriteString("UpdateProfileRequest ")
	b.WriteString(protoMap(nested(fs)))
	return b.String()
}

func protoMap(m hm) string {
	var parts []string
	for _, e := range m {
		switch v := e.V.(type) {
		case hm:
			parts = append(parts, snake(e.K)+" "+protoMap(v))
		case string:
			parts = append(parts, snake(e.K)+": "+jsonString(v))
		}
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func xmlOf(m hm) string {
	var b strings.Builder
	for _, e := range m {
		name := pascal(e.K)
		switch v := e.V.(type) {
		case hm:
			b.WriteString("<" + name + ">" + xmlOf(v) + "</" + name + ">")
		case string:
			b.WriteString("<" + name + ">" + v + "</" + name + ">") // escaped by the caller
		}
	}
	return b.String()
}

// encoded is what the fields' values become in a URL; the labels follow.
func encodedFields(fs []field, esc func(string) string) []field {
	out := make([]field, len(fs))
	for i, f := range fs {
		out[i] = f
		out[i].value = esc(f.value)
		out[i].secrets = nil
		for _, s := range f.secrets {
			out[i].secrets = append(out[i].secrets, esc(s))
		}
	}
	return out
}

var sentencesPlain = []string{
	"sending order confirmation to %s",
	"SMS delivery failed for %s: carrier rejected the message",
	"payment declined for %s (insufficient funds)",
	"user lookup by %s returned 0 rows",
	"updated contact details: %s",
	"could not verify %s, retrying in 30s",
	"request from %s rate limited",
}

// sentence is prose that mentions the main field and the others.
func sentence(g *gen, main field, others []field) string {
	var s string
	if main.text != "" {
		s = fmt.Sprintf(sentencesPlain[g.intn(len(sentencesPlain))], main.text)
	} else {
		s = "processed"
	}
	for _, o := range others {
		s += "; " + o.text
	}
	return s
}

// render builds the record of one place from the fields.
func render(g *gen, place string, main field, fs []field) (rec, []field) {
	others := make([]field, 0, len(fs))
	for _, f := range fs {
		if f.key != main.key || f.value != main.value {
			others = append(others, f)
		}
	}
	switch place {
	case "span.attr":
		return rec{Signal: holdout.Traces, Name: "POST /api/customers", Attrs: flat(fs)}, fs
	case "span.attr.array":
		var m hm
		for _, f := range fs {
			m = append(m, kv{K: f.key, V: []string{f.value}})
		}
		return rec{Signal: holdout.Traces, Name: "notify", Attrs: m}, fs
	case "span.attr.nested":
		return rec{Signal: holdout.Traces, Name: "checkout", Attrs: hm{{K: "app.request", V: nested(fs)}}}, fs
	case "span.event":
		return rec{Signal: holdout.Traces, Name: "customer.update", EventName: "profile.changed", Event: flat(fs)}, fs
	case "span.exception":
		msg := sentence(g, main, others)
		stack := fmt.Sprintf("%s: %s\n    at CustomerService.update (/app/src/services/customer.ts:%d:%d)\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
			g.pick("ValidationError", "DeliveryError", "CardDeclinedError"), msg, g.between(10, 900), g.between(1, 80))
		return rec{Signal: holdout.Traces, Name: "POST /api/checkout", Status: msg, EventName: "exception",
			Event: hm{{K: "exception.type", V: "ValidationError"}, {K: "exception.message", V: msg}, {K: "exception.stacktrace", V: stack}}}, fs
	case "metric.attr":
		return rec{Signal: holdout.Metrics, Attrs: flat(fs)}, fs
	case "log.attr":
		return rec{Signal: holdout.Logs, Body: "customer profile updated", Attrs: flat(fs)}, fs
	case "log.body.json":
		body := `{"level":"info","ts":"2025-02-11T08:15:02.114Z","logger":"customers","msg":"profile updated","data":` + jsonOf(nested(fs)) + `}`
		return rec{Signal: holdout.Logs, Body: body}, fs
	case "log.body.map":
		return rec{Signal: holdout.Logs, Body: hm{{K: "msg", V: "profile updated"}, {K: "data", V: nested(fs)}}}, fs
	case "log.body.logfmt":
		parts := []string{"time=2025-02-11T08:15:02Z", "level=info", `msg="profile updated"`}
		for _, f := range fs {
			parts = append(parts, f.key+"="+logfmtValue(f.value))
		}
		return rec{Signal: holdout.Logs, Body: strings.Join(parts, " ")}, fs
	case "log.body.text":
		return rec{Signal: holdout.Logs, Body: "2025-02-11 08:15:02,114 INFO [worker-3] " + sentence(g, main, others)}, fs
	case "log.body.dump":
		return rec{Signal: holdout.Logs, Body: dump(g, fs)}, fs
	case "log.body.graphql":
		body := `{"operationName":"UpdateProfile","query":"mutation UpdateProfile($input: ProfileInput!) { updateProfile(input: $input) { id } }","variables":{"input":` + jsonOf(nested(fs)) + `}}`
		return rec{Signal: holdout.Logs, Body: body, Attrs: hm{{K: "graphql.operation.name", V: "UpdateProfile"}}}, fs
	case "log.body.form":
		efs := encodedFields(fs, url.QueryEscape)
		var parts []string
		for _, f := range efs {
			parts = append(parts, snake(f.key)+"="+f.value)
		}
		return rec{Signal: holdout.Logs, Body: "POST /account/update body: " + strings.Join(parts, "&")}, efs
	case "log.body.xml":
		efs := encodedFields(fs, xmlEscape)
		body := `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><UpdateProfile>` + xmlOf(nested(efs)) + `</UpdateProfile></soap:Body></soap:Envelope>`
		return rec{Signal: holdout.Logs, Body: body}, efs
	case "log.body.protobuf":
		return rec{Signal: holdout.Logs, Body: "grpc request: " + protobufText(fs)}, fs
	case "url.query":
		efs := encodedFields(fs, url.QueryEscape)
		var parts []string
		for _, f := range efs {
			// The personal value under its own last word ("email=", "phone_number="),
			// the others under their whole key ("issue_key=", not "key=").
			k := snake(f.key)
			if f.secret {
				k = queryName(f.key)
			}
			parts = append(parts, k+"="+f.value)
		}
		u := "https://api.shop.example.com/v2/profiles/search?" + strings.Join(parts, "&")
		return rec{Signal: holdout.Traces, Name: "GET /v2/profiles/search", Attrs: hm{{K: "http.request.method", V: "GET"}, {K: "url.full", V: u}}}, efs
	case "url.path":
		// The personal value is a path segment after one naming it; the others
		// are query parameters.
		var segs, query []string
		efs := make([]field, len(fs))
		for i, f := range fs {
			esc := url.QueryEscape
			if f.secret {
				esc = url.PathEscape
			}
			efs[i] = encodedFields([]field{f}, esc)[0]
			if f.secret {
				segs = append(segs, queryName(f.key)+"s", efs[i].value)
			} else {
				query = append(query, snake(f.key)+"="+efs[i].value)
			}
		}
		u := "https://api.shop.example.com/v1/" + strings.Join(segs, "/") + "/history"
		if len(query) > 0 {
			u += "?" + strings.Join(query, "&")
		}
		return rec{Signal: holdout.Traces, Name: "GET", Attrs: hm{{K: "http.request.method", V: "GET"}, {K: "url.full", V: u}}}, efs
	case "db.statement":
		efs := encodedFields(fs, func(s string) string { return strings.ReplaceAll(s, "'", "''") })
		var cols, vals, sets []string
		for _, f := range efs {
			cols = append(cols, snake(f.key))
			vals = append(vals, "'"+f.value+"'")
			sets = append(sets, snake(f.key)+" = '"+f.value+"'")
		}
		var q string
		switch g.intn(3) {
		case 0:
			q = "INSERT INTO customers (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(vals, ", ") + ")"
		case 1:
			q = "UPDATE customers SET " + strings.Join(sets[:1], ", ") + " WHERE " + strings.Join(append([]string{"tenant_id = 42"}, sets[1:]...), " AND ")
		default:
			q = "SELECT id, created_at FROM customers WHERE " + strings.Join(sets, " AND ") + " LIMIT 1"
		}
		return rec{Signal: holdout.Traces, Name: "UPDATE shop.customers", Attrs: hm{{K: "db.system.name", V: "postgresql"}, {K: "db.query.text", V: q}}}, efs
	}
	panic("fieldpersonal: unknown place " + place)
}
