//go:build unix

package journal // import "github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// lockFolder takes an exclusive lock on the folder (flock on its lock file), held
// until the returned file is closed. A second journal on the same folder, in this
// process or another, fails at once instead of interleaving its records.
func lockFolder(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrLocked
		}
		return nil, err
	}
	return f, nil
}
