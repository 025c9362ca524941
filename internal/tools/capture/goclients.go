package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"time"

	"github.com/XSAM/otelsql"
	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// tracerProvider exports to the sink at endpoint as the named service.
func tracerProvider(ctx context.Context, endpoint, service string) (*sdktrace.TracerProvider, error) {
	exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpoint(endpoint), otlptracehttp.WithInsecure())
	if err != nil {
		return nil, err
	}
	res, err := resource.Merge(resource.Default(), resource.NewSchemaless(semconv.ServiceName(service), semconv.ServiceVersion("1.4.0")))
	if err != nil {
		return nil, err
	}
	return sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res)), nil
}

func flush(ctx context.Context, tp *sdktrace.TracerProvider) error {
	if err := tp.ForceFlush(ctx); err != nil {
		return err
	}
	return tp.Shutdown(ctx)
}

func listen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

// captureHTTP runs an otelhttp server and client: routes with path parameters, a
// query, a POST, a 404 and a 500.
func captureHTTP(ctx context.Context, endpoint string) error {
	tp, err := tracerProvider(ctx, endpoint, "checkout-http")
	if err != nil {
		return err
	}
	prop := propagation.TraceContext{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/orders/{id}", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, `{"status":"shipped"}`) })
	mux.HandleFunc("POST /checkout", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusCreated) })
	mux.HandleFunc("GET /fail", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	ln, err := listen()
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           otelhttp.NewHandler(mux, "checkout", otelhttp.WithTracerProvider(tp), otelhttp.WithPropagators(prop)),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport, otelhttp.WithTracerProvider(tp), otelhttp.WithPropagators(prop)), Timeout: 10 * time.Second}
	base := "http://" + ln.Addr().String()
	for _, r := range []struct{ method, path, body string }{
		{"GET", "/api/v1/orders/ORD-2024-000123?expand=items&page=2", ""},
		{"POST", "/checkout", `{"cart":"c-42"}`},
		{"GET", "/missing", ""},
		{"GET", "/fail", ""},
	} {
		req, err := http.NewRequestWithContext(ctx, r.method, base+r.path, strings.NewReader(r.body))
		if err != nil {
			return err
		}
		req.Header.Set("User-Agent", "checkout-client/1.4.0 (linux; go1.26)")
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}
	return flush(ctx, tp)
}

// captureGRPC runs the standard health service with otelgrpc on both ends.
func captureGRPC(ctx context.Context, endpoint string) error {
	tp, err := tracerProvider(ctx, endpoint, "checkout-grpc")
	if err != nil {
		return err
	}
	ln, err := listen()
	if err != nil {
		return err
	}
	srv := grpc.NewServer(grpc.StatsHandler(otelgrpc.NewServerHandler(otelgrpc.WithTracerProvider(tp))))
	hs := health.NewServer()
	hs.SetServingStatus("checkout.v1.Orders", healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(srv, hs)
	go func() { _ = srv.Serve(ln) }()
	defer srv.Stop()
	conn, err := grpc.NewClient(ln.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler(otelgrpc.WithTracerProvider(tp))))
	if err != nil {
		return err
	}
	defer conn.Close()
	c := healthpb.NewHealthClient(conn)
	if _, err := c.Check(ctx, &healthpb.HealthCheckRequest{Service: "checkout.v1.Orders"}); err != nil {
		return err
	}
	_, _ = c.Check(ctx, &healthpb.HealthCheckRequest{Service: "unknown.Service"}) // NOT_FOUND: an error span
	return flush(ctx, tp)
}

// captureSQL runs statements through otelsql over a driver that accepts every
// statement: what otelsql records does not depend on the database behind it.
func captureSQL(ctx context.Context, endpoint string) error {
	tp, err := tracerProvider(ctx, endpoint, "checkout-sql")
	if err != nil {
		return err
	}
	sql.Register("capture-accept-all", acceptAll{})
	db, err := otelsql.Open("capture-accept-all", "orders", otelsql.WithTracerProvider(tp),
		otelsql.WithAttributes(semconv.DBSystemPostgreSQL), otelsql.WithSpanOptions(otelsql.SpanOptions{DisableErrSkip: true}))
	if err != nil {
		return err
	}
	defer db.Close()
	for _, q := range []string{
		"SELECT id, status, total FROM orders WHERE id = $1",
		"INSERT INTO payments (order_id, amount, currency) VALUES ($1, $2, $3)",
		"UPDATE orders SET status = 'shipped' WHERE id = 42",
	} {
		if _, err := db.ExecContext(ctx, q, 42, 12.5, "EUR"); err != nil && !strings.HasPrefix(q, "SELECT") {
			return err
		}
	}
	rows, err := db.QueryContext(ctx, "SELECT id FROM orders LIMIT 10")
	if err != nil {
		return err
	}
	_ = rows.Close()
	return flush(ctx, tp)
}

// captureRedis starts a real redis-server on a loopback port and runs commands
// through go-redis with redisotel.
func captureRedis(ctx context.Context, endpoint, server string) error {
	if server == "" {
		return errSkipped
	}
	ln, err := listen()
	if err != nil {
		return err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	cmd := exec.CommandContext(ctx, server, "--bind", "127.0.0.1", "--port", fmt.Sprint(port), "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	tp, err := tracerProvider(ctx, endpoint, "checkout-cache")
	if err != nil {
		return err
	}
	rdb := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", port)})
	defer rdb.Close()
	if err := redisotel.InstrumentTracing(rdb, redisotel.WithTracerProvider(tp)); err != nil {
		return err
	}
	deadline := time.Now().Add(10 * time.Second)
	for rdb.Ping(ctx).Err() != nil {
		if time.Now().After(deadline) {
			return fmt.Errorf("redis-server on port %d did not answer", port)
		}
		time.Sleep(50 * time.Millisecond)
	}
	rdb.Set(ctx, "cart:42", `{"items":3}`, time.Hour)
	rdb.Get(ctx, "cart:42")
	rdb.HSet(ctx, "order:42", "status", "shipped", "total", "12.50")
	rdb.Incr(ctx, "orders:count")
	pipe := rdb.Pipeline()
	pipe.LPush(ctx, "queue:emails", "order-42")
	pipe.Expire(ctx, "queue:emails", time.Minute)
	_, _ = pipe.Exec(ctx)
	rdb.Get(ctx, "missing:key") // redis.Nil
	return flush(ctx, tp)
}

// acceptAll is a database/sql driver that accepts every statement and returns
// no rows.
type acceptAll struct{}

func (acceptAll) Open(string) (driver.Conn, error) { return acceptConn{}, nil }

type acceptConn struct{}

func (acceptConn) Prepare(q string) (driver.Stmt, error) { return acceptStmt{}, nil }
func (acceptConn) Close() error                          { return nil }
func (acceptConn) Begin() (driver.Tx, error)             { return acceptTx{}, nil }

type acceptTx struct{}

func (acceptTx) Commit() error   { return nil }
func (acceptTx) Rollback() error { return nil }

type acceptStmt struct{}

func (acceptStmt) Close() error                               { return nil }
func (acceptStmt) NumInput() int                              { return -1 }
func (acceptStmt) Exec([]driver.Value) (driver.Result, error) { return driver.RowsAffected(1), nil }
func (acceptStmt) Query([]driver.Value) (driver.Rows, error)  { return noRows{}, nil }

type noRows struct{}

func (noRows) Columns() []string         { return []string{"id"} }
func (noRows) Close() error              { return nil }
func (noRows) Next([]driver.Value) error { return io.EOF }
