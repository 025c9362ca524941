package fieldpersonal

import (
	"fmt"
	"strconv"
	"strings"
)

// pii is one planted personal value.
type pii struct {
	class, variant string
	// value is what is written into the record; secrets are what must be gone
	// (the value itself, or the parts of it that identify someone).
	value   string
	secrets []string
	// keys name the value where an application would store it; the first words
	// of prose say what it is ("" when its format says so).
	keys  []string
	label string
	// keyed: only a key or a label makes it personal (a name, a street, a date).
	keyed bool
	// urlSafe: the value can stand in a URL path segment as it is.
	urlSafe bool
}

func (g *gen) email() pii {
	gv, fm := g.person()
	local := ascii(strings.ToLower(gv)) + g.pick(".", "_", "", "-") + ascii(strings.ToLower(fm))
	if g.chance(0.3) {
		local += strconv.Itoa(g.between(1, 99))
	}
	dom := domains[g.intn(len(domains))]
	keys := []string{"user.email", "email", "customer.email", "contact_email", "recipient", "emailAddress", "billing.email", "notify_to", "user_email", "owner"}
	p := pii{class: "email", keys: keys, urlSafe: true}
	switch v := g.intn(9); v {
	case 0:
		p.variant, p.value = "plain", local+"@"+dom
	case 1:
		p.variant, p.value = "plus-tag", local+"+"+g.pick("orders", "newsletter", "test1", "shop-2024")+"@"+dom
	case 2:
		p.variant, p.value = "subdomain", local+"@"+g.pick("mail.", "eu.", "staff.")+g.pick("acme-group.com", "example.org", "ville-lyon.fr")
	case 3:
		p.variant, p.value = "idn", g.pick("josé", "zoë", "jürgen", "søren", "ünal")+"."+ascii(strings.ToLower(fm))+"@"+g.pick("bücher.de", "müller-bau.at", "exämple.ch")
	case 4:
		p.variant, p.value = "punycode", local+"@"+g.pick("xn--bcher-kva.de", "xn--mller-kva.example", "xn--80ak6aa92e.com")
	case 5:
		p.variant, p.value = "uppercase", strings.ToUpper(local[:1])+local[1:]+"@"+strings.ToUpper(dom[:1])+dom[1:]
	case 6:
		p.variant, p.value = "underscore-digits", local+"_"+g.digits(4)+"@"+dom
	case 7:
		p.variant, p.value = "short-tld", local+"@"+g.pick("bar.io", "mx.ai", "shop.co", "team.dev")
	default:
		p.variant, p.value = "dotted-local", ascii(strings.ToLower(gv))+"."+g.pick("a.", "m.", "")+ascii(strings.ToLower(fm))+"@"+dom
	}
	p.secrets = []string{p.value}
	return p
}

// phonePlan is one country's numbering: its code, a national significant number
// and how it is printed nationally and internationally.
type phonePlan struct {
	cc       string
	nsn      func(g *gen) string
	national func(nsn string) string
	intl     func(nsn string) string
	// bare: the national form is a shape digit lists share, so that only a key or
	// a label says it is a phone.
	bare bool
}

var phonePlans = map[string]phonePlan{
	"us": {"1", func(g *gen) string {
		return strconv.Itoa(g.between(2, 9)) + g.pick("01", "12", "15", "23", "46", "78", "04") + strconv.Itoa(g.between(2, 9)) + g.digits(2) + g.digits(4)
	}, func(n string) string { return "(" + n[:3] + ") " + n[3:6] + "-" + n[6:] },
		func(n string) string { return "+1 " + n[:3] + " " + n[3:6] + " " + n[6:] }, false},
	"gb": {"44", func(g *gen) string { return "7" + strconv.Itoa(g.between(4, 9)) + g.digits(8) },
		func(n string) string { return "0" + n[:4] + " " + n[4:] }, func(n string) string { return "+44 " + n[:4] + " " + n[4:] }, false},
	"gb-london": {"44", func(g *gen) string { return "20" + strconv.Itoa(g.between(3, 8)) + g.digits(7) },
		func(n string) string { return "0" + n[:2] + " " + n[2:6] + " " + n[6:] }, func(n string) string { return "+44 " + n[:2] + " " + n[2:6] + " " + n[6:] }, false},
	"de": {"49", func(g *gen) string { return "15" + strconv.Itoa(g.between(1, 9)) + g.digits(8) },
		func(n string) string { return "0" + n[:3] + " " + n[3:] }, func(n string) string { return "+49 " + n[:3] + " " + n[3:] }, false},
	"de-berlin": {"49", func(g *gen) string { return "30" + strconv.Itoa(g.between(2, 9)) + g.digits(7) },
		func(n string) string { return "0" + n[:2] + " " + n[2:] }, func(n string) string { return "+49 " + n[:2] + " " + n[2:] }, false},
	"fr": {"33", func(g *gen) string { return strconv.Itoa(g.between(6, 7)) + g.digits(8) },
		func(n string) string { return group("0"+n, " ", 2, 2, 2, 2, 2) }, func(n string) string { return "+33 " + n[:1] + " " + group(n[1:], " ", 2, 2, 2, 2) }, false},
	"it": {"39", func(g *gen) string { return "3" + strconv.Itoa(g.between(2, 9)) + g.digits(8) },
		func(n string) string { return n[:3] + " " + n[3:6] + " " + n[6:] }, func(n string) string { return "+39 " + n[:3] + " " + n[3:] }, false},
	"es": {"34", func(g *gen) string { return strconv.Itoa(g.between(6, 7)) + g.digits(8) },
		func(n string) string { return group(n, " ", 3, 2, 2, 2) }, func(n string) string { return "+34 " + group(n, " ", 3, 2, 2, 2) }, false},
	"nl": {"31", func(g *gen) string { return "6" + strconv.Itoa(g.between(1, 5)) + g.digits(7) },
		func(n string) string { return "06-" + n[1:] }, func(n string) string { return "+31 6 " + n[1:] }, false},
	"be": {"32", func(g *gen) string { return "4" + strconv.Itoa(g.between(7, 9)) + g.digits(7) },
		func(n string) string { return "0" + group(n, " ", 3, 2, 2, 2) }, func(n string) string { return "+32 " + group(n, " ", 3, 2, 2, 2) }, false},
	"ch": {"41", func(g *gen) string { return "7" + strconv.Itoa(g.between(6, 9)) + g.digits(7) },
		func(n string) string { return "0" + group(n, " ", 2, 3, 2, 2) }, func(n string) string { return "+41 " + group(n, " ", 2, 3, 2, 2) }, false},
	"at": {"43", func(g *gen) string { return "6" + g.pick("64", "60", "76", "50") + g.digits(7) },
		func(n string) string { return "0" + n[:3] + " " + n[3:] }, func(n string) string { return "+43 " + n[:3] + " " + n[3:] }, false},
	"pl": {"48", func(g *gen) string { return strconv.Itoa(g.between(5, 8)) + g.digits(8) },
		func(n string) string { return group(n, " ", 3, 3, 3) }, func(n string) string { return "+48 " + group(n, " ", 3, 3, 3) }, true},
	"se": {"46", func(g *gen) string { return "7" + strconv.Itoa(g.between(0, 6)) + g.digits(7) },
		func(n string) string { return "0" + n[:2] + "-" + group(n[2:], " ", 3, 2, 2) }, func(n string) string { return "+46 " + n[:2] + " " + group(n[2:], " ", 3, 2, 2) }, false},
	"no": {"47", func(g *gen) string { return strconv.Itoa(g.between(4, 9)) + g.digits(7) },
		func(n string) string { return group(n, " ", 3, 2, 3) }, func(n string) string { return "+47 " + group(n, " ", 3, 2, 3) }, true},
	"dk": {"45", func(g *gen) string { return strconv.Itoa(g.between(2, 9)) + g.digits(7) },
		func(n string) string { return group(n, " ", 2, 2, 2, 2) }, func(n string) string { return "+45 " + group(n, " ", 2, 2, 2, 2) }, true},
	"ie": {"353", func(g *gen) string { return "8" + g.pick("3", "5", "6", "7", "9") + g.digits(7) },
		func(n string) string { return "0" + n[:2] + " " + n[2:5] + " " + n[5:] }, func(n string) string { return "+353 " + n[:2] + " " + n[2:5] + " " + n[5:] }, false},
	"pt": {"351", func(g *gen) string { return "9" + g.pick("1", "2", "3", "6") + g.digits(7) },
		func(n string) string { return group(n, " ", 3, 3, 3) }, func(n string) string { return "+351 " + group(n, " ", 3, 3, 3) }, true},
	"jp": {"81", func(g *gen) string { return g.pick("90", "80", "70") + g.digits(8) },
		func(n string) string { return "0" + n[:2] + "-" + n[2:6] + "-" + n[6:] }, func(n string) string { return "+81 " + n[:2] + "-" + n[2:6] + "-" + n[6:] }, false},
	"kr": {"82", func(g *gen) string { return "10" + strconv.Itoa(g.between(2, 9)) + g.digits(7) },
		func(n string) string { return "0" + n[:2] + "-" + n[2:6] + "-" + n[6:] }, func(n string) string { return "+82 " + n[:2] + "-" + n[2:6] + "-" + n[6:] }, false},
	"au": {"61", func(g *gen) string { return "4" + g.digits(8) },
		func(n string) string { return "0" + n[:3] + " " + n[3:6] + " " + n[6:] }, func(n string) string { return "+61 " + n[:3] + " " + n[3:6] + " " + n[6:] }, false},
	"in": {"91", func(g *gen) string { return strconv.Itoa(g.between(6, 9)) + g.digits(9) },
		func(n string) string { return n[:5] + " " + n[5:] }, func(n string) string { return "+91 " + n[:5] + " " + n[5:] }, true},
	"br": {"55", func(g *gen) string { return g.pick("11", "21", "31", "41", "51", "61", "71", "81") + "9" + g.digits(8) },
		func(n string) string { return "(" + n[:2] + ") " + n[2:7] + "-" + n[7:] }, func(n string) string { return "+55 " + n[:2] + " " + n[2:7] + "-" + n[7:] }, false},
	"mx": {"52", func(g *gen) string { return g.pick("55", "33", "81") + g.digits(8) },
		func(n string) string { return n[:2] + " " + n[2:6] + " " + n[6:] }, func(n string) string { return "+52 " + n[:2] + " " + n[2:6] + " " + n[6:] }, false},
	"za": {"27", func(g *gen) string { return g.pick("82", "83", "72", "71", "61") + g.digits(7) },
		func(n string) string { return "0" + n[:2] + " " + n[2:5] + " " + n[5:] }, func(n string) string { return "+27 " + n[:2] + " " + n[2:5] + " " + n[5:] }, false},
	"sg": {"65", func(g *gen) string { return strconv.Itoa(g.between(8, 9)) + g.digits(7) },
		func(n string) string { return n[:4] + " " + n[4:] }, func(n string) string { return "+65 " + n[:4] + " " + n[4:] }, true},
	"cn": {"86", func(g *gen) string { return "1" + g.pick("38", "39", "50", "86", "88") + g.digits(8) },
		func(n string) string { return n[:3] + " " + n[3:7] + " " + n[7:] }, func(n string) string { return "+86 " + n[:3] + " " + n[3:7] + " " + n[7:] }, false},
	"ru": {"7", func(g *gen) string { return "9" + g.digits(9) },
		func(n string) string { return "8 (" + n[:3] + ") " + n[3:6] + "-" + n[6:8] + "-" + n[8:] }, func(n string) string { return "+7 " + n[:3] + " " + n[3:6] + "-" + n[6:8] + "-" + n[8:] }, false},
	"tr": {"90", func(g *gen) string { return "5" + g.pick("32", "42", "05", "55") + g.digits(7) },
		func(n string) string { return "0" + n[:3] + " " + n[3:6] + " " + n[6:8] + " " + n[8:] }, func(n string) string { return "+90 " + n[:3] + " " + n[3:6] + " " + n[6:8] + " " + n[8:] }, false},
	"ng": {"234", func(g *gen) string { return g.pick("803", "806", "813", "703", "905") + g.digits(7) },
		func(n string) string { return "0" + n[:3] + " " + n[3:6] + " " + n[6:] }, func(n string) string { return "+234 " + n[:3] + " " + n[3:6] + " " + n[6:] }, false},
	"ph": {"63", func(g *gen) string { return "9" + g.pick("17", "18", "27", "05") + g.digits(7) },
		func(n string) string { return "0" + n[:3] + " " + n[3:6] + " " + n[6:] }, func(n string) string { return "+63 " + n[:3] + " " + n[3:6] + " " + n[6:] }, false},
}

var phoneCountries = func() []string {
	var out []string
	for k := range phonePlans {
		out = append(out, k)
	}
	// map order is random: sort for determinism
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}()

var phoneKeys = []string{"phone", "phone_number", "customer.phone", "mobile", "msisdn", "contact.telephone", "recipient.phone_number",
	"phoneNumber", "billing.phone", "sms.to", "user.mobile_number", "emergency_contact.phone"}

func (g *gen) phone() pii {
	c := phoneCountries[g.intn(len(phoneCountries))]
	pl := phonePlans[c]
	n := pl.nsn(g)
	p := pii{class: "phone", keys: phoneKeys, label: g.pick("phone", "mobile", "tel.", "phone number")}
	switch v := g.intn(8); v {
	case 0, 1:
		p.variant, p.value, p.urlSafe = "e164/"+c, "+"+pl.cc+n, true
	case 2, 3:
		p.variant, p.value = "intl/"+c, pl.intl(n)
	case 4, 5:
		p.variant, p.value, p.keyed = "national/"+c, pl.national(n), true
	case 6:
		p.variant = "ext/" + c
		num := pl.intl(n)
		p.value = num + g.pick(" ext. ", " x", " ext ", ";ext=") + strconv.Itoa(g.between(10, 9999))
		p.secrets = []string{num}
	default:
		p.variant, p.value, p.urlSafe = "tel-uri/"+c, "tel:+"+pl.cc+n, true
		p.secrets = []string{"+" + pl.cc + n}
	}
	if p.secrets == nil {
		p.secrets = []string{p.value}
	}
	return p
}

type cardIssuer struct {
	name   string
	prefix func(g *gen) string
	length int
	groups []int
}

var cardIssuers = []cardIssuer{
	{"visa", func(g *gen) string { return "4" }, 16, []int{4, 4, 4, 4}},
	{"visa-13", func(g *gen) string { return "4" }, 13, []int{4, 3, 3, 3}},
	{"mastercard", func(g *gen) string { return strconv.Itoa(g.between(51, 55)) }, 16, []int{4, 4, 4, 4}},
	{"mastercard-2", func(g *gen) string { return strconv.Itoa(g.between(2221, 2720)) }, 16, []int{4, 4, 4, 4}},
	{"amex", func(g *gen) string { return g.pick("34", "37") }, 15, []int{4, 6, 5}},
	{"discover", func(g *gen) string { return g.pick("6011", "644", "645", "649", "65") }, 16, []int{4, 4, 4, 4}},
	{"diners", func(g *gen) string { return g.pick("36", "300", "305", "38") }, 14, []int{4, 6, 4}},
	{"jcb", func(g *gen) string { return strconv.Itoa(g.between(3528, 3589)) }, 16, []int{4, 4, 4, 4}},
	{"unionpay", func(g *gen) string { return "62" + strconv.Itoa(g.between(2126, 2925))[1:] }, 16, []int{4, 4, 4, 4}},
	{"unionpay-19", func(g *gen) string { return "62" }, 19, []int{4, 4, 4, 4, 3}},
	{"maestro", func(g *gen) string { return g.pick("6759", "5018", "5020", "5038", "6304") }, 16, []int{4, 4, 4, 4}},
	{"visa-19", func(g *gen) string { return "4" }, 19, []int{4, 4, 4, 4, 3}},
}

var cardKeys = []string{"card_number", "payment.card.number", "cardNumber", "pan", "cc_number", "payment_method.card", "card", "source.number"}

func (g *gen) card() pii {
	is := cardIssuers[g.intn(len(cardIssuers))]
	body := is.prefix(g)
	body += g.digits(is.length - 1 - len(body))
	num := body + string(luhnDigit(body))
	p := pii{class: "card", keys: cardKeys, label: g.pick("card", "card number", "PAN")}
	switch g.intn(3) {
	case 0:
		p.variant, p.value, p.urlSafe = is.name+"/compact", num, true
	case 1:
		p.variant, p.value = is.name+"/spaced", group(num, " ", is.groups...)
	default:
		p.variant, p.value, p.urlSafe = is.name+"/dashed", group(num, "-", is.groups...), true
	}
	p.secrets = []string{p.value}
	return p
}

type ibanCountry struct {
	cc   string
	bban func(g *gen) string
}

var ibanCountries = []ibanCountry{
	{"DE", func(g *gen) string { return g.digits(18) }},
	{"GB", func(g *gen) string { return g.pick("NWBK", "BARC", "HBUK", "MIDL", "LOYD") + g.digits(14) }},
	{"FR", func(g *gen) string { return g.digits(10) + g.alnum(11, "0123456789") + g.digits(2) }},
	{"ES", func(g *gen) string { return g.digits(20) }},
	{"IT", func(g *gen) string { return g.alnum(1, upper) + g.digits(10) + g.digits(12) }},
	{"NL", func(g *gen) string { return g.pick("ABNA", "INGB", "RABO", "TRIO") + g.digits(10) }},
	{"BE", func(g *gen) string { return g.digits(12) }},
	{"PL", func(g *gen) string { return g.digits(24) }},
	{"CH", func(g *gen) string { return g.digits(17) }},
	{"AT", func(g *gen) string { return g.digits(16) }},
	{"SE", func(g *gen) string { return g.digits(20) }},
	{"NO", func(g *gen) string { return g.digits(11) }},
	{"DK", func(g *gen) string { return g.digits(14) }},
	{"IE", func(g *gen) string { return g.pick("AIBK", "BOFI") + g.digits(14) }},
	{"PT", func(g *gen) string { return g.digits(21) }},
	{"FI", func(g *gen) string { return g.digits(14) }},
	{"LU", func(g *gen) string { return g.digits(16) }},
}

var ibanKeys = []string{"iban", "bank_account.iban", "payout.iban", "debtor.iban", "creditorAccount", "beneficiary_iban", "sepa.mandate.iban"}

func (g *gen) iban() pii {
	c := ibanCountries[g.intn(len(ibanCountries))]
	b := c.bban(g)
	num := c.cc + ibanCheck(c.cc, b) + b
	p := pii{class: "iban", keys: ibanKeys, label: "IBAN"}
	if g.chance(0.5) {
		p.variant, p.value, p.urlSafe = "compact/"+c.cc, num, true
	} else {
		p.variant, p.value = "grouped/"+c.cc, group(num, " ", 4, 4, 4, 4, 4, 4, 4, 4)
	}
	p.secrets = []string{p.value}
	return p
}

func (g *gen) bankAccount() pii {
	acct := g.digits(8)
	p := pii{class: "bank_account", keyed: true, urlSafe: true, value: acct, secrets: []string{acct}}
	switch g.intn(3) {
	case 0:
		p.variant, p.keys, p.label = "uk-account", []string{"account_number", "bank.account_number", "accountNumber", "payee.account_no"}, "account number"
	case 1:
		p.variant = "us-account"
		p.value = g.digitsNZ(g.between(10, 12))
		p.secrets = []string{p.value}
		p.keys, p.label = []string{"account_number", "ach.account_number", "bank_account.number", "dda_account"}, "account no."
	default:
		p.variant = "de-kontonummer"
		p.value = g.digitsNZ(10)
		p.secrets = []string{p.value}
		p.keys, p.label = []string{"kontonummer", "bankverbindung.kontonummer", "konto_nr"}, "Kontonummer"
	}
	return p
}

// nationalID draws one identifier with its check digit, the keys and the label
// that name it.
func (g *gen) nationalID() pii {
	p := pii{class: "national_id", urlSafe: true}
	set := func(variant, value, label string, keys ...string) {
		keys = append(keys, "national_id", "tax_id", "customer.document_number")
		p.variant, p.value, p.label, p.keys = variant, value, label, keys
	}
	for p.value == "" {
		switch g.intn(26) {
		case 0:
			area := g.between(1, 665)
			set("us-ssn", fmt.Sprintf("%03d-%02d-%04d", area, g.between(1, 99), g.between(1, 9999)), "SSN", "ssn", "user.ssn", "social_security_number")
		case 1:
			v := fmt.Sprintf("9%02d-%s-%04d", g.intn(100), g.pick("70", "78", "88", "90", "94", "50", "65"), g.between(1, 9999))
			set("us-itin", v, "ITIN", "itin", "taxpayer.itin")
		case 2:
			set("us-ein", g.pick("10", "12", "20", "27", "35", "45", "46", "81", "82", "91", "94", "98")+"-"+g.digits(7), "EIN", "ein", "employer.ein", "fein")
		case 3:
			first := g.pick("A", "B", "C", "E", "G", "H", "J", "K", "L", "M", "N", "O", "P", "R", "S", "T", "W", "X", "Y", "Z")
			second := g.pick("A", "B", "C", "E", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W", "X", "Y", "Z")
			pre := first + second
			if pre == "BG" || pre == "GB" || pre == "NK" || pre == "KN" || pre == "TN" || pre == "NT" || pre == "ZZ" {
				continue
			}
			d := g.digits(6)
			suf := g.pick("A", "B", "C", "D")
			if g.chance(0.5) {
				set("uk-nino", pre+" "+group(d, " ", 2, 2, 2)+" "+suf, "NI number", "nino", "ni_number", "national_insurance_number")
			} else {
				set("uk-nino", pre+d+suf, "NINO", "nino", "ni_number", "employee.nino")
			}
		case 4:
			n := g.digitsNZ(9)
			c := nhsDigit(n)
			if c < 0 {
				continue
			}
			set("uk-nhs", group(n+strconv.Itoa(c), " ", 3, 3, 4), "NHS number", "nhs_number", "patient.nhs_number", "nhsNumber")
		case 5:
			b := strconv.Itoa(g.pick2(1, 2, 3, 4, 5, 6, 7, 9)) + g.digits(7)
			n := b + string(luhnDigit(b))
			set("ca-sin", group(n, g.pick("-", " "), 3, 3, 3), "SIN", "sin", "social_insurance_number", "employee.sin")
		case 6:
			n := cpfDigits(g.digitsNZ(9))
			set("br-cpf", n[:3]+"."+n[3:6]+"."+n[6:9]+"-"+n[9:], "CPF", "cpf", "cliente.cpf", "documento")
		case 7:
			n := cnpjDigits(g.digitsNZ(8) + "0001")
			set("br-cnpj", n[:2]+"."+n[2:5]+"."+n[5:8]+"/"+n[8:12]+"-"+n[12:], "CNPJ", "cnpj", "empresa.cnpj")
		case 8:
			b := strconv.Itoa(g.between(5000000, 25999999))
			set("cl-rut", dotted(b)+"-"+rutDigit(b), "RUT", "rut", "cliente.rut")
		case 9:
			pre := g.pick("20", "23", "27", "30")
			body := pre + g.digits(8)
			c := cuitDigit(body)
			if c < 0 {
				continue
			}
			set("ar-cuit", pre+"-"+body[2:]+"-"+strconv.Itoa(c), "CUIT", "cuit", "cuil", "contribuyente.cuit")
		case 10:
			b := strconv.Itoa(g.between(2, 9)) + g.digits(10)
			n := b + strconv.Itoa(verhoeff(b))
			set("in-aadhaar", group(n, " ", 4, 4, 4), "Aadhaar", "aadhaar", "aadhaar_number", "kyc.aadhaar")
		case 11:
			set("in-pan", g.alnum(3, upper)+"P"+g.alnum(1, upper)+g.digitsNZ(4)+g.alnum(1, upper), "PAN", "pan_number", "kyc.pan", "income_tax_pan")
		case 12:
			n := g.between(10000000, 99999999)
			set("es-dni", strconv.Itoa(n)+string(dniLetter(n)), "DNI", "dni", "cliente.dni", "documento_identidad")
		case 13:
			k := g.intn(3)
			n := g.between(1000000, 9999999)
			set("es-nie", string("XYZ"[k])+strconv.Itoa(n)+string(dniLetter(k*10000000+n)), "NIE", "nie", "extranjero.nie")
		case 14:
			n := g.digitsNZ(9)
			if !elevenProof(n) {
				continue
			}
			set("nl-bsn", n, "BSN", "bsn", "burgerservicenummer", "klant.bsn")
		case 15:
			d := g.birthDate()
			mm := d.m
			if d.y >= 2000 {
				mm += 20
			}
			ten := fmt.Sprintf("%02d%02d%02d%04d", d.y%100, mm, d.d, g.intn(10000))
			set("pl-pesel", ten+strconv.Itoa(peselDigit(ten)), "PESEL", "pesel", "klient.pesel")
		case 16:
			d := g.birthDate()
			nine := fmt.Sprintf("%02d%02d%02d%03d", d.y%100, d.m, d.d, g.intn(1000))
			set("se-personnummer", nine[:6]+"-"+nine[6:]+string(luhnDigit(nine)), "personnummer", "personnummer", "kund.personnummer")
		case 17:
			d := g.birthDate()
			if d.y >= 2000 {
				continue
			}
			ind := g.between(2, 899)
			nine := fmt.Sprintf("%02d%02d%02d%03d", d.d, d.m, d.y%100, ind)
			set("fi-hetu", nine[:6]+"-"+nine[6:]+string(hetuChar(nine)), "HETU", "hetu", "henkilotunnus")
		case 18:
			e := strconv.Itoa(g.between(1, 2)) + g.digits(7)
			set("pt-nif", e+strconv.Itoa(nifDigit(e)), "NIF", "nif", "contribuinte")
		case 19:
			d := g.birthDate()
			set("dk-cpr", fmt.Sprintf("%02d%02d%02d-%04d", d.d, d.m, d.y%100, g.intn(10000)), "CPR", "cpr", "cpr_nummer")
		case 20:
			d := g.birthDate()
			if d.y >= 2000 {
				continue
			}
			body := fmt.Sprintf("%02d%02d%02d%03d", d.y%100, d.m, d.d, g.between(1, 997))
			n, _ := strconv.Atoi(body)
			c := 97 - n%97
			set("be-national-number", fmt.Sprintf("%s.%s.%s-%s.%02d", body[:2], body[2:4], body[4:6], body[6:], c), "rijksregisternummer", "rijksregisternummer", "niss")
		case 21:
			d := g.birthDate()
			body := fmt.Sprintf("%d%02d%02d%02d%03d%03d", g.between(1, 2), d.y%100, d.m, g.between(1, 95), g.between(1, 999), g.between(1, 999))
			n, _ := strconv.ParseInt(body, 10, 64)
			key := 97 - n%97
			set("fr-nir", fmt.Sprintf("%s %s %s %s %s %s %02d", body[:1], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key), "numéro de sécurité sociale", "nir", "numero_securite_sociale")
		case 22:
			d := g.birthDate()
			if d.y >= 2000 {
				continue
			}
			nine := fmt.Sprintf("%02d%02d%02d%03d", d.d, d.m, d.y%100, g.between(0, 499))
			k1 := 11 - weightedMod11(nine, []int{3, 7, 6, 1, 8, 9, 4, 5, 2})
			if k1 == 11 {
				k1 = 0
			}
			if k1 == 10 {
				continue
			}
			ten := nine + strconv.Itoa(k1)
			k2 := 11 - weightedMod11(ten, []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
			if k2 == 11 {
				k2 = 0
			}
			if k2 == 10 {
				continue
			}
			set("no-fnr", ten+strconv.Itoa(k2), "fødselsnummer", "fodselsnummer", "fnr")
		case 23:
			set("mx-curp", g.curp(), "CURP", "curp", "cliente.curp")
		case 24:
			// India GSTIN: state, the PAN of a firm, entity, Z, Luhn mod 36.
			body := fmt.Sprintf("%02d", g.between(1, 37)) + g.alnum(3, upper) + g.pick("C", "F") + g.alnum(1, upper) + g.digitsNZ(4) + g.alnum(1, upper) + strconv.Itoa(g.between(1, 9)) + "Z"
			set("in-gstin", body+string(luhn36(body)), "GSTIN", "gstin", "seller.gstin")
		default:
			n := strconv.Itoa(g.between(1, 9)) + g.digits(8)
			if !elevenProof(n) {
				continue
			}
			set("nl-bsn", n, "BSN", "bsn", "burgerservicenummer")
		}
	}
	p.secrets = []string{p.value}
	if strings.ContainsAny(p.value, " ") {
		p.urlSafe = false
	}
	return p
}

func (g *gen) pick2(xs ...int) int { return xs[g.intn(len(xs))] }

func dotted(b string) string {
	var parts []string
	for len(b) > 3 {
		parts = append([]string{b[len(b)-3:]}, parts...)
		b = b[:len(b)-3]
	}
	return strings.Join(append([]string{b}, parts...), ".")
}

func luhn36(s string) byte {
	const cs = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	sum := 0
	for i := 0; i < len(s); i++ {
		v := strings.IndexByte(cs, s[i])
		f := 1
		if i%2 == 1 {
			f = 2
		}
		p := v * f
		sum += p/36 + p%36
	}
	return cs[(36-sum%36)%36]
}

func (g *gen) curp() string {
	const vowels = "AEIOU"
	const cons = "BCDFGHJKLMNPRSTVZ"
	d := g.birthDate()
	s := g.alnum(1, cons) + g.alnum(1, vowels) + g.alnum(2, cons) + fmt.Sprintf("%02d%02d%02d", d.y%100, d.m, d.d) +
		g.pick("H", "M") + g.pick("DF", "JC", "NL", "MC", "PL", "VZ", "GT") + g.alnum(3, cons)
	if d.y < 2000 {
		s += strconv.Itoa(g.intn(10))
	} else {
		s += g.alnum(1, upper)
	}
	const cs = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
	sum := 0
	for i, r := range []rune(s) {
		sum += runeIndex(cs, r) * (18 - i)
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

func runeIndex(s string, r rune) int {
	for i, c := range []rune(s) {
		if c == r {
			return i
		}
	}
	return -1
}
