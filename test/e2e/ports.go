package e2e

import (
	"net"
	"strconv"
	"testing"
)

// FreeEndpoint returns a 127.0.0.1:port address that was free a moment ago.
func FreeEndpoint(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("finding a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

func portOf(endpoint string) int {
	_, port, _ := net.SplitHostPort(endpoint)
	n, _ := strconv.Atoi(port)
	return n
}
