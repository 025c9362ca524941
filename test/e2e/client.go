package e2e

import (
	"context"
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/plog/plogotlp"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/pdata/ptrace/ptraceotlp"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploggrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetricgrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Protocol selects the OTLP transport a client uses.
type Protocol string

const (
	GRPC Protocol = "grpc"
	HTTP Protocol = "http"
)

// NewTracerProvider returns an SDK tracer provider exporting over OTLP to endpoint,
// as an instrumented service would. Spans are exported synchronously on End so a
// test knows what was sent; Shutdown is registered with the test.
func NewTracerProvider(tb testing.TB, protocol Protocol, endpoint, serviceName string) *sdktrace.TracerProvider {
	tb.Helper()
	ctx := context.Background()
	var (
		exp *otlptrace.Exporter
		err error
	)
	switch protocol {
	case HTTP:
		exp, err = otlptracehttp.New(ctx, otlptracehttp.WithEndpoint(endpoint), otlptracehttp.WithInsecure())
	default:
		exp, err = otlptracegrpc.New(ctx, otlptracegrpc.WithEndpoint(endpoint), otlptracegrpc.WithInsecure())
	}
	if err != nil {
		tb.Fatalf("OTLP trace exporter: %v", err)
	}
	tp := sdktrace.NewTracerProvider(
		sdktrace.WithResource(resource.NewSchemaless(semconv.ServiceName(serviceName))),
		sdktrace.WithSyncer(exp),
	)
	tb.Cleanup(func() { shutdownWithin(tb, tp.Shutdown) })
	return tp
}

// NewLoggerProvider returns an SDK logger provider exporting over OTLP/gRPC.
func NewLoggerProvider(tb testing.TB, endpoint, serviceName string) *sdklog.LoggerProvider {
	tb.Helper()
	exp, err := otlploggrpc.New(context.Background(), otlploggrpc.WithEndpoint(endpoint), otlploggrpc.WithInsecure())
	if err != nil {
		tb.Fatalf("OTLP log exporter: %v", err)
	}
	lp := sdklog.NewLoggerProvider(
		sdklog.WithResource(resource.NewSchemaless(semconv.ServiceName(serviceName))),
		sdklog.WithProcessor(sdklog.NewSimpleProcessor(exp)),
	)
	tb.Cleanup(func() { shutdownWithin(tb, lp.Shutdown) })
	return lp
}

// NewMeterProvider returns an SDK meter provider exporting over OTLP/gRPC when
// ForceFlush is called (the periodic reader's interval is long on purpose).
func NewMeterProvider(tb testing.TB, endpoint, serviceName string) *sdkmetric.MeterProvider {
	tb.Helper()
	exp, err := otlpmetricgrpc.New(context.Background(), otlpmetricgrpc.WithEndpoint(endpoint), otlpmetricgrpc.WithInsecure())
	if err != nil {
		tb.Fatalf("OTLP metric exporter: %v", err)
	}
	mp := sdkmetric.NewMeterProvider(
		sdkmetric.WithResource(resource.NewSchemaless(semconv.ServiceName(serviceName))),
		sdkmetric.WithReader(sdkmetric.NewPeriodicReader(exp, sdkmetric.WithInterval(time.Hour))),
	)
	tb.Cleanup(func() { shutdownWithin(tb, mp.Shutdown) })
	return mp
}

// SendTraces sends a ready-made payload over OTLP/gRPC and returns the export error.
// Use it for payloads the SDK cannot produce (exact attributes, fixed IDs, hostile input).
func SendTraces(ctx context.Context, endpoint string, td ptrace.Traces) error {
	conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = ptraceotlp.NewGRPCClient(conn).Export(ctx, ptraceotlp.NewExportRequestFromTraces(td))
	return err
}

// SendLogs sends a ready-made logs payload over OTLP/gRPC.
func SendLogs(ctx context.Context, endpoint string, ld plog.Logs) error {
	conn, err := grpc.NewClient(endpoint, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = plogotlp.NewGRPCClient(conn).Export(ctx, plogotlp.NewExportRequestFromLogs(ld))
	return err
}

func shutdownWithin(tb testing.TB, shutdown func(context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := shutdown(ctx); err != nil {
		tb.Logf("SDK shutdown: %v", err)
	}
}

// Eventually polls cond until it is true or timeout passes, then fails with msg.
func Eventually(tb testing.TB, timeout time.Duration, cond func() bool, msg string, args ...any) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %s: "+msg, append([]any{timeout}, args...)...)
		}
		time.Sleep(PollInterval)
	}
}
