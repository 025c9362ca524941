package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// BinaryEnv names the environment variable that points the harness at a prebuilt
// binary (`make test` sets it to the one `make build` produced).
const BinaryEnv = "OTELCOL_CUSTOM_BINARY"

// RepoRoot returns the repository root, found from this source file's location.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// ConfigPath returns the path of a file under the repository's config/ folder.
func ConfigPath(name string) string {
	return filepath.Join(RepoRoot(), "config", name)
}

// BuildBinary returns the otelcol-custom binary to test. It uses $OTELCOL_CUSTOM_BINARY
// when set; otherwise it compiles cmd/otelcol-custom into dir exactly as the builder
// does (CGO_ENABLED=0, -trimpath, stripped), so tests exercise the shipped build.
func BuildBinary(dir string) (string, error) {
	if prebuilt := os.Getenv(BinaryEnv); prebuilt != "" {
		if _, err := os.Stat(prebuilt); err != nil {
			return "", fmt.Errorf("%s=%q: %w", BinaryEnv, prebuilt, err)
		}
		return prebuilt, nil
	}
	out := filepath.Join(dir, "otelcol-custom")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Dir = filepath.Join(RepoRoot(), "cmd", "otelcol-custom")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if output, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building otelcol-custom: %w\n%s", err, output)
	}
	return out, nil
}
