package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

func markupValues(s string) []string {
	var out []string
	appendMarkupValues(s, func(m detector.Match, kind personalKind) {
		if kind != keepKind {
			out = append(out, s[m.Start:m.End])
		}
	})
	return out
}

func markupKeeps(s string) []string {
	var out []string
	appendMarkupValues(s, func(m detector.Match, kind personalKind) {
		if kind == keepKind {
			out = append(out, s[m.Start:m.End])
		}
	})
	return out
}

// TestMarkupByParentAndIdentifiers: rules that need an element's parent, names of
// one person as values, identifiers kept by their key in every markup notation.
func TestMarkupByParentAndIdentifiers(t *testing.T) {
	for in, want := range map[string][]string{
		`<Customer><Id>7</Id><Name>LUKAS WHITFIELD</Name></Customer><Product><Name>Blue Shirt</Name></Product>`: {"LUKAS WHITFIELD"},
		`<ns:Sender xmlns:ns="urn:x"><ns:Name>Sofía Oyelaran</ns:Name></ns:Sender>`:                             {"Sofía Oyelaran"},
		`<Passport><Number>C01X00T47</Number></Passport><Order><Number>ORD-1</Number></Order>`:                  {"C01X00T47"},
		`<AccountHolder>Jane van der Berg</AccountHolder><Recipient>ops team</Recipient>`:                       {"Jane van der Berg"},
		"Array\n(\n    [account_holder] => Okonkwo, Nkechi\n    [plan] => Pro\n)\n":                             {"Okonkwo, Nkechi"},
	} {
		assert.Equal(t, want, markupValues(in), in)
	}
	for in, want := range map[string][]string{
		`<Dd><TraceId>4856833459527225405</TraceId></Dd>`:                               {"4856833459527225405"},
		"Array\n(\n    [dd_trace_id] => 4823127222560963604\n)\n":                       {"4823127222560963604"},
		`INSERT INTO items (product_gtin, sku) VALUES ('5008244341663', 'TSH-BLK-M-1')`: {"5008244341663"},
	} {
		assert.Equal(t, want, markupKeeps(in), in)
	}
}

func TestMarkupValues(t *testing.T) {
	for in, want := range map[string][]string{
		`<user><name>bob</name><password>p4ss&amp;w0rd</password></user>`:                                       {"p4ss&amp;w0rd"},
		`<wsse:Password Type="…#PasswordText">s0ap-Pa55</wsse:Password>`:                                        {"s0ap-Pa55"},
		`<add key="SmtpPassword" value="smtp-Pa55" /><add key="SmtpPort" value="587" />`:                        {"smtp-Pa55"},
		"Array\n(\n    [id] => 42\n    [password] => php-Pa55\n)\n":                                             {"php-Pa55"},
		"array(1) {\n  [\"api_key\"]=>\n  string(7) \"k-12345\"\n}":                                             {"k-12345"},
		`[["email", "a@b.example"], ["phone", "512 345 678"], ["id", 42]]`:                                      {"512 345 678"},
		"name=\"password\"\r\n\r\nmulti-Pa55\r\n--boundary--":                                                   nil, // no form-data header
		"Content-Disposition: form-data; name=\"password\"\r\n\r\nmulti-Pa55\r\n--b--":                          {"multi-Pa55"},
		"INSERT INTO customers (id, phone, tier) VALUES (42, '512 345 678', 'gold'), (43, N'601 905 330', 'x')": {"512 345 678", "601 905 330"},
		`invalid api_key 'k-98765': rejected`:                                                                   {"k-98765"},
		`invalid surname 'Nagy': rejected`:                                                                      {"Nagy"},
		`invalid tckn '10000000146'`:                                                                            {"10000000146"},
		// Nothing to find: things' names and values, a single word before a quote.
		`<service><name>checkout</name><port>8080</port></service>`:                    nil,
		`MountVolume.SetUp failed for volume "db-creds" : secret "db-creds" not found`: nil,
		`INSERT INTO jobs (id, name) VALUES (1, 'nightly')`:                            nil,
	} {
		assert.Equal(t, want, markupValues(in), in)
	}
}

func configLineSecrets(s string) []string {
	var out []string
	for _, m := range appendConfigLineSecrets(nil, s) {
		out = append(out, s[m.Start:m.End])
	}
	return out
}

func TestConfigLineSecrets(t *testing.T) {
	for in, want := range map[string][]string{
		"bind 0.0.0.0\nrequirepass r3dis-Pa55\nmaxmemory 256mb":                     {"r3dis-Pa55"},
		"> USER deploy\n< 331 Please specify the password.\n> PASS ftp-Pa55\n< 230": {"ftp-Pa55"},
		"C: a001 LOGIN bob imap-Pa55\nS: a001 OK":                                   {"imap-Pa55"},
		"S: 334 UGFzc3dvcmQ6\nC: c210cC1QYTU1\nS: 235 2.7.0 Accepted":               {"c210cC1QYTU1"},
		"machine api.github.com login bob password netrc-Pa55":                      {"netrc-Pa55"},
		"machine a login b c password netrc-Pa55 account x":                         {"netrc-Pa55"},
		"machine a login b c d e f g password netrc-Pa55":                           nil, // past the words read (no panic)
		"Step 4/9 : ENV DB_PASSWORD docker-Pa55\n ---> Running in 3f9a1c2b7d8e":     {"docker-Pa55"},
		// Prose.
		"password reset requested\npassword updated\ntoken expired": nil,
		"pass the salt": nil,
		// A command's login subcommand and its flags are no IMAP transcript.
		"oc login '--token=sha256~abc' --server=https://api.ocp.example.com:6443": nil,
	} {
		assert.Equal(t, want, configLineSecrets(in), in)
	}
}

func labelledValues(s string) []string {
	var out []string
	appendLabelledValues(s, func(m detector.Match, _ personalKind) { out = append(out, s[m.Start:m.End]) })
	return out
}

func TestLabelledValues(t *testing.T) {
	for in, want := range map[string][]string{
		"patient record: DOB 12/03/1985; MRN 42":          {"12/03/1985"},
		"date of birth 1985-03-12 does not match":         {"1985-03-12"},
		"TC Kimlik No: 10000000146 doğrulanamadı":         {"10000000146"},
		"NRIC S1234567D, please verify":                   {"S1234567D"},
		"passport number C01X00T47 expired":               {"C01X00T47"},
		"payee account no. 26389347 (sort code 20-00-00)": {"26389347"},
		"NEFT to A/c No. 417319475498 (IFSC HDFC0001234)": {"417319475498"},
		// A date's words are months, not the sentence after it (fieldpersonal).
		"user lookup by DOB 1976-09-17 returned 0 rows":       {"1976-09-17"},
		"born 04/04/1953 returned 0 rows":                     {"04/04/1953"},
		"geboren am: DOB 12. März 1985, ok":                   {"12. März 1985"},
		"driver's license E4854219; retry":                    {"E4854219"},
		"request from cardholder: PRIYA VASQUEZ rate limited": {"PRIYA VASQUEZ"},
		"customer name: Doe, Jane; order 42":                  {"Doe, Jane"},
		"recipient: Zofia van der Berg":                       {"Zofia van der Berg"},
		"from cardholder: van der Berg, Ingrid rate limited":  {"van der Berg, Ingrid"},
		"recipient list empty, cardholder unknown":            nil,
		"recipient: ops team":                                 nil,
		// Not labels: a word that contains one, the German "nie", lower-case "sin".
		"dobby 1985-03-12":         nil,
		"ich war nie 2019 da":      nil,
		"sin 2019 no hubo cambios": nil,
		"account 123456789 locked": nil,
	} {
		assert.Equal(t, want, labelledValues(in), in)
	}
}
