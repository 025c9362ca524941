package detector

import (
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPrivateKey(t *testing.T) {
	const body = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
	runDetectionCases(t, PrivateKey, []detectionCase{
		{in: "-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----",
			want: []string{"-----BEGIN RSA PRIVATE KEY-----\n" + body + "-----END RSA PRIVATE KEY-----"}},
		{in: "key loaded: -----BEGIN PRIVATE KEY-----\n" + body + "-----END PRIVATE KEY----- ok",
			want: []string{"-----BEGIN PRIVATE KEY-----\n" + body + "-----END PRIVATE KEY-----"}},
		{in: "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----", want: []string{"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----"}},
		{in: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", want: []string{"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"}},
		{in: "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTA\n-----END ENCRYPTED PRIVATE KEY-----", want: []string{"-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTA\n-----END ENCRYPTED PRIVATE KEY-----"}},
		{in: "-----BEGIN DSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nMIIBuwIBAAKBgQ\n-----END DSA PRIVATE KEY-----", want: []string{"-----BEGIN DSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nMIIBuwIBAAKBgQ\n-----END DSA PRIVATE KEY-----"}},
		// A GCP service-account file: the key is a JSON string with "\n" escapes.
		{in: `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n", "client_email": "x"}`,
			want: []string{`-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----`}},
		// Cut short in a truncated log line: masked to where the base64 ends.
		{in: "panic: bad key -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMx...", want: []string{"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMx"}},
		// Public material is not secret.
		{in: "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----", want: nil},
		{in: "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZI\n-----END PUBLIC KEY-----", want: nil},
	})
}

// TestPrivateKeyEncoded: a PEM key encoded in base64 whole (a kubeconfig's
// client-key-data); an encoded certificate stays.
func TestPrivateKeyEncoded(t *testing.T) {
	key := base64.StdEncoding.EncodeToString([]byte("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n"))
	cert := base64.StdEncoding.EncodeToString([]byte("-----BEGIN CERTIFICATE-----\nMIIDdz\n-----END CERTIFICATE-----\n"))
	assert.Equal(t, []string{key}, found(privateKey{}, "    client-key-data: "+key+"\n    token: x"))
	assert.Empty(t, found(privateKey{}, "    certificate-authority-data: "+cert))
}
