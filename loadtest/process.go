package loadtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// collector is one collector process under test.
type collector struct {
	cmd     *exec.Cmd
	output  *lockedBuffer
	exited  chan struct{}
	exitErr error
	health  string
	once    sync.Once
}

// startCollector starts binary with args and env. When cpus is not empty the process is
// started through taskset, which execs the binary: the PID is the collector's own.
func startCollector(binary string, args []string, env map[string]string, cpus string) (*collector, error) {
	argv := append([]string{binary}, args...)
	if cpus != "" {
		argv = append([]string{"taskset", "-c", cpus}, argv...)
	}
	c := &collector{output: &lockedBuffer{}, exited: make(chan struct{}), health: env["HEALTH_CHECK_ENDPOINT"]}
	c.cmd = exec.Command(argv[0], argv[1:]...)
	c.cmd.Env = os.Environ()
	for k, v := range env {
		c.cmd.Env = append(c.cmd.Env, k+"="+v)
	}
	c.cmd.Stdout = c.output
	c.cmd.Stderr = c.output
	if err := c.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", binary, err)
	}
	go func() {
		c.exitErr = c.cmd.Wait()
		close(c.exited)
	}()
	return c, nil
}

func (c *collector) pid() int { return c.cmd.Process.Pid }

// waitHealthy polls the health check until it answers 200, the process exits, or ctx ends.
func (c *collector) waitHealthy(ctx context.Context) error {
	client := &http.Client{Timeout: time.Second}
	for {
		resp, err := client.Get("http://" + c.health + "/")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-c.exited:
			return fmt.Errorf("collector exited during start-up: %w\n%s", c.exitErr, lastLines([]byte(c.output.String()), 30))
		case <-ctx.Done():
			return fmt.Errorf("collector not healthy: %w\n%s", ctx.Err(), lastLines([]byte(c.output.String()), 30))
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// stop sends SIGTERM and waits up to timeout, then kills. Safe to call more than once.
func (c *collector) stop(timeout time.Duration) error {
	var err error
	c.once.Do(func() {
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-c.exited:
			var exitErr *exec.ExitError
			if errors.As(c.exitErr, &exitErr) {
				err = fmt.Errorf("collector exited with %w", c.exitErr)
			}
		case <-time.After(timeout):
			_ = c.cmd.Process.Kill()
			<-c.exited
			err = fmt.Errorf("collector did not stop within %s; killed", timeout)
		}
	})
	return err
}

// freeEndpoint returns a loopback address with a port free at the time of the call.
func freeEndpoint() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func lastLines(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
