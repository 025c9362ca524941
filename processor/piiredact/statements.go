package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Secrets in database statements (db.query.text, db.statement, and statements
// quoted in logs), by the statements' grammars:
//   - SQL: the literal after IDENTIFIED BY, and after PASSWORD ("WITH PASSWORD
//     'x'", "PASSWORD = 'x'", "SET PASSWORD FOR 'u'@'h' = 'x'", "password 'x'" in
//     OPTIONS), in every dialect that has them;
//   - Redis: AUTH's password (also inside HELLO and MIGRATE), CONFIG SET
//     requirepass and masterauth, ACL SETUSER's ">password", and the value SET,
//     SETEX, GETSET, HSET or MSET store under a key or field that names a credential
//     or a session ("SET session:7f3a 9f86d0...", "HSET user:42 token ...").
//
// Assignments such as "api_token = 'x'" are "key = value" and found by payload.go.

// appendStatementSecrets appends the ranges of secrets in s read as a statement.
func appendStatementSecrets(dst []detector.Match, s string, args *[]argSpan) []detector.Match {
	dst = appendSQLSecrets(dst, s)
	return appendRedisSecrets(dst, s, args)
}

func appendSQLSecrets(dst []detector.Match, s string) []detector.Match {
	for i := 0; i < len(s); {
		k := indexWordFold(s[i:], "password")
		by := indexWordFold(s[i:], "identified")
		if k < 0 && by < 0 {
			return dst
		}
		var j int
		switch {
		case by >= 0 && (k < 0 || by < k):
			j = i + by + len("identified")
			j = skipSpaces(s, j)
			if !hasWordFoldAt(s, j, "by") {
				i = j
				continue
			}
			j = skipSpaces(s, j+2)
		default:
			j = skipSpaces(s, i+k+len("password"))
			if hasWordFoldAt(s, j, "for") {
				// SET PASSWORD FOR 'app'@'localhost' = 'x'
				eq := strings.IndexByte(s[j:min(len(s), j+120)], '=')
				if eq < 0 {
					i = j
					continue
				}
				j += eq
			}
			if j < len(s) && s[j] == '=' {
				j = skipSpaces(s, j+1)
			}
		}
		start, end := sqlLiteralAt(s, j)
		if end > start && !isReplacement(s[start:end]) {
			dst = append(dst, detector.Match{Start: start, End: end})
			i = end
			continue
		}
		i = j + 1
	}
	return dst
}

// sqlLiteralAt returns the string literal (quoted with ', " or `) at i, without its
// quotes; a doubled quote inside is part of it.
func sqlLiteralAt(s string, i int) (int, int) {
	if i >= len(s) {
		return i, i
	}
	q := s[i]
	if q != '\'' && q != '"' && q != '`' {
		return i, i
	}
	for k := i + 1; k < len(s); k++ {
		if s[k] != q {
			continue
		}
		if k+1 < len(s) && s[k+1] == q {
			k++
			continue
		}
		return i + 1, k
	}
	return i, i
}

// redisSecretPrefixes name keys whose values are sessions or credentials.
var redisSecretPrefixes = []string{"session", "sessions", "sess", "token", "tokens", "auth", "jwt", "sid", "refresh", "oauth", "apikey", "api_key", "otp", "csrf", "credential", "credentials", "secret", "secrets"}

func appendRedisSecrets(dst []detector.Match, s string, argsBuf *[]argSpan) []detector.Match {
	t := strings.TrimLeft(s, " ")
	if len(t) < 4 || !isAlnumByte(t[0]) {
		return dst
	}
	sp := strings.IndexByte(t, ' ')
	if sp < 0 {
		return dst
	}
	cmd := t[:sp]
	switch {
	case strings.EqualFold(cmd, "auth"), strings.EqualFold(cmd, "auth2"), strings.EqualFold(cmd, "hello"), strings.EqualFold(cmd, "migrate"),
		strings.EqualFold(cmd, "config"), strings.EqualFold(cmd, "acl"), strings.EqualFold(cmd, "set"), strings.EqualFold(cmd, "setex"),
		strings.EqualFold(cmd, "psetex"), strings.EqualFold(cmd, "setnx"), strings.EqualFold(cmd, "getset"), strings.EqualFold(cmd, "hset"),
		strings.EqualFold(cmd, "hmset"), strings.EqualFold(cmd, "hsetnx"), strings.EqualFold(cmd, "mset"):
	default:
		return dst
	}
	args := splitArgs(s, 0, (*argsBuf)[:0])
	*argsBuf = args
	arg := func(i int) string { return s[args[i].start:args[i].end] }
	secret := func(i int) {
		if i < len(args) && args[i].end > args[i].start && !isReplacement(arg(i)) {
			dst = append(dst, detector.Match{Start: args[i].start, End: args[i].end})
		}
	}
	n := len(args)
	switch {
	case strings.EqualFold(cmd, "auth"), strings.EqualFold(cmd, "auth2"):
		secret(n - 1)
	case strings.EqualFold(cmd, "hello"), strings.EqualFold(cmd, "migrate"):
		for i := 1; i < n; i++ {
			if !strings.EqualFold(arg(i), "auth") && !strings.EqualFold(arg(i), "auth2") {
				continue
			}
			if strings.EqualFold(cmd, "hello") || strings.EqualFold(arg(i), "auth2") {
				secret(i + 2) // AUTH username password
			} else {
				secret(i + 1)
			}
			break
		}
	case strings.EqualFold(cmd, "config"):
		for i := 2; i+1 < n; i++ {
			if strings.EqualFold(arg(i), "requirepass") || strings.EqualFold(arg(i), "masterauth") {
				secret(i + 1)
			}
		}
	case strings.EqualFold(cmd, "acl"):
		for i := 2; i < n; i++ {
			if a := arg(i); len(a) > 1 && a[0] == '>' {
				dst = append(dst, detector.Match{Start: args[i].start + 1, End: args[i].end})
			}
		}
	case strings.EqualFold(cmd, "hset"), strings.EqualFold(cmd, "hmset"), strings.EqualFold(cmd, "hsetnx"):
		// HSET key field value [field value ...]
		whole := n > 1 && isSecretRedisKey(arg(1))
		for i := 2; i+1 < n; i += 2 {
			if whole || classifyKeyWords(arg(i)) == wordsCredential {
				secret(i + 1)
			}
		}
	case strings.EqualFold(cmd, "mset"):
		for i := 1; i+1 < n; i += 2 {
			if isSecretRedisKey(arg(i)) {
				secret(i + 1)
			}
		}
	default: // SET, SETNX, GETSET key value; SETEX, PSETEX key ttl value
		if n > 1 && strings.EqualFold(arg(1), "password") {
			break // SQL's SET PASSWORD FOR ..., read by its own grammar
		}
		value := 2
		if strings.EqualFold(cmd, "setex") || strings.EqualFold(cmd, "psetex") {
			value = 3
		}
		if n > value && isSecretRedisKey(arg(1)) {
			secret(value)
		}
	}
	return dst
}

// isSecretRedisKey reports a key whose first segment names a session or a
// credential ("session:7f3a", "auth_token:42") or whose words do ("user:42:token").
func isSecretRedisKey(k string) bool {
	first := k
	if c := strings.IndexAny(k, ":/."); c > 0 {
		first = k[:c]
	}
	return oneOf(first, redisSecretPrefixes) || classifyKeyWords(first) == wordsCredential || classifyKeyWords(k) == wordsCredential
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	return i
}

// indexWordFold returns the index of word in s as a whole word, ignoring case, or -1.
func indexWordFold(s, word string) int {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && hasWordFoldAt(s, i, word) && (i == 0 || !isWordByte(s[i-1])) {
			return i
		}
	}
	return -1
}

// hasWordFoldAt reports word at i, ignoring case, not followed by a word byte.
func hasWordFoldAt(s string, i int, word string) bool {
	if i+len(word) > len(s) || !strings.EqualFold(s[i:i+len(word)], word) {
		return false
	}
	return i+len(word) == len(s) || !isWordByte(s[i+len(word)])
}

func isWordByte(c byte) bool { return isAlnumByte(c) || c == '_' }
