package fieldpersonal

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/holdout"
)

// Payloads of SMS, voice and payment providers as applications log them (request
// bodies, webhooks) and the semantic conventions' personal attributes: each case
// holds the personal values the provider's format carries and the identifiers,
// amounts and statuses beside them.

func (g *gen) e164Parts() (cc, nsn string) {
	for _, c := range []string{"us", "gb", "de", "fr", "nl", "es", "au", "br", "in"} {
		if g.chance(0.25) {
			pl := phonePlans[c]
			return pl.cc, pl.nsn(g)
		}
	}
	pl := phonePlans["gb"]
	return pl.cc, pl.nsn(g)
}

type providerCase func(g *gen) holdout.Case

var providerCases = []providerCase{
	// Twilio's Messages API: a form body; its webhook posts the same fields.
	func(g *gen) holdout.Case {
		cc, n := g.e164Parts()
		to, from := "+"+cc+n, "+1"+strconv.Itoa(g.between(201, 989))+"555"+g.digits(4)
		sid := "SM" + g.hex(32)
		body := "To=" + url.QueryEscape(to) + "&From=" + url.QueryEscape(from) + "&Body=" + url.QueryEscape("Your code is "+g.digits(6)) +
			"&MessagingServiceSid=MG" + g.hex(32) + "&StatusCallback=" + url.QueryEscape("https://hooks.example.com/sms/status/"+sid)
		return holdout.Case{Kind: "phone/twilio-form", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: "POST https://api.twilio.com/2010-04-01/Accounts/AC" + g.hex(32) + "/Messages.json " + body},
			Secrets: []string{url.QueryEscape(to), url.QueryEscape(from)}, Keep: []string{sid}}
	},
	// Twilio's status callback, as a span's attributes.
	func(g *gen) holdout.Case {
		cc, n := g.e164Parts()
		to := "+" + cc + n
		sid := "SM" + g.hex(32)
		return holdout.Case{Kind: "phone/twilio-callback", Place: "span.attr.provider", Rec: rec{Signal: holdout.Traces, Name: "POST /sms/status",
			Attrs: hm{{K: "messaging.system", V: "twilio"}, {K: "messaging.message.id", V: sid}, {K: "sms.to", V: to},
				{K: "sms.status", V: g.pick("delivered", "undelivered", "failed")}, {K: "sms.error_code", V: g.pick("30003", "30005", "30007", "21211")}}},
			Secrets: []string{to}, Keep: []string{sid}}
	},
	// Vonage (Nexmo) SMS API: E.164 digits without '+', under "to" and "msisdn".
	func(g *gen) holdout.Case {
		cc, n := g.e164Parts()
		num := cc + n
		mid := strings.ToUpper(g.hex(16))
		return holdout.Case{Kind: "phone/vonage-json", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: `{"message-count":"1","messages":[{"to":"` + num + `","message-id":"` + mid + `","status":"0","remaining-balance":"` +
				fmt.Sprintf("%d.%08d", g.between(1, 90), g.intn(100000000)) + `","message-price":"0.03330000","network":"23410"}]}`},
			Secrets: []string{num}, Keep: []string{mid, "0.03330000"}}
	},
	func(g *gen) holdout.Case {
		cc, n := g.e164Parts()
		num := cc + n
		mid := strings.ToUpper(g.hex(16))
		return holdout.Case{Kind: "phone/vonage-inbound", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: "inbound sms msisdn=" + num + "&to=447700900000&messageId=" + mid + "&text=STOP&type=text&keyword=STOP&message-timestamp=2025-03-01+12%3A00%3A01"},
			Secrets: []string{num}, Keep: []string{mid}}
	},
	// MessageBird: recipients as numbers in a JSON array.
	func(g *gen) holdout.Case {
		cc, n := g.e164Parts()
		num := cc + n
		id := g.hex(32)
		return holdout.Case{Kind: "phone/messagebird", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: `{"id":"` + id + `","originator":"AcmeShop","body":"Your parcel is on its way","recipients":{"totalCount":1,"items":[{"recipient":` + num + `,"status":"sent"}]}}`},
			Secrets: []string{num}, Keep: []string{id}}
	},
	// Adyen's payments request: the card and its holder.
	func(g *gen) holdout.Case {
		c := g.card()
		gv, fm := g.person()
		num := strings.NewReplacer(" ", "", "-", "").Replace(c.value)
		ref := "ORD-" + g.digits(8)
		return holdout.Case{Kind: "card/adyen", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: `{"amount":{"currency":"EUR","value":` + strconv.Itoa(g.between(100, 99999)) + `},"reference":"` + ref +
				`","paymentMethod":{"type":"scheme","number":"` + num + `","expiryMonth":"03","expiryYear":"2030","holderName":"` + gv + " " + fm + `","cvc":"737"},"merchantAccount":"AcmeShopECOM"}`},
			Secrets: []string{num, gv + " " + fm}, Keep: []string{ref, "AcmeShopECOM"}}
	},
	// Braintree's transaction form.
	func(g *gen) holdout.Case {
		c := g.card()
		gv, fm := g.person()
		num := strings.NewReplacer(" ", "", "-", "").Replace(c.value)
		id := g.alnum(8, "abcdefghijklmnopqrstuvwxyz0123456789")
		name := gv + " " + fm
		return holdout.Case{Kind: "card/braintree-form", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: "transaction[amount]=" + strconv.Itoa(g.between(1, 999)) + ".00&transaction[credit_card][number]=" + num +
				"&transaction[credit_card][cardholder_name]=" + url.QueryEscape(name) + "&transaction[credit_card][expiration_date]=03%2F2030&transaction[order_id]=" + id},
			Secrets: []string{num, url.QueryEscape(name)}, Keep: []string{id}}
	},
	// Stripe's PaymentMethod as a webhook carries it: the holder and the address,
	// the card only as brand and last four.
	func(g *gen) holdout.Case {
		gv, fm := g.person()
		name := gv + " " + fm
		email := ascii(strings.ToLower(gv)) + "." + ascii(strings.ToLower(fm)) + "@" + domains[g.intn(len(domains))]
		street := strconv.Itoa(g.between(1, 200)) + " " + streets[g.intn(len(streets))]
		pm := "pm_" + g.alnum(24, base62)
		fp := g.alnum(16, base62)
		last4 := g.digits(4)
		return holdout.Case{Kind: "name/stripe-webhook", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: `{"id":"` + pm + `","object":"payment_method","billing_details":{"address":{"city":"` + cities[g.intn(len(cities))] +
				`","country":"DE","line1":"` + street + `","postal_code":"10115"},"email":"` + email + `","name":"` + name +
				`","phone":null},"card":{"brand":"visa","exp_month":12,"exp_year":2027,"fingerprint":"` + fp + `","last4":"` + last4 + `"},"type":"card"}`},
			Secrets: []string{name, email, street}, Keep: []string{pm, fp, `"last4":"` + last4 + `"`}}
	},
	// The semantic conventions' personal attributes beside their neighbours.
	func(g *gen) holdout.Case {
		gv, fm := g.person()
		email := ascii(strings.ToLower(gv)) + "." + ascii(strings.ToLower(fm)) + "@" + domains[g.intn(len(domains))]
		ip := g.publicIP().value
		sid := g.uuid()
		return holdout.Case{Kind: "email/semconv", Place: "span.attr.semconv", Rec: rec{Signal: holdout.Traces, Name: "GET /account",
			Attrs: hm{{K: "user.email", V: email}, {K: "user.full_name", V: gv + " " + fm}, {K: "enduser.id", V: email}, {K: "client.address", V: ip},
				{K: "session.id", V: sid}, {K: "user.roles", V: []string{"admin", "billing"}}, {K: "server.address", V: "10.12.0.7"}}},
			Secrets: []string{email, gv + " " + fm, ip}, Keep: []string{sid, "10.12.0.7"}}
	},
	// An e-mail in a URL's path, encoded, and in a mailto: link.
	func(g *gen) holdout.Case {
		gv, fm := g.person()
		local := ascii(strings.ToLower(gv)) + "." + ascii(strings.ToLower(fm))
		dom := domains[g.intn(len(domains))]
		enc := local + "%40" + dom
		ord := fmt.Sprintf("ORD-%d-%07d", g.between(2023, 2026), g.intn(10000000))
		return holdout.Case{Kind: "email/url-path", Place: "url.path.encoded", Rec: rec{Signal: holdout.Traces, Name: "GET /v1/customers/{email}",
			Attrs: hm{{K: "url.full", V: "https://api.example.com/v1/customers/" + enc + "/orders/" + ord}, {K: "http.request.method", V: "GET"}}},
			Secrets: []string{enc}, Keep: []string{ord}}
	},
	func(g *gen) holdout.Case {
		gv, fm := g.person()
		addr := ascii(strings.ToLower(gv)) + "@" + domains[g.intn(len(domains))]
		return holdout.Case{Kind: "email/mailto", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: `<a href="mailto:` + addr + `?subject=Order%20ORD-2025-0001234">Contact ` + gv + ` ` + fm + `</a>`},
			Secrets: []string{addr}, Keep: []string{"ORD-2025-0001234"}}
	},
	// A UK bank account: sort code and number, as Bacs and Faster Payments logs put them.
	func(g *gen) holdout.Case {
		acct := g.digits(8)
		sc := g.digits(2) + "-" + g.digits(2) + "-" + g.digits(2)
		ref := "FP" + g.digits(12)
		return holdout.Case{Kind: "bank_account/uk-sort-code", Place: "log.body.provider", Rec: rec{Signal: holdout.Logs,
			Body: `{"payee":{"sort_code":"` + sc + `","account_number":"` + acct + `"},"payment_reference":"` + ref + `","amount":"125.00","currency":"GBP"}`},
			Secrets: []string{acct}, Keep: []string{ref, "125.00"}}
	},
}
