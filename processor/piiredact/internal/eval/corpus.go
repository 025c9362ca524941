package eval

import (
	"slices"
	"strings"
)

// Case is one labelled example: a record in one place of one signal, with the
// substrings that must not survive redaction and those that must arrive unchanged.
type Case struct {
	ID    int
	Place string
	// Kind and Variant name the planted value ("" in a look-alike case).
	Kind, Variant string
	// Lookalike names the look-alike in the slot of a case with nothing planted.
	Lookalike string
	Record    Record
	Secrets   []string
	// Keep are the values that must arrive byte for byte, with the look-alike kind
	// each is (or "background" for what the instrumentation recorded).
	Keep []KeepValue
	// Source says where a case came from: "generated", "regression", or a capture.
	Source string
}

// KeepValue is a non-personal value that must survive.
type KeepValue struct {
	Text string
	Kind string
	// Whole: the value is a whole string (an attribute's value), judged as one, not
	// as a substring that other values may contain.
	Whole bool
}

// Pending reports a case of a format whose detection another change adds.
func (c *Case) Pending() bool { return strings.HasPrefix(c.Variant, pendingPrefix) }

// Options size the corpus.
type Options struct {
	Seed uint64
	// PerKind is how many values of each planted kind are generated.
	PerKind int
	// Lookalikes is how many cases carry only look-alikes.
	Lookalikes int
	// Shapes are the captured records values are planted into; nil for none.
	Shapes []Shape
}

// DefaultOptions is the corpus `make eval` measures: thousands of values per
// detector, every kind in every place it fits.
func DefaultOptions(shapes []Shape) Options {
	return Options{Seed: 20, PerKind: 2400, Lookalikes: 24000, Shapes: shapes}
}

// kindGenerators make the planted values, one generator per kind.
var kindGenerators = []struct {
	kind string
	make func(g *gen) Value
}{
	{KindCreditCard, (*gen).creditCard},
	{KindEmail, (*gen).email},
	{KindPhone, (*gen).phone},
	{KindUSSSN, (*gen).ssn},
	{KindNationalID, (*gen).nationalID},
	{KindIPv4, (*gen).ipv4},
	{KindIPv6, (*gen).ipv6},
	{KindIBAN, (*gen).iban},
	{KindJWT, (*gen).jwt},
	{KindAuthCredential, (*gen).authCredential},
	{KindAPIKey, (*gen).apiKey},
	{KindPrivateKey, (*gen).privateKey},
	{KindURLCredential, (*gen).urlCredential},
	{KindCredential, (*gen).credential},
	{KindPersonName, (*gen).personName},
}

// fits reports whether a value of this kind is planted in this place: every class
// where its class can be, except where the place would have to mangle it (a PEM
// block in a URL) or where it is already the place (a webhook URL is the URL).
func fits(v *Value, p *place) bool {
	if !slices.Contains(p.classes, v.Class) {
		return false
	}
	// A value that needs a word naming it is not planted where no word can stand:
	// a URL's path, query or fragment holds it bare.
	if v.Context != "" && strings.HasPrefix(p.name, "url.") {
		return false
	}
	switch v.Kind {
	case KindPrivateKey:
		return !strings.HasPrefix(p.name, "url.") && !strings.HasPrefix(p.name, "db.") && !strings.HasPrefix(p.name, "process.") &&
			p.name != "span.name" && p.name != "event.name" && p.name != "http.header" && p.name != "rpc.grpc.metadata"
	case KindURLCredential:
		return p.name != "url.query" && p.name != "url.fragment" && p.name != "span.name" && p.name != "event.name"
	}
	return true
}

// Generate builds the corpus: every planted kind's values spread over every place
// they fit, each with look-alike neighbours, then cases that carry look-alikes only.
func Generate(o Options) []Case {
	g := newGen(o.Seed)
	var cases []Case
	for _, kg := range kindGenerators {
		var fitting []int
		for n := 0; n < o.PerKind; n++ {
			v := kg.make(g)
			fitting = fitting[:0]
			for i := range places {
				if fits(&v, &places[i]) {
					fitting = append(fitting, i)
				}
			}
			p := &places[fitting[n%len(fitting)]]
			cases = append(cases, plant(g, len(cases), p, &v, "", o.Shapes))
		}
	}
	var freePlaces []int
	for i := range places {
		if slices.Contains(places[i].classes, Free) {
			freePlaces = append(freePlaces, i)
		}
	}
	for n := 0; n < o.Lookalikes; n++ {
		l := g.lookalike()
		p := &places[freePlaces[n%len(freePlaces)]]
		v := Value{Kind: "", Class: Free, Text: l.Text}
		cases = append(cases, plant(g, len(cases), p, &v, l.Kind, o.Shapes))
	}
	return cases
}

// plant puts v into place p of a fresh record built on a captured shape. A
// look-alike case names the look-alike's kind: then v is that look-alike.
func plant(g *gen, id int, p *place, v *Value, lookalike string, shapes []Shape) Case {
	rec := newRecord(p.signal)
	var keep []KeepValue
	if len(shapes) > 0 {
		keep = shapes[id%len(shapes)].apply(&rec)
	}
	x := slot{
		text: v.Text, class: v.Class, kind: v.Kind, context: v.Context,
		secret: append([]string(nil), v.Secret...), keep: append([]string(nil), v.Keep...),
	}
	for range g.between(1, 2) {
		x.nb = append(x.nb, g.lookalike())
	}
	p.fill(g, &x, &rec)
	for _, n := range x.nb {
		keep = append(keep, KeepValue{Text: n.Text, Kind: n.Kind})
	}
	for _, k := range x.keep {
		keep = append(keep, KeepValue{Text: k, Kind: "label"})
	}
	if lookalike != "" {
		keep = append(keep, KeepValue{Text: x.text, Kind: lookalike})
	}
	c := Case{ID: id, Place: p.name, Kind: v.Kind, Variant: v.Variant, Lookalike: lookalike, Record: rec, Keep: keep, Source: "generated"}
	if v.Kind != "" {
		c.Secrets = x.secret
	}
	return c
}

func newRecord(s Signal) Record {
	return Record{
		Signal:   s,
		Resource: map[string]any{"service.name": "checkout", "telemetry.sdk.language": "go", "telemetry.sdk.name": "opentelemetry"},
		Scope:    map[string]any{},
		Span:     map[string]any{}, Event: map[string]any{}, Link: map[string]any{},
		LogAttrs: map[string]any{}, Point: map[string]any{}, Exemplar: map[string]any{},
	}
}
