package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"strings"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Personal values after a label in prose: "DOB 12/03/1985", "date of birth
// 1985-03-12 does not match", "TC Kimlik No: 10000000146", "NRIC S1234567D",
// "passport number C01X00T47 expired", "Account number: 12345678". The label names
// what follows as a key does; the value is what personalTokens takes after it and
// must have the kind's shape. Short labels that are words too ("NIE" is German for
// never, "SIN" Spanish for without, "PAN", "RUT") count in upper case only.

type proseLabel struct {
	text      string
	kind      personalKind
	exactCase bool
}

var proseLabels = []proseLabel{
	// Identity documents and personal numbers.
	{"ssn", personalID, false}, {"social security number", personalID, false}, {"social security no", personalID, false},
	{"national insurance number", personalID, false}, {"ni number", personalID, false}, {"nino", personalID, false},
	{"nhs number", personalID, false}, {"nhs no", personalID, false}, {"bsn", personalID, false},
	{"burgerservicenummer", personalID, false}, {"pesel", personalID, false}, {"personnummer", personalID, false},
	{"fødselsnummer", personalID, false}, {"fodselsnummer", personalID, false}, {"henkilötunnus", personalID, false},
	{"hetu", personalID, false}, {"CPR-nummer", personalID, true}, {"CPR-nr", personalID, true},
	{"steuer-id", personalID, false}, {"steueridentifikationsnummer", personalID, false}, {"idnr", personalID, false},
	{"sozialversicherungsnummer", personalID, false}, {"rvnr", personalID, false},
	{"numéro de sécurité sociale", personalID, false}, {"NIR", personalID, true}, {"insee", personalID, false},
	{"DNI", personalID, true}, {"NIE", personalID, true}, {"NIF", personalID, true}, {"codice fiscale", personalID, false},
	{"CPF", personalID, true}, {"CURP", personalID, true}, {"RFC", personalID, true}, {"CUIT", personalID, true},
	{"CUIL", personalID, true}, {"RUT", personalID, true}, {"RUN", personalID, true}, {"SIN", personalID, true},
	{"social insurance number", personalID, false}, {"aadhaar", personalID, false}, {"PAN", personalID, true},
	{"isikukood", personalID, false}, {"asmens kodas", personalID, false}, {"EGN", personalID, true},
	{"ЕГН", personalID, true}, {"tc kimlik no", personalID, false}, {"t.c. kimlik no", personalID, false},
	{"kimlik no", personalID, false}, {"kimlik numarası", personalID, false}, {"NRIC", personalID, true},
	{"NRIC/FIN", personalID, true}, {"FIN", personalID, true}, {"HKID", personalID, true}, {"RRN", personalID, true},
	{"주민등록번호", personalID, true}, {"my number", personalID, false}, {"マイナンバー", personalID, true},
	{"身份证号", personalID, true}, {"身份证", personalID, true}, {"id card no", personalID, false},
	{"id card number", personalID, false}, {"id number", personalID, false}, {"identity number", personalID, false},
	{"national id", personalID, false}, {"teudat zehut", personalID, false}, {"ת.ז.", personalID, true},
	{"TFN", personalID, true}, {"tax file number", personalID, false}, {"kennitala", personalID, false},
	{"kt.", personalID, true}, {"TAJ", personalID, true}, {"TAJ szám", personalID, true}, {"emšo", personalID, false},
	{"emso", personalID, false}, {"AFM", personalID, true}, {"ΑΦΜ", personalID, true}, {"C.I.", personalID, true},
	{"cédula", personalID, false}, {"cedula", personalID, false}, {"cédula de identidad", personalID, false},
	{"passport number", personalID, false}, {"passport no", personalID, false}, {"passport", personalID, false},
	{"driver's license number", personalID, false}, {"drivers license number", personalID, false},
	{"driver license number", personalID, false}, {"driver's license", personalID, false}, {"driver's licence", personalID, false},
	{"drivers license", personalID, false}, {"driving licence", personalID, false}, {"driving license", personalID, false}, {"driving licence number", personalID, false}, {"DL#", personalID, true},
	{"licence number", personalID, false}, {"license number", personalID, false}, {"tax id", personalID, false},
	{"taxpayer id", personalID, false}, {"TIN", personalID, true}, {"rijksregisternummer", personalID, false},
	{"numéro national", personalID, false}, {"AMKA", personalID, true}, {"OIB", personalID, true},
	{"contribuinte", personalID, false}, {"SA ID number", personalID, false},
	// Dates of birth.
	{"dob", personalBirthDate, false}, {"d.o.b.", personalBirthDate, false}, {"date of birth", personalBirthDate, false},
	{"birth date", personalBirthDate, false}, {"birthdate", personalBirthDate, false}, {"born", personalBirthDate, false},
	{"born on", personalBirthDate, false}, {"geburtsdatum", personalBirthDate, false}, {"geb.", personalBirthDate, false},
	{"fecha de nacimiento", personalBirthDate, false}, {"data de nascimento", personalBirthDate, false},
	{"date de naissance", personalBirthDate, false}, {"data urodzenia", personalBirthDate, false},
	{"födelsedatum", personalBirthDate, false}, {"birthday", personalBirthDate, false},
	// Bank accounts.
	{"account number", personalAccount, false}, {"account no", personalAccount, false}, {"acct no", personalAccount, false},
	{"acct #", personalAccount, false}, {"a/c no", personalAccount, false}, {"bank account", personalAccount, false},
	{"kontonummer", personalAccount, false}, {"numero de cuenta", personalAccount, false},
	// People's names: the value must be one (capitalised words, personNameShaped).
	{"cardholder", personalName, false}, {"card holder", personalName, false}, {"cardholder name", personalName, false},
	{"account holder", personalName, false}, {"holder name", personalName, false}, {"name on card", personalName, false},
	{"customer name", personalName, false}, {"patient name", personalName, false}, {"recipient", personalName, false},
	{"recipient name", personalName, false}, {"beneficiary", personalName, false}, {"beneficiary name", personalName, false},
	{"payee name", personalName, false}, {"full name", personalName, false}, {"passenger name", personalName, false},
	{"guest name", personalName, false}, {"employee name", personalName, false},
}

// proseLabelsByFirst indexes the labels by their first byte, lower-cased.
var proseLabelsByFirst = func() (t [256][]int) {
	for i, l := range proseLabels {
		c := lower(l.text[0])
		t[c] = append(t[c], i)
		if u := l.text[0]; u != c {
			t[u] = append(t[u], i)
		}
	}
	return t
}()

// proseLabelSeconds has, for each first byte of a label (lower-cased), a bit for
// each second byte a label that starts with it has (lower-cased, modulo 64): a
// word whose first two bytes no label has is not compared with any.
var proseLabelSeconds = func() (t [256]uint64) {
	for _, l := range proseLabels {
		t[lower(l.text[0])] |= 1 << (lower(l.text[1]) & 63)
	}
	return t
}()

// appendLabelledValues finds personal values after labels in prose.
func appendLabelledValues(s string, found foundFunc) {
	for i := 0; i+1 < len(s); i++ {
		if end := labelledValueAt(s, i, found); end > 0 {
			i = end - 1
		}
	}
}

// appendLabelledValuesAt is appendLabelledValues for a value whose word starts were
// scanned: only the starts that may begin a label are tried.
func appendLabelledValuesAt(s string, ws *wordStarts, found foundFunc) {
	if ws.labelsOverflow {
		appendLabelledValues(s, found)
		return
	}
	next := 0
	for _, i := range ws.labels[:ws.nLabels] {
		if int(i) < next || int(i)+1 >= len(s) {
			continue
		}
		if end := labelledValueAt(s, int(i), found); end > 0 {
			next = end
		}
	}
}

// labelledValueAt reports the value after a label at i, if one starts there, and
// returns where it ends (0 for none).
func labelledValueAt(s string, i int, found foundFunc) int {
	c := s[i]
	if i > 0 && (isAlnumByte(s[i-1]) || s[i-1] >= 0x80) {
		return 0 // not a word's start
	}
	if proseLabelSeconds[lower(c)]&(1<<(lower(s[i+1])&63)) == 0 {
		return 0
	}
	for _, k := range proseLabelsByFirst[lower(c)] {
		l := &proseLabels[k]
		end := i + len(l.text)
		if end > len(s) || lower(s[end-1]) != lower(l.text[len(l.text)-1]) {
			continue
		}
		if l.exactCase {
			if s[i:end] != l.text {
				continue
			}
		} else if !strings.EqualFold(s[i:end], l.text) {
			continue
		}
		last := l.text[len(l.text)-1]
		if isAlnumByte(last) && end < len(s) && (isAlnumByte(s[end]) || s[end] >= 0x80 || s[end] == '_') {
			continue // "dobby", "passports"
		}
		if v, ok := labelledValue(s, end, l.kind); ok {
			kind := l.kind
			if kind == personalName {
				kind = personalNone // reported as a key's name is (sensitive_key)
			}
			found(v, kind)
			return v.End
		}
	}
	return 0
}

// labelledValue reads the value after a label that ends at i: spaces, then ':', '-',
// '#', '=', "is" or "no." optionally, then the kind's tokens up to the end of the
// line.
func labelledValue(s string, i int, kind personalKind) (detector.Match, bool) {
	j := i
	for step := 0; step < 3 && j < len(s); step++ {
		for j < len(s) && s[j] == ' ' {
			j++
		}
		switch {
		case j < len(s) && (s[j] == ':' || s[j] == '#' || s[j] == '=' || s[j] == '.' || (s[j] == '-' && j+1 < len(s) && s[j+1] == ' ')):
			j++
		case hasWordFoldAt(s, j, "is"), hasWordFoldAt(s, j, "no"), hasWordFoldAt(s, j, "nr"), hasWordFoldAt(s, j, "number"):
			j = skipSpaces(s, j)
			for j < len(s) && isAlnumByte(s[j]) {
				j++
			}
			if j < len(s) && s[j] == '.' {
				j++
			}
		}
	}
	for j < len(s) && (s[j] == ' ' || s[j] == '"' || s[j] == '\'') {
		j++
	}
	lineEnd := strings.IndexByte(s[j:], '\n')
	if lineEnd < 0 {
		lineEnd = len(s) - j
	}
	n := personalTokens(kind, s[j:j+lineEnd])
	if n == 0 || !personalShaped(kind, s[j:j+n]) || detector.PlainValue(s[j:j+n]) {
		return detector.Match{}, false
	}
	return detector.Match{Start: j, End: j + n}, true
}
