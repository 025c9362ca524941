package e2e

import (
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// process is a program other than otelcol-custom that a test runs (Jaeger,
// Prometheus), listening on loopback only. It is stopped by its PID when the test
// ends: SIGTERM, then SIGKILL after StopTimeout.
type process struct {
	name   string
	output syncBuffer
	exited chan struct{}
}

// binaryFromEnv returns the binary named by the environment variable env, which
// `make test` sets after building it with makeTarget. Without it the test is skipped,
// or fails under CI, where skipping would hide a missing build step.
func binaryFromEnv(t *testing.T, env, makeTarget string) string {
	t.Helper()
	binary := os.Getenv(env)
	if binary == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set; run the suite with `make test`", env)
		}
		t.Skipf("%s is not set; `make test` builds it (make %s) and sets it", env, makeTarget)
	}
	return binary
}

// startProcess starts binary with args; its output is shown if the test fails.
func startProcess(t *testing.T, name, binary string, args ...string) *process {
	t.Helper()
	p := &process{name: name, exited: make(chan struct{})}
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = &p.output, &p.output
	require.NoError(t, cmd.Start(), "starting %s", name)
	go func() { _ = cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.exited:
		case <-time.After(StopTimeout):
			_ = cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("%s output:\n%s", name, p.output.String())
		}
	})
	return p
}
