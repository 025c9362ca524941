package holdout

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// gen draws values from a seeded source: the corpus is the same on every run.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))} }

func (g *gen) intn(n int) int           { return g.r.IntN(n) }
func (g *gen) between(lo, hi int) int   { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) chance(p float64) bool    { return g.r.Float64() < p }
func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) from(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

const (
	digitChars    = "0123456789"
	lowerChars    = "abcdefghijklmnopqrstuvwxyz"
	upperChars    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	alnumChars    = digitChars + lowerChars + upperChars
	lowerHexChars = "0123456789abcdef"
	base32Chars   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	crockford     = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
)

func (g *gen) digits(n int) string { return g.from(digitChars, n) }

// digitsNZ is n digits, the first not 0.
func (g *gen) digitsNZ(n int) string { return g.from("123456789", 1) + g.digits(n-1) }
func (g *gen) alnum(n int) string    { return g.from(alnumChars, n) }
func (g *gen) lower(n int) string    { return g.from(lowerChars, n) }
func (g *gen) upper(n int) string    { return g.from(upperChars, n) }
func (g *gen) hex(n int) string      { return g.from(lowerHexChars, n) }
func (g *gen) upperAlnum(n int) string {
	return g.from(upperChars+digitChars, n)
}

// mixed is n characters of alphabet with at least one digit, one lower- and one
// upper-case letter, as generated tokens are.
func (g *gen) mixed(n int) string {
	for {
		s := g.alnum(n)
		if strings.ContainsAny(s, digitChars) && strings.ContainsAny(s, lowerChars) && strings.ContainsAny(s, upperChars) {
			return s
		}
	}
}

func (g *gen) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.r.IntN(256))
	}
	return b
}

func (g *gen) b64(n int) string    { return base64.StdEncoding.EncodeToString(g.bytes(n)) }
func (g *gen) b64url(n int) string { return base64.RawURLEncoding.EncodeToString(g.bytes(n)) }

func (g *gen) uuid() string {
	b := g.bytes(16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func (g *gen) uuidv7() string {
	ms := uint64(1_735_000_000_000 + g.intn(40_000_000_000))
	b := g.bytes(16)
	for i := 0; i < 6; i++ {
		b[i] = byte(ms >> (40 - 8*i))
	}
	b[6] = b[6]&0x0f | 0x70
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// date returns a birth date between 1940 and 2006.
func (g *gen) date() (y, m, d int) {
	y = g.between(1940, 2006)
	m = g.between(1, 12)
	d = g.between(1, 28)
	return
}
