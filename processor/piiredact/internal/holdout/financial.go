package holdout

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Payment cards by issuer (ISO/IEC 7812 prefixes as the schemes publish them),
// completed with a Luhn check digit, printed compact or grouped as each scheme
// embosses them.
type cardScheme struct {
	name     string
	prefixes []string
	lengths  []int
}

var cardSchemes = []cardScheme{
	{"visa", []string{"4"}, []int{16, 16, 16, 13, 19}},
	{"mastercard", []string{"51", "52", "53", "54", "55", "2221", "2300", "2500", "2720"}, []int{16}},
	{"amex", []string{"34", "37"}, []int{15}},
	{"discover", []string{"6011", "65", "644", "649"}, []int{16}},
	{"jcb", []string{"3528", "3530", "3566", "3589"}, []int{16}},
	{"diners", []string{"36", "300", "305", "38"}, []int{14}},
	{"unionpay", []string{"62"}, []int{16, 19}},
	{"maestro", []string{"5018", "5020", "5038", "6304", "6759", "6761"}, []int{16, 19, 13}},
}

func luhnDigit(body string) byte {
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

func (g *gen) cardNumber(s cardScheme) string {
	p := s.prefixes[g.intn(len(s.prefixes))]
	n := s.lengths[g.intn(len(s.lengths))]
	body := p + g.digits(n-1-len(p))
	return body + string(luhnDigit(body))
}

// groupBy prints digits in groups of the given sizes joined by sep.
func groupBy(d string, sep string, sizes ...int) string {
	var parts []string
	i := 0
	for _, n := range sizes {
		if i >= len(d) {
			break
		}
		parts = append(parts, d[i:min(len(d), i+n)])
		i += n
	}
	if i < len(d) {
		parts = append(parts, d[i:])
	}
	return strings.Join(parts, sep)
}

var (
	cardKeys = []string{
		"card_number", "cardNumber", "pan", "cc_number", "payment.card.number", "creditCard", "card.pan",
		"primary_account_number", "ccnum", "card_no", "payment_method.card_number", "CardNumber", "credit_card_number",
	}
	cardProse = []string{
		"Charging card %s for order",
		"card %s declined: insufficient_funds",
		"Payment failed for card number %s (do_not_honor)",
		"tokenizing PAN %s",
		"VISA %s exp 12/27",
		"3DS challenge required for %s",
		"refund issued to %s",
		"Zahlung mit Karte %s abgelehnt",
		"customer entered %s at checkout",
	}
)

func (g *gen) cardVals(per int) []Val {
	var out []Val
	for _, s := range cardSchemes {
		for range per {
			d := g.cardNumber(s)
			var text, form string
			switch g.intn(4) {
			case 0:
				text, form = d, "compact"
			case 1, 2:
				sep := g.pick(" ", "-")
				switch s.name {
				case "amex":
					text = groupBy(d, sep, 4, 6, 5)
				case "diners":
					text = groupBy(d, sep, 4, 6, 4)
				default:
					text = groupBy(d, sep, 4, 4, 4, 4)
				}
				form = "grouped"
			default:
				text, form = groupBy(d, " ", 4, 4, 4, 4), "grouped"
			}
			out = append(out, Val{Kind: "card/" + s.name + "-" + form, Text: text, Keys: cardKeys, Prose: cardProse, Bare: true})
		}
	}
	return out
}

// IBANs: each country's BBAN structure from the SWIFT IBAN registry (n digits, a
// upper-case letters, c upper-case letters or digits), check digits by ISO 7064
// mod 97-10.
var ibanStructures = map[string]string{
	"AD": "4n4n12c", "AT": "5n11n", "BE": "3n7n2n", "BG": "4a4n2n8c", "CH": "5n12c", "CY": "3n5n16c",
	"CZ": "4n6n10n", "DE": "8n10n", "DK": "4n9n1n", "EE": "2n2n11n1n", "ES": "4n4n1n1n10n", "FI": "3n11n",
	"FR": "5n5n11c2n", "GB": "4a6n8n", "GR": "3n4n16c", "HR": "7n10n", "HU": "3n4n1n15n1n", "IE": "4a6n8n",
	"IS": "4n2n6n10n", "IT": "1a5n5n12c", "LI": "5n12c", "LT": "5n11n", "LU": "3n13c", "LV": "4a13c",
	"MT": "4a5n18c", "NL": "4a10n", "NO": "4n6n1n", "PL": "8n16n", "PT": "4n4n11n2n", "RO": "4a16c",
	"SE": "3n16n1n", "SI": "5n8n2n", "SK": "4n6n10n", "SA": "2n18c", "AE": "3n16n", "TR": "5n1n16c",
	"BR": "8n5n10n1a1c", "MC": "5n5n11c2n", "SM": "1a5n5n12c", "GI": "4a15c", "IL": "3n3n13n", "QA": "4a21c",
	"KW": "4a22c", "JO": "4a4n18c", "UA": "6n19c", "KZ": "3n13c", "PK": "4a16c", "EG": "4n4n17n",
}

func (g *gen) bban(structure string) string {
	var b strings.Builder
	for i := 0; i < len(structure); {
		j := i
		for structure[j] >= '0' && structure[j] <= '9' {
			j++
		}
		n, _ := strconv.Atoi(structure[i:j])
		switch structure[j] {
		case 'n':
			b.WriteString(g.digits(n))
		case 'a':
			b.WriteString(g.upper(n))
		case 'c':
			b.WriteString(g.from(upperChars+digitChars+digitChars, n))
		}
		i = j + 1
	}
	return b.String()
}

func ibanCheck(country, bban string) string {
	var num strings.Builder
	for _, c := range bban + country + "00" {
		if c >= 'A' && c <= 'Z' {
			fmt.Fprintf(&num, "%d", c-'A'+10)
		} else {
			num.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(num.String(), 10)
	r := new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("%02d", 98-r)
}

var (
	ibanKeys = []string{
		"iban", "IBAN", "bank_account.iban", "payout.iban", "debtorAccount.iban", "creditor_iban", "beneficiary.iban",
		"refund_iban", "accountIban", "sepa.iban",
	}
	ibanProse = []string{
		"SEPA transfer to %s initiated",
		"IBAN: %s",
		"Refund to %s scheduled",
		"Lastschrift von %s fehlgeschlagen",
		"virement vers %s refusé",
		"payout destination changed to %s",
		"mandate created for account %s",
	}
)

func (g *gen) ibanVals(per int) []Val {
	countries := make([]string, 0, len(ibanStructures))
	for c := range ibanStructures {
		countries = append(countries, c)
	}
	sortStrings(countries)
	var out []Val
	for _, c := range countries {
		for range per {
			bban := g.bban(ibanStructures[c])
			iban := c + ibanCheck(c, bban) + bban
			text, form := iban, "compact"
			if g.chance(0.5) {
				text, form = groupBy(iban, " ", 4, 4, 4, 4, 4, 4, 4, 4), "grouped"
			}
			out = append(out, Val{Kind: "iban/" + strings.ToLower(c) + "-" + form, Text: text, Keys: ibanKeys, Prose: ibanProse, Bare: true})
		}
	}
	return out
}

func sortStrings(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// Bank accounts outside IBAN countries, which only their labels make personal:
// the account number is the secret; the routing or sort code names the bank.
func (g *gen) bankAccountVals(per int) []Val {
	var out []Val
	for range per {
		out = append(out,
			Val{Kind: "bank_account/us", Text: g.digitsNZ(g.between(8, 12)), Keys: []string{"account_number", "accountNumber", "bank_account_number", "ach.account_number"},
				Prose: []string{"ACH debit from account number %s returned R01", "Account number: %s"}},
			Val{Kind: "bank_account/gb", Text: g.digitsNZ(8), Keys: []string{"account_number", "accountNumber", "bank.account_number"},
				Prose: []string{"Account number: %s", "payee account no. %s (sort code 20-00-00)"}},
			Val{Kind: "bank_account/au", Text: g.digitsNZ(g.between(8, 9)), Keys: []string{"account_number", "bsb_account_number"}},
			Val{Kind: "bank_account/in", Text: g.digitsNZ(g.between(11, 14)), Keys: []string{"account_number", "beneficiary_account_number", "acct_no"},
				Prose: []string{"NEFT to A/c No. %s (IFSC HDFC0001234)", "Account number %s verified"}},
		)
	}
	return out
}
