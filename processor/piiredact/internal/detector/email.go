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
		if start < pos && end > pos+width {
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
