package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHeaderValuesKeepWhatIsNotSecret(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	for _, tc := range []struct {
		class   keyClass
		in, out string
	}{
		{keyCookie, "sid=31d4d96e407aad42; Path=/; HttpOnly; SameSite=Lax", "sid=[REDACTED:sensitive_key]; Path=/; HttpOnly; SameSite=Lax"},
		{keyCookie, "theme=dark; lang=en-GB; consent=true", "theme=dark; lang=en-GB; consent=true"},
		{keyCookie, "prefs=a9f3c2e18b7d4f60a9f3; theme=dark", "prefs=[REDACTED:sensitive_key]; theme=dark"},
		{keyAuthorization, "Bearer abc.def.ghi", "Bearer [REDACTED:sensitive_key]"},
		{keyAuthorization, "abc123opaque", "[REDACTED:sensitive_key]"},
	} {
		out, _ := r.redactHeaderValue(tc.in, tc.class)
		assert.Equal(t, tc.out, out, tc.in)
	}
}
