package fieldpersonal

import (
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/holdout"
)

// Options size the corpus.
type Options struct {
	Seed uint64
	// PerPlace is how many cases each class of personal value gets in each place.
	PerPlace int
	// LookalikesPerPlace is how many cases of look-alikes alone each place gets.
	LookalikesPerPlace int
}

// DefaultOptions is what TestFieldPersonal runs.
func DefaultOptions() Options {
	return Options{Seed: 20261207, PerPlace: 20, LookalikesPerPlace: 80}
}

type classGen struct {
	class string
	draw  func(g *gen) pii
}

var classes = []classGen{
	{"email", (*gen).email},
	{"email-header", (*gen).mailHeader},
	{"phone", (*gen).phone},
	{"card", (*gen).card},
	{"iban", (*gen).iban},
	{"bank_account", (*gen).bankAccount},
	{"national_id", (*gen).nationalID},
	{"name", (*gen).name},
	{"address", (*gen).address},
	{"dob", (*gen).dob},
	{"passport", (*gen).passport},
	{"licence", (*gen).licence},
	{"ip", (*gen).publicIP},
}

// textOf is how prose mentions a personal value: by itself when its format says
// what it is, after its label otherwise.
func textOf(g *gen, p pii) string {
	switch {
	case p.class == "name" || p.class == "address":
		return p.label + ": " + p.value
	case p.keyed || p.class == "national_id":
		return p.label + " " + p.value
	case p.variant == "display-name":
		return p.label + " " + p.value
	}
	return p.value
}

func lookField(l look) field {
	t := l.text + l.value
	if l.text == "" {
		t = snake(l.key) + "=" + l.value
	}
	return field{key: l.key, value: l.value, text: t, kind: l.kind}
}

// Generate draws the corpus.
func Generate(o Options) []holdout.Case {
	g := newGen(o.Seed)
	var out []holdout.Case
	for _, cg := range classes {
		for _, place := range places {
			for n := 0; n < o.PerPlace; n++ {
				p := cg.draw(g)
				if place == "url.path" && !p.urlSafe {
					continue
				}
				main := field{key: p.keys[g.intn(len(p.keys))], value: p.value, text: textOf(g, p), secret: true, secrets: p.secrets}
				fs := []field{main}
				used := map[string]bool{main.key: true}
				for len(fs) < 3 {
					l := g.look()
					if used[l.key] || conflicts(main.key, l.key) {
						continue
					}
					used[l.key] = true
					fs = append(fs, lookField(l))
				}
				out = append(out, makeCase(g, p.class+"/"+p.variant, place, fs))
			}
		}
	}
	for _, pc := range providerCases {
		for n := 0; n < o.PerPlace; n++ {
			out = append(out, pc(g))
		}
	}
	out = append(out, proseLookalikeCases(g, o.PerPlace)...)
	for _, place := range places {
		for n := 0; n < o.LookalikesPerPlace; n++ {
			var fs []field
			used := map[string]bool{}
			for len(fs) < 3 {
				l := g.look()
				if used[l.key] {
					continue
				}
				used[l.key] = true
				fs = append(fs, lookField(l))
			}
			out = append(out, makeCase(g, "keep/"+lookKind(fs[0]), place, fs))
		}
	}
	return out
}

// conflicts: a dotted key and a key that is its prefix cannot both be nested.
func conflicts(a, b string) bool {
	return strings.HasPrefix(a, b+".") || strings.HasPrefix(b, a+".") || strings.Split(a, ".")[0] == strings.Split(b, ".")[0]
}

func lookKind(f field) string { return f.kind }

// minKeep is the shortest value judged as kept: the judge counts occurrences in
// the whole record, and "0" or "137" also occur inside other values.
const minKeep = 4

func makeCase(g *gen, kind, place string, fs []field) holdout.Case {
	r, efs := render(g, place, fs[0], fs)
	c := holdout.Case{Kind: kind, Place: place, Rec: r}
	for _, f := range efs {
		if f.secret {
			c.Secrets = append(c.Secrets, f.secrets...)
		} else if len(f.value) >= minKeep {
			c.Keep = append(c.Keep, f.value)
		}
	}
	return c
}
