package detector

// ipv4 finds dotted-quad IPv4 addresses with octets 0-255 and no leading zeros.
// A fifth dotted part or a letter next to it ("v1.2.3.4", OIDs such as
// "1.3.6.1.4.1") means it is something else.
type ipv4 struct{}

func (ipv4) Name() string { return IPv4 }

func (ipv4) AppendMatches(dst []Match, s string) []Match {
	for i := 0; i+7 <= len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		if i == 0 || (!isWord(s[i-1]) && s[i-1] != '.') {
			if end := ipv4End(s, i); end > 0 {
				dst = append(dst, Match{Start: i, End: end})
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

// ipv4End returns the end of an IPv4 address starting at i, or 0.
func ipv4End(s string, i int) int {
	j := i
	for part := 0; part < 4; part++ {
		if part > 0 {
			if j >= len(s) || s[j] != '.' {
				return 0
			}
			j++
		}
		k := j
		v := 0
		for k < len(s) && isDigit(s[k]) && k-j < 4 {
			v = v*10 + int(s[k]-'0')
			k++
		}
		n := k - j
		if n == 0 || n > 3 || v > 255 || (n > 1 && s[j] == '0') {
			return 0
		}
		j = k
	}
	if j < len(s) && (isWord(s[j]) || (s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]))) {
		return 0
	}
	return j
}
