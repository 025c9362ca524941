// Package detector finds personal data and secrets in strings.
//
// Every built-in detector is a hand-written scanner with a validator (Luhn for cards,
// mod-97 for IBANs, range rules for SSNs, a full grammar for IPv6, a decoded check for
// Basic credentials), not a bare pattern: a value with nothing to report costs one
// pass and no allocation, and look-alikes such as order numbers, timestamps, UUIDs and
// version strings are left alone.
package detector // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"

import "regexp"

// Match is the half-open byte range [Start, End) of a recognised value.
type Match struct {
	Start, End int
}

// Detector finds one kind of sensitive value.
type Detector interface {
	// Name is the kind of value found; it is used in configuration, in replacement
	// text and as a metric attribute, so it never contains data.
	Name() string
	// AppendMatches appends to dst the ranges of s it recognises, in increasing,
	// non-overlapping order, and returns the extended slice. It never allocates
	// unless dst must grow.
	AppendMatches(dst []Match, s string) []Match
}

// Built-in detector names.
const (
	CreditCard     = "credit_card"
	Email          = "email"
	USSSN          = "us_ssn"
	Phone          = "phone"
	IPv4           = "ipv4"
	IPv6           = "ipv6"
	IBAN           = "iban"
	JWT            = "jwt"
	AuthCredential = "auth_credential" //nolint:gosec // a detector's name, not a credential
	APIKey         = "api_key"
	URLCredential  = "url_credential" //nolint:gosec // a detector's name, not a credential
	PrivateKey     = "private_key"
	NationalID     = "national_id"
)

// BuiltinNames lists the built-in detectors in the order they run.
func BuiltinNames() []string {
	return []string{PrivateKey, CreditCard, Email, USSSN, NationalID, Phone, IPv4, IPv6, IBAN, JWT, AuthCredential, APIKey, URLCredential}
}

// Options tune the built-in detectors that take any.
type Options struct {
	// MaskInternalAddresses makes the IP detectors mask private, loopback,
	// link-local and unique-local addresses too.
	MaskInternalAddresses bool
}

// NewBuiltin returns the built-in detector with the given name, or false.
func NewBuiltin(name string) (Detector, bool) { return NewBuiltinWith(name, Options{}) }

// IsAddress reports whether d is one of the IP address detectors.
func IsAddress(d Detector) bool {
	switch d.(type) {
	case ipv4, ipv6:
		return true
	}
	return false
}

// NewBuiltinWith returns the built-in detector with the given name and options, or
// false.
func NewBuiltinWith(name string, opts Options) (Detector, bool) {
	switch name {
	case CreditCard:
		return creditCard{}, true
	case Email:
		return email{}, true
	case USSSN:
		return usSSN{}, true
	case Phone:
		return phone{}, true
	case IPv4:
		return ipv4{maskInternal: opts.MaskInternalAddresses}, true
	case IPv6:
		return ipv6{maskInternal: opts.MaskInternalAddresses}, true
	case IBAN:
		return newIBAN(), true
	case JWT:
		return jwt{}, true
	case AuthCredential:
		return authCredential{}, true
	case APIKey:
		return apiKey{}, true
	case URLCredential:
		return urlCredential{}, true
	case PrivateKey:
		return privateKey{}, true
	case NationalID:
		return nationalID{}, true
	}
	return nil, false
}

// NewPattern returns a detector for a user-supplied, already compiled RE2 pattern.
func NewPattern(name string, re *regexp.Regexp) Detector {
	return pattern{name: name, re: re}
}

type pattern struct {
	name string
	re   *regexp.Regexp
}

func (p pattern) Name() string { return p.name }

func (p pattern) AppendMatches(dst []Match, s string) []Match {
	for _, loc := range p.re.FindAllStringIndex(s, -1) {
		if loc[1] > loc[0] {
			dst = append(dst, Match{Start: loc[0], End: loc[1]})
		}
	}
	return dst
}
