package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import "strings"

// wordStarts records, in one pass over a value, the first two bytes of each of its
// words, so that the rules that look for words (labels in prose, SQL's PASSWORD and
// IDENTIFIED, Redis commands quoted in text, the commands that take a secret by
// position) are not run over values that hold none of their words. Most values hold
// none; each of those rules is a pass of its own.
//
// A word starts at an ASCII letter that follows no ASCII letter or digit (so also
// after '_', which only adds starts). Its first two bytes, lower-cased, set a bit of
// a set of letter pairs (one bit for each pair of letters, one for each letter
// followed by anything else). A word in capitals that is the name of a Redis command
// ("AUTH", "CONFIG"; not "GET") is noted, as appendRedisSecrets reads them. A word
// that starts with a byte of a UTF-8 sequence is only counted ("ЕГН", "주민등록번호"):
// the labels that start that way are then all tried. A rule is skipped only when no
// word of the value starts as one of its words does.
type wordStarts struct {
	pairs        bigramSet
	redisCommand bool
	nonASCII     bool
	// labels are the word starts that may begin a label (appendLabelledValuesAt), the
	// first maxLabelStarts of them.
	labels         [maxLabelStarts]int32
	nLabels        int
	labelsOverflow bool
}

const maxLabelStarts = 16

func (ws *wordStarts) addLabelStart(i int) {
	if ws.nLabels == maxLabelStarts {
		ws.labelsOverflow = true
		return
	}
	ws.labels[ws.nLabels] = int32(i)
	ws.nLabels++
}

// bigramSet has a bit for each pair of letters (26×26) and for each letter followed
// by a byte that is not one (26).
type bigramSet [(26*26 + 26 + 63) / 64]uint64

// bigramBit is the bit of the pair a, b; a is an ASCII letter.
func bigramBit(a, b byte) (int, uint64) {
	h := uint(lower(a) - 'a')
	if isASCIILetter(b) {
		h = h*26 + uint(lower(b)-'a')
	} else {
		h += 26 * 26
	}
	return int(h >> 6), 1 << (h & 63)
}

func (s *bigramSet) add(a, b byte) {
	w, bit := bigramBit(a, b)
	s[w] |= bit
}

// addWord adds the first two bytes of w, which starts with an ASCII letter (the
// words that do not are tried whenever a word of the value does not either).
func (s *bigramSet) addWord(w string) {
	if len(w) >= 2 && isASCIILetter(w[0]) {
		s.add(w[0], w[1])
	}
}

func (s *bigramSet) meets(o *bigramSet) bool {
	for i := range s {
		if s[i]&o[i] != 0 {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// wordByteClass classifies bytes for scanWordStarts.
var wordByteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = classCapital
		case c >= 'a' && c <= 'z':
			t[c] = classLetter
		case c >= '0' && c <= '9':
			t[c] = classDigit
		case c >= 0x80:
			t[c] = classHigh
		}
	}
	return t
}()

const (
	classOtherByte uint8 = iota
	classLetter
	classCapital
	classDigit
	classHigh
)

func scanWordStarts(s string) (ws wordStarts) {
	for i := 0; i+1 < len(s); {
		c := s[i]
		switch wordByteClass[c] {
		case classLetter, classCapital:
			ws.pairs.add(c, s[i+1])
			if w, bit := bigramBit(c, s[i+1]); labelWordStarts[w]&bit != 0 && (i == 0 || s[i-1] < 0x80) {
				// (A label starts after no byte of a UTF-8 sequence either.)
				ws.addLabelStart(i)
			}
			if wordByteClass[c] == classCapital && wordByteClass[s[i+1]] == classCapital && !ws.redisCommand {
				ws.redisCommand = redisCommandAt(s, i)
			}
		case classHigh:
			if i == 0 || s[i-1] < 0x80 {
				ws.nonASCII = true
				ws.addLabelStart(i)
			}
			i++
			continue
		case classDigit:
		default:
			i++
			continue
		}
		// The rest of the word: letters and digits start none.
		for i++; i < len(s) && wordByteClass[s[i]]-classLetter < 3; i++ {
		}
	}
	return ws
}

// The words each rule looks for, by their first two bytes.
var (
	sqlWordStarts = func() (s bigramSet) {
		s.addWord("password")
		s.addWord("identified")
		return s
	}()
	procWordStarts = func() (s bigramSet) {
		s.addWord("exec")
		s.addWord("connect")
		return s
	}()
	labelWordStarts = func() (s bigramSet) {
		for _, l := range proseLabels {
			s.addWord(l.text)
		}
		return s
	}()
	positionalToolStarts = func() (s bigramSet) {
		for _, t := range positionalTools {
			s.addWord(t)
		}
		return s
	}()
)

// mayHoldLabel reports whether a label of labels.go may start in the value.
func (ws *wordStarts) mayHoldLabel() bool { return ws.nonASCII || ws.pairs.meets(&labelWordStarts) }

// mayHoldSQLSecret reports whether PASSWORD or IDENTIFIED may be in the value.
func (ws *wordStarts) mayHoldSQLSecret() bool { return ws.pairs.meets(&sqlWordStarts) }

// mayCallProcedure reports whether EXEC or DB2's CONNECT may be in the value.
func (ws *wordStarts) mayCallProcedure() bool { return ws.pairs.meets(&procWordStarts) }

// mayQuoteRedisCommand reports whether a Redis command may be quoted in the value.
func (ws *wordStarts) mayQuoteRedisCommand() bool { return ws.redisCommand }

// redisCommandAt reports the name of a command of redisCommands at i, followed by a
// space or a quote, as appendRedisSecrets reads them.
func redisCommandAt(s string, i int) bool {
	for _, cmd := range redisCommandsByFirst[s[i]] {
		if strings.HasPrefix(s[i:], cmd) && i+len(cmd) < len(s) && (s[i+len(cmd)] == ' ' || s[i+len(cmd)] == '"') {
			return true
		}
	}
	return false
}

var redisCommandsByFirst = func() (t [256][]string) {
	for _, c := range redisCommands {
		t[c[0]] = append(t[c[0]], c)
	}
	return t
}()

// mayNamePositionalTool reports whether a command of positionalTools may be named.
func (ws *wordStarts) mayNamePositionalTool() bool { return ws.pairs.meets(&positionalToolStarts) }
