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
	return appendRedisSecrets(dst, s, args, true)
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
			if hasWordFoldAt(s, j, "with") {
				// MySQL's and ClickHouse's "IDENTIFIED WITH caching_sha2_password BY 'x'".
				j = skipSpaces(s, j+len("with"))
				for j < len(s) && isWordByte(s[j]) {
					j++
				}
				j = skipSpaces(s, j)
			}
			if !hasWordFoldAt(s, j, "by") {
				i = j
				continue
			}
			j = skipSpaces(s, j+2)
		default:
			if at := i + k; at > 0 && (s[at-1] == '"' || s[at-1] == '\'' || s[at-1] == '`' || s[at-1] == ':') {
				i = at + len("password") // a quoted word or a symbol ("password", :password), not SQL's keyword
				continue
			}
			j = skipSpaces(s, i+k+len("password"))
			if j == i+k+len("password") && j < len(s) && s[j] != '=' {
				// A quote right after the word closes a string that ends with it
				// ("vault:kv/db#password", …): SQL puts a space or '=' before a literal.
				i = j
				continue
			}
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
		if hasWordFoldAt(s, j, "from") {
			// Cypher's "SET PASSWORD FROM 'old' TO 'new'": both are passwords.
			if start, end := sqlLiteralAt(s, skipSpaces(s, j+len("from"))); end > start {
				if !detector.PlainValue(s[start:end]) {
					dst = append(dst, detector.Match{Start: start, End: end})
				}
				j = skipSpaces(s, end+1)
				if hasWordFoldAt(s, j, "to") {
					j = skipSpaces(s, j+len("to"))
				}
			}
		}
		if j+1 < len(s) && (s[j] == 'N' || s[j] == 'E' || s[j] == 'n' || s[j] == 'e') && s[j+1] == '\'' {
			j++ // SQL Server's N'…', PostgreSQL's E'…'
		}
		start, end := sqlLiteralAt(s, j)
		var old detector.Match
		if end == start && by >= 0 && (k < 0 || by < k) {
			// Oracle's unquoted "IDENTIFIED BY secret [REPLACE old]" (not BY VALUES
			// 'hash', nor MySQL's BY PASSWORD 'hash', nor a bind parameter).
			start, end = bareSQLWordAt(s, j)
			if r := skipSpaces(s, end); end > start && hasWordFoldAt(s, r, "replace") {
				if rs, re := bareSQLWordAt(s, skipSpaces(s, r+len("replace"))); re > rs && !detector.PlainValue(s[rs:re]) {
					old = detector.Match{Start: rs, End: re}
				}
			}
		}
		if end > start && !isReplacement(s[start:end]) && !detector.PlainValue(s[start:end]) {
			dst = append(dst, detector.Match{Start: start, End: end})
			i = end
			if old.End > old.Start {
				dst = append(dst, old)
				i = old.End
			}
			continue
		}
		i = j + 1
	}
	return dst
}

// bareSQLWordAt returns an unquoted password at i: a run of bytes up to a space, a
// ';', a ',' or a ')', that is no keyword that takes a hash or a parameter there.
func bareSQLWordAt(s string, i int) (int, int) {
	end := i
	for end < len(s) && s[end] != ' ' && s[end] != ';' && s[end] != ',' && s[end] != ')' && s[end] != '\n' && s[end] != '\'' && s[end] != '"' {
		end++
	}
	if end == i || hasWordFoldAt(s, i, "values") || hasWordFoldAt(s, i, "password") || hasWordFoldAt(s, i, "random") || s[i] == ':' || s[i] == '@' {
		return i, i
	}
	return i, end
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

// redisCommands are the commands whose arguments may hold a secret.
var redisCommands = [...]string{"AUTH", "AUTH2", "HELLO", "MIGRATE", "CONFIG", "ACL", "SENTINEL", "SET", "SETEX", "PSETEX", "SETNX", "GETSET", "HSET", "HMSET", "HSETNX", "MSET"}

// appendRedisSecrets reads s as a Redis command, and the commands quoted in it: in
// upper case after a space, a quote or a bracket, as clients' errors and MONITOR
// ("1730973600.1 [0 10.0.3.7:51234] "AUTH" "x"") write them, each to the end of its
// line or to the ": " that an error message goes on after. quoted is false when s
// holds no command's name in capitals (wordStarts), which only s itself can be.
func appendRedisSecrets(dst []detector.Match, s string, argsBuf *[]argSpan, quoted bool) []detector.Match {
	dst, ok := appendRedisCommand(dst, s, 0, argsBuf)
	if !quoted {
		return dst
	}
	covered := 0 // a command's own arguments are not commands ("HELLO 3 AUTH u p")
	if ok {
		covered = len(s)
		if nl := strings.IndexByte(s, '\n'); nl >= 0 {
			covered = nl
		}
	}
	for i := covered + 1; i+4 < len(s); i++ {
		if c := s[i-1]; c != ' ' && c != '"' && c != '\'' && c != '[' {
			continue
		}
		if s[i] < 'A' || s[i] > 'Z' {
			continue
		}
		for _, cmd := range redisCommands {
			if !strings.HasPrefix(s[i:], cmd) || i+len(cmd) >= len(s) || (s[i+len(cmd)] != ' ' && s[i+len(cmd)] != '"') {
				continue
			}
			start := i
			if s[i-1] == '"' {
				start--
			}
			end := len(s)
			if nl := strings.IndexByte(s[i:], '\n'); nl >= 0 {
				end = i + nl
			}
			if c := strings.Index(s[i:end], ": "); c >= 0 {
				end = i + c
			}
			if dst, ok = appendRedisCommand(dst, s[:end], start, argsBuf); ok {
				i = end
			}
			break
		}
	}
	return dst
}

// appendRedisCommand reads s[from:] as one Redis command (its name possibly quoted)
// and reports whether it is one whose arguments may hold a secret.
func appendRedisCommand(dst []detector.Match, s string, from int, argsBuf *[]argSpan) ([]detector.Match, bool) {
	t := strings.TrimLeft(s[from:], " ")
	if len(t) < 4 || (!isAlnumByte(t[0]) && t[0] != '"') {
		return dst, false
	}
	var cmd string
	if t[0] == '"' {
		q := strings.IndexByte(t[1:], '"')
		if q <= 0 {
			return dst, false
		}
		cmd = t[1 : 1+q] // MONITOR quotes every argument
	} else {
		sp := strings.IndexByte(t, ' ')
		if sp < 0 {
			return dst, false
		}
		cmd = t[:sp]
	}
	switch {
	case strings.EqualFold(cmd, "auth"), strings.EqualFold(cmd, "auth2"), strings.EqualFold(cmd, "hello"), strings.EqualFold(cmd, "migrate"),
		strings.EqualFold(cmd, "config"), strings.EqualFold(cmd, "acl"), strings.EqualFold(cmd, "sentinel"), strings.EqualFold(cmd, "set"), strings.EqualFold(cmd, "setex"),
		strings.EqualFold(cmd, "psetex"), strings.EqualFold(cmd, "setnx"), strings.EqualFold(cmd, "getset"), strings.EqualFold(cmd, "hset"),
		strings.EqualFold(cmd, "hmset"), strings.EqualFold(cmd, "hsetnx"), strings.EqualFold(cmd, "mset"):
	default:
		return dst, false
	}
	args := splitArgs(s[from:], from, (*argsBuf)[:0])
	*argsBuf = args
	arg := func(i int) string { return s[args[i].start:args[i].end] }
	secret := func(i int) {
		if i < len(args) && args[i].end > args[i].start && !isReplacement(arg(i)) && !detector.PlainValue(arg(i)) {
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
	case strings.EqualFold(cmd, "sentinel"):
		// SENTINEL SET <master> auth-pass <password>
		for i := 2; i+1 < n; i++ {
			if strings.EqualFold(arg(i), "auth-pass") {
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
		// Under a session's or a credential's key every field is, but for those that
		// say something about it ("expires_in", "token_type", "created_at").
		whole := n > 1 && isSecretRedisKey(arg(1))
		for i := 2; i+1 < n; i += 2 {
			if whole && !credentialMetadata(arg(i)) || classifyKeyWords(arg(i)) == wordsCredential {
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
		if n > 1 && strings.EqualFold(arg(1), "password") || n > 2 && arg(2) == "=" {
			break // SQL's SET PASSWORD FOR ..., and UPDATE's "SET col = …": their own grammar
		}
		value := 2
		if strings.EqualFold(cmd, "setex") || strings.EqualFold(cmd, "psetex") {
			value = 3
		}
		if n > value && isSecretRedisKey(arg(1)) {
			secret(value)
		}
	}
	return dst, true
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

// Functions and procedures that take a password by position, as their manuals
// define them: MongoDB's shell (db.auth(user, pwd), db.changeUserPassword(user,
// pwd)), Neo4j's procedures (dbms.security.createUser(user, pwd, …),
// dbms.security.changePassword(pwd)), and ClickHouse's table functions that reach
// another server (mysql(host, db, table, user, pwd), postgresql(…), mongodb(…),
// remote(…), azureBlobStorage(conn, container, blob, account, key); s3(url, key_id,
// secret, …) and its kin when a key ID, with its digits, comes before the secret
// rather than a format's name).
type secretCall struct {
	name   string
	arg    int  // the argument that is the password
	nargs  int  // the number of arguments the form has, or 0 for any above arg
	keyID  bool // the argument before must hold a digit (an access key ID, not a format)
	method bool // a method: a '.' before the name
}

var secretCalls = [...]secretCall{
	// Functions whose argument is a password or a key: PostgreSQL's crypt(pw, salt)
	// and pgcrypto's pgp_sym_encrypt(data, key), MySQL's AES_ENCRYPT(data, key), SQL
	// Server's ENCRYPTBYPASSPHRASE(passphrase, data), .NET's NetworkCredential(user,
	// password) in PowerShell.
	{name: "crypt", arg: 0}, {name: "pgp_sym_encrypt", arg: 1}, {name: "pgp_sym_decrypt", arg: 1},
	{name: "pgp_sym_encrypt_bytea", arg: 1}, {name: "pgp_sym_decrypt_bytea", arg: 1},
	{name: "aes_encrypt", arg: 1}, {name: "aes_decrypt", arg: 1},
	{name: "encryptbypassphrase", arg: 0}, {name: "decryptbypassphrase", arg: 0},
	{name: "networkcredential", arg: 1},
	// MySQL's and MariaDB's PASSWORD('x') and OLD_PASSWORD('x') hash a password given in clear.
	{name: "password", arg: 0, nargs: 1}, {name: "old_password", arg: 0, nargs: 1},
	{name: "auth", arg: 1, nargs: 2, method: true},
	{name: "changeuserpassword", arg: 1, method: true},
	{name: "createuser", arg: 1, method: true},
	{name: "changepassword", arg: 0, method: true},
	{name: "mysql", arg: 4}, {name: "postgresql", arg: 4}, {name: "mongodb", arg: 4},
	{name: "remote", arg: 4}, {name: "remotesecure", arg: 4}, {name: "azureblobstorage", arg: 4},
	{name: "s3", arg: 2, keyID: true}, {name: "s3cluster", arg: 3, keyID: true}, {name: "gcs", arg: 2, keyID: true}, {name: "oss", arg: 2, keyID: true},
}

// appendCallSecrets appends the password arguments of the calls of secretCalls in
// s: string literals only (a column or a parameter there is no secret).
func appendCallSecrets(dst []detector.Match, s string) []detector.Match {
	for p := strings.IndexByte(s, '('); p > 0; {
		n := p
		for n > 0 && isWordByte(s[n-1]) {
			n--
		}
		if name := s[n:p]; len(name) >= 2 && len(name) <= len("pgp_sym_decrypt_bytea") {
			for _, c := range secretCalls {
				if len(c.name) != len(name) || !strings.EqualFold(c.name, name) || c.method && (n == 0 || s[n-1] != '.') {
					continue
				}
				var spans [8][2]int
				var literal [8]bool
				k := callArgs(s, p+1, &spans, &literal)
				if k <= c.arg || (c.nargs > 0 && k != c.nargs) || !literal[c.arg] {
					break
				}
				if c.keyID && (!literal[c.arg-1] || !hasDigitByte(s[spans[c.arg-1][0]:spans[c.arg-1][1]])) {
					break
				}
				if v := s[spans[c.arg][0]:spans[c.arg][1]]; v != "" && !isReplacement(v) && !detector.PlainValue(v) {
					dst = append(dst, detector.Match{Start: spans[c.arg][0], End: spans[c.arg][1]})
				}
				break
			}
		}
		q := strings.IndexByte(s[p+1:], '(')
		if q < 0 {
			break
		}
		p += 1 + q
	}
	return dst
}

// callArgs reads a call's arguments from i (after its '('), up to eight, each a
// string literal (its content) or anything else up to ',' or ')', and returns how
// many there are.
func callArgs(s string, i int, spans *[8][2]int, literal *[8]bool) int {
	k := 0
	for k < len(spans) {
		i = skipSpaces(s, i)
		if i >= len(s) {
			return k
		}
		if start, end := sqlLiteralAt(s, i); end > start || (i+1 < len(s) && s[i+1] == s[i] && (s[i] == '\'' || s[i] == '"')) {
			spans[k], literal[k] = [2]int{start, end}, true
			i = end + 1
		} else {
			start := i
			depth := 0
			for i < len(s) && (depth > 0 || s[i] != ',' && s[i] != ')') {
				switch s[i] {
				case '(', '[', '{':
					depth++
				case ')', ']', '}':
					depth--
				}
				i++
			}
			spans[k], literal[k] = [2]int{start, i}, false
		}
		k++
		i = skipSpaces(s, i)
		if i >= len(s) || s[i] != ',' {
			return k
		}
		i++
	}
	return k
}

func hasDigitByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// Stored procedures that take a password by position (SQL Server's EXEC
// sp_addlogin 'login', 'password'; sp_password 'old', 'new'), and DB2's CONNECT TO
// db USER name USING password.
var secretProcs = [...]struct {
	name string
	args [2]int // the password arguments; -1 for none
}{
	{"sp_addlogin", [2]int{1, -1}},
	{"sp_password", [2]int{0, 1}},
	{"sp_addlinkedsrvlogin", [2]int{4, -1}},
	{"sp_change_users_login", [2]int{3, -1}},
}

// appendProcSecrets appends the password arguments of the procedures of
// secretProcs after EXEC or EXECUTE, and the password after DB2's USING.
func appendProcSecrets(dst []detector.Match, s string) []detector.Match {
	for i := 0; i < len(s); {
		k := indexWordFold(s[i:], "exec")
		if e := indexWordFold(s[i:], "execute"); e >= 0 && (k < 0 || e < k) {
			k = e
		}
		if k < 0 {
			break
		}
		j := i + k
		for j < len(s) && isWordByte(s[j]) {
			j++ // "exec" or "execute"
		}
		j = skipSpaces(s, j)
		nameStart := j
		for j < len(s) && (isWordByte(s[j]) || s[j] == '.' || s[j] == '[' || s[j] == ']') {
			j++
		}
		name := strings.Trim(s[nameStart:j], "[]")
		if d := strings.LastIndexByte(name, '.'); d >= 0 {
			name = strings.Trim(name[d+1:], "[]")
		}
		i = j
		for _, p := range secretProcs {
			if !strings.EqualFold(p.name, name) {
				continue
			}
			var spans [8][2]int
			var literal [8]bool
			a := j
			if a < len(s) && s[a] == '(' {
				a++
			}
			n := callArgs(s, a, &spans, &literal)
			for _, arg := range p.args {
				if arg >= 0 && arg < n && literal[arg] && spans[arg][1] > spans[arg][0] {
					if v := s[spans[arg][0]:spans[arg][1]]; !isReplacement(v) && !detector.PlainValue(v) {
						dst = append(dst, detector.Match{Start: spans[arg][0], End: spans[arg][1]})
					}
				}
			}
			break
		}
	}
	if c := indexWordFold(s, "connect"); c >= 0 {
		if u := indexWordFold(s[c:], "using"); u > 0 && indexWordFold(s[c:c+u], "user") > 0 {
			j := skipSpaces(s, c+u+len("using"))
			start, end := sqlLiteralAt(s, j)
			if end == start {
				start, end = bareSQLWordAt(s, j)
			}
			if end > start && !isReplacement(s[start:end]) && !detector.PlainValue(s[start:end]) {
				dst = append(dst, detector.Match{Start: start, End: end})
			}
		}
	}
	return dst
}
