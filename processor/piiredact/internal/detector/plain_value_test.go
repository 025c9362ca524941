package detector

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPlainValue(t *testing.T) {
	for _, v := range []string{"true", "FALSE:", "YES", "null", "[FILTERED]", "%5BFILTERED%5D", "********", "<redacted>",
		"xxxx-xxxx-xxxx-4242", "sk_live_....4242", "/home/deploy", "~/.ssh/id_ed25519", "[REDACTED:email]", "&lt;redacted&gt;",
		"/var/lib/kubelet/pods/3f9a1c2b-7d8e-4b5a-9c1d-2e3f4a5b6c7d/volumes", "/etc/app/config.yaml",
		"/Users/JohnSmith/Library/ApplicationSupport", "4111********1111", "411111******1111", "••••••••", "•••• 4242"} {
		assert.True(t, PlainValue(v), v)
	}
	// Base64 secrets may start with '/': "/4tbeP0RIGx3oLBnsQaFhskzqXq/BEawsivpO0F1" is no path.
	for _, v := range []string{"hunter2", "S3cr3t!", "/", "/tmp", "//evil", "yes please", "p**", "x9",
		"/4tbeP0RIGx3oLBnsQaFhskzqXq/BEawsivpO0F1", "/wyJjzkcBHIcuoIBjK1US3SiK26pPPx/", "&lt;hunter2&gt;",
		"/9jbpGOLyAs1v/UCoRvU", "/PFRdyDDSf/xwKfd97qrvKxT", "/NB0LCH/mOIK", "/eaFcjvkzpgjD/t/XPa/g9cF", "+jA[ajWvP06YZ~Kwf~sw!<vC8?F***4W", "Tr0ub4dor&3***x"} {
		assert.False(t, PlainValue(v), v)
	}
}

// References to a secret are not the secret: environment variables, templates,
// bind parameters and format verbs stay; a '$' before small letters or digits, a
// default after ":-", and a '<' with a digit inside may be passwords.
func TestPlaceholder(t *testing.T) {
	for _, v := range []string{"${DB_PASSWORD}", "${DB_PASSWORD", "${db.password}", "$CI_REGISTRY_PASSWORD", "$1", "%DB_PASS%",
		"{{", "{{.Values.db.password}}", "${{", "${{secrets.NPM_TOKEN}}", "<password>", "<your-api-key>", "<api key>", "?", "%s", "%(password)s"} {
		assert.True(t, PlainValue(v), v)
	}
	for _, v := range []string{"$ecret123", "$3cr3t", "${DB_PASSWORD:-s3cret}", "<hunter2>", "<Tr0ub4dor>", "?x", "%secret", "{abc}", "$", "$$x"} {
		assert.False(t, PlainValue(v), v)
	}
}
