package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHoldoutSeedsFindings: what the holdout found on seeds other than its own, once
// its own read 100% (internal/holdout -holdout.seed): values a rule read as
// something else one time in a few thousand.
func TestHoldoutSeedsFindings(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	defer r.putScratch(sc)
	for in, want := range map[string]string{
		// A Bearer token of letters alone, in Java's and Go's header maps.
		"Request headers: {Authorization=[Bearer TsKoToBpJXxiCqBxZUVevlIJhmWMdCdamTBiPKoIBmQ], Accept=[application/json]}": "Request headers: {Authorization=[Bearer [REDACTED:auth_credential]], Accept=[application/json]}",
		"headers=map[Accept:[application/json] Authorization:[Bearer TsKoToBpJXxiCqBxZUVevlIJhmWMdCdamTBiPKoIBmQ]]":        "headers=map[Accept:[application/json] Authorization:[Bearer [REDACTED:auth_credential]]]",
		// A credential's one word before a quoted token.
		"ValidationError: invalid apikey '4ARgDsiXnoBSExL4CXjFW0klmoLBXkquzn': rejected by validator": "ValidationError: invalid apikey '[REDACTED:sensitive_key]': rejected by validator",
		// A link's token of letters and '_' alone.
		"https://shop.example.com/reset-password/ByfSllWBUoeyNqqtGOOGeyVTQVylYDh_qHpAzunHnqs": "https://shop.example.com/reset-password/[REDACTED:url_credential]",
		// Base64 secrets that start with '/' are no paths.
		"[default]\naws_secret_access_key = /4tbeP0RIGx3oLBnsQaFhskzqXq/BEawsivpO0F1\nregion = eu-west-1": "[default]\naws_secret_access_key = [REDACTED:url_credential]\nregion = eu-west-1",
		// A name with an apostrophe, quoted.
		"invalid payer_name 'Wei O'Brien': rejected by validator": "invalid payer_name '[REDACTED:sensitive_key]': rejected by validator",
		// Masked values stay; a password with "***" inside does not.
		"UPDATE customers SET password = 'xxxx-xxxx-xxxx-7319' WHERE id = 42":                                       "UPDATE customers SET password = 'xxxx-xxxx-xxxx-7319' WHERE id = 42",
		"<Customer><ApiKey>&lt;redacted&gt;</ApiKey></Customer>":                                                    "<Customer><ApiKey>&lt;redacted&gt;</ApiKey></Customer>",
		"CREATE USER loader IDENTIFIED WITH sha256_password BY '+jA[ajWvP06YZ~Kwf~sw!<vC8?F***4W' DEFAULT ROLE etl": "CREATE USER loader IDENTIFIED WITH sha256_password BY '[REDACTED:sensitive_key]' DEFAULT ROLE etl",
		// A product's barcode that passes Luhn.
		"scanned barcode 57668292883879": "scanned barcode 57668292883879",
		// "db#password" ends a quoted string: no SQL PASSWORD after it.
		`args: [{:secret_ref=>"vault:kv/shop/db#password", :source=>"web"}]`: `args: [{:secret_ref=>"vault:kv/shop/db#password", :source=>"web"}]`,
	} {
		out, _, _ := r.redactString(in, sc, false)
		assert.Equal(t, want, out, in)
	}
}
