package main

import (
	"compress/gzip"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
)

var errSkipped = errors.New("skipped")

// sink is an OTLP/HTTP traces receiver on the loopback interface that keeps what
// it receives.
type sink struct {
	endpoint string
	srv      *http.Server
	mu       sync.Mutex
	traces   []ptrace.Traces
}

func startSink() (*sink, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &sink{endpoint: ln.Addr().String()}
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/traces", s.handle)
	// Metrics and logs are accepted and dropped: the corpus plants into spans.
	mux.HandleFunc("/v1/metrics", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("/v1/logs", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * 1e9}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

func (s *sink) handle(w http.ResponseWriter, r *http.Request) {
	var body io.Reader = r.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body = gz
	}
	data, err := io.ReadAll(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	req := ptraceotlp.NewExportRequest()
	if strings.Contains(r.Header.Get("Content-Type"), "json") {
		err = req.UnmarshalJSON(data)
	} else {
		err = req.UnmarshalProto(data)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.traces = append(s.traces, req.Traces())
	s.mu.Unlock()
	resp, _ := ptraceotlp.NewExportResponse().MarshalProto()
	w.Header().Set("Content-Type", "application/x-protobuf")
	_, _ = w.Write(resp)
}

func (s *sink) reset() {
	s.mu.Lock()
	s.traces = nil
	s.mu.Unlock()
}

func (s *sink) received() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, td := range s.traces {
		n += td.SpanCount()
	}
	return n
}

func (s *sink) close() { _ = s.srv.Close() }

// distinct returns one span per shape (service, scope, span name, kind, status,
// attribute keys),
// at most n, in a stable order, with IDs and timestamps as they came.
func (s *sink) distinct(n int) ptrace.Traces {
	s.mu.Lock()
	defer s.mu.Unlock()
	type entry struct {
		key  string
		res  pcommon.Resource
		sc   pcommon.InstrumentationScope
		span ptrace.Span
	}
	seen := map[string]bool{}
	var entries []entry
	for _, td := range s.traces {
		for i := 0; i < td.ResourceSpans().Len(); i++ {
			rs := td.ResourceSpans().At(i)
			svc, _ := rs.Resource().Attributes().Get("service.name")
			for j := 0; j < rs.ScopeSpans().Len(); j++ {
				ss := rs.ScopeSpans().At(j)
				for k := 0; k < ss.Spans().Len(); k++ {
					sp := ss.Spans().At(k)
					var keys []string
					sp.Attributes().Range(func(k string, _ pcommon.Value) bool { keys = append(keys, k); return true })
					sort.Strings(keys)
					key := svc.AsString() + "|" + ss.Scope().Name() + "|" + sp.Name() + "|" + sp.Kind().String() + "|" +
						sp.Status().Code().String() + "|" + strings.Join(keys, ",")
					if seen[key] {
						continue
					}
					seen[key] = true
					entries = append(entries, entry{key, rs.Resource(), ss.Scope(), sp})
				}
			}
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	out := ptrace.NewTraces()
	for _, e := range entries[:min(n, len(entries))] {
		rs := out.ResourceSpans().AppendEmpty()
		e.res.CopyTo(rs.Resource())
		ss := rs.ScopeSpans().AppendEmpty()
		e.sc.CopyTo(ss.Scope())
		e.span.CopyTo(ss.Spans().AppendEmpty())
	}
	return out
}

// writeJSON writes td as one line of OTLP JSON, as the file exporter does.
func writeJSON(path string, td ptrace.Traces) error {
	var m ptrace.JSONMarshaler
	data, err := m.MarshalTraces(td)
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644) //nolint:gosec // G306: testdata, committed and read by everyone
}
