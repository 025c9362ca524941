package deploy_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

const image = "ghcr.io/otelcol-custom/otelcol-custom:0.1.0"

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(file))
}

// manifest is one YAML document of a file under deploy/.
type manifest struct {
	file string
	kind string
	doc  []byte
}

// kustomization is the part of kustomize's type the manifests use.
type kustomization struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Namespace  string   `json:"namespace,omitempty"`
	Resources  []string `json:"resources"`
}

// openTelemetryCollector is the subset of the Operator's v1beta1 OpenTelemetryCollector
// the sidecar resource uses; decoding is strict, so any other field is an error.
type openTelemetryCollector struct {
	APIVersion string            `json:"apiVersion"`
	Kind       string            `json:"kind"`
	Metadata   map[string]string `json:"metadata"`
	Spec       struct {
		Mode            string                      `json:"mode"`
		Image           string                      `json:"image"`
		Env             []corev1.EnvVar             `json:"env"`
		Resources       corev1.ResourceRequirements `json:"resources"`
		SecurityContext corev1.SecurityContext      `json:"securityContext"`
		VolumeMounts    []corev1.VolumeMount        `json:"volumeMounts"`
		Config          map[string]any              `json:"config"`
	} `json:"spec"`
}

// ruleGroup is a Prometheus rule group, as a rule file and a PrometheusRule hold it.
type ruleGroup struct {
	Name  string `json:"name"`
	Rules []struct {
		Record      string            `json:"record,omitempty"`
		Alert       string            `json:"alert,omitempty"`
		Expr        string            `json:"expr"`
		For         string            `json:"for,omitempty"`
		Labels      map[string]string `json:"labels,omitempty"`
		Annotations map[string]string `json:"annotations,omitempty"`
	} `json:"rules"`
}

// prometheusRule is the part of the Prometheus Operator's PrometheusRule we ship.
type prometheusRule struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Groups []ruleGroup `json:"groups"`
	} `json:"spec"`
}

// podMonitor is the part of the Prometheus Operator's PodMonitor we ship.
type podMonitor struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Selector            metav1.LabelSelector `json:"selector"`
		PodMetricsEndpoints []struct {
			Port     string `json:"port"`
			Path     string `json:"path"`
			Interval string `json:"interval"`
		} `json:"podMetricsEndpoints"`
	} `json:"spec"`
}

func readManifests(t *testing.T) []manifest {
	t.Helper()
	var out []manifest
	root := filepath.Join(repoRoot(), "deploy")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") || strings.Contains(path, string(filepath.Separator)+"helm"+string(filepath.Separator)) ||
			strings.Contains(path, string(filepath.Separator)+"prometheus"+string(filepath.Separator)) {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		for {
			var doc map[string]any
			if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				return err
			}
			if doc == nil {
				continue
			}
			encoded, err := yaml.Marshal(doc)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			kind, _ := doc["kind"].(string)
			out = append(out, manifest{file: rel, kind: kind, doc: encoded})
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, out)
	return out
}

// decodeStrict parses a document into its Kubernetes API type; unknown fields fail.
func decodeStrict(t *testing.T, m manifest) any {
	t.Helper()
	var obj any
	switch m.kind {
	case "Namespace":
		obj = &corev1.Namespace{}
	case "ServiceAccount":
		obj = &corev1.ServiceAccount{}
	case "ConfigMap":
		obj = &corev1.ConfigMap{}
	case "Service":
		obj = &corev1.Service{}
	case "Deployment":
		obj = &appsv1.Deployment{}
	case "HorizontalPodAutoscaler":
		obj = &autoscalingv2.HorizontalPodAutoscaler{}
	case "PodDisruptionBudget":
		obj = &policyv1.PodDisruptionBudget{}
	case "NetworkPolicy":
		obj = &networkingv1.NetworkPolicy{}
	case "Kustomization":
		obj = &kustomization{}
	case "OpenTelemetryCollector":
		obj = &openTelemetryCollector{}
	case "PrometheusRule":
		obj = &prometheusRule{}
	case "PodMonitor":
		obj = &podMonitor{}
	default:
		t.Fatalf("%s: no API type known for kind %q", m.file, m.kind)
	}
	require.NoError(t, sigsyaml.UnmarshalStrict(m.doc, obj), "%s (%s)", m.file, m.kind)
	return obj
}

// TestManifests parses every document under deploy/ strictly into its API type and
// checks what each kind must get right, including every embedded collector config
// through the built binary's validate.
func TestManifests(t *testing.T) {
	binary, err := e2e.BuildBinary(t.TempDir())
	require.NoError(t, err)
	configMaps := map[string]*corev1.ConfigMap{}
	var deployments []*appsv1.Deployment
	var monitors []*podMonitor
	var operators []*openTelemetryCollector
	for _, m := range readManifests(t) {
		obj := decodeStrict(t, m)
		switch o := obj.(type) {
		case *corev1.ConfigMap:
			configMaps[o.Name] = o
			for key, config := range o.Data {
				validateConfig(t, binary, m.file+":"+key, []byte(config))
			}
		case *appsv1.Deployment:
			deployments = append(deployments, o)
		case *podMonitor:
			monitors = append(monitors, o)
		case *prometheusRule:
			checkRulesMatchTheRuleFile(t, m.file, o.Spec.Groups)
		case *kustomization:
			dir := filepath.Join(repoRoot(), "deploy", filepath.Dir(m.file))
			for _, r := range o.Resources {
				_, err := os.Stat(filepath.Join(dir, r))
				require.NoError(t, err, "%s lists %s", m.file, r)
			}
		case *openTelemetryCollector:
			assert.Equal(t, "sidecar", o.Spec.Mode)
			assert.Equal(t, image, o.Spec.Image)
			config, err := yaml.Marshal(o.Spec.Config)
			require.NoError(t, err)
			validateConfig(t, binary, m.file, config)
			checkMemory(t, m.file, o.Spec.Env, o.Spec.Resources)
			checkLoopbackReceivers(t, m.file, o.Spec.Env)
			assert.True(t, *o.Spec.SecurityContext.ReadOnlyRootFilesystem, m.file)
			operators = append(operators, o)
		}
	}
	require.NotEmpty(t, deployments)
	for _, d := range deployments {
		checkDeployment(t, d, configMaps)
	}
	for _, o := range operators {
		checkInjectedPods(t, o, deployments)
	}
	require.NotEmpty(t, monitors)
	for _, pm := range monitors {
		checkPodMonitor(t, pm, deployments)
	}
}

// checkInjectedPods: the pods that ask the Operator for the sidecar give its shutdown
// time, and define the volume its handoff folder is on, large enough.
func checkInjectedPods(t *testing.T, o *openTelemetryCollector, deployments []*appsv1.Deployment) {
	t.Helper()
	config, err := yaml.Marshal(o.Spec.Config)
	require.NoError(t, err)
	injected := 0
	for _, d := range deployments {
		if d.Spec.Template.Annotations["sidecar.opentelemetry.io/inject"] != o.Metadata["name"] {
			continue
		}
		injected++
		where := d.Name + " (with " + o.Metadata["name"] + ")"
		checkShutdownFits(t, where, string(config), o.Spec.Env, gracePeriod(d.Spec.Template.Spec), true)
		checkHandoffFoldersFit(t, where, string(config), o.Spec.Env, o.Spec.VolumeMounts, d.Spec.Template.Spec.Volumes)
	}
	assert.Positive(t, injected, "no example pod asks for %s", o.Metadata["name"])
}

// checkRulesMatchTheRuleFile: the PrometheusRule and the plain rule file hold the
// same groups, so that Operator and non-Operator users get the same alerts.
func checkRulesMatchTheRuleFile(t *testing.T, file string, groups []ruleGroup) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot(), "deploy", "monitoring", "prometheus", "rules.yaml"))
	require.NoError(t, err)
	var plain struct {
		Groups []ruleGroup `json:"groups"`
	}
	require.NoError(t, sigsyaml.UnmarshalStrict(raw, &plain))
	assert.Equal(t, plain.Groups, groups, "%s: groups differ from monitoring/prometheus/rules.yaml", file)
}

// checkPodMonitor: a PodMonitor selects the pods of a Deployment we ship and scrapes a
// port those pods name.
func checkPodMonitor(t *testing.T, pm *podMonitor, deployments []*appsv1.Deployment) {
	t.Helper()
	for _, d := range deployments {
		selector, err := metav1.LabelSelectorAsSelector(&pm.Spec.Selector)
		require.NoError(t, err)
		if !selector.Matches(labels.Set(d.Spec.Template.Labels)) {
			continue
		}
		for _, ep := range pm.Spec.PodMetricsEndpoints {
			found := false
			for _, c := range d.Spec.Template.Spec.Containers {
				for _, p := range c.Ports {
					found = found || p.Name == ep.Port
				}
			}
			assert.True(t, found, "PodMonitor %s: no port %q on the pods of %s", pm.Name, ep.Port, d.Name)
		}
		return
	}
	t.Errorf("PodMonitor %s selects no Deployment's pods", pm.Name)
}

// collectorContainers returns a pod's collector containers: ordinary ones, and native
// sidecars (init containers with restartPolicy: Always).
func collectorContainers(pod corev1.PodSpec) []corev1.Container {
	var out []corev1.Container
	for _, c := range pod.Containers {
		if c.Image == image {
			out = append(out, c)
		}
	}
	for _, c := range pod.InitContainers {
		if c.Image == image {
			out = append(out, c)
		}
	}
	return out
}

// checkDeployment checks each collector container of a Deployment: probes, memory
// settings, a locked-down security context, a config that exists, a shutdown that
// fits the grace period and folders that fit their volumes.
func checkDeployment(t *testing.T, d *appsv1.Deployment, configMaps map[string]*corev1.ConfigMap) {
	pod := d.Spec.Template.Spec
	for _, c := range pod.InitContainers {
		if c.Image == image {
			// A collector among the init containers must be a native sidecar: a plain
			// init container would have to exit before the application starts.
			require.NotNil(t, c.RestartPolicy, "%s/%s: an init container that is not a native sidecar", d.Name, c.Name)
			assert.Equal(t, corev1.ContainerRestartPolicyAlways, *c.RestartPolicy, "%s/%s", d.Name, c.Name)
			require.NotNil(t, c.StartupProbe, "%s/%s: a native sidecar needs a startup probe, or the application starts before it listens", d.Name, c.Name)
		}
	}
	for _, c := range collectorContainers(pod) {
		where := d.Name + "/" + c.Name
		require.NotNil(t, c.ReadinessProbe, "%s readiness probe", where)
		require.NotNil(t, c.LivenessProbe, "%s liveness probe", where)
		assert.Equal(t, "/", c.ReadinessProbe.HTTPGet.Path, where)
		checkMemory(t, where, c.Env, c.Resources)
		require.NotNil(t, c.SecurityContext, where)
		assert.True(t, *c.SecurityContext.ReadOnlyRootFilesystem, "%s read-only root", where)
		assert.False(t, *c.SecurityContext.AllowPrivilegeEscalation, where)
		assert.True(t, *pod.SecurityContext.RunAsNonRoot, "%s non-root", where)

		// --config=/etc/otelcol-custom/<key> must be a key of the mounted ConfigMap.
		require.Len(t, c.Args, 1, where)
		path := strings.TrimPrefix(c.Args[0], "--config=")
		var (
			found  bool
			config string
		)
		for _, vm := range c.VolumeMounts {
			if !strings.HasPrefix(path, vm.MountPath+"/") {
				continue
			}
			for _, v := range pod.Volumes {
				if v.Name == vm.Name && v.ConfigMap != nil {
					cm := configMaps[v.ConfigMap.Name]
					require.NotNil(t, cm, "%s mounts ConfigMap %s, which no manifest defines", where, v.ConfigMap.Name)
					config, found = cm.Data[strings.TrimPrefix(path, vm.MountPath+"/")]
				}
			}
		}
		assert.True(t, found, "%s: %s is not in a mounted ConfigMap", where, path)
		checkWritableFolders(t, where, config, c.Env, c.VolumeMounts)
		checkHandoffFoldersFit(t, where, config, c.Env, c.VolumeMounts, pod.Volumes)
		sidecar := strings.HasSuffix(path, "sidecar.yaml")
		if sidecar {
			checkLoopbackReceivers(t, where, c.Env)
		}
		checkShutdownFits(t, where, config, c.Env, gracePeriod(pod), sidecar)
	}
}

// gracePeriod is a pod's terminationGracePeriodSeconds (Kubernetes' 30 s when unset).
func gracePeriod(pod corev1.PodSpec) time.Duration {
	if pod.TerminationGracePeriodSeconds == nil {
		return 30 * time.Second
	}
	return time.Duration(*pod.TerminationGracePeriodSeconds) * time.Second
}

// configDuration is a ${env:NAME:-default} setting of a shipped config: the
// container's value, else the config's default.
func configDuration(t *testing.T, where, config, name string, env []corev1.EnvVar) time.Duration {
	t.Helper()
	value := envValue(env, name)
	if value == "" {
		m := regexp.MustCompile(`\$\{env:` + name + `:-([^}]+)\}`).FindStringSubmatch(config)
		require.NotNil(t, m, "%s: the config does not read %s", where, name)
		value = m[1]
	}
	d, err := time.ParseDuration(value)
	require.NoError(t, err, "%s: %s", where, name)
	return d
}

// checkShutdownFits: after SIGTERM a collector keeps its receivers open for
// SHUTDOWN_DELAY, then delivers for up to DRAIN_TIMEOUT; both must fit the pod's
// grace period with a margin (5 s), and for a sidecar with 10 s more for the
// application's own shutdown, or Kubernetes kills the collector before its exit log
// line and its last metrics say what it left.
func checkShutdownFits(t *testing.T, where, config string, env []corev1.EnvVar, grace time.Duration, sidecar bool) {
	t.Helper()
	delay := configDuration(t, where, config, "SHUTDOWN_DELAY", env)
	drain := configDuration(t, where, config, "DRAIN_TIMEOUT", env)
	margin := 5 * time.Second
	if sidecar {
		margin += 10 * time.Second
	}
	assert.LessOrEqual(t, delay+drain+margin, grace,
		"%s: SHUTDOWN_DELAY %s + DRAIN_TIMEOUT %s + %s do not fit terminationGracePeriodSeconds %s", where, delay, drain, margin, grace)
	assert.Positive(t, drain, "%s: DRAIN_TIMEOUT 0 leaves everything undelivered on SIGTERM", where)
}

// handoffBytes is what a config's handoffs may keep on disk in the folder named by
// the directory setting dirVar: each handoff in each pipeline signal holds up to its
// max_bytes, plus a segment file of slack (segments leave the disk whole).
func handoffBytes(t *testing.T, where, config, dirVar string) int64 {
	t.Helper()
	var cfg struct {
		Processors map[string]map[string]any `yaml:"processors"`
		Service    struct {
			Pipelines map[string]struct {
				Processors []string `yaml:"processors"`
			} `yaml:"pipelines"`
		} `yaml:"service"`
	}
	require.NoError(t, yaml.Unmarshal([]byte(config), &cfg), where)
	number := func(v any, def int64) int64 {
		switch n := v.(type) {
		case int:
			return int64(n)
		case float64: // a config that went through JSON (the Operator resource)
			return int64(n)
		}
		return def
	}
	folders := map[string]bool{}
	total := int64(0)
	for name, p := range cfg.Service.Pipelines {
		signal, _, _ := strings.Cut(name, "/")
		for _, id := range p.Processors {
			settings := cfg.Processors[id]
			dir, _ := settings["directory"].(string)
			if !strings.HasPrefix(id, "handoff") || !strings.Contains(dir, "${env:"+dirVar+":") || folders[id+" "+signal] {
				continue
			}
			folders[id+" "+signal] = true
			total += number(settings["max_bytes"], 512<<20) + number(settings["segment_bytes"], 8<<20)
		}
	}
	return total
}

// checkHandoffFoldersFit: the handoff folders fit the emptyDir they are on. Beyond its
// sizeLimit Kubernetes evicts the pod, which loses the folder.
func checkHandoffFoldersFit(t *testing.T, where, config string, env []corev1.EnvVar, mounts []corev1.VolumeMount, volumes []corev1.Volume) {
	t.Helper()
	for _, m := range folderSetting.FindAllStringSubmatch(config, -1) {
		need := handoffBytes(t, where, config, m[1])
		if need == 0 {
			continue
		}
		folder := envValue(env, m[1])
		if folder == "" {
			folder = m[2]
		}
		for _, vm := range mounts {
			if folder != vm.MountPath {
				continue
			}
			for _, v := range volumes {
				if v.Name == vm.Name && v.EmptyDir != nil {
					require.NotNil(t, v.EmptyDir.SizeLimit, "%s: volume %s has no sizeLimit", where, v.Name)
					assert.LessOrEqual(t, need, v.EmptyDir.SizeLimit.Value(),
						"%s: the handoff folders in %s may take %d bytes, more than the %s volume's sizeLimit %s", where, m[1], need, v.Name, v.EmptyDir.SizeLimit.String())
				}
			}
		}
	}
}

// folderSetting finds the folders a shipped config writes to: ${env:SOME_DIR:-default}.
var folderSetting = regexp.MustCompile(`\$\{env:([A-Z_]+_DIR):-([^}]+)\}`)

// checkWritableFolders: every folder the config writes to (persistent queues,
// errorkeep's rescue store) is on a writable volume, since the root filesystem is
// read-only.
func checkWritableFolders(t *testing.T, where, config string, env []corev1.EnvVar, mounts []corev1.VolumeMount) {
	for _, m := range folderSetting.FindAllStringSubmatch(config, -1) {
		folder := envValue(env, m[1])
		if folder == "" {
			folder = m[2]
		}
		writable := false
		for _, vm := range mounts {
			if (folder == vm.MountPath || strings.HasPrefix(folder, vm.MountPath+"/")) && !vm.ReadOnly {
				writable = true
			}
		}
		assert.True(t, writable, "%s: %s (%s) is on no writable volume", where, m[1], folder)
	}
}

// checkMemory: a memory limit, requests equal to it (no overcommit for a process
// that buffers), GOMEMLIMIT at 70-90% of it, in step with memory_limiter's 80%, and
// room above that for the binary and runtime, which the heap bound does not cover
// (about 80 MiB measured by TestOverloadRefusesRetryablyAndRecovers).
// nonHeapMiB is what the binary and the Go runtime take besides the heap.
const nonHeapMiB = 96

func checkMemory(t *testing.T, where string, env []corev1.EnvVar, res corev1.ResourceRequirements) {
	limit, ok := res.Limits[corev1.ResourceMemory]
	require.True(t, ok, "%s has no memory limit", where)
	if limitMiB := envValue(env, "MEMORY_LIMIT_MIB"); limitMiB != "" {
		checkExplicitMemory(t, where, env, res, limitMiB)
		return
	}
	assert.True(t, limit.Equal(res.Requests[corev1.ResourceMemory]), "%s memory request != limit", where)
	goMemLimit := envValue(env, "GOMEMLIMIT")
	require.NotEmpty(t, goMemLimit, "%s sets no GOMEMLIMIT", where)
	q, err := resource.ParseQuantity(strings.Replace(goMemLimit, "MiB", "Mi", 1))
	require.NoError(t, err, where)
	share := float64(q.Value()) / float64(limit.Value())
	assert.True(t, share >= 0.7 && share <= 0.9, "%s: GOMEMLIMIT %s is %.0f%% of the %s limit", where, goMemLimit, share*100, limit.String())
	const nonHeap = nonHeapMiB << 20
	assert.LessOrEqual(t, 0.8*float64(limit.Value())+nonHeap, float64(limit.Value()),
		"%s: a %s limit leaves no room for the binary above memory_limiter's 80%%", where, limit.String())
}

// checkLoopbackReceivers: the image listens on every interface for its default config;
// a sidecar must accept data from its own pod only.
// checkExplicitMemory checks a container whose memory_limiter is set in MiB from the
// environment (the sidecar): the heap limit leaves room for the binary under the
// container limit, GOMEMLIMIT sits just under the heap limit, and the request is what
// the pod needs, not the limit (a sidecar next to every pod must be cheap to schedule).
func checkExplicitMemory(t *testing.T, where string, env []corev1.EnvVar, res corev1.ResourceRequirements, limitMiB string) {
	limit := res.Limits[corev1.ResourceMemory]
	heap, err := strconv.Atoi(limitMiB)
	require.NoError(t, err, "%s: MEMORY_LIMIT_MIB", where)
	spike, err := strconv.Atoi(envValue(env, "MEMORY_SPIKE_LIMIT_MIB"))
	require.NoError(t, err, "%s: MEMORY_SPIKE_LIMIT_MIB", where)
	assert.LessOrEqual(t, int64(heap+nonHeapMiB)<<20, limit.Value(), "%s: MEMORY_LIMIT_MIB %d leaves no room for the binary under %s", where, heap, limit.String())
	assert.True(t, spike > 0 && spike <= heap/4, "%s: MEMORY_SPIKE_LIMIT_MIB %d of %d", where, spike, heap)
	q, err := resource.ParseQuantity(strings.Replace(envValue(env, "GOMEMLIMIT"), "MiB", "Mi", 1))
	require.NoError(t, err, "%s: GOMEMLIMIT", where)
	share := float64(q.Value()) / float64(int64(heap)<<20)
	assert.True(t, share >= 0.8 && share <= 1, "%s: GOMEMLIMIT is %.0f%% of MEMORY_LIMIT_MIB", where, share*100)
	request := res.Requests[corev1.ResourceMemory]
	assert.LessOrEqual(t, request.Value(), int64(64)<<20, "%s: memory request %s above 64Mi", where, request.String())
	assert.LessOrEqual(t, limit.Value(), int64(256)<<20, "%s: memory limit %s above 256Mi", where, limit.String())
}

func checkLoopbackReceivers(t *testing.T, where string, env []corev1.EnvVar) {
	for _, name := range []string{"OTLP_GRPC_ENDPOINT", "OTLP_HTTP_ENDPOINT"} {
		assert.True(t, strings.HasPrefix(envValue(env, name), "127.0.0.1:"), "%s: %s=%q", where, name, envValue(env, name))
	}
}

func envValue(env []corev1.EnvVar, name string) string {
	for _, e := range env {
		if e.Name == name {
			return e.Value
		}
	}
	return ""
}

func validateConfig(t *testing.T, binary, where string, config []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	require.NoError(t, os.WriteFile(path, config, 0o600))
	out, err := exec.Command(binary, "validate", "--config", path).CombinedOutput()
	assert.NoError(t, err, "%s does not validate:\n%s", where, out)
}

// TestHelmValues checks the chart values: our image and binary, an existing ConfigMap
// holding an unmodified shipped config, and memory settings in step.
func TestHelmValues(t *testing.T) {
	for file, config := range map[string]string{"values-gateway.yaml": "gateway.yaml", "values-loadbalancer.yaml": "loadbalancer.yaml"} {
		t.Run(file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(repoRoot(), "deploy", "helm", file))
			require.NoError(t, err)
			var values struct {
				Mode  string `json:"mode"`
				Image struct {
					Repository string `json:"repository"`
					Tag        string `json:"tag"`
				} `json:"image"`
				Command struct {
					Name string `json:"name"`
				} `json:"command"`
				ConfigMap struct {
					Create       bool   `json:"create"`
					ExistingName string `json:"existingName"`
				} `json:"configMap"`
				Resources corev1.ResourceRequirements `json:"resources"`
				ExtraEnvs []corev1.EnvVar             `json:"extraEnvs"`
				Mounts    []corev1.VolumeMount        `json:"extraVolumeMounts"`
				Volumes   []corev1.Volume             `json:"extraVolumes"`
				Rest      map[string]any              `json:"-"`
			}
			require.NoError(t, sigsyaml.Unmarshal(raw, &values))
			assert.Equal(t, "deployment", values.Mode)
			assert.Equal(t, image, values.Image.Repository+":"+values.Image.Tag)
			assert.Equal(t, "otelcol-custom", values.Command.Name)
			assert.False(t, values.ConfigMap.Create)
			assert.Contains(t, string(raw), "--from-file=relay=config/"+config, "the install comment creates the ConfigMap from config/%s", config)
			assert.NotEmpty(t, values.ConfigMap.ExistingName)
			checkMemory(t, file, values.ExtraEnvs, values.Resources)
			shipped, err := os.ReadFile(filepath.Join(repoRoot(), "config", config))
			require.NoError(t, err)
			checkWritableFolders(t, file, string(shipped), values.ExtraEnvs, values.Mounts)
			checkHandoffFoldersFit(t, file, string(shipped), values.ExtraEnvs, values.Mounts, values.Volumes)
			// The chart sets no terminationGracePeriodSeconds: Kubernetes' 30 s.
			checkShutdownFits(t, file, string(shipped), values.ExtraEnvs, 30*time.Second, false)
		})
	}
}
