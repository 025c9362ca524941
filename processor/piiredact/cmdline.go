package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Credentials on command lines (process.command_line, process.command_args, and
// commands quoted in logs): the flags of database, cache, HTTP and container
// clients that take a secret, in their attached ("-pSECRET") and separate
// ("-a SECRET") forms, "user:password" after curl's -u, the value of a header given
// with -H by the header rules, and any long flag whose words name a credential
// ("--db-password SECRET"). "--password=SECRET" and environment assignments before
// a command ("PGPASSWORD=SECRET psql") are "key=value" and found by payload.go.

// flagKind is what a flag's argument holds.
type flagKind uint8

const (
	flagSecret      flagKind = iota // the whole argument
	flagUserPass                    // "user:password": the part after ':'
	flagHeader                      // "Name: value": as the header rules say
	flagUserPercent                 // "user%password" (smbclient): the part after '%'
	flagPassPhrase                  // OpenSSL's "pass:secret" (not "env:VAR", "file:path")
	flagLogon                       // Oracle's "user/password@db": between '/' and '@'
	flagUserComma                   // lftp's "user,password": the part after ','
)

type toolFlag struct {
	flag     string
	kind     flagKind
	attached bool // "-pSECRET": the argument may follow the flag without a space
	separate bool // "-p SECRET"
}

// tool is a client's flags that take a secret; sub is the subcommand they belong to
// ("docker run -p 8080:80" publishes a port; only "docker login -p" is a password).
type tool struct {
	sub   []string
	flags []toolFlag
	// positional returns the index, among the arguments after the command (and its
	// subcommand), of one that is a secret by its position, and where in it the
	// secret starts; -1 when none ("rabbitmqctl add_user NAME PASSWORD").
	positional func(rest []string) (int, int)
}

var (
	mysqlFlags = []toolFlag{{"-p", flagSecret, true, false}, {"--password", flagSecret, false, true}}
	mongoFlags = []toolFlag{{"-p", flagSecret, false, true}, {"--password", flagSecret, false, true}}
	ldapFlags  = []toolFlag{{"-w", flagSecret, false, true}}
	msSQLFlags = []toolFlag{{"-P", flagSecret, false, true}}
	loginFlags = []toolFlag{{"-p", flagSecret, false, true}, {"--password", flagSecret, false, true}}
	login      = []string{"login"}
	// mosquitto_pub, _sub and _rr: -P/--pw is the password (-p is the port).
	mosquittoFlags = []toolFlag{{"-P", flagSecret, false, true}, {"--pw", flagSecret, false, true}}
)

// tools are the clients whose flags take secrets, by the name they are run as.
var tools = map[string]tool{
	"mysql": {flags: mysqlFlags}, "mysqldump": {flags: mysqlFlags}, "mysqladmin": {flags: mysqlFlags, positional: mysqladminPassword},
	"mysqlimport": {flags: mysqlFlags}, "mariadb": {flags: mysqlFlags}, "mariadb-dump": {flags: mysqlFlags},
	"redis-cli":  {flags: []toolFlag{{"-a", flagSecret, false, true}, {"--pass", flagSecret, false, true}}},
	"valkey-cli": {flags: []toolFlag{{"-a", flagSecret, false, true}, {"--pass", flagSecret, false, true}}},
	"curl": {flags: []toolFlag{
		{"-u", flagUserPass, true, true}, {"--user", flagUserPass, false, true}, {"--proxy-user", flagUserPass, false, true},
		{"-U", flagUserPass, true, true}, {"-H", flagHeader, true, true}, {"--header", flagHeader, false, true},
		{"--oauth2-bearer", flagSecret, false, true},
	}},
	"wget": {flags: []toolFlag{
		{"--password", flagSecret, false, true}, {"--http-password", flagSecret, false, true},
		{"--ftp-password", flagSecret, false, true}, {"--proxy-password", flagSecret, false, true}, {"--header", flagHeader, false, true},
	}},
	"http":    {flags: []toolFlag{{"-a", flagUserPass, false, true}, {"--auth", flagUserPass, false, true}}},
	"sshpass": {flags: []toolFlag{{"-p", flagSecret, true, true}}},
	"mongosh": {flags: mongoFlags}, "mongo": {flags: mongoFlags}, "mongodump": {flags: mongoFlags},
	"mongorestore": {flags: mongoFlags}, "mongoexport": {flags: mongoFlags},
	"ldapsearch": {flags: ldapFlags}, "ldapadd": {flags: ldapFlags}, "ldapmodify": {flags: ldapFlags},
	"ldapdelete": {flags: ldapFlags}, "ldapwhoami": {flags: ldapFlags}, "ldappasswd": {flags: ldapFlags},
	"sqlcmd": {flags: msSQLFlags}, "bcp": {flags: msSQLFlags}, "osql": {flags: msSQLFlags},
	"psql": {}, "pg_dump": {}, "pg_restore": {}, "kubectl": {}, "java": {}, "python": {}, "python3": {}, "node": {},
	"az":     {sub: login, flags: []toolFlag{{"-p", flagSecret, false, true}, {"--password", flagSecret, false, true}}},
	"docker": {sub: login, flags: loginFlags}, "podman": {sub: login, flags: loginFlags},
	"nerdctl": {sub: login, flags: loginFlags}, "skopeo": {sub: login, flags: loginFlags}, "buildah": {sub: login, flags: loginFlags},
	"helm":              {sub: []string{"registry", "login"}, flags: loginFlags},
	"cqlsh":             {flags: []toolFlag{{"-p", flagSecret, false, true}, {"--password", flagSecret, false, true}}},
	"psexec":            {flags: []toolFlag{{"-p", flagSecret, false, true}}},
	"psexec64":          {flags: []toolFlag{{"-p", flagSecret, false, true}}},
	"smbclient":         {flags: []toolFlag{{"-U", flagUserPercent, true, true}, {"--user", flagUserPercent, false, true}}},
	"zip":               {flags: []toolFlag{{"-P", flagSecret, false, true}, {"--password", flagSecret, false, true}}},
	"7z":                {flags: []toolFlag{{"-p", flagSecret, true, false}}},
	"7za":               {flags: []toolFlag{{"-p", flagSecret, true, false}}},
	"unzip":             {flags: []toolFlag{{"-P", flagSecret, false, true}}},
	"openssl":           {flags: []toolFlag{{"-passin", flagPassPhrase, false, true}, {"-passout", flagPassPhrase, false, true}, {"-pass", flagPassPhrase, false, true}, {"-k", flagSecret, false, true}}},
	"rabbitmqadmin":     {flags: []toolFlag{{"-p", flagSecret, false, true}, {"--password", flagSecret, false, true}}},
	"mosquitto_pub":     {flags: mosquittoFlags},
	"mosquitto_sub":     {flags: mosquittoFlags},
	"mosquitto_rr":      {flags: mosquittoFlags},
	"etcdctl":           {flags: []toolFlag{{"--user", flagUserPass, false, true}, {"--password", flagSecret, false, true}}},
	"lftp":              {flags: []toolFlag{{"-u", flagUserComma, false, true}, {"--user", flagUserComma, false, true}}},
	"memtier_benchmark": {flags: []toolFlag{{"-a", flagSecret, false, true}, {"--authenticate", flagSecret, false, true}}},
	"redis-benchmark":   {flags: []toolFlag{{"-a", flagSecret, false, true}, {"--pass", flagSecret, false, true}}},
	// Windows: schtasks' /rp (the run-as user's password) and /p (the connecting
	// user's), cmdkey's /pass:, and "net use \\server\share PASSWORD /user:…".
	"schtasks":    {flags: []toolFlag{{"/rp", flagSecret, false, true}, {"/p", flagSecret, false, true}}},
	"cmdkey":      {flags: []toolFlag{{"/pass:", flagSecret, true, false}}},
	"wmic":        {flags: []toolFlag{{"/password:", flagSecret, true, false}}},
	"ssh-keygen":  {flags: []toolFlag{{"-N", flagSecret, false, true}, {"-P", flagSecret, false, true}}}, // new and old passphrases
	"sc":          {flags: []toolFlag{{"password=", flagSecret, true, true}}},
	"rabbitmqctl": {positional: nthAfter(map[string]int{"add_user": 2, "change_password": 2, "authenticate_user": 2})},
	"htpasswd":    {positional: htpasswdSecret},
	"net":         {positional: netUserSecret},
	"mc":          {positional: mcAliasSecret},
	"aws":         {positional: awsConfigureSecret},
	"vault":       {positional: vaultLoginSecret},
	"sqlplus":     {positional: oracleLogonSecret}, "sqlldr": {positional: oracleLogonSecret}, "rman": {positional: oracleLogonSecret},
	"expdp": {positional: oracleLogonSecret}, "impdp": {positional: oracleLogonSecret},
	"convertto-securestring": {flags: []toolFlag{{"-String", flagSecret, false, true}}, positional: firstPositional},
}

// toolShapes has, for each first letter of a tool's name (lower-cased), a bit for
// each length a name with it has.
var toolShapes = func() (t [256]uint64) {
	for name := range tools {
		t[lower(name[0])] |= 1 << len(name)
	}
	return t
}()

// nthAfter: the argument at the given index after one of the subcommands.
func nthAfter(subs map[string]int) func([]string) (int, int) {
	return func(rest []string) (int, int) {
		if len(rest) == 0 {
			return -1, 0
		}
		if n, ok := subs[rest[0]]; ok && n < len(rest) && !strings.HasPrefix(rest[n], "-") {
			return n, 0
		}
		return -1, 0
	}
}

// mysqladminPassword: "mysqladmin -u root password NEW" sets a new password.
func mysqladminPassword(rest []string) (int, int) {
	for i := 0; i+1 < len(rest); i++ {
		if rest[i] == "password" && !strings.HasPrefix(rest[i+1], "-") {
			return i + 1, 0
		}
	}
	return -1, 0
}

// isFlagArg reports a flag: '-' or "--", a letter, then letters, digits and '-'
// ("-p", "--password", "-AsPlainText", "-pS3cret"), possibly "=value". A value that
// starts with a dash has other bytes: "-#x92fO]n", "-xf94M+_ZD5zcKYE%o6w".
func isFlagArg(a string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	if len(name) == len(a) || name == "" || !isAlphaByte(name[0]) {
		return false
	}
	if eq := strings.IndexByte(name, '='); eq >= 0 {
		name = name[:eq]
	}
	for i := 0; i < len(name); i++ {
		if !isAlnumByte(name[i]) && name[i] != '-' {
			return false
		}
	}
	return true
}

// positionals returns the indices of the arguments that are not flags.
func positionals(rest []string) []int {
	var out []int
	for i, a := range rest {
		if !isFlagArg(a) && !strings.HasPrefix(a, "/") || (strings.HasPrefix(a, "/") && strings.Count(a, "/") > 1) {
			out = append(out, i)
		}
	}
	return out
}

// htpasswdSecret: with -b the password is on the command line, after the file and
// the user (after the user alone with -n).
func htpasswdSecret(rest []string) (int, int) {
	batch, noFile := false, false
	for _, a := range rest {
		if strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") {
			batch = batch || strings.Contains(a, "b")
			noFile = noFile || strings.Contains(a, "n")
		}
	}
	p := positionals(rest)
	want := 2
	if noFile {
		want = 1
	}
	if !batch || len(p) <= want {
		return -1, 0
	}
	return p[want], 0
}

// netUserSecret: Windows' "net user NAME PASSWORD [/add]" and "net use [X:]
// \\server\share PASSWORD /user:NAME" ("*" prompts).
func netUserSecret(rest []string) (int, int) {
	if len(rest) >= 3 && strings.EqualFold(rest[0], "user") && rest[2] != "*" && !strings.HasPrefix(rest[2], "/") {
		return 2, 0
	}
	if len(rest) >= 3 && strings.EqualFold(rest[0], "use") {
		// The first word after the share that is no /flag, before or after /user:.
		p := positionals(rest)
		for k := 1; k+1 < len(p); k++ {
			if strings.HasPrefix(rest[p[k]], `\\`) {
				if pw := rest[p[k+1]]; pw != "*" {
					return p[k+1], 0
				}
				break
			}
		}
	}
	return -1, 0
}

// mcAliasSecret: MinIO's "mc alias set ALIAS URL ACCESS SECRET" and the older
// "mc config host add ALIAS URL ACCESS SECRET".
func mcAliasSecret(rest []string) (int, int) {
	switch {
	case len(rest) >= 6 && rest[0] == "alias" && rest[1] == "set":
		return 5, 0
	case len(rest) >= 7 && rest[0] == "config" && rest[1] == "host" && rest[2] == "add":
		return 6, 0
	}
	return -1, 0
}

// awsConfigureSecret: "aws configure set aws_secret_access_key VALUE".
func awsConfigureSecret(rest []string) (int, int) {
	if len(rest) >= 4 && rest[0] == "configure" && rest[1] == "set" && classifyKeyWords(rest[2]) == wordsCredential {
		return 3, 0
	}
	return -1, 0
}

// vaultLoginSecret: "vault login TOKEN" (not "-method=…" nor "key=value").
func vaultLoginSecret(rest []string) (int, int) {
	if len(rest) >= 2 && rest[0] == "login" {
		for i := 1; i < len(rest); i++ {
			if !strings.HasPrefix(rest[i], "-") && !strings.Contains(rest[i], "=") {
				return i, 0
			}
		}
	}
	return -1, 0
}

// oracleLogonSecret: "sqlplus -S user/password@db": the password between '/' and
// '@' (appendArgSecret's flagLogon), after a user that is an identifier.
func oracleLogonSecret(rest []string) (int, int) {
	for i, a := range rest {
		if strings.HasPrefix(a, "-") || strings.HasPrefix(a, "@") {
			continue
		}
		k := strings.IndexByte(a, '/')
		if k <= 0 || strings.HasPrefix(a[k:], "//") || !isAlphaByte(a[0]) {
			return -1, 0
		}
		for j := 0; j < k; j++ {
			if !isWordByte(a[j]) && a[j] != '$' && a[j] != '#' {
				return -1, 0
			}
		}
		return i, k + 1
	}
	return -1, 0
}

func isAlphaByte(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// firstPositional: the first argument that is not a flag.
func firstPositional(rest []string) (int, int) {
	if p := positionals(rest); len(p) > 0 {
		return p[0], 0
	}
	return -1, 0
}

// toolOf returns the command args[0] (by its base name, in any case, without
// ".exe"; the container tools' login subcommand), how many arguments name it, and
// whether it is known.
func toolOf(args []string) (tool, int, bool) {
	if len(args) == 0 {
		return tool{}, 0, false
	}
	name := args[0]
	for k := len(name) - 1; k >= 0; k-- {
		if name[k] == '/' || name[k] == '\\' {
			name = name[k+1:]
			break
		}
	}
	if len(name) > 4 && strings.EqualFold(name[len(name)-4:], ".exe") {
		name = name[:len(name)-4]
	}
	if name == "" || len(name) > 63 || toolShapes[lower(name[0])]&(1<<len(name)) == 0 {
		return tool{}, 1, false // (most words of a log line: no map lookup)
	}
	t, ok := tools[name]
	if !ok {
		var buf [32]byte
		if len(name) > len(buf) {
			return tool{}, 1, false
		}
		for i := 0; i < len(name); i++ {
			buf[i] = lower(name[i])
		}
		if t, ok = tools[string(buf[:len(name)])]; !ok {
			return tool{}, 1, false
		}
	}
	if len(t.sub) == 0 {
		return t, 1, true
	}
	if len(args) <= len(t.sub) {
		return tool{}, 1, true
	}
	for i, w := range t.sub {
		if args[1+i] != w {
			return tool{}, 1, true
		}
	}
	return t, 1 + len(t.sub), true
}

// argSpan is an argument of a command line: its text and where it is.
type argSpan struct {
	start, end int // the argument without its quotes
}

// argvSecrets returns, for each argument of argv (one command, split as exec saw
// it), the range within it that is a secret, or [0,0].
func argvSecrets(args []string, dst [][3]int) [][3]int {
	// Environment assignments and wrappers come before the command.
	first := 0
	for first < len(args) && (isEnvAssignment(args[first]) || args[first] == "sudo" || args[first] == "env" || args[first] == "exec") {
		first++
	}
	if first >= len(args) {
		return dst
	}
	t, skip, known := toolOf(args[first:])
	flags := t.flags
	if known && t.positional != nil {
		if k, off := t.positional(args[first+skip:]); k >= 0 {
			kind := flagSecret
			if off > 0 {
				kind = flagLogon // the only positional secret that starts inside its argument
			}
			dst = appendArgSecret(dst, first+skip+k, args[first+skip+k], off, kind)
		}
	}
	for i := first + skip; i < len(args); i++ {
		a := args[i]
		if known && len(a) > 1 && a[0] != '-' {
			// Windows' flags: "/rp SECRET", "/pass:SECRET", sc's "password= SECRET".
			if f, ok := matchFlag(flags, a); ok {
				dst, i = appendFlagSecret(dst, args, i, f)
			}
			continue
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			continue
		}
		if known {
			if eq := strings.IndexByte(a, '='); eq > 2 && a[1] == '-' {
				// "--user=root:pw": a long flag's value after '='.
				if f, ok := matchFlag(flags, a[:eq]); ok {
					dst = appendArgSecret(dst, i, a, eq+1, f.kind)
					continue
				}
			}
			if f, ok := matchFlag(flags, a); ok {
				dst, i = appendFlagSecret(dst, args, i, f)
				continue
			}
		}
		// Any tool: "--db-password SECRET", "--api-key SECRET", and single-dash long
		// flags that end in a password's name ("-storepass", "-deststorepass",
		// "-Password").
		if !strings.Contains(a, "=") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") &&
			((strings.HasPrefix(a, "--") && classifyKeyWords(a) == wordsCredential) || passFlag(a)) {
			dst = appendArgSecret(dst, i+1, args[i+1], 0, flagSecret)
			i++
		}
	}
	return dst
}

// appendFlagSecret appends the secret that the tool's flag f at args[i] takes,
// attached ("-pSECRET", "/pass:SECRET") or as the next argument, and returns the
// index of the last argument it read.
func appendFlagSecret(dst [][3]int, args []string, i int, f toolFlag) ([][3]int, int) {
	a := args[i]
	switch {
	case len(a) > len(f.flag) && f.attached:
		dst = appendArgSecret(dst, i, a, len(f.flag), f.kind)
	case len(a) == len(f.flag) && f.separate && i+1 < len(args):
		dst = appendArgSecret(dst, i+1, args[i+1], 0, f.kind)
		i++
	}
	return dst, i
}

// passFlag reports a single-dash flag of five letters or more whose name ends in
// "pass", "password" or "passwd" (keytool's "-storepass", PowerShell's "-Password").
func passFlag(a string) bool {
	if len(a) < 6 || a[0] != '-' || a[1] == '-' {
		return false
	}
	for _, suffix := range [...]string{"pass", "password", "passwd", "passphrase"} {
		if len(a)-1 >= len(suffix) && strings.EqualFold(a[len(a)-len(suffix):], suffix) {
			return true
		}
	}
	return false
}

func matchFlag(flags []toolFlag, a string) (toolFlag, bool) {
	for _, f := range flags {
		switch {
		case a == f.flag || a[0] != '-' && strings.EqualFold(a, f.flag):
			return f, true
		case f.attached && len(f.flag) == 2 && strings.HasPrefix(a, f.flag):
			return f, true // "-pSECRET"
		case f.attached && (f.flag[len(f.flag)-1] == ':' || f.flag[len(f.flag)-1] == '=') && len(a) > len(f.flag) && strings.EqualFold(a[:len(f.flag)], f.flag):
			return f, true // "/pass:SECRET", "password=SECRET"
		}
	}
	return toolFlag{}, false
}

// appendArgSecret appends {arg index, start, end} of the secret in arg from off.
func appendArgSecret(dst [][3]int, i int, arg string, off int, kind flagKind) [][3]int {
	v := arg[off:]
	switch kind {
	case flagUserPass:
		k := strings.IndexByte(v, ':')
		if k < 0 {
			return dst
		}
		off += k + 1
	case flagUserComma:
		k := strings.IndexByte(v, ',')
		if k < 0 {
			return dst
		}
		off += k + 1
	case flagUserPercent:
		k := strings.IndexByte(v, '%')
		if k < 0 {
			return dst
		}
		off += k + 1
	case flagPassPhrase:
		if !strings.HasPrefix(v, "pass:") {
			return dst // "env:VAR", "file:path", "stdin": no secret here
		}
		off += len("pass:")
	case flagHeader:
		k := strings.IndexByte(v, ':')
		if k <= 0 {
			return dst
		}
		switch classifyKeyWords(strings.TrimSpace(v[:k])) {
		case wordsCredential, wordsAuthorization, wordsCookie:
		default:
			return dst
		}
		off += k + 1
		for off < len(arg) && arg[off] == ' ' {
			off++
		}
		if startsWithAuthScheme(arg[off:]) {
			off += strings.IndexByte(arg[off:], ' ') + 1
		}
	}
	end := len(arg)
	if kind == flagLogon {
		if at := strings.LastIndexByte(arg, '@'); at > off {
			end = at
		}
	}
	if off >= end || isReplacement(arg[off:end]) || detector.PlainValue(arg[off:end]) {
		return dst // "-p${DB_PASSWORD}", "--password ****": no secret on the line
	}
	return append(dst, [3]int{i, off, end})
}

// assignsBeforeCommand reports assignments that a command follows ("PGPASSWORD=x
// psql", "A=1 B=2 ./run"), not a log line's fields ("pid=2647: powershell …"): the
// first word after them is a known tool or a path to a program.
func assignsBeforeCommand(args []string) bool {
	k := 0
	for k < len(args) && isEnvAssignment(args[k]) {
		k++
	}
	if k == len(args) {
		return true
	}
	_, _, known := toolOf(args[k:])
	return known || strings.ContainsRune(args[k], '/') || !strings.ContainsAny(args[k-1], ":,")
}

func isEnvAssignment(a string) bool {
	eq := strings.IndexByte(a, '=')
	if eq <= 0 {
		return false
	}
	for i := 0; i < eq; i++ {
		c := a[i]
		if !isAlnumByte(c) && c != '_' {
			return false
		}
	}
	return true
}

// appendCommandLineSecrets finds commands in text (a whole command line, or one
// quoted in a log line) and appends the ranges of the secrets their flags take.
func appendCommandLineSecrets(dst []detector.Match, s string, args *[]argSpan, argv *[]string, found *[][3]int) []detector.Match {
	for i := 0; i < len(s); {
		// A command runs to the end of the line or to a shell operator.
		end := i
		for end < len(s) && s[end] != '\n' && s[end] != ';' && s[end] != '|' && (s[end] != '&' || end+1 >= len(s) || s[end+1] != '&') {
			end++
		}
		*args = splitArgs(s[i:end], i, (*args)[:0])
		*argv = (*argv)[:0]
		for _, a := range *args {
			*argv = append(*argv, s[a.start:a.end])
		}
		// Commands may start anywhere in a log line: try each word as the command; with
		// none known, the flags any tool may have ("--db-password x") still count.
		first := 0
		for first < len(*argv) {
			if _, _, known := toolOf((*argv)[first:]); known || isEnvAssignment((*argv)[first]) && assignsBeforeCommand((*argv)[first:]) {
				break
			}
			// A command quoted in a log line or a JSON value ("cmd":"mysql -p…"): its
			// name starts after the quote.
			if a := (*argv)[first]; lastCommandStart(a) > 0 {
				k := lastCommandStart(a)
				(*argv)[first] = a[k:]
				if _, _, known := toolOf((*argv)[first:]); known && k < len(a) {
					(*args)[first].start += k
					break
				}
				(*argv)[first] = a
			}
			first++
		}
		if first == len(*argv) {
			first = 0
		}
		*found = argvSecrets((*argv)[first:], (*found)[:0])
		for _, f := range *found {
			a := (*args)[first+f[0]]
			// A command quoted in a log line ends at its closing quote ("…-p x","exit_code").
			if m := (detector.Match{Start: a.start + f[1], End: closingQuote(s, a.start+f[1], a.start+f[2])}); m.End > m.Start {
				dst = append(dst, m)
			}
		}
		i = end + 1
	}
	if strings.IndexByte(s, '|') >= 0 {
		dst = appendPipedSecureString(dst, s)
	}
	return dst
}

// appendPipedSecureString appends the literal piped into PowerShell's
// ConvertTo-SecureString ("'S3cret' | ConvertTo-SecureString -AsPlainText").
func appendPipedSecureString(dst []detector.Match, s string) []detector.Match {
	for i := 0; i < len(s); {
		k := indexFoldASCII(s[i:], "| convertto-securestring")
		if k < 0 {
			return dst
		}
		end := i + k
		for end > 0 && s[end-1] == ' ' {
			end--
		}
		if end >= 2 && (s[end-1] == '\'' || s[end-1] == '"') {
			q := s[end-1]
			if open := strings.LastIndexByte(s[:end-1], q); open >= 0 && open+1 < end-1 {
				if v := s[open+1 : end-1]; !isReplacement(v) && !detector.PlainValue(v) {
					dst = append(dst, detector.Match{Start: open + 1, End: end - 1})
				}
			}
		}
		i += k + 1
	}
	return dst
}

// indexFoldASCII is strings.Index ignoring ASCII case, for a lower-case needle.
func indexFoldASCII(s, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if lower(s[i]) == needle[0] && strings.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// lastCommandStart returns where a command quoted inside an argument starts: after
// its last quote, '=', ':' or '(' ("cmd":"mysql), or 0.
func lastCommandStart(a string) int {
	for k := len(a) - 1; k >= 0; k-- {
		switch a[k] {
		case '"', '\'', '`', '=', ':', '(':
			return k + 1
		}
	}
	return 0
}

// splitArgs splits a command line at spaces outside quotes and returns each
// argument's range without its quotes (offset by base).
func splitArgs(s string, base int, out []argSpan) []argSpan {
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			break
		}
		if q := s[i]; q == '\'' || q == '"' {
			k := strings.IndexByte(s[i+1:], q)
			if k < 0 {
				// A quote closed past a shell operator (-Command "$pw = …; …"): the
				// words inside are the command's.
				i++
				continue
			}
			out = append(out, argSpan{base + i + 1, base + i + 1 + k})
			i += k + 2
			continue
		}
		start := i
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			if q := s[i]; (q == '\'' || q == '"') && i > start && s[i-1] == '=' {
				// --header='X-Api-Key: abc': the quotes are part of the argument.
				if k := strings.IndexByte(s[i+1:], q); k >= 0 {
					i += k + 2
					continue
				}
			}
			i++
		}
		out = append(out, argSpan{base + start, base + i})
	}
	return out
}

// positionalTools are the commands that take a secret by position alone, with no
// flag before it: a value that names none of them and has no " -" holds no command
// line with a secret.
var positionalTools = [...]string{"mysqladmin", "rabbitmqctl", "htpasswd", "net user", "net use", "schtasks", "cmdkey", "mc alias", "mc config", "aws configure", "vault login", "sqlplus", "sqlldr", "rman", "expdp", "impdp", "ConvertTo-SecureString"}

func namesPositionalTool(s string) bool {
	// One pass over the words: a word can start a positional tool's name only if a
	// name has its first letter and length (positionalShapes); only those are compared.
	for i := 0; i < len(s); i++ {
		if !isAlphaByte(s[i]) || (i > 0 && isAlnumByte(s[i-1])) {
			continue
		}
		j := i
		for j < len(s) && (isAlnumByte(s[j]) || s[j] == '-') {
			j++
		}
		if n := j - i; n < 64 && positionalShapes[lower(s[i])]&(1<<n) != 0 {
			for _, t := range positionalTools {
				if strings.HasPrefix(s[i:], t) {
					return true
				}
			}
		}
		i = j
	}
	return false
}

// positionalShapes has, for each first letter of positionalTools' first words, a bit
// for each length such a word has.
var positionalShapes = func() (t [256]uint64) {
	for _, name := range positionalTools {
		w := name
		if sp := strings.IndexByte(w, ' '); sp > 0 {
			w = w[:sp]
		}
		t[lower(w[0])] |= 1 << len(w)
	}
	return t
}()
