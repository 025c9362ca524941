//go:build !unix

package journal // import "github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"

import (
	"os"
	"path/filepath"
)

// lockFolder opens the folder's lock file. Without flock (not a Unix system) the lock
// is advisory only: nothing stops a second journal on the same folder.
func lockFolder(dir string) (*os.File, error) {
	return os.OpenFile(filepath.Join(dir, "lock"), os.O_RDWR|os.O_CREATE, 0o600)
}
