package image

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/otelcol-custom/otelcol-custom/test/e2e"
)

var (
	// testImage is the image this run built from bin/otelcol-custom, under a tag of its
	// own so that parallel runs neither share nor remove each other's.
	testImage string
	// skipReason is set when podman is absent outside CI: every test that needs it skips.
	skipReason string
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if _, err := exec.LookPath("podman"); err != nil {
		if os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, "test/image: podman is not installed, and CI must run the image tests (.ci/run installs podman, runc, slirp4netns and catatonit)")
			return 1
		}
		skipReason = "podman is not installed: apt-get install podman runc slirp4netns catatonit, then test/image/podman-setup.sh (README, \"The image\")"
		return m.Run()
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	testImage = fmt.Sprintf("localhost/otelcol-custom-test:%d-%s", os.Getpid(), hex.EncodeToString(b[:]))
	if err := buildImage(testImage); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	code := m.Run()
	if _, err := podman("rmi", testImage); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	return code
}

// buildImage builds the image as `make image` does, from the bin/otelcol-custom already
// built (the binary the rest of the suite tests), tagged tag.
func buildImage(tag string) error {
	root := e2e.RepoRoot()
	built := filepath.Join(root, "bin", "otelcol-custom")
	if prebuilt := os.Getenv(e2e.BinaryEnv); prebuilt != "" {
		a, errA := os.Stat(prebuilt)
		b, errB := os.Stat(built)
		if errA != nil || errB != nil || !os.SameFile(a, b) {
			return fmt.Errorf("test/image builds the image from %s (make build), but %s=%s names another binary", built, e2e.BinaryEnv, prebuilt)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "make", "--no-print-directory", "-C", root, "image-from-bin", "ENGINE=podman", "IMAGE="+tag)
	begin := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("make image-from-bin: %w\n%s", err, out)
	}
	fmt.Fprintf(os.Stderr, "test/image: built %s in %s\n", tag, time.Since(begin).Round(time.Millisecond))
	return nil
}

// needPodman skips the test when podman is absent (never under CI: TestMain fails then).
func needPodman(t *testing.T) {
	t.Helper()
	if skipReason != "" {
		t.Skip(skipReason)
	}
}
