package fieldpersonal

import (
	"fmt"
	"strconv"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/holdout"
)

// Numbers that sit right after the words that name personal values, in the
// messages services write about those values: durations, counts, sizes, codes and
// identifiers of the operation, not of the person. Each must arrive whole.
var proseLookalikes = []func(g *gen) (string, []string){
	func(g *gen) (string, []string) {
		ms := strconv.Itoa(g.between(10000, 99999))
		return "SMS gateway returned 503 after " + ms + " ms", []string{ms + " ms"}
	},
	func(g *gen) (string, []string) {
		d, u := strconv.Itoa(g.between(30, 3600)), strconv.Itoa(g.between(1, 60))
		return "call duration " + d + " s, billed " + u + " units", []string{d + " s", u + " units"}
	},
	func(g *gen) (string, []string) {
		id := g.uuid()
		return "phone verification code sent; request_id=" + id + ", attempt " + strconv.Itoa(g.between(1, 5)) + " of 5", []string{id}
	},
	func(g *gen) (string, []string) {
		e := strconv.Itoa(g.between(1000, 1999))
		return "IBAN validation failed: checksum mismatch (error " + e + ")", []string{"error " + e}
	},
	func(g *gen) (string, []string) {
		kb, w, h := strconv.Itoa(g.between(200, 9000)), strconv.Itoa(g.between(800, 4000)), strconv.Itoa(g.between(800, 4000))
		return "passport scan uploaded: " + kb + " KB, " + w + "x" + h + " px", []string{kb + " KB", w + "x" + h}
	},
	func(g *gen) (string, []string) {
		ord := fmt.Sprintf("ORD-%d-%07d", g.between(2023, 2026), g.intn(10000000))
		return "DOB field missing for order " + ord, []string{ord}
	},
	func(g *gen) (string, []string) {
		p50, p99 := strconv.Itoa(g.between(50, 400)), strconv.Itoa(g.between(800, 20000))
		return "SSN verification service latency p50 " + p50 + " ms p99 " + p99 + " ms", []string{p50 + " ms", p99 + " ms"}
	},
	func(g *gen) (string, []string) {
		ns := strconv.Itoa(g.between(1000000, 999999999))
		return "national id check took " + ns + " ns", []string{ns + " ns"}
	},
	func(g *gen) (string, []string) {
		n := strconv.Itoa(g.between(100000, 99999999))
		return "phone number lookup cache: hit ratio 0." + g.digits(4) + ", entries " + n, []string{"entries " + n}
	},
	func(g *gen) (string, []string) {
		c := g.pick("30003", "30005", "30007", "21211", "21610", "21408")
		return "Twilio error " + c + " for message SM" + g.hex(32) + ": Unreachable destination handset", []string{"error " + c}
	},
	func(g *gen) (string, []string) {
		n := g.digitsNZ(12)
		return "mobile app build " + n + " rejected by the store", []string{n}
	},
	func(g *gen) (string, []string) {
		ts := strconv.Itoa(g.between(1700000000, 1800000000))
		return "card tokenized at " + ts + " by vault node 3", []string{ts}
	},
	func(g *gen) (string, []string) {
		n := g.digitsNZ(10)
		return "contact sync batch " + n + " finished: 1200 updated, 3 failed", []string{n}
	},
	func(g *gen) (string, []string) {
		n := strconv.Itoa(g.between(1000000000, 1999999999))
		return "customer phone updated, version " + n, []string{n}
	},
	func(g *gen) (string, []string) {
		port := strconv.Itoa(g.pick2(5060, 5061, 8443, 9443))
		ip := fmt.Sprintf("10.%d.%d.%d", g.intn(256), g.intn(256), g.between(1, 254))
		return "SIP trunk registered at " + ip + ":" + port + ", expires 3600", []string{ip + ":" + port}
	},
	func(g *gen) (string, []string) {
		iso := fmt.Sprintf("%d-%02d-%02dT%02d:%02d:%02dZ", g.between(2024, 2026), g.between(1, 12), g.between(1, 28), g.intn(24), g.intn(60), g.intn(60))
		return "date of birth check skipped at " + iso + " (feature flag off)", []string{iso}
	},
	func(g *gen) (string, []string) {
		n := g.digitsNZ(9)
		return "passport OCR job " + n + " queued", []string{n}
	},
	func(g *gen) (string, []string) {
		amt := fmt.Sprintf("%d.%02d", g.between(1, 9999), g.intn(100))
		return "card payment of EUR " + amt + " captured, fee 0.25", []string{"EUR " + amt}
	},
}

func proseLookalikeCases(g *gen, n int) []holdout.Case {
	var out []holdout.Case
	for k := 0; k < n; k++ {
		for i, f := range proseLookalikes {
			text, keep := f(g)
			c := holdout.Case{Kind: "keep/prose-" + strconv.Itoa(i), Place: "log.body.prose", Keep: keep}
			if k%2 == 0 {
				c.Rec = rec{Signal: holdout.Logs, Body: "2025-03-02T10:11:12.345Z INFO " + text}
			} else {
				c.Place = "span.status.prose"
				c.Rec = rec{Signal: holdout.Traces, Name: "notify", Status: text}
			}
			out = append(out, c)
		}
	}
	return out
}
