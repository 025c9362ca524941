package holdout

import (
	"fmt"
	"strings"
)

var (
	firstNames = []string{
		"Jane", "John", "María", "José", "Łukasz", "Zoë", "Søren", "Björn", "Aoife", "Siobhán", "Mohammed", "Fatima",
		"Wei", "Yuki", "Priya", "Arjun", "Olga", "Dmitri", "Chloé", "François", "Giulia", "Matteo", "Anneke", "Pieter",
		"Ines", "João", "Ngozi", "Chinedu", "Ana", "Mateus", "Hana", "Jae-won", "Nguyễn", "Ayşe", "Mehmet", "Kofi",
		"Emily", "Oliver", "Sophie", "Lucas", "Amélie", "Jürgen", "Małgorzata", "Zsófia", "Ioana", "Nikolaos", "Eero",
		"Astrid", "Tomasz", "Jean-Luc", "Mary Ann", "Aleksandra",
	}
	lastNames = []string{
		"Doe", "Smith", "García", "Fernández", "Kowalski", "Müller", "Nørgaard", "Åberg", "O'Brien", "Ní Bhriain",
		"Al-Farsi", "Haddad", "Zhang", "Tanaka", "Sharma", "Patel", "Ivanova", "Petrov", "Dubois", "Lefèvre", "Rossi",
		"Bianchi", "van der Berg", "de Vries", "Silva", "Santos", "Okafor", "Eze", "Costa", "Oliveira", "Kim", "Park",
		"Trần", "Yılmaz", "Demir", "Mensah", "Johnson", "Williams", "Brown", "Martin", "Schmidt", "Wiśniewska", "Nagy",
		"Popescu", "Papadopoulos", "Virtanen", "Lindqvist", "Nowak", "Picard", "Mac Gabhann", "Kovač",
	}
)

func (g *gen) firstName() string { return firstNames[g.intn(len(firstNames))] }
func (g *gen) lastName() string  { return lastNames[g.intn(len(lastNames))] }

// asciiFold drops diacritics for e-mail local parts.
func asciiFold(s string) string {
	r := strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ü", "u", "ö", "o", "ä", "a",
		"ø", "o", "å", "a", "Å", "a", "ł", "l", "Ł", "l", "ś", "s", "ş", "s", "ç", "c", "ë", "e", "ã", "a", "ễ", "e",
		"ầ", "a", "ı", "i", "è", "e", "Ø", "o", "ő", "o", "ő", "o", "ż", "z", "č", "c", "'", "", " ", "", "-", "")
	return strings.ToLower(r.Replace(s))
}

var emailDomains = []string{
	"gmail.com", "outlook.com", "yahoo.co.uk", "web.de", "gmx.net", "orange.fr", "libero.it", "hotmail.es",
	"icloud.com", "proton.me", "example.org", "acme-corp.io", "mail.example.museum", "uni-heidelberg.de",
	"company.co.jp", "btinternet.com", "t-online.de", "seznam.cz", "wp.pl", "yandex.ru", "qq.com", "naver.com",
	"correo.gob.mx", "bol.com.br", "students.example.edu", "consulting.engineering", "shop.example.co.za",
}

var (
	emailKeys = []string{
		"email", "user_email", "customer.email", "emailAddress", "email_address", "contact.email", "billing.email",
		"recipient", "to", "reply_to", "login", "username", "invitee_email", "enduser.email", "account.email",
	}
	emailProse = []string{
		"Sending password reset link to %s",
		"User with email %s not found",
		"Welcome email queued for %s",
		"duplicate key value violates unique constraint \"users_email_key\" DETAIL: Key (email)=(%s) already exists.",
		"SMTP 550 5.1.1 <%s>: Recipient address rejected: User unknown",
		"login failed for %s: invalid credentials",
		"Invitation sent by admin to %s",
		"bounce received for %s (hard)",
		"Stripe customer created for %s",
		"From: \"Support\" <support@shop.example.com>\r\nTo: %s\r\nSubject: Your order has shipped",
	}
)

func (g *gen) email() string {
	f, l := asciiFold(g.firstName()), asciiFold(g.lastName())
	var local string
	switch g.intn(8) {
	case 0:
		local = f + "." + l
	case 1:
		local = f[:1] + l
	case 2:
		local = f + "_" + l + g.digits(2)
	case 3:
		local = f + "." + l + "+" + g.pick("orders", "news", "test", "shop")
	case 4:
		local = f + l + g.digits(4)
	case 5:
		local = strings.ToUpper(f[:1]) + f[1:] + "." + strings.ToUpper(l[:1]) + l[1:]
	case 6:
		local = l + "-" + f
	default:
		local = f
	}
	return local + "@" + emailDomains[g.intn(len(emailDomains))]
}

func (g *gen) emailVals(n int) []Val {
	var out []Val
	for range n {
		out = append(out, Val{Kind: "email/plain", Text: g.email(), Keys: emailKeys, Prose: emailProse, Bare: true})
	}
	for _, e := range []string{"josé.garcía@correo.es", "müller@bücher.example", "søren@firma.dk", "zoë.o'brien@example.ie", "пользователь@пример.рф", "ayşe.yılmaz@örnek.com.tr"} {
		out = append(out, Val{Kind: "email/international", Text: e, Keys: emailKeys, Prose: emailProse, Bare: true})
	}
	return out
}

// Names under keys that say whose they are. A name alone in prose is not
// findable by any rule and is not planted there.
var personNameKeys = []string{
	"customer.name", "customer_name", "customerName", "cardholder_name", "cardholderName", "holder_name",
	"billing.name", "billing_name", "shipping.recipient_name", "recipient.name", "patient.full_name", "full_name",
	"fullName", "first_name", "last_name", "firstName", "lastName", "given_name", "family_name", "surname",
	"user.full_name", "passenger.name", "guest_name", "employee.display_name", "account_holder_name", "beneficiary_name",
	"payer.name", "contact.name", "applicant.last_name", "member.first_name", "traveler.given_name", "author.name",
}

// Street addresses: the line that locates someone; city and country alone do not.
var addressKeys = []string{
	"address", "street", "street_address", "address_line1", "addressLine1", "address.line1", "shipping_address.line1",
	"billing_address", "home_address", "line1", "streetAddress", "postal_address", "delivery_address", "mailing_address",
	"residential_address", "customer.address",
}

func (g *gen) street() string {
	n := g.between(1, 250)
	switch g.intn(8) {
	case 0:
		return fmt.Sprintf("%d %s Street", n, g.pick("Baker", "Main", "High", "Church", "Elm", "Oak", "Victoria"))
	case 1:
		return fmt.Sprintf("%s %d", g.pick("Hauptstraße", "Bahnhofstr.", "Lindenweg", "Schillerstraße"), n)
	case 2:
		return fmt.Sprintf("%d rue %s", n, g.pick("de la Paix", "Victor Hugo", "des Lilas", "du Moulin"))
	case 3:
		return fmt.Sprintf("Calle %s %d, %dº %s", g.pick("Mayor", "de Alcalá", "Gran Vía", "Serrano"), n, g.between(1, 9), g.pick("A", "B", "izq."))
	case 4:
		return fmt.Sprintf("Via %s %d", g.pick("Roma", "Garibaldi", "Mazzini", "Dante"), n)
	case 5:
		return fmt.Sprintf("ul. %s %d/%d", g.pick("Marszałkowska", "Długa", "Polna", "Kwiatowa"), n, g.between(1, 80))
	case 6:
		return fmt.Sprintf("%d %s Ave Apt %d", n*10, g.pick("Mission", "Lexington", "Wilshire", "Peachtree"), g.between(1, 40))
	}
	return fmt.Sprintf("Flat %d, %d %s Road", g.between(1, 20), n, g.pick("Kings", "Station", "Park", "Mill"))
}

var dobKeys = []string{"date_of_birth", "dob", "birthDate", "birth_date", "birthdate", "dateOfBirth", "customer.dob", "patient.birth_date", "geburtsdatum", "fecha_nacimiento", "birthday"}

func (g *gen) dob() (string, string) {
	y, m, d := g.date()
	switch g.intn(5) {
	case 0:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d), "iso"
	case 1:
		return fmt.Sprintf("%02d/%02d/%04d", d, m, y), "dmy"
	case 2:
		return fmt.Sprintf("%02d/%02d/%04d", m, d, y), "mdy"
	case 3:
		return fmt.Sprintf("%02d.%02d.%04d", d, m, y), "dotted"
	}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	return fmt.Sprintf("%d %s %d", d, months[m-1], y), "words"
}

// Public IPv4 and IPv6 addresses of clients, outside the documentation ranges too.
func (g *gen) publicIPv4() string {
	for {
		a := g.between(1, 223)
		switch a {
		case 10, 127, 0, 100, 169, 172, 192:
			continue
		}
		return fmt.Sprintf("%d.%d.%d.%d", a, g.intn(256), g.intn(256), g.between(1, 254))
	}
}

func (g *gen) publicIPv6() string {
	p := g.pick("2a02", "2001", "2600", "2a01", "2406", "2c0f", "2804", "2a00")
	switch g.intn(3) {
	case 0:
		return fmt.Sprintf("%s:%x:%x:%x::%x", p, g.intn(65536), g.intn(65536), g.intn(65536), g.between(1, 65535))
	case 1:
		return fmt.Sprintf("%s:%x:%x:%x:%x:%x:%x:%x", p, g.intn(65536), g.intn(65536), g.intn(65536), g.intn(65536), g.intn(65536), g.intn(65536), g.intn(65536))
	}
	return fmt.Sprintf("%s:%x::%x:%x", p, g.intn(65536), g.intn(65536), g.between(1, 65535))
}
