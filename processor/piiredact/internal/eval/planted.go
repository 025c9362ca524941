package eval

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Class says where a value can be planted.
type Class uint8

const (
	// Free values say what they are by their format (a card number, an e-mail
	// address, a JWT): they are planted anywhere, prose included.
	Free Class = iota
	// Credential values are secrets with no format of their own (a password, an
	// opaque session token): they are planted where something names them as a
	// credential (a key, a flag, a header, a clause).
	Credential
	// Person values are personal names: planted under keys that name a person.
	Person
)

// Value is one planted value: Text is what is planted; Secret are the parts of it
// that must not survive (usually Text itself) and Keep the parts that must.
type Value struct {
	Kind    string // the detector (or the kind of rule) that must find it
	Variant string // the format, e.g. "visa/grouped"
	Class   Class
	Text    string
	Secret  []string
	Keep    []string
	// Context is a word that names the value for formats that are ambiguous
	// alone ("NHS number", "SSN"); planted before the value in prose.
	Context string
}

func free(kind, variant, text string) Value {
	return Value{Kind: kind, Variant: variant, Class: Free, Text: text, Secret: []string{text}}
}

// Kinds of planted values. Rows of the report are these; most are the built-in
// detector that must find them.
const (
	KindCreditCard     = "credit_card"
	KindEmail          = "email"
	KindPhone          = "phone"
	KindUSSSN          = "us_ssn"
	KindNationalID     = "national_id"
	KindIPv4           = "ipv4"
	KindIPv6           = "ipv6"
	KindIBAN           = "iban"
	KindJWT            = "jwt"
	KindAuthCredential = "auth_credential"
	KindAPIKey         = "api_key"
	KindPrivateKey     = "private_key"
	KindURLCredential  = "url_credential"
	// KindCredential is a secret with no format, found by what names it.
	KindCredential = "credential"
	// KindPersonName is a person's name, found by the key that holds it.
	KindPersonName = "person_name"
)

// ---- payment cards (ISO/IEC 7812: issuer prefixes, lengths, Luhn) ----

type cardBrand struct {
	name     string
	prefixes []string
	lengths  []int
}

var cardBrands = []cardBrand{
	{"visa", []string{"4"}, []int{16, 16, 16, 13, 19}},
	{"mastercard", []string{"51", "52", "53", "54", "55", "2221", "2300", "2500", "2720"}, []int{16}},
	{"amex", []string{"34", "37"}, []int{15}},
	{"discover", []string{"6011", "644", "645", "649", "65"}, []int{16, 16, 19}},
	{"diners", []string{"300", "305", "36", "38", "39"}, []int{14, 16}},
	{"jcb", []string{"3528", "3550", "3589"}, []int{16, 19}},
	{"unionpay", []string{"62"}, []int{16, 17, 18, 19}},
	{"maestro", []string{"50", "56", "57", "58", "63", "67"}, []int{12, 13, 16, 19}},
}

func luhnCheckDigit(payload string) byte {
	sum := 0
	double := true
	for i := len(payload) - 1; i >= 0; i-- {
		v := int(payload[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

func (g *gen) cardNumber(b cardBrand) string {
	p := pick(g, b.prefixes)
	n := pick(g, b.lengths)
	payload := p + g.digits(n-1-len(p))
	return payload + string(luhnCheckDigit(payload))
}

// cardGroups is how each length is printed on the card.
func cardGroups(n int, amexLike bool) []int {
	switch {
	case n == 15 && amexLike:
		return []int{4, 6, 5}
	case n == 14:
		return []int{4, 6, 4}
	case n == 15:
		return []int{4, 4, 4, 3}
	case n == 19:
		return []int{4, 4, 4, 4, 3}
	case n == 13:
		return []int{4, 4, 5}
	case n == 12:
		return []int{4, 4, 4}
	}
	var gs []int
	for n > 0 {
		gs = append(gs, min(4, n))
		n -= 4
	}
	return gs
}

func group(s string, sizes []int, sep string) string {
	var parts []string
	i := 0
	for _, n := range sizes {
		parts = append(parts, s[i:i+n])
		i += n
	}
	return strings.Join(parts, sep)
}

func (g *gen) creditCard() Value {
	b := pick(g, cardBrands)
	num := g.cardNumber(b)
	switch g.intn(4) {
	case 0:
		v := free(KindCreditCard, b.name+"/compact", num)
		if len(num) == 12 {
			v.Context = pick(g, []string{"card", "Maestro", "PAN"}) // twelve bare digits are a card only so named
		}
		return v
	case 1:
		return free(KindCreditCard, b.name+"/dashed", group(num, cardGroups(len(num), b.name == "amex"), "-"))
	default:
		return free(KindCreditCard, b.name+"/spaced", group(num, cardGroups(len(num), b.name == "amex"), " "))
	}
}

// ---- IBAN (ISO 13616: per-country length, mod 97) ----

// ibanCountries: country, total length, and how many letters start the BBAN (a
// bank code of letters in GB, NL, IE...; digits elsewhere).
var ibanCountries = []struct {
	cc      string
	length  int
	letters int
}{
	{"DE", 22, 0}, {"GB", 22, 4}, {"FR", 27, 0}, {"ES", 24, 0}, {"IT", 27, 1}, {"NL", 18, 4},
	{"BE", 16, 0}, {"AT", 20, 0}, {"CH", 21, 0}, {"IE", 22, 4}, {"PT", 25, 0}, {"PL", 28, 0},
	{"SE", 24, 0}, {"DK", 18, 0}, {"FI", 18, 0}, {"NO", 15, 0}, {"CZ", 24, 0}, {"HU", 28, 0},
	{"RO", 24, 4}, {"BG", 22, 4}, {"GR", 27, 0}, {"LU", 20, 0}, {"MT", 31, 4}, {"CY", 28, 0},
	{"SA", 24, 0}, {"AE", 23, 0}, {"TR", 26, 0}, {"BR", 29, 0}, {"IL", 23, 0}, {"LT", 20, 0},
}

func ibanMod97(s string) int {
	rem := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
			continue
		}
		rem = (rem*10 + int(c-'0')) % 97
	}
	return rem
}

func (g *gen) iban() Value {
	c := pick(g, ibanCountries)
	bban := g.chars(upperChars, c.letters) + g.digits(c.length-4-c.letters)
	check := 98 - ibanMod97(bban+c.cc+"00")
	v := fmt.Sprintf("%s%02d%s", c.cc, check, bban)
	if g.chance(50) {
		return free(KindIBAN, c.cc+"/compact", v)
	}
	var parts []string
	for i := 0; i < len(v); i += 4 {
		parts = append(parts, v[i:min(i+4, len(v))])
	}
	return free(KindIBAN, c.cc+"/grouped", strings.Join(parts, " "))
}

// ---- e-mail addresses (RFC 5322 local parts, RFC 6531 internationalised) ----

var (
	emailDomains = []string{
		"example.com", "example.org", "mail.example.net", "corp.example.co.uk", "example.de", "gmail.com",
		"outlook.com", "proton.me", "students.uni-example.edu", "example.travel", "eu.mail.example.io",
		"sub.dept.example.com.au", "example-shop.fr", "x.example",
	}
	idnDomains = []string{"bücher.example", "münchen.example.de", "xn--bcher-kva.example", "例え.jp", "почта.рф"}
	plusTags   = []string{"billing", "news", "2024", "shop-checkout", "a.b"}
)

func (g *gen) localPart() string {
	f := strings.ToLower(asciiFold(pick(g, firstNames)))
	l := strings.ToLower(asciiFold(pick(g, lastNames)))
	switch g.intn(7) {
	case 0:
		return f + "." + l
	case 1:
		return f + "_" + l
	case 2:
		return f[:1] + l
	case 3:
		return f + "-" + l + g.digits(2)
	case 4:
		return f + g.digits(4)
	case 5:
		return strings.ToUpper(f[:1]) + f[1:] + "." + strings.ToUpper(l[:1]) + l[1:]
	}
	return f + l
}

func (g *gen) email() Value {
	switch g.intn(8) {
	case 0:
		return free(KindEmail, "plus-tag", g.localPart()+"+"+pick(g, plusTags)+"@"+pick(g, emailDomains))
	case 1:
		return free(KindEmail, "idn", g.localPart()+"@"+pick(g, idnDomains))
	case 2:
		return free(KindEmail, "url-encoded", g.localPart()+"%40"+pick(g, emailDomains))
	case 3:
		local := strings.ToLower(pick(g, []string{"josé", "zoë", "björn", "françois", "søren"})) + "." + strings.ToLower(asciiFold(pick(g, lastNames)))
		return free(KindEmail, "utf8-local", local+"@"+pick(g, emailDomains))
	case 4:
		return free(KindEmail, "upper-case", strings.ToUpper(g.localPart()+"@"+pick(g, emailDomains)))
	}
	return free(KindEmail, "plain", g.localPart()+"@"+pick(g, emailDomains))
}

// ---- phone numbers (ITU-T E.164 and the national numbering plans) ----

// phonePlans: country code, the national significant number's groups as printed
// in international form, and the same number written nationally.
type phonePlan struct {
	country string
	cc      string
	groups  []int  // national significant number, grouped for print
	lead    string // leading digits of the national significant number
	trunk   string // national trunk prefix ("0"), "" where there is none
	natFmt  func(nsn string) string
}

var phonePlans = []phonePlan{
	{"GB", "44", []int{2, 4, 4}, "20", "0", func(n string) string { return "0" + n[:2] + " " + n[2:6] + " " + n[6:] }},
	{"GB-mobile", "44", []int{4, 6}, "77", "0", func(n string) string { return "0" + n[:4] + " " + n[4:] }},
	{"DE", "49", []int{2, 8}, "30", "0", func(n string) string { return "0" + n[:2] + " " + n[2:] }},
	{"DE-mobile", "49", []int{3, 8}, "151", "0", func(n string) string { return "0" + n[:3] + " " + n[3:] }},
	{"FR", "33", []int{1, 2, 2, 2, 2}, "6", "0", func(n string) string {
		return "0" + n[:1] + " " + n[1:3] + " " + n[3:5] + " " + n[5:7] + " " + n[7:]
	}},
	{"ES", "34", []int{3, 3, 3}, "91", "", func(n string) string { return n[:3] + " " + n[3:6] + " " + n[6:] }},
	{"IT", "39", []int{2, 4, 4}, "06", "", func(n string) string { return n[:2] + " " + n[2:6] + " " + n[6:] }},
	{"NL", "31", []int{2, 7}, "20", "0", func(n string) string { return "0" + n[:2] + "-" + n[2:] }},
	{"IN", "91", []int{5, 5}, "98", "0", func(n string) string { return n[:5] + " " + n[5:] }},
	{"JP", "81", []int{1, 4, 4}, "3", "0", func(n string) string { return "0" + n[:1] + "-" + n[1:5] + "-" + n[5:] }},
	{"BR", "55", []int{2, 5, 4}, "11", "0", func(n string) string { return "(" + n[:2] + ") " + n[2:7] + "-" + n[7:] }},
	{"AU", "61", []int{1, 4, 4}, "2", "0", func(n string) string { return "(0" + n[:1] + ") " + n[1:5] + " " + n[5:] }},
	{"MX", "52", []int{2, 4, 4}, "55", "", func(n string) string { return n[:2] + " " + n[2:6] + " " + n[6:] }},
	{"CN", "86", []int{3, 4, 4}, "139", "0", func(n string) string { return n[:3] + " " + n[3:7] + " " + n[7:] }},
	{"ZA", "27", []int{2, 3, 4}, "82", "0", func(n string) string { return "0" + n[:2] + " " + n[2:5] + " " + n[5:] }},
	{"SE", "46", []int{2, 3, 2, 2}, "70", "0", func(n string) string { return "0" + n[:2] + "-" + n[2:5] + " " + n[5:7] + " " + n[7:] }},
	{"PL", "48", []int{3, 3, 3}, "512", "", func(n string) string { return n[:3] + " " + n[3:6] + " " + n[6:] }},
	{"IE", "353", []int{2, 3, 4}, "87", "0", func(n string) string { return "0" + n[:2] + " " + n[2:5] + " " + n[5:] }},
	{"SG", "65", []int{4, 4}, "91", "", func(n string) string { return n[:4] + " " + n[4:] }},
	{"AE", "971", []int{2, 3, 4}, "50", "0", func(n string) string { return "0" + n[:2] + " " + n[2:5] + " " + n[5:] }},
}

func (g *gen) nationalNumber(p phonePlan) string {
	total := 0
	for _, n := range p.groups {
		total += n
	}
	return p.lead + g.digits(total-len(p.lead))
}

func (g *gen) nanpNumber() (area, exchange, line string) {
	return fmt.Sprint(g.between(2, 9)) + g.digits(2), fmt.Sprint(g.between(2, 9)) + g.digits(2), g.digits(4)
}

func (g *gen) phone() Value {
	switch g.intn(10) {
	case 0, 1:
		a, e, l := g.nanpNumber()
		v := pick(g, []string{"(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "%s %s %s", "1-%s-%s-%s"})
		return free(KindPhone, "nanp", fmt.Sprintf(v, a, e, l))
	case 2:
		a, e, l := g.nanpNumber()
		v := pick(g, []string{"+1 (%s) %s-%s", "+1-%s-%s-%s", "+1 %s %s %s", "+1%s%s%s", "+1.%s.%s.%s"})
		return free(KindPhone, "international/NANP", fmt.Sprintf(v, a, e, l))
	case 3, 4, 5:
		p := pick(g, phonePlans)
		nsn := g.nationalNumber(p)
		switch g.intn(6) {
		case 0:
			return free(KindPhone, "international/e164", "+"+p.cc+nsn)
		case 1:
			return free(KindPhone, "international/dashed", "+"+p.cc+"-"+group(nsn, p.groups, "-"))
		case 2:
			if p.trunk != "" {
				return free(KindPhone, "international/(0)", "+"+p.cc+" (0)"+group(nsn, p.groups, " "))
			}
		case 3:
			return free(KindPhone, "international/00", "00"+p.cc+" "+group(nsn, p.groups, " "))
		case 4:
			return free(KindPhone, "international/tel-uri", "tel:+"+p.cc+"-"+group(nsn, p.groups, "-"))
		}
		return free(KindPhone, "international/spaced", "+"+p.cc+" "+group(nsn, p.groups, " "))
	case 6:
		p := pick(g, phonePlans)
		nsn := g.nationalNumber(p)
		enc := pick(g, []string{"%2B" + p.cc + nsn, "%2B" + p.cc + "%20" + group(nsn, p.groups, "%20"), "%2B" + p.cc + "+" + group(nsn, p.groups, "+")})
		v := free(KindPhone, "url-encoded", enc)
		return v
	}
	p := pick(g, phonePlans)
	nsn := g.nationalNumber(p)
	// National formats of many countries are the national-phone work of issue #20:
	// measured here, held to the threshold when it lands.
	v := free(KindPhone, pendingPrefix+"national/"+p.country, p.natFmt(nsn))
	v.Context = pick(g, []string{"tel", "phone", "mobile", "call", "Tel.", "contact number"})
	return v
}

// ---- US Social Security numbers (SSA: area, group, serial) ----

func (g *gen) ssnParts() (string, string, string) {
	area := g.between(1, 899)
	for area == 666 {
		area = g.between(1, 899)
	}
	return fmt.Sprintf("%03d", area), fmt.Sprintf("%02d", g.between(1, 99)), fmt.Sprintf("%04d", g.between(1, 9999))
}

func (g *gen) ssn() Value {
	a, gr, s := g.ssnParts()
	switch g.intn(5) {
	case 0:
		v := free(KindUSSSN, "bare-with-context", a+gr+s)
		v.Context = pick(g, []string{"SSN", "ssn:", "Social Security Number", "SSN#"})
		return v
	case 1, 2:
		return free(KindUSSSN, "spaced", a+" "+gr+" "+s)
	}
	return free(KindUSSSN, "dashed", a+"-"+gr+"-"+s)
}

// ---- IP addresses (public; internal ones are look-alikes) ----

func (g *gen) publicIPv4() string {
	for {
		a := g.between(1, 223)
		b := g.intn(256)
		switch {
		case a == 10, a == 127, a == 0, a == 172 && b >= 16 && b < 32, a == 192 && b == 168, a == 169 && b == 254:
			continue
		}
		return fmt.Sprintf("%d.%d.%d.%d", a, b, g.intn(256), g.between(1, 254))
	}
}

func (g *gen) ipv4() Value { return free(KindIPv4, "public", g.publicIPv4()) }

func (g *gen) ipv6() Value {
	prefix := pick(g, []string{"2001:db8", "2a00:1450", "2606:4700", "2a03:2880", "2600:1f18", "2001:4860"})
	switch g.intn(4) {
	case 0:
		return free(KindIPv6, "compressed", fmt.Sprintf("%s::%x", prefix, g.between(1, 0xffff)))
	case 1:
		return free(KindIPv6, "full", fmt.Sprintf("%s:%x:%x:%x:%x:%x:%x", prefix, g.intn(0x10000), g.intn(0x10000), g.intn(0x10000), g.intn(0x10000), g.intn(0x10000), g.between(1, 0xffff)))
	case 2:
		return free(KindIPv6, "ipv4-mapped", "::ffff:"+g.publicIPv4())
	}
	return free(KindIPv6, "compressed-middle", fmt.Sprintf("%s:%x::%x:%x", prefix, g.intn(0x10000), g.intn(0x10000), g.between(1, 0xffff)))
}

// ---- JWT (RFC 7519 / RFC 7515 compact serialisation) ----

func (g *gen) jwt() Value {
	alg := pick(g, []string{"HS256", "RS256", "ES256", "PS384", "EdDSA"})
	header := fmt.Sprintf(`{"alg":"%s","typ":"JWT"}`, alg)
	if g.chance(40) {
		header = fmt.Sprintf(`{"alg":"%s","kid":"%s","typ":"JWT"}`, alg, g.hex(16))
	}
	payload := fmt.Sprintf(`{"sub":"%s","iss":"https://auth.example.com/","aud":"checkout","iat":%d,"exp":%d,"scope":"orders:read"}`,
		g.uuid(), 1732480000+g.intn(1e6), 1732490000+g.intn(1e6))
	sigLen := map[string]int{"HS256": 43, "RS256": 342, "ES256": 86, "PS384": 342, "EdDSA": 86}[alg]
	tok := b64url(header) + "." + b64url(payload) + "." + g.chars(base64URL, sigLen)
	if g.chance(5) {
		tok = b64url(`{"alg":"none"}`) + "." + b64url(payload) + "."
		return free(KindJWT, "unsigned", tok)
	}
	return free(KindJWT, alg, tok)
}

// ---- Authorization credentials (RFC 7617 Basic, RFC 6750 Bearer) ----

func (g *gen) authCredential() Value {
	var scheme, cred string
	switch g.intn(4) {
	case 0:
		user := strings.ToLower(asciiFold(pick(g, firstNames)))
		scheme, cred = "Basic", base64.StdEncoding.EncodeToString([]byte(user+":"+g.password()))
	case 1:
		scheme, cred = "Bearer", g.chars(base64URL, g.between(20, 64))+g.digits(1)
	case 2:
		scheme, cred = "Bearer", g.hex(40)
	default:
		scheme, cred = pick(g, []string{"Token", "token", "ApiKey", "Negotiate"}), g.chars(alnumChars, 32)+g.digits(2)
	}
	return Value{Kind: KindAuthCredential, Variant: scheme, Class: Free, Text: scheme + " " + cred, Secret: []string{cred}, Keep: []string{scheme + " "}}
}

// ---- generic credentials: passwords and opaque tokens ----

func (g *gen) password() string {
	switch g.intn(5) {
	case 0:
		return pick(g, []string{"Tr0ub4dor&3", "correct-horse-battery", "P@ssw0rd!2024", "hunter2hunter2", "s3cr3t-Pa55"}) + g.digits(2)
	case 1:
		return g.chars(alnumChars+"!@#$%^&*-_+=.?~", g.between(10, 24))
	case 2:
		return g.chars(lowerChars, g.between(5, 8)) + g.digits(g.between(2, 4)) + pick(g, []string{"!", "#", "$", "%", "&", "*"})
	case 3:
		return strings.ToUpper(g.chars(lowerChars, 1)) + g.chars(lowerChars, g.between(6, 10)) + "_" + g.digits(4)
	}
	return g.chars(alnumChars, g.between(12, 32))
}

func (g *gen) opaqueToken() string {
	switch g.intn(5) {
	case 0:
		return g.hex(pick(g, []int{32, 40, 64}))
	case 1:
		return g.chars(base64Chars, 40) + "=="
	case 2:
		return g.uuid()
	case 3:
		return g.chars(base64URL, g.between(24, 48))
	}
	return "s%3A" + g.chars(alnumChars, 32) + "." + g.chars(base64Chars, 43)
}

func (g *gen) credential() Value {
	if g.chance(50) {
		p := g.password()
		return Value{Kind: KindCredential, Variant: "password", Class: Credential, Text: p, Secret: []string{p}}
	}
	t := g.opaqueToken()
	return Value{Kind: KindCredential, Variant: "token", Class: Credential, Text: t, Secret: []string{t}}
}

func (g *gen) personName() Value {
	f, l := pick(g, firstNames), pick(g, lastNames)
	text := f + " " + l
	switch g.intn(4) {
	case 0:
		text = f + " " + string(pick(g, []rune(upperChars))) + ". " + l
	case 1:
		text = strings.ToUpper(l) + ", " + f
	}
	return Value{Kind: KindPersonName, Variant: "full", Class: Person, Text: text, Secret: []string{text}}
}
