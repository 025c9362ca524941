package detector

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAPIKey(t *testing.T) {
	runDetectionCases(t, APIKey, []detectionCase{
		{in: "aws AKIAIOSFODNN7EXAMPLE", want: []string{"AKIAIOSFODNN7EXAMPLE"}},
		{in: "key=ASIAY34FZKBOKMUTVV7A;", want: []string{"ASIAY34FZKBOKMUTVV7A"}},
		{in: "sk_live_4eC39HqLyjWDarjtT1zdp7dc", want: []string{"sk_live_4eC39HqLyjWDarjtT1zdp7dc"}},
		{in: "rk_test_51H8abcdefghijkl", want: []string{"rk_test_51H8abcdefghijkl"}},
		{in: "ghp_16C7e42F292c6912E7710c838347Ae178B4a", want: []string{"ghp_16C7e42F292c6912E7710c838347Ae178B4a"}},
		{in: "github_pat_11ABCDEFG0123456789_abcdefghijklmnop", want: []string{"github_pat_11ABCDEFG0123456789_abcdefghijklmnop"}},
		{in: "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", want: []string{"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"}},
		{in: "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", want: []string{"AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"}},
		{in: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", want: []string{"T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"}},
		{in: "sk-proj-abcdefghijklmnopqrstuvwx", want: []string{"sk-proj-abcdefghijklmnopqrstuvwx"}},
		{in: "glpat-xYz0123456789abcdefGH", want: []string{"glpat-xYz0123456789abcdefGH"}},
		{in: "//registry.npmjs.org/:_authToken=npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", want: []string{"npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
		{in: "pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMAACKlsz", want: []string{"pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMAACKlsz"}},
		{in: "docker login -p dckr_pat_2bT5-h7Jk9LmNoPqRsTuVwXyZ01", want: []string{"dckr_pat_2bT5-h7Jk9LmNoPqRsTuVwXyZ01"}},
		{in: "twilio SK0123456789abcdef0123456789abcdef", want: []string{"SK0123456789abcdef0123456789abcdef"}},
		{in: "mailgun key-0123456789abcdef0123456789abcdef", want: []string{"key-0123456789abcdef0123456789abcdef"}},
		{in: "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", want: []string{"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"}},
		{in: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", want: []string{"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}},
		{in: "shpat_0123456789abcdef0123456789abcdef", want: []string{"shpat_0123456789abcdef0123456789abcdef"}},
		{in: "sq0atp-1234567890abcdefghijkl", want: []string{"sq0atp-1234567890abcdefghijkl"}},
		{in: "VAULT_TOKEN hvs.CAESIJ1Xk2f8aYb3nQZrPpL0mWcT4uVsD5eR", want: []string{"hvs.CAESIJ1Xk2f8aYb3nQZrPpL0mWcT4uVsD5eR"}},
		// A key of another format right where a webhook path's secret starts: the longer wins.
		{in: "hooks.slack.com/services/EAAA00000000000000000000000000000000000000000000000000000-000000", want: []string{"EAAA00000000000000000000000000000000000000000000000000000-000000"}},
		{in: "SKU0123456789", want: nil},
		{in: "key-value store", want: nil},
		{in: "AKIAIOSFODNN7EXAMPLEX", want: nil}, // too long
		{in: "xAKIAIOSFODNN7EXAMPLE", want: nil}, // glued
		{in: "sk_live_short", want: nil},
		{in: "ask-me-anything-about-the-kit", want: nil},
	})
}

// perFormatAPIKeyMatches is the straightforward implementation api_key replaced: one
// strings.Index pass per format, then sorted and de-overlapped. The single-pass
// scanner must report the same ranges.
func perFormatAPIKeyMatches(s string) []Match {
	var dst []Match
	for f := range apiKeyFormats {
		kf := &apiKeyFormats[f]
		for i := 0; i < len(s); {
			k := strings.Index(s[i:], kf.prefix)
			if k < 0 {
				break
			}
			start := i + k
			if kf.lead > 0 {
				// A marker inside the key: the lead before it is part of the key.
				if m, ok := kf.matchWithLead(s, start); ok {
					dst = append(dst, m)
					i = m.End
					continue
				}
				i = start + 1
				continue
			}
			if start > 0 && isWord(s[start-1]) && !kf.afterHost {
				i = start + 1
				continue
			}
			if m, ok := kf.matchAt(s, start); ok {
				dst = append(dst, m)
				i = m.End
				if kf.prefix == "AKIA" || kf.prefix == "ASIA" {
					// The secret access key that travels with the ID.
					if sm, ok := awsSecretAfter(s, m.End); ok {
						dst = append(dst, sm)
					}
				}
				continue
			}
			i = start + 1
		}
	}
	sortMatches(dst)
	return dedupeOverlaps(dst, 0)
}

func FuzzAPIKeyMatchesPerFormatScan(f *testing.F) {
	for _, s := range []string{
		"aws AKIAIOSFODNN7EXAMPLE and sk_live_4eC39HqLyjWDarjtT1zdp7dc",
		"https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
		"sk-AKIAIOSFODNN7EXAMPLEabcdefgh", "xoxb-xoxp-1234567890abc", "ghp_ghp_16C7e42F292c6912E7710c838347Ae178B4a",
		"hooks.slack.com/services/EAAA00000000000000000000000000000000000000000000000000000-000000",
		"ci,AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "GET /services/T4DPN8LGG/BAR9PBL3CL9/3572WkNg4a2DGJCd82eyLbto",
		"/bot4509984913:AAXgJLeTb3xxMEhbCbLIH4QphzTBsXCueYE/sendMessage", "ticket=ST-123456-Hf3kPq9ZrT2mXvB7wLcY4n-cas01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := apiKey{}.AppendMatches(nil, s), perFormatAPIKeyMatches(s)
		if !slices.Equal(got, want) {
			t.Fatalf("single pass %v, per-format scan %v, for %q", got, want, s)
		}
	})
}

// TestAPIKeyMoreVendors: formats added for the holdout's findings.
func TestAPIKeyMoreVendors(t *testing.T) {
	hex := func(n int) string { return strings.Repeat("a1b2c3d4e5f6", n/12+1)[:n] }
	aln := func(n int) string { return strings.Repeat("Ab3dEf9hIj", n/10+1)[:n] }
	keys := []string{
		"r8_" + aln(37), "gsk_" + aln(52), "pplx-" + aln(48), "pat-na1-01234567-89ab-cdef-0123-456789abcdef",
		"squ_" + hex(40), "bkua_" + hex(40), "sbp_" + hex(40), "pscale_tkn_" + aln(43),
		"access_token$production$" + hex(16) + "$" + hex(32), "dt0c01." + strings.ToUpper(aln(24)) + "." + strings.ToUpper(aln(64)),
		"pat" + aln(14) + "." + hex(64), "AKCp" + aln(69), "EAAG" + aln(180), "hcaik_" + strings.ToLower(aln(58)),
		"AAAA" + aln(7) + ":APA91b" + aln(134), hex(32) + "-us21", hex(36) + "NRAL", "Abc8Q~" + aln(34),
		"dp.st.prd." + aln(43),
	}
	for _, k := range keys {
		assert.Equal(t, []string{k}, found(apiKey{}, "key "+k+" rotated"), k)
	}
	for _, s := range []string{"pattern.matching.for.some.dotted.java.package", "EAAA short", "the -us1 region", "NRAL"} {
		assert.Empty(t, found(apiKey{}, s), s)
	}
}

// Bot and webhook paths without their host (access logs, server spans' url.path),
// by their segments' shapes; other paths under the same words stay.
func TestAPIKeyHostlessWebhookPaths(t *testing.T) {
	runDetectionCases(t, APIKey, []detectionCase{
		{in: `"GET /services/T4DPN8LGG/BAR9PBL3CL9/3572WkNg4a2DGJCd82eyLbto HTTP/1.1" 200`, want: []string{"4DPN8LGG/BAR9PBL3CL9/3572WkNg4a2DGJCd82eyLbto"}},
		{in: "POST /bot4509984913:AAXgJLeTb3xxMEhbCbLIH4QphzTBsXCueYE/sendMessage", want: []string{"4509984913:AAXgJLeTb3xxMEhbCbLIH4QphzTBsXCueYE"}},
		{in: "/api/webhooks/112233445566778899/" + strings.Repeat("aB3_", 17), want: []string{"112233445566778899/" + strings.Repeat("aB3_", 17)}},
		{in: "HRKU-AA" + strings.Repeat("x9Y_", 14) + "ab in the env", want: []string{"HRKU-AA" + strings.Repeat("x9Y_", 14) + "ab"}},
		{in: "GET /services/TicketServiceAdminPanel/BillingOverviewReports/abc HTTP/1.1", want: nil},
		{in: "GET /bot/status/healthcheck/liveness/readiness/probe/1234567890", want: nil},
		{in: "/api/webhooks/github/" + strings.Repeat("a", 70), want: nil},
	})
}

// An AWS secret access key has no format of its own: it is found right after the
// access key ID it travels with.
func TestAPIKeyAWSSecretAfterItsKeyID(t *testing.T) {
	runDetectionCases(t, APIKey, []detectionCase{
		{in: "ci-deployer,AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", want: []string{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}},
		{in: "creds AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ok", want: []string{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}},
		// A digest or a path after the ID is none.
		{in: "AKIAIOSFODNN7EXAMPLE used from 0123456789abcdef0123456789abcdef01234567", want: []string{"AKIAIOSFODNN7EXAMPLE"}},
		{in: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY alone", want: nil},
		{in: "using ASIAXA2JLAEEK2PO6UCW:rdqTVUxVslEVLWPAzdORnnRtUCRdJZQDleTIZKeV for", want: []string{"ASIAXA2JLAEEK2PO6UCW", "rdqTVUxVslEVLWPAzdORnnRtUCRdJZQDleTIZKeV"}},
	})
}

// CAS tickets by their shape; a ticket number of a desk is none.
func TestAPIKeyCASTickets(t *testing.T) {
	runDetectionCases(t, APIKey, []detectionCase{
		{in: "/login/cas?ticket=ST-123456-Hf3kPq9ZrT2mXvB7wLcY4n-cas01", want: []string{"ST-123456-Hf3kPq9ZrT2mXvB7wLcY4n-cas01"}},
		{in: "see ST-2024-ORDERS-MIGRATION-PLAN-DRAFT", want: nil},
	})
}
