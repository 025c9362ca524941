package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// captureNode runs node/app.js (an HTTP server and client, the official
// auto-instrumentations registered by @opentelemetry/auto-instrumentations-node)
// with its exporter pointed at the sink. `npm ci` in node/ installs its pinned
// packages first.
func captureNode(ctx context.Context, endpoint, node string) error {
	if node == "" {
		return errSkipped
	}
	dir, err := filepath.Abs("node")
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		return fmt.Errorf("node/node_modules is missing: run npm ci in %s (make capture-shapes does)", dir)
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--require", "./instrument.js", "app.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"OTEL_EXPORTER_OTLP_ENDPOINT=http://"+endpoint,
		"OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
		"OTEL_SERVICE_NAME=storefront-node",
		"OTEL_METRICS_EXPORTER=none",
		"OTEL_LOGS_EXPORTER=none",
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%w\n%s", err, out.String())
	}
	return nil
}

// captureHotROD runs Jaeger's HotROD (four services on the OTel Go SDK) and
// dispatches a few rides, as test/e2e/hotrod_test.go does.
func captureHotROD(ctx context.Context, endpoint, binary string) error {
	if binary == "" {
		return errSkipped
	}
	ports := map[string]string{}
	args := []string{"all", "--otel-exporter", "otlp"}
	for _, svc := range []string{"frontend", "customer", "driver", "route"} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		ports[svc] = strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
		_ = ln.Close()
		args = append(args, "--"+svc+"-service-port", ports[svc], "--"+svc+"-service-hostname", "127.0.0.1")
	}
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), "OTEL_EXPORTER_OTLP_ENDPOINT=http://"+endpoint, "OTEL_EXPORTER_OTLP_INSECURE=true")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return err
	}
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}
	defer stop()
	frontend := "http://127.0.0.1:" + ports["frontend"]
	client := &http.Client{Timeout: 30 * time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, frontend+"/config", nil)
		if resp, err := client.Do(req); err == nil {
			_ = resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("HotROD's frontend did not answer\n%s", out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	for i, customer := range []string{"123", "392", "567", "731", "999"} {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/dispatch?customer=%s&nonse=%d", frontend, customer, i), nil)
		resp, err := client.Do(req)
		if err != nil {
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}
	stop() // its SDKs export what they hold on the way out
	return nil
}
