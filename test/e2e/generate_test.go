package e2e

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedSourcesAreUpToDate regenerates cmd/otelcol-custom from
// builder-config.yaml in a copy of the repository and fails if anything differs
// from what is committed.
func TestGeneratedSourcesAreUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the builder")
	}
	root := RepoRoot()
	work := t.TempDir()
	for _, rel := range []string{"builder-config.yaml", "go.mod", "go.sum", "processor", "extension", "internal/tools", "cmd/otelcol-custom"} {
		copyTree(t, filepath.Join(root, rel), filepath.Join(work, rel))
	}
	cmd := exec.Command("go", "tool", "-modfile=internal/tools/go.mod", "builder", "--config", "builder-config.yaml", "--skip-compilation")
	cmd.Dir = work
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	for _, name := range []string{"main.go", "main_others.go", "main_windows.go", "components.go", "go.mod", "go.sum"} {
		want, err := os.ReadFile(filepath.Join(root, "cmd", "otelcol-custom", name))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(work, "cmd", "otelcol-custom", name))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "cmd/otelcol-custom/%s is stale: run `make generate`", name)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(path, "otelcol-custom/otelcol-custom") {
			return nil // a locally built binary
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	require.NoError(t, err)
}
