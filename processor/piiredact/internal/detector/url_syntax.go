package detector

// URL syntax shared by the detectors: email leaves "user:pass@host" to
// url_credential, which reports a URL's userinfo.

// inURLAuthority reports whether position at lies in the authority of a URL, that
// is after "://" with no path, query, fragment or space in between.
func inURLAuthority(s string, at int) bool {
	for k := at; k >= 3; k-- {
		if s[k-3:k] == "://" {
			return true
		}
		if isAuthorityEnd(s[k-1]) {
			return false
		}
	}
	return false
}

func isAuthorityEnd(c byte) bool {
	return c == '/' || c == '?' || c == '#' || c == ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\t' || c == '\n'
}
