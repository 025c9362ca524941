package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// Shape is one span as a real instrumentation recorded it (captured by
// internal/tools/capture): its resource, scope and attributes. The corpus plants
// values into copies of these, so that every case also carries what real
// telemetry carries around personal data, all of which must arrive unchanged.
type Shape struct {
	Source   string // the capture it came from, e.g. "go-otelhttp"
	Resource map[string]any
	Scope    map[string]any
	Span     map[string]any
	SpanName string
}

// apply lays the shape under r and returns its string values, which must survive.
func (s *Shape) apply(r *Record) []KeepValue {
	var keep []KeepValue
	for k, v := range s.Resource {
		r.Resource[k] = v
	}
	for k, v := range s.Scope {
		r.Scope[k] = v
	}
	keep = appendKeep(keep, s.Resource)
	keep = appendKeep(keep, s.Scope)
	switch r.Signal {
	case Traces:
		for k, v := range s.Span {
			r.Span[k] = v
		}
		r.SpanName = s.SpanName
		keep = appendKeep(keep, s.Span)
		keep = append(keep, KeepValue{Text: s.SpanName, Kind: "background", Whole: true})
	case Logs:
		// A log record written inside the span carries its route and status.
		for _, k := range []string{"http.route", "http.request.method", "rpc.method", "db.system"} {
			if v, ok := s.Span[k]; ok {
				r.LogAttrs[k] = v
			}
		}
		keep = appendKeep(keep, r.LogAttrs)
	case Metrics:
		// The http.server.request.duration point's attributes.
		for _, k := range []string{"http.route", "http.request.method", "http.response.status_code", "server.address", "server.port", "network.protocol.version", "rpc.method", "rpc.service", "db.system"} {
			if v, ok := s.Span[k]; ok {
				r.Point[k] = v
			}
		}
		keep = appendKeep(keep, r.Point)
	}
	return keep
}

func appendKeep(keep []KeepValue, m map[string]any) []KeepValue {
	for _, v := range m {
		switch t := v.(type) {
		case string:
			keep = append(keep, KeepValue{Text: t, Kind: "background", Whole: true})
		case []any:
			for _, e := range t {
				if s, ok := e.(string); ok {
					keep = append(keep, KeepValue{Text: s, Kind: "background", Whole: true})
				}
			}
		}
	}
	return keep
}

// LoadShapes reads every captured trace file (OTLP JSON, one ExportTraceServiceRequest
// per line, as the file exporter writes it) under dir.
func LoadShapes(dir string) ([]Shape, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var shapes []Shape
	var u ptrace.JSONUnmarshaler
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		source := strings.TrimSuffix(filepath.Base(f), ".json")
		for n, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			td, err := u.UnmarshalTraces([]byte(line))
			if err != nil {
				return nil, fmt.Errorf("%s line %d: %w", f, n+1, err)
			}
			shapes = appendShapes(shapes, source, td)
		}
	}
	return shapes, nil
}

func appendShapes(shapes []Shape, source string, td ptrace.Traces) []Shape {
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		res := rs.Resource().Attributes().AsRaw()
		for j := 0; j < rs.ScopeSpans().Len(); j++ {
			ss := rs.ScopeSpans().At(j)
			scope := ss.Scope().Attributes().AsRaw()
			for k := 0; k < ss.Spans().Len(); k++ {
				sp := ss.Spans().At(k)
				shapes = append(shapes, Shape{Source: source, Resource: res, Scope: scope, Span: sp.Attributes().AsRaw(), SpanName: sp.Name()})
			}
		}
	}
	return shapes
}

// rawToMap is pcommon.Map.FromRaw with the error a corpus cannot have turned into
// a panic: every value the corpus builds is a string, a number, a bool, an array
// or a map.
func rawToMap(m pcommon.Map, raw map[string]any) {
	if err := m.FromRaw(raw); err != nil {
		panic(err)
	}
}
