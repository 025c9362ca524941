package fieldpersonal

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// gen draws values from a seeded source, so that a seed gives the same corpus.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))} }

func (g *gen) intn(n int) int           { return g.r.IntN(n) }
func (g *gen) between(lo, hi int) int   { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) chance(p float64) bool    { return g.r.Float64() < p }

func (g *gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.intn(10))
	}
	return string(b)
}

// digitsFrom is n digits whose first is not zero.
func (g *gen) digitsNZ(n int) string {
	return strconv.Itoa(1+g.intn(9)) + g.digits(n-1)
}

func (g *gen) hex(n int) string {
	const h = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = h[g.intn(16)]
	}
	return string(b)
}

func (g *gen) alnum(n int, set string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.intn(len(set))]
	}
	return string(b)
}

const (
	upper   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lower   = "abcdefghijklmnopqrstuvwxyz"
	base62  = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	crock32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	base36l = "0123456789abcdefghijklmnopqrstuvwxyz"
)

// group writes s in groups of the given sizes joined by sep.
func group(s, sep string, sizes ...int) string {
	var parts []string
	i := 0
	for _, n := range sizes {
		if i >= len(s) {
			break
		}
		j := min(len(s), i+n)
		parts = append(parts, s[i:j])
		i = j
	}
	if i < len(s) {
		parts = append(parts, s[i:])
	}
	return strings.Join(parts, sep)
}

// date is a plausible birth date.
type date struct{ y, m, d int }

func (g *gen) birthDate() date {
	return date{g.between(1940, 2005), g.between(1, 12), g.between(1, 28)}
}

func (d date) iso() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

var (
	givenNames = []string{"Amelia", "Oliver", "Sofía", "Mateo", "Chloé", "Lukas", "Aisha", "Hiroshi", "Ingrid", "Dmitri",
		"Priya", "João", "Fatima", "Liam", "Zofia", "Kwame", "Mei", "Søren", "Valentina", "Rahul", "Émilie", "Tomasz",
		"Nkechi", "Henrik", "Ana Lucía", "Yusuf", "Margaux", "Bartholomew", "Siobhán", "Thandiwe"}
	familyNames = []string{"Okonkwo", "Fernández", "Kowalczyk", "Nakamura", "Lindqvist", "Ó Briain", "Dubois", "Schäfer",
		"Rossi", "van der Berg", "Haddad", "Petrović", "Gonçalves", "Chatterjee", "MacLeod", "Novak", "Papadopoulos",
		"Andersen", "Mbeki", "Whitfield", "de la Cruz", "Kurosawa", "Abernathy", "Szabó", "Vasquez", "Oyelaran"}
	streets = []string{"Baker Street", "Hauptstraße", "Rue de Rivoli", "Calle Mayor", "Via Roma", "Keizersgracht",
		"Elm Avenue", "Kungsgatan", "ul. Marszałkowska", "Rua Augusta", "Maple Drive", "Sunset Boulevard", "Ringstraße",
		"Avenida Paulista", "Queen Street West", "Chuo-dori"}
	cities = []string{"London", "Berlin", "Lyon", "Madrid", "Milano", "Amsterdam", "Springfield", "Stockholm", "Warszawa",
		"Lisboa", "Toronto", "São Paulo", "Osaka", "Cape Town", "Wellington"}
	domains = []string{"gmail.com", "outlook.com", "yahoo.co.uk", "web.de", "orange.fr", "libero.it", "proton.me",
		"mail.example-shop.com", "corp.acme-industries.co.uk", "icloud.com", "hotmail.es", "uni-heidelberg.de", "students.ox.ac.uk"}
)

func ascii(s string) string {
	r := strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ç", "c", "ã", "a", "ä", "ae", "ö", "oe",
		"ü", "ue", "ß", "ss", "ø", "o", "ñ", "n", "ł", "l", "Ó", "O", " ", "")
	return r.Replace(s)
}

func (g *gen) person() (given, family string) {
	return givenNames[g.intn(len(givenNames))], familyNames[g.intn(len(familyNames))]
}
