package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPathPairs(t *testing.T) {
	for in, want := range map[string][]string{
		"https://api.example.com/v1/passports/C01X00T47":                           {"C01X00T47"},
		"/customers/by-ssn/123-45-6789":                                            {"123-45-6789"},
		"https://x.example/v1/account_numbers/27046629/history?page=2":             {"27046629"},
		"/v1/kontonummers/1170563335/history":                                      {"1170563335"},
		"/api/v1/phones/517786527183/verify":                                       nil, // a resource's id as often
		"/v1/drivers_licences/S323-4296-5207":                                      {"S323-4296-5207"},
		"/v1/cnpjs/30.629.247%2F0001-32/history":                                   {"30.629.247%2F0001-32"},
		"/members/dob/1985-03-12?x=1":                                              {"1985-03-12"},
		"see /docs/passport/index.html and /v1/accounts/12345678/orders/987654321": nil,
		"/v1/phones/models/2024":                                                   nil,
		"/addresses/home":                                                          nil,
		"/api/ssn/validate":                                                        nil,
	} {
		var got []string
		ms, _ := appendPathPairs(nil, nil, in)
		for _, m := range ms {
			got = append(got, in[m.Start:m.End])
		}
		assert.Equal(t, want, got, in)
	}
}
