package detector

import "strings"

// Context words: a value whose format alone is ambiguous (a bare run of digits is an
// order number or a timestamp as often as an identifier) is reported only when a word
// naming it comes shortly before it, as validated-detector systems do. A word counts
// whole, in any case; the words of a camelCase or snake_case key count on their own
// ("customerBsn", "phone_number").

// contextWindow is how far before a value its context word may end.
const contextWindow = 40

// hasContext reports a context word ending within contextWindow bytes before i.
func hasContext(s string, i int, words []string) bool {
	window := s[max(0, i-contextWindow):i]
	for _, w := range words {
		for k := 0; k+len(w) <= len(window); k++ {
			end := k + len(w)
			if strings.EqualFold(window[k:end], w) && wordStartsAt(window, k) && wordEndsAt(window, end) && !inReplacement(window, k) {
				return true
			}
		}
	}
	return false
}

// hasFieldContext is hasContext for a value the word must name itself: another
// number, a ';' or '|' that ends a field, or another field's "key=" between the
// word and the value means the word named something else ("personnummer
// 890903-2503; exp=1708293279": the expiry is not the personnummer). The word's own
// '=' or ':' ("bsn=111222333", "nhs_no=…") is its value's.
func hasFieldContext(s string, i int, words []string) bool {
	lo := max(0, i-contextWindow)
	window := s[lo:i]
	for _, w := range words {
		for k := 0; k+len(w) <= len(window); k++ {
			end := k + len(w)
			if strings.EqualFold(window[k:end], w) && wordStartsAt(window, k) && wordEndsAt(window, end) && !inReplacement(window, k) &&
				nothingBetween(window[end:]) && !inClosingTag(s, lo+k) {
				return true
			}
		}
	}
	return false
}

// inClosingTag reports a word inside a closing tag ("</AadhaarNumber>"): its
// element, and the value it named, ended there.
func inClosingTag(s string, k int) bool {
	lo := max(0, k-maxTagName)
	lt := strings.LastIndexByte(s[lo:k], '<')
	if lt < 0 {
		return false
	}
	lt += lo
	return s[lt+1] == '/' && strings.IndexByte(s[lt:k], '>') < 0
}

// maxTagName bounds how far before a word the '<' of its tag is looked for.
const maxTagName = 64

// nothingBetween reports text between a context word and its value that holds no
// other value: no digit, no ';' or '|', and an '=' only as the word's own.
func nothingBetween(t string) bool {
	for k := 0; k < len(t); k++ {
		switch c := t[k]; {
		case isDigit(c), c == ';', c == '|':
			return false
		case c == '=' && strings.ContainsAny(t[:k], " ,"):
			return false // "SSN checked, exp=…": a field of its own ("nhs_no=…" is the word's)
		}
	}
	return true
}

// hasStandaloneContext is hasContext for words that stand alone, not a part of an
// identifier ("SmsSender", "sms_id", "callbackUrl") nor of a URL's path
// ("/v1/callback"), and that name this value: no other number, and no ',', ';', '.',
// '|' or '=' that ends a field or a sentence, stands between the word and it ("tel
// (02) 7737 3138, ref=612665897596": the reference is not a phone); an
// abbreviation's dot may follow the word ("Tel. 9110 0321"). It reads the window
// backwards once, word by word, and stops at the first such separator.
func hasStandaloneContext(s string, i int, words *wordSet) bool {
	lo := max(0, i-contextWindow)
	standalone := func(k, end int) bool {
		return (k == 0 || (!isIdentByte(s[k-1]) && s[k-1] != '/')) && (end == i || !isIdentByte(s[end])) &&
			words.has(s[k:end]) && !inReplacement(s[lo:], k-lo) && !inCompound(s, end, words)
	}
	for k := i; k > lo; {
		c := s[k-1]
		switch {
		case isLetterByte(c):
			end := k
			for k > lo && isLetterByte(s[k-1]) {
				k--
			}
			if standalone(k, end) {
				return true
			}
			if otherNumberWords.has(s[k:end]) {
				return false // "SMS for EAN 8713939219451": the nearer word names this number
			}
		case c == '.' && k-1 > lo && isLetterByte(s[k-2]):
			// Only the word the dot abbreviates may name the value.
			end := k - 1
			k = end
			for k > lo && isLetterByte(s[k-1]) {
				k--
			}
			return standalone(k, end)
		case isDigit(c) || c == ',' || c == ';' || c == '.' || c == '|' || c == '=':
			return false
		default:
			k--
		}
	}
	return false
}

// separatesValues reports punctuation that closes one quoted value and opens the
// next ("', '", `","`): what stood before it was a value of a list, not a label.
func separatesValues(p string) bool {
	for k := 0; k+1 < len(p); k++ {
		if (p[k] == '\'' || p[k] == '"') && strings.IndexByte(p[k+1:], ',') >= 0 {
			rest := p[k+1:]
			c := strings.IndexByte(rest, ',')
			return strings.IndexByte(rest[c:], p[k]) >= 0
		}
	}
	return false
}

// inCompound reports a context word that a hyphen joins to a word naming something
// else: "sms-sender" and "call-center" name a service or a team (a pod, a function,
// a queue), "X-Phone-Number" still a phone.
func inCompound(s string, end int, words *wordSet) bool {
	if end+1 >= len(s) || s[end] != '-' || !isLetterByte(s[end+1]) {
		return false
	}
	k := end + 1
	for k < len(s) && isLetterByte(s[k]) {
		k++
	}
	next := s[end+1 : k]
	return !words.has(next) && !compoundFillers.has(next)
}

// compoundFillers may follow a context word in a hyphenated name and keep it one.
var compoundFillers = newWordSet("number", "no", "nr", "num", "nummer", "numero", "id", "home", "work", "mobile", "private")

// otherNumberWords name numbers that are not personal: between a context word and a
// number, one says what the number is ("SMS delivery failed for DHL waybill
// 7134678848", "tel. hotline, ticket 123 456 789", "mobile app build 169086029847").
var otherNumberWords = newWordSet(
	"ean", "gtin", "isbn", "upc", "sku", "barcode", "waybill", "awb", "tracking", "invoice", "ticket", "imei", "iccid",
	"serial", "parcel", "shipment", "consignment", "ref", "reference", "case", "incident", "build", "version", "release",
	"revision", "batch", "job",
)

func isIdentByte(c byte) bool { return isWord(c) || c >= 0x80 }

// inReplacement reports a word that is the detector's name in a replacement this
// processor wrote ("[REDACTED:phone]"): it says nothing about what follows, and a
// second pass must find what the first found.
func inReplacement(s string, k int) bool {
	return strings.HasSuffix(s[:k], "[REDACTED:") || strings.HasSuffix(s[:k], "[HASH:")
}

// versionWords name what a dotted number after them is: "build 2.1.0.17",
// "Version=2.1.0.17" (an assembly-qualified name), "firmware 1.2.3.4".
var versionWords = [...]string{
	"version", "ver", "build", "release", "rev", "revision", "firmware", "fw", "kernel", "patch", "sdk",
	"agent", "runtime", "update", "driver", "bios", "edition", "v", "vers", "fileversion", "productversion",
	"assemblyversion",
}

// afterVersionWord reports whether the word just before i, separated from it only
// by spaces, '=', ':' or a quote, is one that names a version.
func afterVersionWord(s string, i int) bool {
	j := i
	for j > 0 && i-j < 6 {
		switch {
		case s[j-1] == ' ' || s[j-1] == '=' || s[j-1] == ':' || s[j-1] == '"' || s[j-1] == '\'' || s[j-1] == '+' || s[j-1] == '.':
			j--
			continue
		case j >= 3 && s[j-3:j] == "%20":
			j -= 3
			continue
		}
		break
	}
	end := j
	for j > 0 && isAlpha(s[j-1]) && end-j < 20 {
		j--
	}
	if j == end {
		return false
	}
	w := s[j:end]
	for _, v := range versionWords {
		if strings.EqualFold(w, v) {
			return true
		}
	}
	return false
}

// wordStartsAt reports a word boundary before s[k]: no letter before it, or a
// camelCase step ("customerBsn").
func wordStartsAt(s string, k int) bool {
	return k == 0 || !isLetterByte(s[k-1]) || (isLower(s[k-1]) && isUpper(s[k]))
}

// wordEndsAt reports a word boundary before s[k].
func wordEndsAt(s string, k int) bool {
	return k == len(s) || !isLetterByte(s[k]) || (isUpper(s[k]) && isLower(s[k-1]))
}

// isLetterByte reports an ASCII letter or a byte of a multi-byte UTF-8 character,
// which in the context words is always a letter ("é", "ø", "č").
func isLetterByte(c byte) bool { return isAlpha(c) || c >= 0x80 }

// labelWindow is how far before a value its label may start.
const labelWindow = 40

// labelBefore reports whether the words right before i name what starts there, as a
// key or a label does ("phone: ", `"mobileNumber": "`, "tel=", "Tel. (home) "):
// walking back over punctuation and spaces, and over filler words, the first other
// word is one of words. A word may carry a digit suffix ("phone2"); any other number
// in between means the label is not this value's.
func labelBefore(s string, i int, words, fillers *wordSet) bool {
	lo := max(0, i-labelWindow)
	j := i
	for j > lo {
		gap := j
		for j > lo && !isAlnum(s[j-1]) && s[j-1] < 0x80 {
			j--
		}
		if separatesValues(s[j:gap]) {
			return false // "'UpdatePhoneNumber', '1707134785'": the label is another value
		}
		if j > lo && isDigit(s[j-1]) {
			k := j
			for k > lo && isDigit(s[k-1]) {
				k--
			}
			if k == lo || !isLetterByte(s[k-1]) {
				return false
			}
			j = k
		}
		k := j
		for k > lo && isLetterByte(s[k-1]) && (k == j || !isUpper(s[k]) || !isLower(s[k-1])) {
			k-- // a camelCase step ("mobileNumber") ends the word
		}
		if k == j || (k == lo && !wordStartsAt(s, k)) {
			return false
		}
		word := s[k:j]
		if words.has(word) {
			return true
		}
		if !fillers.has(word) {
			return false
		}
		j = k
	}
	return false
}

// wordSet is a set of words compared without case, indexed by their length in bytes
// (case folding keeps the length of every letter the words hold), so that a word is
// compared only with the few of its length.
type wordSet struct {
	byLen [maxWordLen + 1][]string
}

const maxWordLen = 31

func newWordSet(words ...string) *wordSet {
	ws := &wordSet{}
	for _, w := range words {
		ws.byLen[len(w)] = append(ws.byLen[len(w)], w)
	}
	return ws
}

func (ws *wordSet) has(s string) bool {
	if len(s) > maxWordLen {
		return false
	}
	for _, w := range ws.byLen[len(s)] {
		if (w[0]|0x20) == (s[0]|0x20) && strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// cardContext names a payment card before a number that is ambiguous alone.
var cardContext = [...]string{"card", "maestro", "pan", "cc", "carte", "tarjeta", "karte", "cartão", "carta"}

// productCodeContext names a product's barcode (GS1's GTIN, EAN, UPC; ISBN) before
// a number: one that passes GS1's check digit too is that, not a card.
var productCodeContext = [...]string{"gtin", "gtin13", "gtin14", "ean", "ean13", "upc", "barcode", "isbn", "isbn13"}
