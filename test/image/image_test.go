package image

import (
	"archive/tar"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

// hostCABundle is the CA bundle `make image` copies from the host (Debian's
// ca-certificates; CA_BUNDLE in the Makefile).
const hostCABundle = "/etc/ssl/certs/ca-certificates.crt"

// imageEntry is one file or folder of the image's filesystem.
type imageEntry struct {
	uid, gid int
	mode     os.FileMode
	dir      bool
	digest   string
}

// imageFiles exports the filesystem of a container created from image (never started)
// and lists it.
func imageFiles(t *testing.T, image string) map[string]imageEntry {
	t.Helper()
	name := uniqueName(t, "export")
	mustPodman(t, "create", "--pull=never", "--name", name, image)
	defer func() { _, _ = podman("rm", "--force", name) }()
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "podman", "export", name)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	files := map[string]imageEntry{}
	tr := tar.NewReader(stdout)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		e := imageEntry{uid: h.Uid, gid: h.Gid, mode: h.FileInfo().Mode(), dir: h.Typeflag == tar.TypeDir}
		if h.Typeflag == tar.TypeReg {
			sum := sha256.New()
			_, err := io.Copy(sum, tr)
			require.NoError(t, err)
			e.digest = hex.EncodeToString(sum.Sum(nil))
		}
		files["/"+strings.Trim(h.Name, "/")] = e
	}
	require.NoError(t, cmd.Wait())
	return files
}

func fileDigest(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sum := sha256.New()
	_, err = io.Copy(sum, f)
	require.NoError(t, err)
	return hex.EncodeToString(sum.Sum(nil))
}

// TestImageHoldsTheBuildAndNothingElse opens the image the suite built from the
// Dockerfile: its filesystem is exactly the binary `make build` made (the one the rest
// of the suite tests, byte for byte), the host's CA bundle, config/, and the folders the
// configs write to, owned by the user it runs as; its configuration is that user, the
// binary as entrypoint and default.yaml as the default command.
func TestImageHoldsTheBuildAndNothingElse(t *testing.T) {
	needPodman(t)
	root := e2e.RepoRoot()
	want := map[string]imageEntry{
		"/otelcol-custom":                    {mode: 0o755, digest: fileDigest(t, filepath.Join(root, "bin", "otelcol-custom"))},
		"/etc":                               {dir: true, mode: os.ModeDir | 0o755},
		"/etc/ssl":                           {dir: true, mode: os.ModeDir | 0o755},
		"/etc/ssl/certs":                     {dir: true, mode: os.ModeDir | 0o755},
		"/etc/ssl/certs/ca-certificates.crt": {mode: 0o644, digest: fileDigest(t, hostCABundle)},
		"/etc/otelcol-custom":                {dir: true, mode: os.ModeDir | 0o755},
		"/var":                               {dir: true, mode: os.ModeDir | 0o755},
		"/var/lib":                           {dir: true, mode: os.ModeDir | 0o755},
	}
	for _, d := range []string{"", "/queue", "/errorkeep", "/output"} {
		want["/var/lib/otelcol-custom"+d] = imageEntry{uid: 10001, gid: 10001, dir: true, mode: os.ModeDir | 0o755}
	}
	configs, err := filepath.Glob(filepath.Join(root, "config", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, configs)
	for _, c := range configs {
		info, err := os.Stat(c)
		require.NoError(t, err)
		want["/etc/otelcol-custom/"+filepath.Base(c)] = imageEntry{mode: info.Mode().Perm(), digest: fileDigest(t, c)}
	}

	got := imageFiles(t, testImage)
	assert.Equal(t, sortedKeys(want), sortedKeys(got), "the image's files")
	for path, w := range want {
		g, ok := got[path]
		if !ok {
			continue
		}
		assert.Equal(t, w, g, "%s (uid, gid, mode, sha256)", path)
	}

	var inspect []struct {
		Size   int64
		Config struct {
			User         string
			Entrypoint   []string
			Cmd          []string
			Env          []string
			ExposedPorts map[string]struct{}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(mustPodman(t, "image", "inspect", testImage)), &inspect))
	require.Len(t, inspect, 1)
	cfg := inspect[0].Config
	assert.Equal(t, "10001:10001", cfg.User)
	assert.Equal(t, []string{"/otelcol-custom"}, cfg.Entrypoint)
	require.NotEmpty(t, cfg.Cmd)
	assert.Equal(t, []string{"--config", "/etc/otelcol-custom/default.yaml"}, cfg.Cmd[:2])
	assert.Contains(t, cfg.Env, "OUTPUT_DIR=/var/lib/otelcol-custom/output")
	assert.Equal(t, []string{"13133/tcp", "4317/tcp", "4318/tcp", "8888/tcp"}, sortedKeys(cfg.ExposedPorts))

	history := mustPodman(t, "history", "--format", "{{.Size}}\t{{.CreatedBy}}", testImage)
	t.Logf("image size %.1f MB (%d bytes); layers, newest first:\n%s", float64(inspect[0].Size)/1e6, inspect[0].Size, history)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
