package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

func TestKeyWordsSplitEveryNotation(t *testing.T) {
	for k, want := range map[string][]string{
		"x-api-key":                        {"x", "api", "key"},
		"apiKey":                           {"api", "key"},
		"API_KEY":                          {"api", "key"},
		"APIKey":                           {"api", "key"},
		"payment.details.holder.name":      {"payment", "details", "holder", "name"},
		"http.request.header.x-csrf-token": {"http", "request", "header", "x", "csrf", "token"},
	} {
		assert.Equal(t, want, keyWords(k), k)
	}
}

func TestClassifyKeyWords(t *testing.T) {
	for k, want := range map[string]keyWordClass{
		"http.request.header.x-api-key":     wordsCredential,
		"rpc.grpc.request.metadata.x-token": wordsCredential,
		"passphrase":                        wordsCredential,
		"clientSecret":                      wordsCredential,
		"app.session_id":                    wordsCredential,
		"signing_key":                       wordsCredential,
		"data..dockerconfigjson":            wordsCredential,
		"code_verifier":                     wordsCredential,
		"sentry_key":                        wordsCredential,
		"http.response.header.set-cookie":   wordsCookie,
		"proxy-authorization":               wordsAuthorization,
		"payment.details.holder.name":       wordsPersonName,
		"customerName":                      wordsPersonName,
		"billing.last_name":                 wordsPersonName,
		"first_name":                        wordsPersonName,
		"name":                              wordsName,
		// A thing's name, under a person too ({"customer": {"plan_name": "Pro"}}).
		"service.name":         wordsNone,
		"feature.display_name": wordsNone,
		"pod_name":             wordsNone,
		"cardholder":           wordsPerson,
		// A container between the person and the name (Stripe's billing_details).
		"billing_details.name": wordsPersonName,
		"billing_details":      wordsPerson,
		"product_details.name": wordsNone,
		"customer_info":        wordsPerson,
		"process.command_args": wordsArgv,
		// Not credentials: counts, pagination, .NET's public key token, semconv's session.id.
		"gen_ai.usage.input_tokens": wordsNone,
		"next_page_token":           wordsNone,
		"cancellationToken":         wordsNone,
		"PublicKeyToken":            wordsNone,
		"session.id":                wordsNone,
		"cache.key":                 wordsNone,
		"user_agent.original":       wordsNone,
	} {
		assert.Equal(t, want, classifyKeyWords(k), k)
	}
}

func TestClassifyKeyWordsAllocatesNothing(t *testing.T) {
	assert.Zero(t, testing.AllocsPerRun(100, func() { classifyKeyWords("http.request.header.X-Api-Key") }))
}

// Keys that say something about a credential, and one-time codes' keys.
func TestCredentialMetadataAndOneTimeCodes(t *testing.T) {
	for _, k := range []string{"expires_in", "api_key_last4", "token_suffix", "password_changed_at"} {
		assert.True(t, credentialMetadata(k), k)
	}
	for _, k := range []string{"otp", "mfa_code", "user.totp", "x-2fa"} {
		assert.True(t, oneTimeCodeKey(k), k)
	}
	assert.False(t, oneTimeCodeKey("password"))
}

// In attributes, a name/value pair's value is what its sibling name names.
func TestNamedPairsInAttributes(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	defer r.putScratch(sc)
	secret, plain := pcommon.NewMap(), pcommon.NewMap()
	secret.PutStr("name", "DB_PASSWORD")
	secret.PutStr("value", "Pa1r-88x")
	plain.PutStr("name", "DB_PASSWORD_FILE")
	plain.PutStr("value", "/run/secrets/db")
	r.redactMap(secret, sc)
	r.redactMap(plain, sc)
	v, _ := secret.Get("value")
	assert.Equal(t, "[REDACTED:sensitive_key]", v.Str())
	v, _ = plain.Get("value")
	assert.Equal(t, "/run/secrets/db", v.Str())
}

// Values under credentials' keys that are none: options and methods, vendors'
// identifying SIDs, a test run's count; and those that are.
func TestCredentialValueIsNone(t *testing.T) {
	for k, v := range map[string]string{"credentials": "same-origin", "auth": "oauth2", "AccountSid": "AC0123456789abcdef0123456789abcdef",
		"user.sid": "S-1-5-21-3623811015-3361044348-30300820-1013", "tests.pass": "120"} {
		assert.True(t, credentialValueIsNone(k, v), k)
	}
	for k, v := range map[string]string{"auth": "hunter2hunter290", "credentials": "user:Pa55", "sid": "31d4d96e407aad42", "pass": "S3cret!", "password": "include"} {
		assert.False(t, credentialValueIsNone(k, v), k)
	}
}
