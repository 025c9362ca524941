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
	flagSecret   flagKind = iota // the whole argument
	flagUserPass                 // "user:password": the part after ':'
	flagHeader                   // "Name: value": as the header rules say
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
}

var (
	mysqlFlags = []toolFlag{{"-p", flagSecret, true, false}, {"--password", flagSecret, false, true}}
	mongoFlags = []toolFlag{{"-p", flagSecret, false, true}, {"--password", flagSecret, false, true}}
	ldapFlags  = []toolFlag{{"-w", flagSecret, false, true}}
	msSQLFlags = []toolFlag{{"-P", flagSecret, false, true}}
	loginFlags = []toolFlag{{"-p", flagSecret, false, true}, {"--password", flagSecret, false, true}}
	login      = []string{"login"}
)

// tools are the clients whose flags take secrets, by the name they are run as.
var tools = map[string]tool{
	"mysql": {flags: mysqlFlags}, "mysqldump": {flags: mysqlFlags}, "mysqladmin": {flags: mysqlFlags},
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
	"helm": {sub: []string{"registry", "login"}, flags: loginFlags},
}

// toolOf returns the flags of the command args[0] (its base name; the container
// tools' login subcommand), how many arguments name it, and whether it is known.
func toolOf(args []string) ([]toolFlag, int, bool) {
	if len(args) == 0 {
		return nil, 0, false
	}
	name := args[0]
	if k := strings.LastIndexByte(name, '/'); k >= 0 {
		name = name[k+1:]
	}
	name = strings.TrimSuffix(name, ".exe")
	t, ok := tools[name]
	if !ok {
		return nil, 1, false
	}
	if len(t.sub) == 0 {
		return t.flags, 1, true
	}
	if len(args) <= len(t.sub) {
		return nil, 1, true
	}
	for i, w := range t.sub {
		if args[1+i] != w {
			return nil, 1, true
		}
	}
	return t.flags, 1 + len(t.sub), true
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
	flags, skip, known := toolOf(args[first:])
	for i := first + skip; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			continue
		}
		if known {
			if f, ok := matchFlag(flags, a); ok {
				switch {
				case len(a) > len(f.flag) && f.attached:
					dst = appendArgSecret(dst, i, a, len(f.flag), f.kind)
				case len(a) == len(f.flag) && f.separate && i+1 < len(args):
					dst = appendArgSecret(dst, i+1, args[i+1], 0, f.kind)
					i++
				}
				continue
			}
		}
		// Any tool: "--db-password SECRET", "--api-key SECRET".
		if strings.HasPrefix(a, "--") && !strings.Contains(a, "=") && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			if w := classifyKeyWords(a); w == wordsCredential {
				dst = appendArgSecret(dst, i+1, args[i+1], 0, flagSecret)
				i++
			}
		}
	}
	return dst
}

func matchFlag(flags []toolFlag, a string) (toolFlag, bool) {
	for _, f := range flags {
		if a == f.flag || (f.attached && strings.HasPrefix(a, f.flag) && len(f.flag) == 2) {
			return f, true
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
	if off >= len(arg) || isReplacement(arg[off:]) {
		return dst
	}
	return append(dst, [3]int{i, off, len(arg)})
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
			if _, _, known := toolOf((*argv)[first:]); known || isEnvAssignment((*argv)[first]) {
				break
			}
			first++
		}
		if first == len(*argv) {
			first = 0
		}
		*found = argvSecrets((*argv)[first:], (*found)[:0])
		for _, f := range *found {
			a := (*args)[first+f[0]]
			dst = append(dst, detector.Match{Start: a.start + f[1], End: a.start + f[2]})
		}
		i = end + 1
	}
	return dst
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
				out = append(out, argSpan{base + i + 1, base + len(s)})
				break
			}
			out = append(out, argSpan{base + i + 1, base + i + 1 + k})
			i += k + 2
			continue
		}
		start := i
		for i < len(s) && s[i] != ' ' && s[i] != '\t' {
			if q := s[i]; q == '\'' || q == '"' {
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
