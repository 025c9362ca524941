package detector

// The dotted-quad grammar, shared by ipv4 and by ipv6 (whose last 32 bits may be
// written as an IPv4 address, "::ffff:192.0.2.128").

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
