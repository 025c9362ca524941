package detector

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPlainValue(t *testing.T) {
	for _, v := range []string{"true", "FALSE:", "YES", "null", "[FILTERED]", "%5BFILTERED%5D", "********", "<redacted>",
		"xxxx-xxxx-xxxx-4242", "sk_live_....4242", "/home/deploy", "~/.ssh/id_ed25519", "[REDACTED:email]"} {
		assert.True(t, PlainValue(v), v)
	}
	for _, v := range []string{"hunter2", "S3cr3t!", "/", "/tmp", "//evil", "yes please", "p**", "x9"} {
		assert.False(t, PlainValue(v), v)
	}
}
