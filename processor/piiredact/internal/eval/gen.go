package eval // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/eval"

import (
	"encoding/base64"
	"math/rand/v2"
	"strings"
)

// gen draws every random choice of the corpus from one seeded source, so that a
// seed names one corpus exactly.
type gen struct {
	r *rand.Rand
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *gen) intn(n int) int { return g.r.IntN(n) }

// between returns a number in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *gen) chance(percent int) bool { return g.r.IntN(100) < percent }

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

const (
	digitChars    = "0123456789"
	lowerHexChars = "0123456789abcdef"
	upperHexChars = "0123456789ABCDEF"
	upperChars    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lowerChars    = "abcdefghijklmnopqrstuvwxyz"
	alnumChars    = upperChars + lowerChars + digitChars
	base64Chars   = alnumChars + "+/"
	base64URL     = alnumChars + "-_"
	upperAlnum    = upperChars + digitChars
	lowerAlnum    = lowerChars + digitChars
)

func (g *gen) chars(set string, n int) string {
	var b strings.Builder
	b.Grow(n)
	for range n {
		b.WriteByte(set[g.r.IntN(len(set))])
	}
	return b.String()
}

func (g *gen) digits(n int) string { return g.chars(digitChars, n) }

// digitsNoLead returns n digits, the first not zero.
func (g *gen) digitsNoLead(n int) string {
	return string(rune('1'+g.intn(9))) + g.digits(n-1)
}

func (g *gen) hex(n int) string { return g.chars(lowerHexChars, n) }

func (g *gen) uuid() string {
	h := g.hex(32)
	return h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + string("89ab"[g.intn(4)]) + h[17:20] + "-" + h[20:32]
}

func b64url(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }

// People's names: the corpus's personal names and the local parts of its e-mail
// addresses. Some are not ASCII, as real customer data is not.
var (
	firstNames = []string{
		"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
		"William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
		"Olivia", "Noah", "Emma", "Liam", "Amelia", "Oliver", "Sophia", "Elijah", "Charlotte", "Mateo",
		"Aarav", "Priya", "Wei", "Mei", "Hiroshi", "Yuki", "Fatima", "Omar", "Lars", "Ingrid",
		"José", "María", "Zoë", "Björn", "François", "Anaïs", "Łukasz", "Søren", "Chloé", "Małgorzata",
	}
	lastNames = []string{
		"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
		"Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
		"Patel", "Sharma", "Wang", "Li", "Tanaka", "Suzuki", "Khan", "Nguyen", "Kowalski", "Novak",
		"Müller", "Schmidt", "Dubois", "Rossi", "Jensen", "Andersson", "O'Brien", "McDonald", "Van der Berg", "da Silva",
		"García", "Ørsted", "Łukaszewicz", "Nuñez", "Björk", "Černý",
	}
)

// asciiFold drops what e-mail local parts rarely carry: accents and apostrophes.
func asciiFold(s string) string {
	r := strings.NewReplacer("é", "e", "á", "a", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ü", "u", "ö", "o",
		"ä", "a", "ë", "e", "ï", "i", "ç", "c", "ø", "o", "Ø", "O", "ł", "l", "Ł", "L", "č", "c", "Č", "C",
		"'", "", " ", "", "Ö", "O", "Ü", "U", "ß", "ss")
	return r.Replace(s)
}
