package image

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

const (
	// podNetwork gives each test pod a network namespace of its own, as a Kubernetes
	// pod has: its containers share it and listen in it as the manifests say, and only
	// the ports published on 127.0.0.1 reach it from the host.
	podNetwork = "slirp4netns:allow_host_loopback=true"
	// hostFromPod is the host's loopback seen from a pod: slirp4netns with
	// allow_host_loopback maps 10.0.2.2 to 127.0.0.1, so the stand-in backends listen on
	// loopback only.
	hostFromPod = "10.0.2.2"
	// commandTimeout bounds one podman command.
	commandTimeout = 3 * time.Minute
)

// podman runs one podman command with Debian's runc as the OCI runtime (README, "The
// image") and returns its standard output, trimmed.
func podman(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "podman", append([]string{"--runtime", "runc"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		hint := ""
		if strings.Contains(stderr.String(), "rlimit") {
			hint = "\n(run test/image/podman-setup.sh once: README, \"The image\")"
		}
		return stdout.String(), fmt.Errorf("podman %s: %w\n%s%s", strings.Join(args, " "), err, stderr.String(), hint)
	}
	return strings.TrimSpace(stdout.String()), nil
}

func mustPodman(tb testing.TB, args ...string) string {
	tb.Helper()
	out, err := podman(args...)
	require.NoError(tb, err)
	return out
}

var unsafeName = regexp.MustCompile(`[^a-zA-Z0-9_.-]+`)

// uniqueName names a pod or container after the test, unique on the machine.
func uniqueName(tb testing.TB, what string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	name := unsafeName.ReplaceAllString(tb.Name(), "-")
	if len(name) > 30 { // a pod's name is its hostname: at most 64 characters
		name = name[:30]
	}
	return strings.ToLower(fmt.Sprintf("otelcol-image-%s-%s-%s", what, name, hex.EncodeToString(b[:])))
}

// pod is a Kubernetes pod run by podman: one network namespace, the pod's volumes as
// host folders, its ports published on 127.0.0.1.
type pod struct {
	name    string
	spec    corev1.PodSpec
	volumes map[string]string // the pod's volumes by name: host folders
	ports   map[int32]string  // container port: 127.0.0.1:port on the host
}

// startPod creates and starts a pod for spec, publishing every port its containers
// declare and extraPorts. ConfigMap volumes hold the files of the ConfigMap of that
// name under deploy/; emptyDir volumes are empty folders as the kubelet makes them.
func startPod(t *testing.T, spec corev1.PodSpec, configMaps map[string]*corev1.ConfigMap, extraPorts ...int32) *pod {
	t.Helper()
	p := &pod{name: uniqueName(t, "pod"), spec: spec, volumes: map[string]string{}, ports: map[int32]string{}}
	root := t.TempDir()
	for _, v := range spec.Volumes {
		dir := filepath.Join(root, v.Name)
		require.NoError(t, os.Mkdir(dir, 0o755))
		switch {
		case v.EmptyDir != nil:
			require.Empty(t, v.EmptyDir.Medium, "volume %s: an emptyDir in memory is not run by the image tests", v.Name)
			// The kubelet makes an emptyDir world-writable; with an fsGroup, it belongs to
			// that group, setgid.
			mode := os.FileMode(0o777)
			if spec.SecurityContext != nil && spec.SecurityContext.FSGroup != nil {
				require.NoError(t, os.Chown(dir, -1, int(*spec.SecurityContext.FSGroup)))
				mode |= os.ModeSetgid
			}
			require.NoError(t, os.Chmod(dir, mode))
		case v.ConfigMap != nil:
			cm, ok := configMaps[v.ConfigMap.Name]
			require.True(t, ok, "volume %s: no ConfigMap %s under deploy/", v.Name, v.ConfigMap.Name)
			require.Empty(t, v.ConfigMap.Items, "volume %s: ConfigMap items are not run by the image tests", v.Name)
			for key, data := range cm.Data {
				require.NoError(t, os.WriteFile(filepath.Join(dir, key), []byte(data), 0o644))
			}
		default:
			t.Fatalf("volume %s: only emptyDir and configMap volumes are run by the image tests", v.Name)
		}
		p.volumes[v.Name] = dir
	}
	publish := extraPorts
	for _, c := range append(slices.Clone(spec.InitContainers), spec.Containers...) {
		for _, port := range c.Ports {
			publish = append(publish, port.ContainerPort)
		}
	}
	args := []string{"pod", "create", "--name", p.name, "--network", podNetwork}
	for _, port := range publish {
		args = append(args, "--publish", fmt.Sprintf("127.0.0.1::%d", port))
	}
	mustPodman(t, args...)
	t.Cleanup(func() {
		if _, err := podman("pod", "rm", "--force", p.name); err != nil {
			t.Logf("removing pod: %v", err)
		}
	})
	mustPodman(t, "pod", "start", p.name)
	infra := mustPodman(t, "pod", "inspect", p.name, "--format", "{{.InfraContainerID}}")
	for _, port := range publish {
		host := mustPodman(t, "port", infra, fmt.Sprintf("%d/tcp", port))
		require.True(t, strings.HasPrefix(host, "127.0.0.1:"), "port %d published on %q", port, host)
		p.ports[port] = host
	}
	return p
}

// container is one container started in a pod.
type container struct {
	pod      *pod
	name     string
	settings runSettings
	// StartedIn is the time from `podman run` to the first passing readiness probe.
	StartedIn time.Duration
}

// run starts image in the pod with the settings of container spec c (its manifest's),
// override replacing environment values, and waits until its readiness probe passes.
func (p *pod) run(t *testing.T, image string, c corev1.Container, override map[string]string) *container {
	t.Helper()
	s, err := podmanSettings(p.spec, c, p.volumes, imageUser(t, image), override)
	require.NoError(t, err)
	ctr := &container{pod: p, name: uniqueName(t, c.Name), settings: s}
	args := append([]string{"run", "--detach", "--pull=never", "--pod", p.name, "--name", ctr.name}, s.flags...)
	args = append(append(args, image), s.args...)
	begin := time.Now()
	mustPodman(t, args...)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("container %s output:\n%s", ctr.name, ctr.logs())
		}
		_, _ = podman("rm", "--force", ctr.name)
	})
	if s.healthPort != 0 {
		ctr.waitHealthy(t)
		ctr.StartedIn = time.Since(begin)
	}
	return ctr
}

// runImage starts image in the pod as `podman run` would with no settings of a
// manifest: the image's own user, entrypoint and command (args replace the command),
// flags added, and waits until the health check on 13133 answers.
func (p *pod) runImage(t *testing.T, image string, flags []string, args ...string) *container {
	t.Helper()
	ctr := &container{pod: p, name: uniqueName(t, "image"), settings: runSettings{
		healthPath: "/", healthPort: 13133, grace: 30 * time.Second,
	}}
	run := append([]string{"run", "--detach", "--pull=never", "--pod", p.name, "--name", ctr.name}, flags...)
	run = append(append(run, image), args...)
	begin := time.Now()
	mustPodman(t, run...)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("container %s output:\n%s", ctr.name, ctr.logs())
		}
		_, _ = podman("rm", "--force", "--volumes", ctr.name)
	})
	ctr.waitHealthy(t)
	ctr.StartedIn = time.Since(begin)
	return ctr
}

// readFile copies a file out of the container (running or not) and returns it; a file
// that does not exist yet is empty.
func (c *container) readFile(t *testing.T, path string) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := podman("cp", c.name+":"+path, dir); err != nil {
		return ""
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.Base(path)))
	require.NoError(t, err)
	return string(b)
}

// waitHealthy polls the readiness probe through the published port until it passes.
func (c *container) waitHealthy(t *testing.T) {
	t.Helper()
	host, ok := c.pod.ports[c.settings.healthPort]
	require.True(t, ok, "port %d is not published", c.settings.healthPort)
	url := "http://" + host + c.settings.healthPath
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(e2e.StartTimeout)
	for polls := 0; time.Now().Before(deadline); polls++ {
		if resp, err := client.Get(url); err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if polls%20 == 19 && !c.running(t) {
			t.Fatalf("container %s exited during start-up:\n%s", c.name, c.logs())
		}
		time.Sleep(e2e.PollInterval)
	}
	t.Fatalf("container %s: %s did not pass within %s:\n%s", c.name, url, e2e.StartTimeout, c.logs())
}

func (c *container) running(t *testing.T) bool {
	return mustPodman(t, "inspect", c.name, "--format", "{{.State.Running}}") == "true"
}

// exitCode waits for the container to exit and returns its exit code.
func (c *container) exitCode(t *testing.T) int {
	t.Helper()
	out := mustPodman(t, "wait", c.name)
	code, err := strconv.Atoi(out)
	require.NoError(t, err, "podman wait: %q", out)
	return code
}

// Kill sends SIGKILL, as an OOM kill or a crash would end the process.
func (c *container) Kill(t *testing.T) int {
	t.Helper()
	mustPodman(t, "kill", "--signal", "KILL", c.name)
	return c.exitCode(t)
}

// Stop stops the container as the kubelet does: the preStop sleep, then SIGTERM, and
// SIGKILL when the rest of the grace period has passed. It returns the exit code and
// how long the stop took from SIGTERM.
func (c *container) Stop(t *testing.T) (int, time.Duration) {
	t.Helper()
	time.Sleep(c.settings.preStop)
	timeout := int((c.settings.grace - c.settings.preStop).Seconds())
	begin := time.Now()
	mustPodman(t, "stop", "--time", strconv.Itoa(timeout), c.name)
	took := time.Since(begin)
	return c.exitCode(t), took
}

// logs returns what the container wrote to stdout and stderr.
func (c *container) logs() string {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, "podman", "logs", c.name).CombinedOutput()
	if err != nil {
		return fmt.Sprintf("(podman logs: %v) %s", err, out)
	}
	return string(out)
}

// process returns the user, group and effective capabilities of the container's
// process as the kernel sees them (podman top reads /proc).
func (c *container) process(t *testing.T) (user, group, caps string) {
	t.Helper()
	out := mustPodman(t, "top", c.name, "user", "group", "capeff")
	lines := strings.Split(out, "\n")
	require.Len(t, lines, 2, "one process in the container:\n%s", out)
	f := strings.Fields(lines[1])
	require.Len(t, f, 3, out)
	return f[0], f[1], f[2]
}

// metrics scrapes the collector's own metrics through the published metrics port.
func (c *container) metrics(tb testing.TB) string {
	tb.Helper()
	host, ok := c.pod.ports[8888]
	require.True(tb, ok, "the metrics port is not published")
	resp, err := http.Get("http://" + host + "/metrics")
	require.NoError(tb, err)
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	require.NoError(tb, err)
	return buf.String()
}

// imageUser returns the image's USER.
func imageUser(tb testing.TB, image string) string {
	return mustPodman(tb, "image", "inspect", image, "--format", "{{.Config.User}}")
}

// eventually polls cond until it reports done, failing after timeout with what it said
// last (e2e.Eventually formats its message once, before polling).
func eventually(t *testing.T, timeout time.Duration, cond func() (done bool, state string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		done, state := cond()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s: %s", timeout, state)
		}
		time.Sleep(e2e.PollInterval)
	}
}

// fromPod rewrites a loopback endpoint of the host as a pod reaches it.
func fromPod(endpoint string) string {
	return strings.Replace(endpoint, "127.0.0.1", hostFromPod, 1)
}
