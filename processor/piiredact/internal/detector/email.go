package detector

import "strings"

// Email is the name of the email detector.
const Email = "email"

var emailBuiltin = Builtin{
	Name: Email,
	New:  func(_ Options) Detector { return email{} },
	// "@", or the "%" of "%40".
	Prefilter: Prefilter{AnyOf: "@%"},
}

// email finds e-mail addresses, including the URL-encoded form with "%40" for "@"
// (as in query strings). The domain needs at least two labels and an alphabetic
// top-level label, which leaves "pkg@1.2.3" and "user@localhost" alone.
type email struct{}

func (email) Name() string { return Email }

func (email) AppendMatches(dst []Match, s string) []Match {
	last := 0 // matches must not overlap: never start before the previous end
	for i := 0; i < len(s); {
		at := strings.IndexByte(s[i:], '@')
		enc := strings.Index(s[i:], "%40")
		var pos, width int
		switch {
		case at < 0 && enc < 0:
			return dst
		case enc < 0 || (at >= 0 && at < enc):
			pos, width = i+at, 1
		default:
			pos, width = i+enc, 3
		}
		if inURLAuthority(s, pos) {
			// "scheme://user:pass@host" is userinfo (url_credential), and the host stays.
			i = pos + width
			continue
		}
		start := localPartStart(s, pos, last)
		end := domainEnd(s, pos+width)
		if start < pos && end > pos+width && !machineAddress(s, end, s[pos+width:end]) {
			start, end = withDisplayName(s, start, end, last)
			dst = append(dst, Match{Start: start, End: end})
			last = end
			i = end
			continue
		}
		i = pos + width
	}
	return dst
}

// isLocalChar admits UTF-8 (RFC 6531: "josé@example.com") besides RFC 5322's
// common characters.
func isLocalChar(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c >= 0x80
}

// isLabelChar admits the UTF-8 of internationalised domain names ("bücher.example").
func isLabelChar(c byte) bool { return isAlnum(c) || c == '-' || c >= 0x80 }

// localPartStart walks left from the "@" over the local part and returns its start.
func localPartStart(s string, at, floor int) int {
	j := at
	for j > floor && isLocalChar(s[j-1]) && at-j < 64 {
		j--
	}
	for j < at && s[j] == '.' {
		j++
	}
	return j
}

// domainEnd walks right over dot-separated labels and returns the end of the
// domain, or start when there is no valid domain there.
func domainEnd(s string, start int) int {
	j, labels, lastLabelStart, end := start, 0, start, start
	for {
		k := j
		for k < len(s) && isLabelChar(s[k]) {
			k++
		}
		if k == j || s[j] == '-' || s[k-1] == '-' {
			break
		}
		labels++
		lastLabelStart, end = j, k
		if k+1 < len(s) && s[k] == '.' && (isAlnum(s[k+1]) || s[k+1] >= 0x80) {
			j = k + 1
			continue
		}
		break
	}
	if labels < 2 || end-lastLabelStart < 2 {
		return start
	}
	// The top-level label is letters: ASCII, UTF-8 (".рф"), or punycode ("xn--p1ai").
	if strings.HasPrefix(s[lastLabelStart:end], "xn--") {
		return end
	}
	for k := lastLabelStart; k < end; k++ {
		if !isAlpha(s[k]) && s[k] < 0x80 {
			return start
		}
	}
	return end
}

// machineAddress reports what has an e-mail's shape and is a machine's: scp's
// "git@github.com:acme/shop.git" and "deploy@host:22" (a ':' and a path or port right
// after the host), and Google Cloud service accounts ("…@proj.iam.gserviceaccount.com"),
// which are workloads' identities, not people's.
func machineAddress(s string, end int, domain string) bool {
	if end+1 < len(s) && s[end] == ':' {
		if c := s[end+1]; isAlnum(c) || c == '/' || c == '~' {
			return true
		}
	}
	const sa = "gserviceaccount.com"
	return len(domain) > len(sa) && strings.EqualFold(domain[len(domain)-len(sa):], sa) && domain[len(domain)-len(sa)-1] == '.'
}

// withDisplayName widens an address written as a mailbox, "Name <addr>" (RFC 5322's
// name-addr, in From/To headers and mail libraries' logs), to the display name
// before it: a person's name is as personal as the address. The name is a quoted
// string ("\"Jane Doe\" <…>", also JSON-escaped) or capitalised words with their
// particles ("Jane van der Berg <…>"); "&lt;…&gt;" is the same in XML. The range
// then covers the closing '>' too, so that the mailbox is replaced whole.
func withDisplayName(s string, start, end, floor int) (int, int) {
	var open, closing string
	switch {
	case start > 0 && s[start-1] == '<' && end < len(s) && s[end] == '>':
		open, closing = "<", ">"
	case start >= 4 && s[start-4:start] == "&lt;" && strings.HasPrefix(s[end:], "&gt;"):
		open, closing = "&lt;", "&gt;"
	default:
		return start, end
	}
	j := start - len(open)
	for j > floor && s[j-1] == ' ' {
		j--
	}
	if j == start-len(open) && open == "<" && j > floor && s[j-1] != '"' {
		return start, end // "Name<addr>": not a mailbox as written
	}
	name := displayNameStart(s, j, floor)
	if name == j {
		return start, end
	}
	return name, end + len(closing)
}

// displayNameStart returns where a display name that ends at end starts, or end
// when there is none.
func displayNameStart(s string, end, floor int) int {
	if end-floor >= 2 && (s[end-1] == '"' || strings.HasSuffix(s[:end], "&quot;")) {
		q := `"`
		if s[end-1] != '"' {
			q = "&quot;"
		}
		inner := end - len(q)
		if inner > floor && s[inner-1] == '\\' {
			inner-- // JSON-escaped: \"Jane Doe\"
		}
		lo := max(floor, inner-96)
		k := strings.LastIndex(s[lo:inner], q)
		if k < 0 || strings.ContainsAny(s[lo+k:inner], "\n<>") {
			return end
		}
		k += lo
		if k > floor && s[k-1] == '\\' {
			k--
		}
		return k
	}
	// Unquoted: capitalised words and the particles between them, back to anything else.
	start := end
	for i := end; i > floor; {
		w := i
		for w > floor && isNameByte(s[w-1]) {
			w--
		}
		// A quote or a dash before the first word is not part of it ("'Jane Doe <…>'").
		opened := w
		for w < i && (s[w] == '\'' || s[w] == '.' || s[w] == '-') {
			w++
		}
		if w == i {
			break
		}
		word := s[w:i]
		switch {
		case isUpper(word[0]) || word[0] >= 0x80:
			start = w
		case !nameParticle(word):
			return start
		}
		if w != opened || w == floor || s[w-1] != ' ' || i-w > 40 || end-w > 96 {
			break
		}
		i = w - 1
	}
	return start
}

func isNameByte(c byte) bool { return isAlpha(c) || c >= 0x80 || c == '.' || c == '\'' || c == '-' }

// nameParticle lists the lower-case words inside family names.
func nameParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "la", "le", "da", "di", "do", "dos", "das", "du", "del", "della", "bin", "al", "el", "ter", "ten", "y":
		return true
	}
	return false
}
