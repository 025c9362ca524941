package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
)

func TestPersonalKeyKind(t *testing.T) {
	for k, want := range map[string]personalKind{
		"phone": personalPhone, "customer.phone_number": personalPhone, "mobileNumber": personalPhone,
		"contact_phone2": personalPhone, "to_number": personalPhone, "msisdn": personalPhone,
		"ssn": personalID, "social_security_number": personalID, "customer.bsn": personalID, "niNumber": personalID,
		"isikukood_nr": personalID, "passport_number": personalID, "customer.tax_id": personalID, "tckn": personalID,
		"date_of_birth": personalBirthDate, "dob": personalBirthDate, "birthDate": personalBirthDate,
		"shipping_address.line1": personalAddress, "street_address": personalAddress, "address": personalAddress,
		"account_number": personalAccount, "payout.iban": personalAccount,
		// Spellings the fieldpersonal corpus found: the id of a document, British licences,
		// a US employer's EIN, German and US account keys.
		"document.passport_id": personalID, "passportId": personalID, "applicant.drivers_licence": personalID,
		"driving_licence_no": personalID, "employer.ein": personalID, "fein": personalID,
		"konto_nr": personalAccount, "dda_account": personalAccount, "checking_account": personalAccount,
		"phone_id": personalNone, "address_id": personalNone, "customer_id": personalNone, "account": personalNone,
		// Not personal values: what is about them, or something else.
		"phone_verified": personalNone, "phone.model": personalNone, "dob_verified": personalNone,
		"address_family": personalNone, "server.address.port": personalNone, "session.id": personalNone,
		"tz": personalNone, "uid": personalNone, "pnr": personalNone,
	} {
		assert.Equal(t, want, personalKeyKind(k), k)
	}
}

func TestPersonalShaped(t *testing.T) {
	for _, tc := range []struct {
		kind personalKind
		v    string
		want bool
	}{
		{personalPhone, "512 345 678", true}, {personalPhone, "+48 (22) 123 45 67", true},
		{personalPhone, "089+6302606", true}, {personalPhone, "tel:+1-415-555-2671", true},
		{personalPhone, "0151 123456 ext. 12", true},
		{personalPhone, "Pixel 8", false}, {personalPhone, "true", false}, {personalPhone, "12345", false},
		{personalID, "123-45-6789", true}, {personalID, "AB 12 34 56 C", true}, {personalID, "C01X00T47", true},
		{personalID, "pending", false}, {personalID, "see the attached scan, page 2", false},
		{personalBirthDate, "1985-03-12", true}, {personalBirthDate, "9 November 1969", true},
		{personalBirthDate, "unknown", false},
		{personalAddress, "221B Baker Street", true}, {personalAddress, "ul. Długa 3/4", true},
		{personalAddress, "10.0.0.5:8080", false}, {personalAddress, "db.internal", false},
		{personalAddress, "10.0.0.1 port 80", false}, {personalAddress, "jane@example.com", false},
		{personalAccount, "12345678", true}, {personalAccount, "12345", false},
	} {
		assert.Equal(t, tc.want, personalShaped(tc.kind, tc.v), "%d %q", tc.kind, tc.v)
	}
}

func TestPersonalTokens(t *testing.T) {
	for _, tc := range []struct {
		kind personalKind
		v    string
		want string
	}{
		{personalID, "Z9856354P caducado", "Z9856354P"},
		{personalID, "AB 12 34 56 C please", "AB 12 34 56 C"},
		{personalID, "722-56-7619 version=2020.01.11", "722-56-7619"},
		{personalID, "037264727> HTTP/1.1 502", "037264727"},
		{personalPhone, "+48 512 345 678 after 5pm", "+48 512 345 678"},
		{personalPhone, "(11) 91234-5678, ok", "(11) 91234-5678"},
		{personalBirthDate, "12 March 1985, ref 42", "12 March 1985"},
		{personalAddress, "Flat 13, 194 Station Road; next", "Flat 13, 194 Station Road"},
	} {
		assert.Equal(t, tc.want, tc.v[:personalTokens(tc.kind, tc.v)], tc.v)
	}
}

// TestPersonalValuesByKey: through the redactor, in attributes and in text.
func TestPersonalValuesByKey(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	for in, want := range map[string]string{
		`{"customer":{"phone":"512 345 678","tier":"gold"}}`:  `{"customer":{"phone":"[REDACTED:phone]","tier":"gold"}}`,
		`CustomerDto(id=42, steuerId=14 038 526 393, tier=G)`: `CustomerDto(id=42, steuerId=[REDACTED:national_id], tier=G)`,
		`dob: 1985-03-12, ref ORD-1`:                          `dob: [REDACTED:sensitive_key], ref ORD-1`,
		`id=42&tel=8+%28995%29+974-96-43&submit=Save`:         `id=42&tel=[REDACTED:phone]&submit=Save`,
		// The number of the map whose key names it; the name of a key that names one person.
		`{"passport":{"number":"C01X00T47","country":"DE"},"id":"ORD-1"}`:        `{"passport":{"number":"[REDACTED:national_id]","country":"DE"},"id":"ORD-1"}`,
		`{"bank_account":{"number":"12345678"},"id":"ORD-2"}`:                    `{"bank_account":{"number":"[REDACTED:sensitive_key]"},"id":"ORD-2"}`,
		`{\"bank_account\":{\"iban\":\"x\"},\"id\":\"ORD-2025-746249\"}`:         `{\"bank_account\":{\"iban\":\"x\"},\"id\":\"ORD-2025-746249\"}`,
		`{"account_holder":"Jane van der Berg","customer":"cus_Nf8a1"}`:          `{"account_holder":"[REDACTED:sensitive_key]","customer":"cus_Nf8a1"}`,
		`AccountHolder:"HIROSHI ROSSI" Plan:Pro`:                                 `AccountHolder:"[REDACTED:sensitive_key]" Plan:Pro`,
		`{"billing_details":{"name":"Doe, Jane","email":null}}`:                  `{"billing_details":{"name":"[REDACTED:sensitive_key]","email":null}}`,
		`delivery failed for address: Hauptstraße 69: carrier rejected`:          `delivery failed for address: [REDACTED:sensitive_key]: carrier rejected`,
		`delivery failed for address: 219 Kungsgatan: carrier rejected`:          `delivery failed for address: [REDACTED:sensitive_key]: carrier rejected`,
		`shipping address: 106 Sunset Boulevard: carrier rejected`:               `shipping address: [REDACTED:sensitive_key]: carrier rejected`,
		`SMS delivery failed for customer name: SIOBHÁN ROSSI: carrier rejected`: `SMS delivery failed for customer name: [REDACTED:sensitive_key]: carrier rejected`,
		`&{ID:42 CustomerAddress:Calle Serrano 22, 4º B Tier:gold}`:              `&{ID:42 CustomerAddress:[REDACTED:sensitive_key] Tier:gold}`,
		`{"recipient":"ops team","holder":"n/a"}`:                                `{"recipient":"ops team","holder":"n/a"}`,
		// Kept: a value of another shape, a key about the value.
		`{"phone":"n/a","phone_verified":"true","address":"10.0.0.5:8080"}`: `{"phone":"n/a","phone_verified":"true","address":"10.0.0.5:8080"}`,
	} {
		out, _, _ := r.redactString(in, sc, false)
		assert.Equal(t, want, out, in)
	}
}

// TestPersonalValuesInNestedAttributes: the same rules in attribute maps: the number
// of a map whose key names it, a person's key whose value is a name, a name under a
// person's details.
func TestPersonalValuesInNestedAttributes(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	m := pcommon.NewMap()
	require.NoError(t, m.FromRaw(map[string]any{
		"app.request": map[string]any{
			"passport":        map[string]any{"number": "C01X00T47", "country": "DE"},
			"bank_account":    map[string]any{"number": "12345678", "currency": "EUR"},
			"account_holder":  "Jane van der Berg",
			"beneficiary":     []any{"AMELIA DUBOIS", "Søren Rossi"},
			"sms":             map[string]any{"to": "727 07 329", "template": "otp-v2"},
			"shipment":        map[string]any{"to": "727 07 329"},
			"billing_details": map[string]any{"name": "Doe, Jane"},
			"customer":        "cus_Nf8a1",
			"id":              "ORD-2025-000123",
			"product":         map[string]any{"number": "12345678", "name": "Blue Shirt"},
		},
	}))
	r.redactMap(m, sc)
	want := map[string]any{
		"app.request": map[string]any{
			"passport":        map[string]any{"number": "[REDACTED:national_id]", "country": "DE"},
			"bank_account":    map[string]any{"number": "[REDACTED:sensitive_key]", "currency": "EUR"},
			"account_holder":  "[REDACTED:sensitive_key]",
			"beneficiary":     []any{"[REDACTED:sensitive_key]", "[REDACTED:sensitive_key]"},
			"sms":             map[string]any{"to": "[REDACTED:phone]", "template": "otp-v2"},
			"shipment":        map[string]any{"to": "727 07 329"},
			"billing_details": map[string]any{"name": "[REDACTED:sensitive_key]"},
			"customer":        "cus_Nf8a1",
			"id":              "ORD-2025-000123",
			"product":         map[string]any{"number": "12345678", "name": "Blue Shirt"},
		},
	}
	assert.Equal(t, want, m.AsRaw())
}
