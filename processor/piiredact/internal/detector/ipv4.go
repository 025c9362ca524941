package detector

// IPv4 is the name of the ipv4 detector.
const IPv4 = "ipv4"

var ipv4Builtin = Builtin{
	Name:      IPv4,
	New:       func(opts Options) Detector { return ipv4{maskInternal: opts.MaskInternalAddresses} },
	Prefilter: Prefilter{MinDigits: 4, MinDots: 3},
	Address:   true,
}

// ipv4 finds dotted-quad IPv4 addresses with octets 0-255 and no leading zeros.
// A fifth dotted part or a letter next to it ("v1.2.3.4", OIDs such as
// "1.3.6.1.4.1") means it is something else, and so does a product token's slash
// ("checkout-sync/2.1.0.17" in a user agent is a version), and so does a word
// before it that names a version ("build 2.1.0.17", "Version=2.1.0.17").
//
// Addresses that cannot identify anyone outside the organisation (RFC 1918,
// loopback, link-local, unspecified) are left alone unless maskInternal is set:
// they are the services' own addresses (server.address, k8s.pod.ip, host.ip), which
// Kubernetes metadata, service graphs and debugging depend on.
type ipv4 struct{ maskInternal bool }

func (ipv4) Name() string { return IPv4 }

func (d ipv4) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i+7 <= len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		if i == 0 || (!isWord(s[i-1]) && s[i-1] != '.' && numberStartsAt(s, i)) {
			if end := ipv4End(s, i); end > 0 {
				if !afterProductName(s, i) && !afterVersionWord(s, i) && (d.maskInternal || !internalIPv4(s[i:end])) {
					dst = append(dst, Match{Start: i, End: end})
				}
				i = end
				continue
			}
		}
		// Skip the whole dotted token so a later octet is not taken for a start.
		for i < len(s) && (isDigit(s[i]) || s[i] == '.') {
			i++
		}
	}
	return dst
}

// ipv4Octets parses a, which ipv4End has accepted.
func ipv4Octets(a string) (o [4]byte) {
	part := 0
	for i := 0; i < len(a); i++ {
		if a[i] == '.' {
			part++
			continue
		}
		o[part] = o[part]*10 + a[i] - '0'
	}
	return o
}

// internalIPv4 reports whether a is private (10/8, 172.16/12, 192.168/16),
// loopback (127/8), link-local (169.254/16) or "this network" (0/8, which holds the
// unspecified 0.0.0.0).
func internalIPv4(a string) bool {
	o := ipv4Octets(a)
	switch o[0] {
	case 0, 10, 127:
		return true
	case 172:
		return o[1]&0xf0 == 16
	case 192:
		return o[1] == 168
	case 169:
		return o[1] == 254
	}
	return false
}

// afterProductName reports whether the dotted number at i follows a product name
// and a slash, as versions do in user agents and server banners
// ("checkout-sync/2.1.0.17", "grpc-go/1.2.3.4"): the name is a token of letters,
// digits, '.', '-' and '_' with at least one letter, at the start of s or after a
// space, '(' or ','. A path ("/hosts/203.0.113.5", "http://203.0.113.5") is not one.
func afterProductName(s string, i int) bool {
	if i < 2 || s[i-1] != '/' {
		return false
	}
	j, letter := i-1, false
	for j > 0 && (isWord(s[j-1]) || s[j-1] == '.' || s[j-1] == '-') {
		j--
		letter = letter || isAlpha(s[j])
	}
	if !letter {
		return false
	}
	switch {
	case j == 0:
		return true
	case s[j-1] == ' ' || s[j-1] == '(' || s[j-1] == ',' || s[j-1] == '"' || s[j-1] == '\'' || s[j-1] == '=' || s[j-1] == ':':
		return true
	}
	return false
}
