package loadtest

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

// DescribeMachine returns one line naming the CPU model, core count, memory and OS.
func DescribeMachine() string {
	// runtime.NumCPU counts only the CPUs this process may run on; the run script pins
	// it away from the collector's core, so count the machine's from /proc/cpuinfo.
	model, cores := "unknown CPU", runtime.NumCPU()
	if raw, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		cores = 0
		for line := range strings.Lines(string(raw)) {
			name, value, ok := strings.Cut(line, ":")
			switch name = strings.TrimSpace(name); {
			case !ok:
			case name == "processor":
				cores++
			case name == "model name":
				model = strings.TrimSpace(value)
			}
		}
	}
	memory := ""
	if raw, err := os.ReadFile("/proc/meminfo"); err == nil {
		if kib, err := parseStatusKiB(raw, "MemTotal"); err == nil {
			memory = fmt.Sprintf(", %.0f GiB RAM", float64(kib)/(1<<30))
		}
	}
	return fmt.Sprintf("%s, %d cores%s, %s/%s, %s", model, cores, memory, runtime.GOOS, runtime.GOARCH, runtime.Version())
}
