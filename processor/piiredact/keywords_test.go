package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
