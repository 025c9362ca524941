package fieldpersonal

import (
	"fmt"
	"strconv"
	"strings"
)

// nameKeys are keys whose path names a person, as applications nest them.
var nameKeys = []string{"payment.details.holder.name", "customer.name", "customer.full_name", "recipient.name", "patient.name",
	"employee.full_name", "billing.contact.name", "shipping.contact.name", "user.full_name", "cardholder.name", "cardholderName",
	"account_holder", "beneficiary.name", "guest.full_name", "passenger.name", "order.customer.display_name", "holderName",
	"customerName", "billing_details.name", "contact.name", "sender.name", "applicant.full_name"}

func (g *gen) name() pii {
	gv, fm := g.person()
	full := gv + " " + fm
	p := pii{class: "name", keyed: true, keys: nameKeys, value: full, secrets: []string{full}, label: g.pick("cardholder", "customer name", "recipient")}
	switch g.intn(3) {
	case 0:
		p.variant = "full"
	case 1:
		p.variant, p.value = "upper", strings.ToUpper(full)
		p.secrets = []string{p.value}
	default:
		p.variant, p.value = "family-first", fm+", "+gv
		p.secrets = []string{p.value}
	}
	return p
}

var addressKeys = []string{"shipping.address.line1", "billing_address.street", "customer.address", "street_address", "address.line1",
	"delivery.street", "home_address", "shippingAddress.addressLine1", "recipient.address", "patient.address.street", "strasse", "direccion"}

func (g *gen) address() pii {
	st := streets[g.intn(len(streets))]
	n := strconv.Itoa(g.between(1, 240))
	var v string
	switch g.intn(4) {
	case 0:
		v = n + " " + st
	case 1:
		v = st + " " + n
	case 2:
		v = n + g.pick("B", "a", "") + " " + st + ", " + cities[g.intn(len(cities))]
	default:
		v = st + " " + n + ", " + fmt.Sprintf("%05d", g.between(1000, 99999)) + " " + cities[g.intn(len(cities))]
	}
	return pii{class: "address", variant: "street", keyed: true, keys: addressKeys, value: v, secrets: []string{v}, label: g.pick("shipping address", "address", "billing address")}
}

var dobKeys = []string{"date_of_birth", "dob", "birthDate", "customer.birthdate", "patient.dob", "user.date_of_birth", "geburtsdatum",
	"fecha_nacimiento", "birth_date", "applicant.dateOfBirth"}

func (g *gen) dob() pii {
	d := g.birthDate()
	var v, variant string
	switch g.intn(5) {
	case 0:
		v, variant = d.iso(), "iso"
	case 1:
		v, variant = fmt.Sprintf("%02d/%02d/%04d", d.m, d.d, d.y), "us"
	case 2:
		v, variant = fmt.Sprintf("%02d.%02d.%04d", d.d, d.m, d.y), "de"
	case 3:
		v, variant = fmt.Sprintf("%02d/%02d/%04d", d.d, d.m, d.y), "eu"
	default:
		v, variant = fmt.Sprintf("%04d%02d%02d", d.y, d.m, d.d), "compact"
	}
	return pii{class: "dob", variant: variant, keyed: true, keys: dobKeys, value: v, secrets: []string{v}, label: g.pick("DOB", "date of birth", "born")}
}

func (g *gen) passport() pii {
	var v, variant string
	switch g.intn(4) {
	case 0:
		// German passports: a letter of the issuing authority, then eight of digits and
		// letters (most hold several digits; one of only letters reads as a word).
		for countDigits(v) < 2 {
			v = g.alnum(1, "CFGHJK") + g.alnum(8, "0123456789CFGHJKLMNPRTVWXYZ")
		}
		variant = "de"
	case 1:
		v, variant = g.digitsNZ(9), "us-uk"
	case 2:
		v, variant = g.alnum(2, upper)+g.digits(7), "fr-in"
	default:
		v, variant = g.alnum(1, upper)+g.digits(7), "in"
	}
	return pii{class: "passport", variant: variant, keyed: true, urlSafe: true, value: v, secrets: []string{v},
		keys:  []string{"passport_number", "passport.number", "traveler.passportNo", "document.passport_id", "passportNumber", "guest.passport"},
		label: g.pick("passport number", "passport no.", "passport")}
}

func (g *gen) licence() pii {
	var v, variant string
	switch g.intn(3) {
	case 0: // UK DVLA: surname 5, decade, month(+5), day, year, initials 2, 9, 2 check
		_, fm := g.person()
		s := strings.ToUpper(ascii(strings.ToLower(fm))) + "99999"
		d := g.birthDate()
		v = s[:5] + strconv.Itoa(d.y%100/10) + fmt.Sprintf("%02d%02d", d.m+5*g.intn(2), d.d) + strconv.Itoa(d.y%10) + g.alnum(2, upper) + "9" + g.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
		variant = "uk"
	case 1:
		v, variant = g.alnum(1, upper)+g.digits(7), "us-ca"
	default:
		v, variant = g.alnum(1, upper)+g.digits(3)+"-"+g.digits(4)+"-"+g.digits(4), "us-fl"
	}
	return pii{class: "licence", variant: variant, keyed: true, value: v, secrets: []string{v}, urlSafe: !strings.Contains(v, " "),
		keys:  []string{"drivers_license", "driver_license_number", "driving_licence_number", "driver.licenseNumber", "dl_number", "applicant.drivers_licence"},
		label: g.pick("driver's license", "driving licence number", "DL#")}
}

func (g *gen) publicIP() pii {
	var v, variant string
	if g.chance(0.65) {
		for {
			a := g.between(1, 223)
			if a == 10 || a == 127 || a == 100 || a == 169 || a == 172 || a == 192 || a == 0 {
				continue
			}
			v = fmt.Sprintf("%d.%d.%d.%d", a, g.intn(256), g.intn(256), g.between(1, 254))
			break
		}
		variant = "v4"
	} else {
		v = fmt.Sprintf("2%s:%s:%x::%x", g.pick("a02", "001:4860", "600:1f18", "a01:cb1d", "405:6800"), g.hex(4), g.between(1, 0xffff), g.between(1, 0xffff))
		variant = "v6"
	}
	return pii{class: "ip", variant: variant, value: v, secrets: []string{v}, urlSafe: true,
		keys:  []string{"client.address", "http.client_ip", "source.address", "user.ip_address", "enduser.ip", "remote_addr", "visitor.ip"},
		label: g.pick("client", "from", "remote address")}
}

// enduser is an application's user id where the semantic conventions put one: it
// is personal when it is an e-mail or a login name.
func (g *gen) mailHeader() pii {
	gv, fm := g.person()
	addr := ascii(strings.ToLower(gv)) + "." + ascii(strings.ToLower(fm)) + "@" + domains[g.intn(len(domains))]
	full := gv + " " + fm
	v := g.pick(`"`+full+`" <`+addr+`>`, full+" <"+addr+">")
	return pii{class: "email", variant: "display-name", value: v, secrets: []string{addr, full},
		keys: []string{"email.from", "mail.to", "messaging.email.recipient", "reply_to", "from", "to"}, label: g.pick("From:", "To:", "Reply-To:")}
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}
