package holdout

import (
	"fmt"
	"strings"
)

// People: names under keys that say whose they are, nested the way payloads nest
// them; street addresses; dates of birth; the addresses of the clients.

var personParents = []string{"holder", "cardholder", "customer", "payer", "recipient", "beneficiary", "patient", "passenger", "guest", "employee", "contact", "billing", "account_holder", "sender", "applicant", "traveller", "member", "buyer", "consignee", "student"}

func (g *gen) personCases(n int) []Case {
	var out []Case
	for i := 0; i < n; i++ {
		first, last := g.firstName(), g.lastName()
		full := first + " " + last
		// A name under a key that says it is a person's.
		k := personNameKeys[g.intn(len(personNameKeys))]
		v := full
		switch lastWord(k) {
		case "first_name", "firstName", "given_name":
			v = first
		case "last_name", "lastName", "surname", "family_name":
			v = last
		}
		p := keyedPlaces[g.intn(len(keyedPlaces))]
		rec, held, keep := p.put(g, k, v)
		out = append(out, Case{Kind: "name/keyed", Place: p.name, Rec: rec, Secrets: []string{held}, Keep: keep})

		// A map under a key naming a person, with the name keys inside it, next to
		// maps whose names are things'.
		parent := personParents[g.intn(len(personParents))]
		nz := g.noise()
		var person Map
		var secrets []string
		switch g.intn(4) {
		case 0:
			person = Map{{"name", full}, {"id", nz.reqID}}
			secrets = []string{full}
		case 1:
			person = Map{{"first_name", first}, {"last_name", last}, {"tier", "gold"}}
			secrets = []string{first, last}
		case 2:
			person = Map{{"givenName", first}, {"familyName", last}, {"locale", "en-GB"}}
			secrets = []string{first, last}
		default:
			person = Map{{"fullName", full}, {"bank", Map{{"name", "Deutsche Bank"}, {"bic", "DEUTDEFFXXX"}}}}
			secrets = []string{full}
		}
		keeps := []string{"Aeron Chair", "checkout-api", nz.orderID}
		body := Map{
			{"event", "payment.authorized"},
			{"service", Map{{"name", "checkout-api"}}},
			{"payment", Map{{"id", nz.orderID}, {"details", Map{{parent, person}}}}},
			{"product", Map{{"name", "Aeron Chair"}, {"sku", "HM-AER-B-2"}}},
		}
		if person[len(person)-1].K == "bank" {
			keeps = append(keeps, "Deutsche Bank", "DEUTDEFFXXX")
		}
		switch g.intn(3) {
		case 0:
			out = append(out, Case{Kind: "name/nested", Place: "log.body.map", Rec: Record{Signal: Logs, Body: body}, Secrets: secrets, Keep: keeps})
		case 1:
			js := mapJSON(body)
			sec := make([]string, len(secrets))
			for i, s := range secrets {
				sec[i] = jsonInner(s)
			}
			out = append(out, Case{Kind: "name/nested", Place: "log.body.json", Rec: Record{Signal: Logs, Body: js}, Secrets: sec, Keep: keeps})
		default:
			// An array of people ("passengers": [...]).
			list := []any{Map{{"givenName", first}, {"surname", last}, {"seat", "14C"}}, Map{{"givenName", "Ana"}, {"surname", "Kovač"}, {"seat", "14D"}}}
			body := Map{{"booking", Map{{"pnr", "X7K2QP"}, {g.pick("passengers", "travellers", "guests"), list}}}, {"flight", Map{{"name", "LH 400"}}}}
			out = append(out, Case{Kind: "name/list", Place: "log.body.map", Rec: Record{Signal: Logs, Body: body}, Secrets: []string{first, last, "Kovač"}, Keep: []string{"X7K2QP", "14C", "LH 400"}})
		}
	}
	return out
}

// mapJSON renders a Map as compact JSON, keeping its order.
func mapJSON(m Map) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, kv := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jsonQ(kv.K))
		b.WriteByte(':')
		b.WriteString(anyJSON(kv.V))
	}
	b.WriteByte('}')
	return b.String()
}

func anyJSON(v any) string {
	switch v := v.(type) {
	case string:
		return jsonQ(v)
	case Map:
		return mapJSON(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = anyJSON(x)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case []string:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = jsonQ(x)
		}
		return "[" + strings.Join(parts, ",") + "]"
	default:
		return fmt.Sprint(v)
	}
}

func (g *gen) addressCases(n int) []Case {
	var out []Case
	for i := 0; i < n; i++ {
		st := g.street()
		k := addressKeys[g.intn(len(addressKeys))]
		p := keyedPlaces[g.intn(len(keyedPlaces))]
		rec, held, keep := p.put(g, k, st)
		out = append(out, Case{Kind: "address/keyed", Place: p.name, Rec: rec, Secrets: []string{held}, Keep: keep})
		// The address map of an order: the street goes, the country code and the
		// carrier stay.
		addr := Map{{"line1", st}, {"city", g.pick("Berlin", "Lyon", "Leeds", "Porto", "Kraków")}, {"postal_code", g.digits(5)}, {"country", "DE"}}
		body := Map{{"msg", "shipment created"}, {"shipment", Map{{"carrier", "DHL Express"}, {g.pick("shipping_address", "delivery_address", "address", "billing_address"), addr}}}}
		out = append(out, Case{Kind: "address/nested", Place: "log.body.map", Rec: Record{Signal: Logs, Body: body}, Secrets: []string{st}, Keep: []string{"DHL Express", "shipment created"}})
	}
	return out
}

func (g *gen) dobCases(n int) []Case {
	var out []Case
	for i := 0; i < n; i++ {
		d, form := g.dob()
		k := dobKeys[g.intn(len(dobKeys))]
		p := keyedPlaces[g.intn(len(keyedPlaces))]
		rec, held, keep := p.put(g, k, d)
		out = append(out, Case{Kind: "dob/" + form, Place: p.name, Rec: rec, Secrets: []string{held}, Keep: keep})
		nz := g.noise()
		txt := fmt.Sprintf(g.pick("KYC check failed: name mismatch, DOB: %s, ref %s", "patient record: DOB %s; MRN %s", "date of birth %s does not match (application %s)", "Geburtsdatum: %s, Antrag %s"), d, nz.orderID)
		p2 := prosePlaces[g.intn(len(prosePlaces))]
		rec2, keep2 := p2.put(g, txt)
		held2 := d
		if strings.HasPrefix(p2.name, "log.body.json") {
			held2 = jsonInner(d)
		}
		out = append(out, Case{Kind: "dob/" + form, Place: p2.name, Rec: rec2, Secrets: []string{held2}, Keep: append(keep2, nz.orderID)})
	}
	return out
}

func (g *gen) ipCases(n int) []Case {
	var out []Case
	for i := 0; i < n; i++ {
		ip, kind := g.publicIPv4(), "ip/v4"
		if g.chance(0.3) {
			ip, kind = g.publicIPv6(), "ip/v6"
		}
		nz := g.noise()
		switch g.intn(6) {
		case 0:
			out = append(out, Case{Kind: kind, Place: "span.attr", Rec: Record{Signal: Traces, Name: "GET " + nz.route, Attrs: Map{
				{"client.address", ip}, {"client.port", int64(g.between(1024, 65535))}, {"server.address", nz.podIP}, {"network.peer.address", nz.podIP}, {"url.path", "/api/v1/cart"},
			}}, Secrets: []string{ip}, Keep: []string{nz.podIP, "/api/v1/cart"}})
		case 1:
			xff := ip + ", " + nz.podIP
			out = append(out, Case{Kind: kind, Place: "span.attr.header", Rec: Record{Signal: Traces, Attrs: Map{
				{"http.request.header.x-forwarded-for", []string{xff}}, {"http.request.header.x-request-id", []string{nz.reqID}},
			}}, Secrets: []string{ip}, Keep: []string{nz.podIP, nz.reqID}})
		case 2:
			out = append(out, Case{Kind: kind, Place: "metric.attr", Rec: Record{Signal: Metrics, Attrs: Map{{"client.address", ip}, {"server.address", nz.podIP}}}, Secrets: []string{ip}, Keep: []string{nz.podIP}})
		case 3:
			msg := fmt.Sprintf("rate limit exceeded for %s (%d req/min), upstream %s:8080", ip, g.between(100, 900), nz.podIP)
			out = append(out, Case{Kind: kind, Place: "log.body.text", Rec: Record{Signal: Logs, Body: msg}, Secrets: []string{ip}, Keep: []string{nz.podIP + ":8080"}})
		case 4:
			out = append(out, Case{Kind: kind, Place: "log.attr", Rec: Record{Signal: Logs, Body: "login succeeded", Attrs: Map{{"source.address", ip}, {"user_agent.original", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.86 Safari/537.36"}}},
				Secrets: []string{ip}, Keep: []string{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.86 Safari/537.36"}})
		default:
			body := Map{{"remote_ip", ip}, {"method", "POST"}, {"path", "/session"}, {"status", int64(302)}, {"upstream", nz.podIP + ":3000"}}
			out = append(out, Case{Kind: kind, Place: "log.body.map", Rec: Record{Signal: Logs, Body: body}, Secrets: []string{ip}, Keep: []string{nz.podIP + ":3000"}})
		}
	}
	return out
}
