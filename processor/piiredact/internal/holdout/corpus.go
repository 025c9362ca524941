package holdout

import (
	"fmt"
	"strings"
)

// Options size the corpus.
type Options struct {
	Seed uint64
	// Scale multiplies how many values of each kind are drawn (1 is the default
	// corpus of about twenty thousand cases).
	Scale int
}

// DefaultOptions is the corpus TestHoldout runs.
func DefaultOptions() Options { return Options{Seed: 20251107, Scale: 1} }

// Generate builds the corpus: the same cases for the same options.
func Generate(o Options) []Case {
	g := newGen(o.Seed)
	s := max(1, o.Scale)
	var cs []Case
	add := func(more ...Case) { cs = append(cs, more...) }

	for _, v := range g.phoneVals(s) {
		add(g.spread(v, 3, 2, 1)...)
	}
	for _, v := range g.cardVals(25 * s) {
		add(g.spread(v, 3, 1, 1)...)
	}
	for _, v := range g.ibanVals(4 * s) {
		add(g.spread(v, 3, 1, 1)...)
	}
	for _, v := range g.nationalIDVals(10 * s) {
		add(g.spread(v, 3, 1, 1)...)
	}
	for _, v := range g.emailVals(150 * s) {
		add(g.spread(v, 3, 1, 1)...)
	}
	for _, v := range g.tokenVals(5 * s) {
		add(g.spread(v, 2, 0, 1)...)
		add(g.tokenPlaces(v)...)
	}
	for _, v := range g.bankAccountVals(15 * s) {
		add(g.spread(v, 3, 1, 0)...)
	}
	add(g.personCases(200 * s)...)
	add(g.addressCases(120 * s)...)
	add(g.dobCases(120 * s)...)
	add(g.ipCases(150 * s)...)
	add(g.passwordCases(8 * s)...)
	add(g.connectionStringCases(8 * s)...)
	add(g.commandLineCases(8 * s)...)
	add(g.statementCases(10 * s)...)
	add(g.headerCases(10 * s)...)
	add(g.urlCases(10 * s)...)
	add(g.jwtCases(10 * s)...)
	add(g.privateKeyCases(6 * s)...)
	add(g.configFileCases(6 * s)...)
	add(g.logLineCases(6 * s)...)
	add(g.lookalikeCases(s)...)
	return cs
}

// spread places v under keys (keyed places), in sentences that name it (prose
// places) and, when its form is self-evident, in text with no name (bare).
func (g *gen) spread(v Val, keyed, prose, bare int) []Case {
	var out []Case
	if len(v.Keys) > 0 {
		for _, i := range g.r.Perm(len(keyedPlaces))[:keyed] {
			p := keyedPlaces[i]
			k := v.Keys[g.intn(len(v.Keys))]
			rec, held, keep := p.put(g, k, v.Text)
			out = append(out, Case{Kind: v.Kind, Place: p.name, Rec: rec, Secrets: []string{held}, Keep: keep})
		}
	}
	for range prose {
		if len(v.Prose) == 0 {
			break
		}
		tpl := v.Prose[g.intn(len(v.Prose))]
		p := prosePlaces[g.intn(len(prosePlaces))]
		out = append(out, g.sentenceCase(v, tpl, p))
	}
	if v.Bare {
		for range bare {
			tpl := bareSentences[g.intn(len(bareSentences))]
			p := prosePlaces[g.intn(len(prosePlaces))]
			c := g.sentenceCase(v, tpl, p)
			c.Place += ".bare"
			out = append(out, c)
		}
	}
	return out
}

// sentenceCase writes v into a sentence and the sentence into a place. What
// follows the value in the sentence must survive.
func (g *gen) sentenceCase(v Val, tpl string, p prosePlace) Case {
	s := fmt.Sprintf(tpl, v.Text)
	rec, keep := p.put(g, s)
	held := v.Text
	// A JSON-escaped sentence holds the value escaped.
	if strings.HasPrefix(p.name, "log.body.json") {
		held = jsonInner(v.Text)
	}
	if k := strings.Index(tpl, "%s"); k >= 0 {
		tail := strings.TrimSpace(tpl[k+2:])
		if len(tail) >= 6 && !strings.ContainsAny(tail, "\r\n") {
			keep = append(keep, tail)
		}
	}
	return Case{Kind: v.Kind, Place: p.name, Rec: rec, Secrets: []string{held}, Keep: keep}
}
