package loadtest

import (
	"context"
	"fmt"
	"net"
	"sync/atomic"

	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"google.golang.org/grpc"
	// The collector's OTLP exporter compresses with gzip by default.
	_ "google.golang.org/grpc/encoding/gzip"
)

// Sink is a counting OTLP/gRPC trace receiver standing in for a backend. It keeps
// nothing but counts, so that it costs the load generator's core as little as possible.
type Sink struct {
	ptraceotlp.UnimplementedGRPCServer

	Endpoint string
	spans    [classCount + 1]atomic.Int64 // per TraceClass; the last slot is unclassified spans
	server   *grpc.Server
	done     chan struct{}
}

// StartSink listens on a free loopback port.
func StartSink() (*Sink, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("sink: %w", err)
	}
	s := &Sink{
		Endpoint: lis.Addr().String(),
		server:   grpc.NewServer(grpc.MaxRecvMsgSize(64 << 20)),
		done:     make(chan struct{}),
	}
	ptraceotlp.RegisterGRPCServer(s.server, s)
	go func() {
		defer close(s.done)
		_ = s.server.Serve(lis)
	}()
	return s, nil
}

// Export counts the spans of one request by the class their trace ID carries.
func (s *Sink) Export(_ context.Context, req ptraceotlp.ExportRequest) (ptraceotlp.ExportResponse, error) {
	var counts [classCount + 1]int64
	rss := req.Traces().ResourceSpans()
	for i := range rss.Len() {
		sss := rss.At(i).ScopeSpans()
		for j := range sss.Len() {
			spans := sss.At(j).Spans()
			for k := range spans.Len() {
				if c, ok := ClassOf(spans.At(k).TraceID()); ok {
					counts[c]++
				} else {
					counts[classCount]++
				}
			}
		}
	}
	for i, n := range counts {
		if n != 0 {
			s.spans[i].Add(n)
		}
	}
	return ptraceotlp.NewExportResponse(), nil
}

// Received returns the spans received so far, in total and per class.
func (s *Sink) Received() (total int64, perClass [classCount]int64) {
	for i := range perClass {
		perClass[i] = s.spans[i].Load()
		total += perClass[i]
	}
	return total + s.spans[classCount].Load(), perClass
}

// Stop closes the listener and every connection; it is safe to call twice.
func (s *Sink) Stop() {
	s.server.Stop()
	<-s.done
}
