package image

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

// shippedImage is the image every manifest runs; the tests run theirs in its place.
const shippedImage = "ghcr.io/otelcol-custom/otelcol-custom:0.1.0"

// deployed is what the manifests under deploy/ define that a pod needs.
type deployed struct {
	deployments map[string]*appsv1.Deployment // by file, relative to deploy/
	configMaps  map[string]*corev1.ConfigMap  // by name
}

// readDeployed parses every Deployment and ConfigMap under deploy/, strictly.
func readDeployed(t *testing.T) deployed {
	t.Helper()
	d := deployed{deployments: map[string]*appsv1.Deployment{}, configMaps: map[string]*corev1.ConfigMap{}}
	root := filepath.Join(e2e.RepoRoot(), "deploy")
	err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		for {
			var doc map[string]any
			if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			kind, _ := doc["kind"].(string)
			if kind != "Deployment" && kind != "ConfigMap" {
				continue
			}
			encoded, err := yaml.Marshal(doc)
			if err != nil {
				return err
			}
			switch kind {
			case "Deployment":
				var dep appsv1.Deployment
				if err := sigsyaml.UnmarshalStrict(encoded, &dep); err != nil {
					return fmt.Errorf("%s: %w", rel, err)
				}
				d.deployments[rel] = &dep
			case "ConfigMap":
				var cm corev1.ConfigMap
				if err := sigsyaml.UnmarshalStrict(encoded, &cm); err != nil {
					return fmt.Errorf("%s: %w", rel, err)
				}
				d.configMaps[cm.Name] = &cm
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, d.deployments)
	return d
}

// deployment returns the Deployment in file (relative to deploy/) and its collector
// container: the one that runs the shipped image.
func (d deployed) deployment(t *testing.T, file string) (corev1.PodSpec, corev1.Container) {
	t.Helper()
	dep, ok := d.deployments[file]
	require.True(t, ok, "no Deployment in deploy/%s", file)
	collectors := collectorContainers(dep.Spec.Template.Spec)
	require.Len(t, collectors, 1, "deploy/%s: one container of %s", file, shippedImage)
	return dep.Spec.Template.Spec, collectors[0]
}

// collectorContainers returns the containers of pod that run the shipped image: native
// sidecars (init containers with restartPolicy Always) first, as the kubelet starts them.
func collectorContainers(pod corev1.PodSpec) []corev1.Container {
	var out []corev1.Container
	for _, c := range append(slices.Clone(pod.InitContainers), pod.Containers...) {
		if c.Image == shippedImage {
			out = append(out, c)
		}
	}
	return out
}

// runSettings is how one container of a manifest runs under podman: the flags, and
// what the harness does in the kubelet's place.
type runSettings struct {
	flags      []string // podman run flags, from the container and its pod
	args       []string // the container's args, after the image
	env        map[string]string
	healthPath string        // the readiness probe's httpGet path
	healthPort int32         // and its container port
	grace      time.Duration // terminationGracePeriodSeconds
	preStop    time.Duration // lifecycle.preStop.sleep, run by the harness before SIGTERM
	applied    []string      // each manifest setting and what it became, for the test log
}

// Fields of a pod and of a container the harness runs, and those it may ignore because
// they only matter to a cluster (scheduling, API access). Any other field set in a
// manifest fails the test: the harness would otherwise run something the manifest
// does not say.
var (
	podFields          = []string{"containers", "initContainers", "volumes", "securityContext", "terminationGracePeriodSeconds"}
	podFieldsIgnored   = []string{"serviceAccountName", "automountServiceAccountToken", "topologySpreadConstraints", "affinity", "nodeSelector", "tolerations", "priorityClassName"}
	containerFields    = []string{"name", "image", "imagePullPolicy", "args", "env", "ports", "resources", "startupProbe", "readinessProbe", "livenessProbe", "securityContext", "volumeMounts", "lifecycle", "restartPolicy"}
	podSecurityFields  = []string{"runAsNonRoot", "runAsUser", "runAsGroup", "fsGroup", "seccompProfile"}
	containerSecFields = []string{"runAsNonRoot", "runAsUser", "runAsGroup", "allowPrivilegeEscalation", "readOnlyRootFilesystem", "capabilities", "seccompProfile", "privileged"}
)

// setFields lists the JSON fields of v that hold something.
func setFields(v any) []string {
	raw, _ := json.Marshal(v)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	var out []string
	for k, val := range m {
		if val == nil || fmt.Sprint(val) == "map[]" || fmt.Sprint(val) == "[]" {
			continue
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func unknownFields(v any, known ...[]string) []string {
	var out []string
	for _, f := range setFields(v) {
		if !slices.ContainsFunc(known, func(k []string) bool { return slices.Contains(k, f) }) {
			out = append(out, f)
		}
	}
	return out
}

// podmanSettings turns a container of a pod spec into podman run flags, as the kubelet
// would run it: volumes holds the host folder of each of the pod's volumes, imageUser
// the image's USER, override environment values the test sets in place of the
// manifest's (the addresses of stand-in backends).
func podmanSettings(pod corev1.PodSpec, c corev1.Container, volumes map[string]string, imageUser string, override map[string]string) (runSettings, error) {
	var s runSettings
	apply := func(setting, became string) { s.applied = append(s.applied, setting+" → "+became) }
	if f := unknownFields(pod, podFields, podFieldsIgnored); len(f) > 0 {
		return s, fmt.Errorf("pod fields the image tests do not run: %v", f)
	}
	if f := unknownFields(c, containerFields); len(f) > 0 {
		return s, fmt.Errorf("container %s: fields the image tests do not run: %v", c.Name, f)
	}
	for _, init := range pod.InitContainers {
		if init.RestartPolicy == nil || *init.RestartPolicy != corev1.ContainerRestartPolicyAlways {
			return s, fmt.Errorf("init container %s: only native sidecars (restartPolicy Always) are run by the image tests", init.Name)
		}
	}
	if c.RestartPolicy != nil {
		if *c.RestartPolicy != corev1.ContainerRestartPolicyAlways || !slices.ContainsFunc(pod.InitContainers, func(i corev1.Container) bool { return i.Name == c.Name }) {
			return s, fmt.Errorf("container %s: restartPolicy %s is not run by the image tests", c.Name, *c.RestartPolicy)
		}
		apply("restartPolicy Always (a native sidecar)", "started before the application containers, stopped after them")
	}
	psc := pod.SecurityContext
	if psc == nil {
		psc = &corev1.PodSecurityContext{}
	}
	csc := c.SecurityContext
	if csc == nil {
		csc = &corev1.SecurityContext{}
	}
	if f := unknownFields(psc, podSecurityFields); len(f) > 0 {
		return s, fmt.Errorf("pod securityContext fields the image tests do not run: %v", f)
	}
	if f := unknownFields(csc, containerSecFields); len(f) > 0 {
		return s, fmt.Errorf("container %s: securityContext fields the image tests do not run: %v", c.Name, f)
	}

	// User and group: the container's, else the pod's, else the image's USER.
	uid, gid := csc.RunAsUser, csc.RunAsGroup
	if uid == nil {
		uid = psc.RunAsUser
	}
	if gid == nil {
		gid = psc.RunAsGroup
	}
	user := imageUser
	if uid != nil {
		user = strconv.FormatInt(*uid, 10)
		if gid != nil {
			user += ":" + strconv.FormatInt(*gid, 10)
		}
		s.flags = append(s.flags, "--user="+user)
		apply(fmt.Sprintf("runAsUser %d, runAsGroup %v", *uid, derefInt(gid)), "--user="+user)
	}
	nonRoot := csc.RunAsNonRoot
	if nonRoot == nil {
		nonRoot = psc.RunAsNonRoot
	}
	if nonRoot != nil && *nonRoot {
		// The kubelet refuses to start a container whose user is root or not numeric.
		name, _, _ := strings.Cut(user, ":")
		if n, err := strconv.Atoi(name); err != nil || n == 0 {
			return s, fmt.Errorf("container %s: runAsNonRoot, but it would run as %q", c.Name, user)
		}
		apply("runAsNonRoot", "checked: user "+user)
	}
	if psc.FSGroup != nil {
		g := strconv.FormatInt(*psc.FSGroup, 10)
		s.flags = append(s.flags, "--group-add="+g)
		apply("fsGroup "+g, "--group-add="+g+", emptyDir volumes group-owned by it")
	}
	if csc.Privileged != nil && *csc.Privileged {
		s.flags = append(s.flags, "--privileged")
		apply("privileged", "--privileged")
	}
	if csc.ReadOnlyRootFilesystem != nil && *csc.ReadOnlyRootFilesystem {
		// No tmpfs on /tmp and /run either: a pod gets none.
		s.flags = append(s.flags, "--read-only", "--read-only-tmpfs=false")
		apply("readOnlyRootFilesystem", "--read-only --read-only-tmpfs=false")
	}
	if csc.AllowPrivilegeEscalation != nil && !*csc.AllowPrivilegeEscalation {
		s.flags = append(s.flags, "--security-opt=no-new-privileges")
		apply("allowPrivilegeEscalation false", "--security-opt=no-new-privileges")
	}
	if caps := csc.Capabilities; caps != nil {
		for _, d := range caps.Drop {
			s.flags = append(s.flags, "--cap-drop="+strings.ToLower(string(d)))
			apply("capabilities.drop "+string(d), "--cap-drop="+strings.ToLower(string(d)))
		}
		for _, a := range caps.Add {
			s.flags = append(s.flags, "--cap-add="+string(a))
			apply("capabilities.add "+string(a), "--cap-add="+string(a))
		}
	}
	seccomp := csc.SeccompProfile
	if seccomp == nil {
		seccomp = psc.SeccompProfile
	}
	switch {
	case seccomp == nil, seccomp.Type == corev1.SeccompProfileTypeUnconfined:
		// The kubelet's default is no filter at all.
		s.flags = append(s.flags, "--security-opt=seccomp=unconfined")
		apply("no seccompProfile / Unconfined", "--security-opt=seccomp=unconfined")
	case seccomp.Type == corev1.SeccompProfileTypeRuntimeDefault:
		apply("seccompProfile RuntimeDefault", "podman's default seccomp filter")
	default:
		return s, fmt.Errorf("container %s: seccompProfile %s is not run by the image tests", c.Name, seccomp.Type)
	}

	// Limits; requests only place a pod on a node.
	if mem, ok := c.Resources.Limits[corev1.ResourceMemory]; ok {
		bytes := strconv.FormatInt(mem.Value(), 10)
		// No swap, as in a pod.
		s.flags = append(s.flags, "--memory="+bytes, "--memory-swap="+bytes)
		apply("limits.memory "+mem.String(), "--memory="+bytes+" --memory-swap="+bytes)
	}
	if cpu, ok := c.Resources.Limits[corev1.ResourceCPU]; ok {
		cpus := strconv.FormatFloat(float64(cpu.MilliValue())/1000, 'f', -1, 64)
		s.flags = append(s.flags, "--cpus="+cpus)
		apply("limits.cpu "+cpu.String(), "--cpus="+cpus)
	}

	s.env = map[string]string{}
	for _, e := range c.Env {
		if e.ValueFrom != nil {
			return s, fmt.Errorf("container %s: env %s comes from %v, which the image tests do not run", c.Name, e.Name, e.ValueFrom)
		}
		s.env[e.Name] = e.Value
	}
	for k, v := range override {
		if old, ok := s.env[k]; ok {
			apply("env "+k+"="+old, "overridden by the test: "+v)
		} else {
			apply("env "+k, "added by the test: "+v)
		}
		s.env[k] = v
	}
	names := make([]string, 0, len(s.env))
	for k := range s.env {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		s.flags = append(s.flags, "--env="+k+"="+s.env[k])
	}
	if len(c.Env) > 0 {
		apply(fmt.Sprintf("env (%d variables)", len(c.Env)), "--env for each")
	}

	for _, m := range c.VolumeMounts {
		if m.SubPath != "" || m.SubPathExpr != "" || m.MountPropagation != nil {
			return s, fmt.Errorf("container %s: volume mount %s: subPath and propagation are not run by the image tests", c.Name, m.Name)
		}
		host, ok := volumes[m.Name]
		if !ok {
			return s, fmt.Errorf("container %s mounts volume %s, which the pod does not define", c.Name, m.Name)
		}
		spec := host + ":" + m.MountPath
		if m.ReadOnly || isConfigMap(pod, m.Name) {
			spec += ":ro"
		}
		s.flags = append(s.flags, "--volume="+spec)
		apply("volumeMount "+m.Name+" at "+m.MountPath, "--volume=<host folder>:"+strings.TrimPrefix(spec, host+":"))
	}

	if c.Command != nil {
		return s, fmt.Errorf("container %s: command is not run by the image tests", c.Name)
	}
	s.args = c.Args
	if len(c.Args) > 0 {
		apply("args "+strings.Join(c.Args, " "), "after the image")
	}

	// The harness waits for the startup probe (what holds back the application
	// containers after a native sidecar) and the readiness probe; a liveness probe
	// must at least be one it could poll.
	for _, probe := range []struct {
		kind string
		p    *corev1.Probe
	}{{"startupProbe", c.StartupProbe}, {"readinessProbe", c.ReadinessProbe}, {"livenessProbe", c.LivenessProbe}} {
		if probe.p == nil {
			continue
		}
		if probe.p.HTTPGet == nil {
			return s, fmt.Errorf("container %s: a %s other than httpGet is not run by the image tests", c.Name, probe.kind)
		}
		port, err := containerPort(c, probe.p.HTTPGet.Port.String())
		if err != nil {
			return s, err
		}
		if probe.kind == "livenessProbe" {
			continue
		}
		if s.healthPort != 0 && (s.healthPort != port || s.healthPath != probe.p.HTTPGet.Path) {
			return s, fmt.Errorf("container %s: startup and readiness probes on different endpoints are not run by the image tests", c.Name)
		}
		s.healthPath, s.healthPort = probe.p.HTTPGet.Path, port
		apply(probe.kind+" httpGet "+probe.p.HTTPGet.Path+" on "+probe.p.HTTPGet.Port.String(), fmt.Sprintf("waited for on the published port %d", port))
	}

	if l := c.Lifecycle; l != nil {
		if l.PostStart != nil || (l.PreStop != nil && l.PreStop.Sleep == nil) || l.StopSignal != nil {
			return s, fmt.Errorf("container %s: only a preStop sleep is run by the image tests (the image has no shell)", c.Name)
		}
		if l.PreStop != nil {
			s.preStop = time.Duration(l.PreStop.Sleep.Seconds) * time.Second
			apply(fmt.Sprintf("preStop sleep %ds", l.PreStop.Sleep.Seconds), "waited before SIGTERM, within the grace period")
		}
	}
	s.grace = 30 * time.Second
	if pod.TerminationGracePeriodSeconds != nil {
		s.grace = time.Duration(*pod.TerminationGracePeriodSeconds) * time.Second
	}
	apply(fmt.Sprintf("terminationGracePeriodSeconds %d", int(s.grace.Seconds())), fmt.Sprintf("podman stop --time=%d", int((s.grace-s.preStop).Seconds())))
	return s, nil
}

func derefInt(p *int64) any {
	if p == nil {
		return "unset"
	}
	return *p
}

func isConfigMap(pod corev1.PodSpec, volume string) bool {
	for _, v := range pod.Volumes {
		if v.Name == volume {
			return v.ConfigMap != nil
		}
	}
	return false
}

// containerPort resolves a probe's port, by name or number, to a container port.
func containerPort(c corev1.Container, port string) (int32, error) {
	if n, err := strconv.Atoi(port); err == nil {
		return int32(n), nil
	}
	for _, p := range c.Ports {
		if p.Name == port {
			return p.ContainerPort, nil
		}
	}
	return 0, fmt.Errorf("container %s: probe port %q is not one of its ports", c.Name, port)
}

// TestEveryCollectorContainerRunsUnderPodman derives the podman flags of every
// collector container under deploy/ (no podman needed): a manifest setting the harness
// cannot run fails here first, and the log lists what each setting became.
func TestEveryCollectorContainerRunsUnderPodman(t *testing.T) {
	d := readDeployed(t)
	files := make([]string, 0, len(d.deployments))
	for f := range d.deployments {
		files = append(files, f)
	}
	sort.Strings(files)
	ran := 0
	for _, file := range files {
		for _, c := range collectorContainers(d.deployments[file].Spec.Template.Spec) {
			ran++
			pod := d.deployments[file].Spec.Template.Spec
			volumes := map[string]string{}
			for _, v := range pod.Volumes {
				volumes[v.Name] = "/host/" + v.Name
			}
			s, err := podmanSettings(pod, c, volumes, "10001:10001", nil)
			require.NoError(t, err, "deploy/%s", file)
			t.Logf("deploy/%s, container %s:\n  %s", file, c.Name, strings.Join(s.applied, "\n  "))
			assert.Contains(t, s.flags, "--read-only", "deploy/%s", file)
			assert.Contains(t, s.flags, "--cap-drop=all", "deploy/%s", file)
			assert.Contains(t, s.flags, "--user=10001:10001", "deploy/%s", file)
			assert.NotZero(t, s.healthPort, "deploy/%s: a readiness probe to wait on", file)
		}
	}
	assert.GreaterOrEqual(t, ran, 3, "the gateway, the load-balancing tier and the plain sidecar")

	// And the harness refuses what it cannot run.
	pod, c := d.deployment(t, "gateway/deployment.yaml")
	c.Command = []string{"/bin/sh"}
	_, err := podmanSettings(pod, c, map[string]string{"config": "/c", "errorkeep": "/e", "queue": "/q"}, "10001:10001", nil)
	require.ErrorContains(t, err, "command")
	_, c = d.deployment(t, "gateway/deployment.yaml")
	c.Stdin = true
	_, err = podmanSettings(pod, c, nil, "10001:10001", nil)
	require.ErrorContains(t, err, "stdin")
	_, c = d.deployment(t, "gateway/deployment.yaml")
	pod.InitContainers = []corev1.Container{{Name: "migrate", Image: "busybox"}}
	_, err = podmanSettings(pod, c, nil, "10001:10001", nil)
	require.ErrorContains(t, err, "native sidecars")
}
