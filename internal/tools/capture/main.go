// Command capture records what real instrumentations send, for piiredact's
// evaluation corpus (processor/piiredact/internal/eval/testdata/shapes): it runs
// instrumented clients and servers on the loopback interface, receives their OTLP
// in a sink of its own, and writes each source's distinct span shapes as OTLP JSON.
//
//	go run . -out ../../../processor/piiredact/internal/eval/testdata/shapes \
//	    -redis-server /usr/bin/redis-server -hotrod ../../../bin/hotrod -node node
//
// `make capture-shapes` runs it so. Sources: Go's net/http (otelhttp), gRPC
// (otelgrpc), database/sql (XSAM/otelsql) and Redis (redisotel, against a real
// redis-server) instrumentations; the Node.js auto-instrumentations (node/app.js);
// Jaeger's HotROD. Each is bounded in time; every process it starts, it stops.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"
)

func main() {
	out := flag.String("out", "", "folder the shapes are written to (required)")
	redisServer := flag.String("redis-server", "redis-server", "redis-server binary; \"\" skips the Redis capture")
	hotrod := flag.String("hotrod", "", "HotROD binary (make build-hotrod); \"\" skips it")
	node := flag.String("node", "node", "node binary for the Node.js capture; \"\" skips it")
	perSource := flag.Int("max-shapes", 60, "distinct span shapes kept per source")
	flag.Parse()
	if *out == "" {
		log.Fatal("-out is required")
	}
	if err := os.MkdirAll(*out, 0o750); err != nil {
		log.Fatal(err)
	}
	if err := run(*out, *redisServer, *hotrod, *node, *perSource); err != nil {
		log.Fatal(err)
	}
}

// run captures every source into out, bounded to five minutes in all.
func run(out, redisServer, hotrod, node string, perSource int) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	sink, err := startSink()
	if err != nil {
		return err
	}
	defer sink.close()

	captures := []struct {
		name string
		run  func(ctx context.Context, endpoint string) error
	}{
		{"go-otelhttp", captureHTTP},
		{"go-otelgrpc", captureGRPC},
		{"go-otelsql", captureSQL},
		{"go-redisotel", func(ctx context.Context, ep string) error { return captureRedis(ctx, ep, redisServer) }},
		{"node-auto-instrumentations", func(ctx context.Context, ep string) error { return captureNode(ctx, ep, node) }},
		{"hotrod", func(ctx context.Context, ep string) error { return captureHotROD(ctx, ep, hotrod) }},
	}
	for _, c := range captures {
		sink.reset()
		if err := c.run(ctx, sink.endpoint); err != nil {
			if errors.Is(err, errSkipped) {
				log.Printf("%s: skipped", c.name)
				continue
			}
			return fmt.Errorf("%s: %w", c.name, err)
		}
		shapes := sink.distinct(perSource)
		if shapes.SpanCount() == 0 {
			return fmt.Errorf("%s: no spans arrived", c.name)
		}
		path := filepath.Join(out, c.name+".json")
		if err := writeJSON(path, shapes); err != nil {
			return err
		}
		fmt.Printf("%s: %d spans received, %d distinct shapes written to %s\n", c.name, sink.received(), shapes.SpanCount(), path)
	}
	return nil
}
