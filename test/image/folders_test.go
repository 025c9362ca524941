package image

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	corev1 "k8s.io/api/core/v1"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

// folderSetting finds the folders a config writes to: ${env:SOME_DIR} or
// ${env:SOME_DIR:-default}.
var folderSetting = regexp.MustCompile(`\$\{env:([A-Z_]+_DIR)(?::-([^}]*))?\}`)

// folder is one folder a config writes to, as a container resolves it.
type folder struct {
	setting string // the environment variable
	path    string // its value in the container: the manifest's, the image's, or the config's default
}

// configFolders lists the folders config writes to, resolved with env (the manifest's)
// over the image's environment over the config's defaults; a relative default is
// relative to the image's working directory, /.
func configFolders(t *testing.T, config string, env map[string]string, imageEnv map[string]string) []folder {
	t.Helper()
	seen := map[string]bool{}
	var out []folder
	for _, m := range folderSetting.FindAllStringSubmatch(config, -1) {
		if seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		value, ok := env[m[1]]
		if !ok {
			value, ok = imageEnv[m[1]]
		}
		if !ok {
			value = m[2]
		}
		require.NotEmpty(t, value, "%s has no value and no default", m[1])
		out = append(out, folder{setting: m[1], path: path.Join("/", value)})
	}
	return out
}

// imageEnvironment returns the image's ENV.
func imageEnvironment(t *testing.T, image string) map[string]string {
	t.Helper()
	var env []string
	require.NoError(t, json.Unmarshal([]byte(mustPodman(t, "image", "inspect", image, "--format", "{{json .Config.Env}}")), &env))
	out := map[string]string{}
	for _, e := range env {
		k, v, _ := strings.Cut(e, "=")
		out[k] = v
	}
	return out
}

// under reports whether p is dir or inside it, and the rest of p below dir.
func under(p, dir string) (string, bool) {
	if p == dir {
		return "", true
	}
	rest, ok := strings.CutPrefix(p, strings.TrimSuffix(dir, "/")+"/")
	return rest, ok
}

// TestEveryFolderTheConfigsWriteIsWritable walks the ${env:*_DIR} folders of the
// shipped configs and runs the image to show that each is written to:
//   - as deployed: each collector container under deploy/ runs as its manifest says
//     (read-only root filesystem, user 10001, its volumes), and every folder its config
//     writes, at the path its environment gives, is on one of its writable volumes and
//     holds files of user 10001 once the container is ready;
//   - as a `podman run` user would run the image: each config that writes a folder, with
//     the image's environment and the configs' defaults, writes each in the container's
//     own filesystem (the image's /var/lib/otelcol-custom belongs to user 10001), and,
//     on a read-only root filesystem with an anonymous volume on each folder, writes
//     files of user 10001 on each volume.
func TestEveryFolderTheConfigsWriteIsWritable(t *testing.T) {
	needPodman(t)
	imageEnv := imageEnvironment(t, testImage)
	d := readDeployed(t)
	files := sortedKeys(d.deployments)
	deployed := 0
	for _, file := range files {
		podSpec := d.deployments[file].Spec.Template.Spec
		for _, c := range collectorContainers(podSpec) {
			deployed++
			t.Run("deploy/"+file, func(t *testing.T) {
				p := startPod(t, podSpec, d.configMaps)
				ctr := p.run(t, testImage, c, nil)
				config := mountedConfig(t, p, c)
				folders := configFolders(t, config, ctr.settings.env, imageEnv)
				require.NotEmpty(t, folders, "deploy/%s runs a config that writes no folder", file)
				sent := sendOne(p)
				for _, f := range folders {
					host := ""
					for _, m := range c.VolumeMounts {
						if rest, ok := under(f.path, m.MountPath); ok && !m.ReadOnly {
							host = filepath.Join(p.volumes[m.Name], rest)
						}
					}
					if !assert.NotEmpty(t, host, "%s=%s is on no writable volume of deploy/%s", f.setting, f.path, file) {
						continue
					}
					waitWritten(t, f, host, sent)
				}
				code, _ := ctr.Stop(t)
				assert.Equal(t, 0, code, "exit code after SIGTERM")
			})
		}
	}
	require.GreaterOrEqual(t, deployed, 3)

	configs, err := filepath.Glob(e2e.ConfigPath("*.yaml"))
	require.NoError(t, err)
	sort.Strings(configs)
	plain := 0
	for _, config := range configs {
		raw, err := os.ReadFile(config)
		require.NoError(t, err)
		folders := configFolders(t, string(raw), nil, imageEnv)
		if len(folders) == 0 {
			continue
		}
		plain++
		name := filepath.Base(config)
		var args []string // default.yaml is the image's default command
		if name != "default.yaml" {
			args = []string{"--config=/etc/otelcol-custom/" + name}
		}
		t.Run("podman run "+name, func(t *testing.T) {
			p := startPod(t, corev1.PodSpec{}, nil, exposedPorts(t, testImage)...)
			ctr := p.runImage(t, testImage, []string{noDrain}, args...)
			sent := sendOne(p)
			for _, f := range folders {
				eventually(t, 10*time.Second, func() (bool, string) {
					added := mustPodman(t, "diff", ctr.name)
					return strings.Contains(added, "A "+f.path+"/"), fmt.Sprintf(
						"%s=%s: nothing added in the container (sending to it: %v); podman diff:\n%s", f.setting, f.path, sent, added)
				})
				t.Logf("%s=%s: written in the container's own filesystem", f.setting, f.path)
			}
			code, _ := ctr.Stop(t)
			assert.Equal(t, 0, code, "exit code after SIGTERM")
		})
		t.Run("podman run --read-only with a volume on each folder "+name, func(t *testing.T) {
			flags := []string{"--read-only", "--read-only-tmpfs=false", noDrain}
			for _, f := range folders {
				flags = append(flags, "--volume="+f.path)
			}
			p := startPod(t, corev1.PodSpec{}, nil, exposedPorts(t, testImage)...)
			ctr := p.runImage(t, testImage, flags, args...)
			sent := sendOne(p)
			var mounts []struct{ Source, Destination string }
			require.NoError(t, json.Unmarshal([]byte(mustPodman(t, "inspect", ctr.name, "--format", "{{json .Mounts}}")), &mounts))
			for _, f := range folders {
				host := ""
				for _, m := range mounts {
					if rest, ok := under(f.path, m.Destination); ok {
						host = filepath.Join(m.Source, rest)
					}
				}
				require.NotEmpty(t, host, "%s=%s: no volume", f.setting, f.path)
				waitWritten(t, f, host, sent)
			}
			code, _ := ctr.Stop(t)
			assert.Equal(t, 0, code, "exit code after SIGTERM")
		})
	}
	require.GreaterOrEqual(t, plain, 4, "default, sidecar, gateway and loadbalancer write folders")
}

// noDrain: the plain runs here have nothing to deliver to (their backends are not
// there), so their stop does not wait out the configs' 20 s drain; the manifests'
// stops, above, keep their own settings.
const noDrain = "--env=DRAIN_TIMEOUT=1s"

// sendOne sends a span and a log record to the pod's published OTLP/gRPC port, so that
// the folders written only when data arrives (errorkeep's) are written too. A config
// that receives on the pod's loopback only (the sidecar's) cannot be reached: its error
// is returned for the record, as its folder is written at start.
func sendOne(p *pod) error {
	endpoint, ok := p.ports[4317]
	if !ok {
		return errors.New("no OTLP/gRPC port published")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	td, _ := cardTraces("folders", 1)
	if err := e2e.SendTraces(ctx, endpoint, td); err != nil {
		return err
	}
	return e2e.SendLogs(ctx, endpoint, cardLogs("folders", 1))
}

// waitWritten waits until host, the folder f on the host, holds a file of user 10001.
func waitWritten(t *testing.T, f folder, host string, sent error) {
	t.Helper()
	eventually(t, 10*time.Second, func() (bool, string) {
		return len(ownedFiles(t, host, 10001)) > 0, fmt.Sprintf("%s=%s holds no file of user 10001 (sending to the collector: %v)", f.setting, f.path, sent)
	})
	t.Logf("%s=%s: written, as user 10001", f.setting, f.path)
}

// mountedConfig returns the config file the container's args name, read from the
// volume it is mounted from.
func mountedConfig(t *testing.T, p *pod, c corev1.Container) string {
	t.Helper()
	var file string
	for _, a := range c.Args {
		if v, ok := strings.CutPrefix(a, "--config="); ok {
			file = v
		}
	}
	require.NotEmpty(t, file, "container %s: no --config= argument", c.Name)
	for _, m := range c.VolumeMounts {
		if rest, ok := under(file, m.MountPath); ok {
			raw, err := os.ReadFile(filepath.Join(p.volumes[m.Name], rest))
			require.NoError(t, err)
			return string(raw)
		}
	}
	t.Fatalf("container %s: %s is on none of its volumes", c.Name, file)
	return ""
}
