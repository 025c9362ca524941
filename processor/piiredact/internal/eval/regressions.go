package eval

import (
	"fmt"
	"os"
	"strconv"

	"gopkg.in/yaml.v3"
)

// regression is one hand-labelled case, as testdata/regressions.yaml holds them: a
// leak or a damage found anywhere (an issue, a real application's traffic, an
// end-to-end test) becomes one, so that it stays found.
type regression struct {
	Source   string         `yaml:"source"`
	Signal   string         `yaml:"signal"` // traces (default), logs or metrics
	Place    string         `yaml:"place"`
	Kind     string         `yaml:"kind"` // what must find the secrets; "" when there are none
	Resource map[string]any `yaml:"resource"`
	SpanName string         `yaml:"span_name"`
	Status   string         `yaml:"status"`
	Span     map[string]any `yaml:"span"`
	Event    map[string]any `yaml:"event"`
	Body     any            `yaml:"body"`
	LogAttrs map[string]any `yaml:"log_attributes"`
	Point    map[string]any `yaml:"point"`
	Secrets  []string       `yaml:"secrets"`
	Keep     []string       `yaml:"keep"`
}

// LoadRegressions reads the hand-labelled cases.
func LoadRegressions(path string) ([]Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rs []regression
	if err := yaml.Unmarshal(data, &rs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cases := make([]Case, 0, len(rs))
	for i, r := range rs {
		if r.Place == "" || (len(r.Secrets) == 0 && len(r.Keep) == 0) {
			return nil, fmt.Errorf("%s: case %d: needs a place and secrets or keep", path, i+1)
		}
		rec := newRecord(Traces)
		switch r.Signal {
		case "", "traces":
		case "logs":
			rec.Signal = Logs
		case "metrics":
			rec.Signal = Metrics
		default:
			return nil, fmt.Errorf("%s: case %d: signal: %q is not traces, logs or metrics", path, i+1, r.Signal)
		}
		merge(rec.Resource, r.Resource)
		merge(rec.Span, r.Span)
		merge(rec.Event, r.Event)
		merge(rec.LogAttrs, r.LogAttrs)
		merge(rec.Point, r.Point)
		rec.SpanName, rec.Status, rec.Body = r.SpanName, r.Status, normalise(r.Body)
		c := Case{ID: 1_000_000 + i, Place: r.Place, Kind: r.Kind, Variant: "regression", Record: rec, Secrets: r.Secrets, Source: "regression: " + r.Source}
		if r.Kind == "" {
			c.Lookalike = "regression"
		}
		for _, k := range r.Keep {
			c.Keep = append(c.Keep, KeepValue{Text: k, Kind: "regression"})
		}
		cases = append(cases, c)
	}
	return cases, nil
}

func merge(dst, src map[string]any) {
	for k, v := range src {
		dst[k] = normalise(v)
	}
}

// normalise turns what YAML decodes into what pcommon.Map.FromRaw takes.
func normalise(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = normalise(e)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = normalise(e)
		}
		return out
	}
	return v
}

func itoa(n int) string { return strconv.Itoa(n) }
