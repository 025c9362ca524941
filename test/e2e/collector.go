package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/otelcol-custom/otelcol-custom/loadtest"
)

// Timeouts shared by every scenario. They bound waits; they never pace a test.
const (
	StartTimeout   = 60 * time.Second
	StopTimeout    = 60 * time.Second
	DeliverTimeout = 60 * time.Second
	PollInterval   = 50 * time.Millisecond
)

// Endpoints are the loopback addresses a started collector listens on. The shipped
// configs read each from the environment variable named in its comment.
type Endpoints struct {
	GRPC        string // OTLP_GRPC_ENDPOINT
	HTTP        string // OTLP_HTTP_ENDPOINT
	HealthCheck string // HEALTH_CHECK_ENDPOINT
	Metrics     string // TELEMETRY_METRICS_PORT (host is 127.0.0.1)
	Pprof       string // PPROF_ENDPOINT
	ZPages      string // ZPAGES_ENDPOINT
}

// Collector is an otelcol-custom process started by a test.
type Collector struct {
	Endpoints Endpoints
	Dir       string // a private folder, also exported to the config as OUTPUT_DIR

	cmd      *exec.Cmd
	output   *syncBuffer
	exited   chan struct{}
	exitErr  error
	stopOnce sync.Once
}

// CollectorOptions tune StartCollector.
type CollectorOptions struct {
	// Env is added to the process environment; it overrides the harness's own endpoints.
	Env map[string]string
	// Args are appended to the command line, for example "--set=..." or a second --config.
	Args []string
	// SkipHealthWait returns as soon as the process started, for configs without health_check.
	SkipHealthWait bool
}

// StartCollector starts binary with the given config file on free loopback ports and
// waits until its health check answers. The process is stopped when the test ends.
// A port found free can be taken by an outgoing connection before the collector binds
// it (both come from the ephemeral range): a start that fails on "address already in
// use" is retried on new ports.
func StartCollector(tb testing.TB, binary, configFile string, opts CollectorOptions) *Collector {
	tb.Helper()
	for attempt := 1; ; attempt++ {
		c := startCollectorOnce(tb, binary, configFile, opts)
		if opts.SkipHealthWait {
			return c
		}
		err := c.waitHealthy()
		if err == nil {
			return c
		}
		_ = c.Stop()
		if attempt == 3 || !strings.Contains(c.Output(), "address already in use") {
			tb.Fatalf("%v:\n%s", err, c.Output())
		}
		tb.Logf("a port was taken before the collector bound it; retrying on new ports")
	}
}

func startCollectorOnce(tb testing.TB, binary, configFile string, opts CollectorOptions) *Collector {
	tb.Helper()
	c := &Collector{
		Endpoints: Endpoints{
			GRPC:        FreeEndpoint(tb),
			HTTP:        FreeEndpoint(tb),
			HealthCheck: FreeEndpoint(tb),
			Metrics:     FreeEndpoint(tb),
			Pprof:       FreeEndpoint(tb),
			ZPages:      FreeEndpoint(tb),
		},
		Dir:    tb.TempDir(),
		output: &syncBuffer{},
		exited: make(chan struct{}),
	}
	env := map[string]string{
		"OTLP_GRPC_ENDPOINT":     c.Endpoints.GRPC,
		"OTLP_HTTP_ENDPOINT":     c.Endpoints.HTTP,
		"HEALTH_CHECK_ENDPOINT":  c.Endpoints.HealthCheck,
		"TELEMETRY_METRICS_PORT": strconv.Itoa(portOf(c.Endpoints.Metrics)),
		"PPROF_ENDPOINT":         c.Endpoints.Pprof,
		"ZPAGES_ENDPOINT":        c.Endpoints.ZPages,
		"OUTPUT_DIR":             c.Dir,
		// The folders the shipped configs write; their defaults, under /var/lib, are the
		// container's, and two tests (or two engineers' runs) must never share one.
		"ERRORKEEP_DIR":     filepath.Join(c.Dir, "errorkeep"),
		"GATEWAY_QUEUE_DIR": filepath.Join(c.Dir, "queue"),
		"QUEUE_DIR":         filepath.Join(c.Dir, "queue"),
	}
	for k, v := range opts.Env {
		env[k] = v
	}
	args := append([]string{"--config", configFile}, opts.Args...)
	c.cmd = exec.Command(binary, args...)
	c.cmd.Env = os.Environ()
	for k, v := range env {
		c.cmd.Env = append(c.cmd.Env, k+"="+v)
	}
	c.cmd.Stdout = c.output
	c.cmd.Stderr = c.output
	if err := c.cmd.Start(); err != nil {
		tb.Fatalf("starting %s: %v", binary, err)
	}
	go func() {
		c.exitErr = c.cmd.Wait()
		close(c.exited)
	}()
	tb.Cleanup(func() {
		if err := c.Stop(); err != nil {
			tb.Logf("collector stop: %v", err)
		}
		if tb.Failed() {
			tb.Logf("collector output:\n%s", c.Output())
		}
	})
	return c
}

func (c *Collector) waitHealthy() error {
	deadline := time.Now().Add(StartTimeout)
	client := &http.Client{Timeout: time.Second}
	for time.Now().Before(deadline) {
		select {
		case <-c.exited:
			return fmt.Errorf("collector exited during start-up (%w)", c.exitErr)
		default:
		}
		resp, err := client.Get("http://" + c.Endpoints.HealthCheck + "/")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(PollInterval)
	}
	return fmt.Errorf("collector not healthy after %s", StartTimeout)
}

// Stop sends SIGTERM and waits for a clean exit, killing the process after
// StopTimeout. It returns the exit error, if any; calling it again is harmless.
func (c *Collector) Stop() error {
	c.Terminate()
	return c.Wait()
}

// Terminate sends SIGTERM, as Kubernetes does to a container it stops, and returns
// at once; Wait (or Stop) waits for the exit.
func (c *Collector) Terminate() {
	c.stopOnce.Do(func() {
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		go func() {
			select {
			case <-c.exited:
			case <-time.After(StopTimeout):
				_ = c.cmd.Process.Kill()
			}
		}()
	})
}

// Wait waits for the process to exit (killed StopTimeout after a Terminate) and
// returns its exit error.
func (c *Collector) Wait() error {
	<-c.exited
	return c.exitErr
}

// Pause stops the process (SIGSTOP), as a stall would (a node under pressure, a
// frozen cgroup): it holds its connections and answers nothing until Resume.
func (c *Collector) Pause(tb testing.TB) {
	tb.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		tb.Fatalf("SIGSTOP: %v", err)
	}
}

// Resume continues a paused process (SIGCONT).
func (c *Collector) Resume(tb testing.TB) {
	tb.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		tb.Fatalf("SIGCONT: %v", err)
	}
}

// Kill ends the process with SIGKILL, as a crash would.
func (c *Collector) Kill() {
	c.stopOnce.Do(func() {
		_ = c.cmd.Process.Kill()
		<-c.exited
	})
}

// Output returns everything the process wrote to stdout and stderr so far.
func (c *Collector) Output() string { return c.output.String() }

// Metrics returns the collector's own metrics in Prometheus text format.
func (c *Collector) Metrics(tb testing.TB) string {
	tb.Helper()
	resp, err := http.Get("http://" + c.Endpoints.Metrics + "/metrics")
	if err != nil {
		tb.Fatalf("scraping own metrics: %v", err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		tb.Fatalf("reading own metrics: %v", err)
	}
	return buf.String()
}

// RunBinary runs the binary with args to completion and returns its combined output.
func RunBinary(binary string, env map[string]string, args ...string) (string, error) {
	cmd := exec.Command(binary, args...)
	cmd.Env = os.Environ()
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return string(out), fmt.Errorf("running %s: %w", binary, err)
	}
	return string(out), err
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Pid is the collector's process ID.
func (c *Collector) Pid() int { return c.cmd.Process.Pid }

// Running reports whether the process has not exited.
func (c *Collector) Running() bool {
	select {
	case <-c.exited:
		return false
	default:
		return true
	}
}

// PeakRSS returns the process's peak resident set size (VmHWM) in bytes.
func (c *Collector) PeakRSS(tb testing.TB) int64 {
	tb.Helper()
	rss, err := loadtest.PeakRSS(c.Pid())
	if err != nil {
		tb.Fatalf("peak RSS: %v", err)
	}
	return rss
}
