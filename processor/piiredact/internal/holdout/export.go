package holdout

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Export writes, in internal/eval's regression format, one case for each kind of
// value this corpus found leaking or damaged and one for each class and place not
// covered by those: how the holdout's findings become labelled cases of the
// evaluation corpus.
func Export(path, source string, outcomes []Outcome) error {
	return ExportAs(path, ExportFormat{
		Head: "# Cases the independent holdout corpus (internal/holdout) found leaking or damaged on the code\n" +
			"# before its fixes: one for each kind of value, and one for each class of value and place besides.\n" +
			"# Written by `go test ./internal/holdout -run TestHoldout -args -holdout.export=…` (see holdout.go);\n" +
			"# the format is regressions.yaml's.\n",
		Source:      source,
		PlacePrefix: "holdout:",
		Kind:        EvalKind,
	}, outcomes)
}

// ExportFormat is how a corpus that runs on this harness (internal/fieldsecrets
// too) labels the regression cases it exports.
type ExportFormat struct {
	Head        string             // the file's leading comment
	Source      string             // each case's source, before its kind
	PlacePrefix string             // before each place group: "holdout:"
	Kind        func(*Case) string // what must find a case's secrets, in internal/eval's terms
}

// ExportAs is Export with a corpus's own labels.
func ExportAs(path string, f ExportFormat, outcomes []Outcome) error {
	var picked []*Outcome
	kinds := map[string]bool{}
	classPlaces := map[string]bool{}
	failing := func(o *Outcome) bool { return len(o.Leaked) > 0 || len(o.Damaged) > 0 }
	for i := range outcomes {
		o := &outcomes[i]
		if failing(o) && !kinds[o.Case.Kind] {
			kinds[o.Case.Kind] = true
			classPlaces[o.Case.Class()+"|"+o.Case.Place] = true
			picked = append(picked, o)
		}
	}
	for i := range outcomes {
		o := &outcomes[i]
		if k := o.Case.Class() + "|" + o.Case.Place; failing(o) && !classPlaces[k] {
			classPlaces[k] = true
			picked = append(picked, o)
		}
	}
	sort.SliceStable(picked, func(a, b int) bool { return picked[a].Case.Kind < picked[b].Case.Kind })
	var out []map[string]any
	for _, o := range picked {
		out = append(out, regressionOf(o, f))
	}
	data, err := yaml.Marshal(out)
	if err != nil {
		return err
	}
	head := f.Head
	return os.WriteFile(path, append([]byte(head), data...), 0o600)
}

// EvalKind names, in the evaluation corpus's terms, what must find a class of value.
func EvalKind(c *Case) string {
	switch c.Class() {
	case "phone", "email", "iban", "jwt", "private_key":
		return c.Class()
	case "card":
		return "credit_card"
	case "national_id":
		if strings.HasPrefix(c.Kind, "national_id/us-ssn") {
			return "us_ssn"
		}
		return "national_id"
	case "ip":
		if c.Kind == "ip/v6" {
			return "ipv6"
		}
		return "ipv4"
	case "name":
		return "person_name"
	case "keep":
		return ""
	case "dob", "address", "bank_account":
		return "personal_key"
	case "logline":
		return "credential"
	}
	return "credential"
}

func regressionOf(o *Outcome, f ExportFormat) map[string]any {
	c := o.Case
	r := map[string]any{
		"source": fmt.Sprintf("%s: %s", f.Source, c.Kind),
		"signal": c.Rec.Signal.String(),
		"place":  f.PlacePrefix + placeGroup(c.Place),
	}
	if k := f.Kind(c); k != "" && len(c.Secrets) > 0 {
		r["kind"] = k
		r["secrets"] = c.Secrets
	}
	if len(c.Keep) > 0 {
		r["keep"] = c.Keep
	}
	if len(c.Rec.Resource) > 0 {
		r["resource"] = rawMap(c.Rec.Resource)
	}
	switch c.Rec.Signal {
	case Traces:
		if c.Rec.Name != "" {
			r["span_name"] = c.Rec.Name
		}
		if c.Rec.Status != "" {
			r["status"] = c.Rec.Status
		}
		if len(c.Rec.Attrs) > 0 {
			r["span"] = rawMap(c.Rec.Attrs)
		}
		if len(c.Rec.Event) > 0 {
			r["event"] = rawMap(c.Rec.Event)
		}
	case Logs:
		if c.Rec.Body != nil {
			r["body"] = raw(c.Rec.Body)
		}
		if len(c.Rec.Attrs) > 0 {
			r["log_attributes"] = rawMap(c.Rec.Attrs)
		}
	case Metrics:
		point := rawMap(c.Rec.Attrs)
		for k, v := range rawMap(c.Rec.Event) { // an exemplar's attributes, on the point
			point[k] = v
		}
		r["point"] = point
	}
	return r
}

func rawMap(m Map) map[string]any {
	out := make(map[string]any, len(m))
	for _, kv := range m {
		out[kv.K] = raw(kv.V)
	}
	return out
}

func raw(v any) any {
	switch v := v.(type) {
	case Map:
		return rawMap(v)
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = raw(x)
		}
		return out
	}
	return v
}

// placeGroup folds the holdout's places into the groups the evaluation corpus's
// tables show: "log.body.php" is "log.body", "span.attr.header" "span.attr".
func placeGroup(p string) string {
	for _, g := range [...]string{"log.body", "log.attr", "span.attr", "span.event", "span.status", "span.name", "url", "db.statement", "db.query", "process", "http.header", "grpc.metadata", "exception", "metric", "attr.value", "resource"} {
		if strings.HasPrefix(p, g) {
			return g
		}
	}
	return p
}
