package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBareE164(t *testing.T) {
	for v, want := range map[string]bool{
		"447700900123": true, "31612345678": true, "14155552671": true, "4915123456789": true,
		// Not a whole international number, or not digits.
		"1709251200000": false, "1709251200": false, "20240101123045": false, "20240101": false, "+447700900123": false, "4477009": false, "ORD1234567890": false,
	} {
		assert.Equal(t, want, bareE164(v), v)
	}
	for k, want := range map[string]bool{"to": true, "sms.to": true, "recipient": true, "originator": true, "to_date": false, "toast": false} {
		assert.Equal(t, want, addresseeKey(k), k)
	}
}

func TestBareE164UnderAddresseeKeys(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	for in, want := range map[string]string{
		`{"messages":[{"to":"447700900123","message-id":"0A0000000123ABCD1","status":"0"}]}`: `{"messages":[{"to":"[REDACTED:phone]","message-id":"0A0000000123ABCD1","status":"0"}]}`,
		`{"items":[{"recipient":31612345678,"status":"sent"}]}`:                              `{"items":[{"recipient":[REDACTED:phone],"status":"sent"}]}`,
		`{"from":"1709251200000","to":"1709337600000"}`:                                      `{"from":"1709251200000","to":"1709337600000"}`,
	} {
		out, _, _ := r.redactString(in, sc, false)
		assert.Equal(t, want, out, in)
	}
}
