package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Secrets in lines that pair a name and a value with a space, as configuration
// files and protocol transcripts write them:
//
//	redis.conf, sshd, pgbouncer   requirepass S3cret      masterauth S3cret
//	FTP                           > PASS S3cret
//	IMAP                          a001 LOGIN bob S3cret
//	SMTP AUTH LOGIN               S: 334 UGFzc3dvcmQ6 (base64 of "Password:"), then C: <base64 password>
//	.netrc                        machine api.github.com login bob password S3cret
//	Dockerfile                    ENV DB_PASSWORD S3cret
//
// A line of prose has more words ("password reset requested") or an English word
// after the name ("password updated"), which is why a value of lower-case letters
// only is not taken from a two-word line unless the name is a directive.

// configDirectives name a secret whatever the value after them looks like.
var configDirectives = []string{"requirepass", "masterauth", "PASS", "psk", "passphrase", "wpa_passphrase", "rootpw", "bindpw"}

// appendConfigLineSecrets appends the secrets of the lines of s read as above.
func appendConfigLineSecrets(dst []detector.Match, s string) []detector.Match {
	passwordNext := false // SMTP's server asked for the password: the next client line is it
	for i := 0; i < len(s); {
		end := strings.IndexByte(s[i:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += i
		}
		line := s[i:end]
		lineEnd := len(line)
		if lineEnd > 0 && line[lineEnd-1] == '\r' {
			lineEnd--
		}
		start := transcriptPrefix(line)
		var words [10][2]int
		// Only Dockerfile's and .netrc's lines have more than four words: the others'
		// words after the fifth are not read.
		limit := 4
		if w0 := firstField(line[start:lineEnd]); w0 == "ENV" || w0 == "ARG" || w0 == "machine" || w0 == "default" {
			limit = len(words)
		}
		n := fieldSpans(line[:lineEnd], start, &words, limit)
		word := func(k int) string { return line[words[k][0]:words[k][1]] }
		secret := func(k int) {
			if v := word(k); !detector.PlainValue(v) {
				dst = append(dst, detector.Match{Start: i + words[k][0], End: i + words[k][1]})
			}
		}
		switch {
		case passwordNext && n == 1:
			secret(0)
			passwordNext = false
		case n >= 2 && word(0) == "334" && word(1) == "UGFzc3dvcmQ6":
			passwordNext = true
		case n == 2 && oneOf(word(0), configDirectives) && (word(0) != "PASS" || line[start:start+4] == "PASS"):
			secret(1)
		case n == 2 && identifier(word(0)) && classifyKeyWords(word(0)) == wordsCredential && !lowerWord(word(1)):
			secret(1)
		case n == 4 && strings.EqualFold(word(1), "LOGIN") && len(word(0)) <= 8 && word(2)[0] != '-' && word(3)[0] != '-' && word(2)[0] != '\'':
			// (not "oc login '--token=…' --server=…": flags, a command's)
			secret(3) // IMAP: tag LOGIN user password
		case n >= 3 && (word(0) == "ENV" || word(0) == "ARG") && identifier(word(1)) && classifyKeyWords(word(1)) == wordsCredential:
			dst = append(dst, detector.Match{Start: i + words[2][0], End: i + lineEnd})
		case n >= 4 && (word(0) == "machine" || word(0) == "default"):
			for k := 1; k+1 < min(n, len(words)); k++ { // (n is len(words)+1 for a longer line)
				if word(k) == "password" {
					secret(k + 1)
				}
			}
		}
		i = end + 1
	}
	return dst
}

// transcriptPrefix returns where a line's content starts after the marks that
// transcripts and shells put before it: "> ", "< ", "--> ", "C: ", "S: ", "+ ", "$ ".
func transcriptPrefix(line string) int {
	j := 0
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	if j >= len(line) {
		return j
	}
	switch line[j] {
	case '-', '<', '>', 'C', 'S', '+', '$':
	default:
		return j
	}
	for _, p := range [...]string{"--> ", "<-- ", "> ", "< ", "C: ", "S: ", "+ ", "$ "} {
		if strings.HasPrefix(line[j:], p) {
			return j + len(p)
		}
	}
	// docker build's "Step 4/9 : ENV …".
	if strings.HasPrefix(line[j:], "Step ") {
		if c := strings.Index(line[j:], " : "); c > 0 && c < 16 {
			return j + c + 3
		}
	}
	return j
}

// firstField returns the first word of line, after spaces.
func firstField(line string) string {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := i
	for j < len(line) && line[j] != ' ' && line[j] != '\t' {
		j++
	}
	return line[i:j]
}

// fieldSpans splits line[from:] at spaces into at most limit (≤ len(w)) words and
// returns how many there are (limit+1 when there are more).
func fieldSpans(line string, from int, w *[10][2]int, limit int) int {
	n := 0
	for i := from; i < len(line); {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			break
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		if n == limit {
			return n + 1
		}
		w[n] = [2]int{i, j}
		n++
		i = j
	}
	return n
}

// lowerWord reports a word of lower-case letters only: "updated", "expired".
func lowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// identifier reports a configuration name: letters, digits, '_', '-' and '.'.
func identifier(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isAlnumByte(w[i]) && w[i] != '_' && w[i] != '-' && w[i] != '.' {
			return false
		}
	}
	return w != ""
}
