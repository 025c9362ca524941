package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import "strings"

// Personal values by their key. A phone number, an identity document's number, a
// date of birth, a street address or a bank account number under a key that names
// it is personal whatever its format: national phone notations without a country
// code ("512 345 678"), identifiers of countries no detector knows, dates. Their
// formats alone are ambiguous (a digit list, an order number, a timestamp), their
// keys are not. A key's last words are looked at, joined without separators
// ("customer.phone_number" → "phonenumber", "social_security_number" →
// "socialsecuritynumber", "date_of_birth" → "dateofbirth"), and the value must have
// the kind's shape, so that "phone_verified: true", "server.address: db:5432" or
// "dob: unknown" stay.

// personalKind is the kind of personal value a key names.
type personalKind uint8

const (
	personalNone personalKind = iota
	personalPhone
	personalID
	personalBirthDate
	personalAddress
	personalAccount
	// personalName is a person's name after a label in prose ("cardholder: Jane
	// Doe"); no key word maps to it, keys have their own rules (keywords.go).
	personalName
)

// personalKeyWords maps the joined last words of a key to the kind it names.
var personalKeyWords = func() map[string]personalKind {
	m := map[string]personalKind{}
	add := func(k personalKind, words ...string) {
		for _, w := range words {
			m[w] = k
		}
	}
	add(personalPhone, "phone", "phones", "phonenumber", "phonenumbers", "telephone", "telephonenumber", "tel", "telno",
		"phoneno", "mobile", "mobilenumber", "mobilephone", "mobileno", "msisdn", "cell", "cellphone", "cellnumber", "fax",
		"faxnumber", "whatsapp", "whatsappnumber", "telefon", "telefonnummer", "telefono", "telefone", "telephonenum",
		"contactnumber", "contactphone", "homephone", "workphone", "mobil", "mobilnummer", "handynummer", "celular",
		"numerotelefono", "numertelefonu", "phonenum", "smsnumber", "callbacknumber", "tonumber", "fromnumber",
		"smsto", "recipientnumber", "destinationnumber", "callerid", "callernumber")
	add(personalID, "ssn", "socialsecuritynumber", "socialsecurityno", "nino", "ninumber", "nationalinsurancenumber",
		"nhsnumber", "nhsno", "bsn", "burgerservicenummer", "citizenservicenumber", "pesel", "numerpesel", "cpf", "curp",
		"dni", "nie", "nif", "nir", "insee", "numerosecuritesociale", "securitesociale", "codicefiscale", "fiscalcode",
		"personnummer", "personalidentitynumber", "fodselsnummer", "fnr", "hetu", "henkilotunnus", "sotu", "cpr",
		"cprnummer", "cprnumber", "aadhaar", "aadhaarnumber", "aadhaarno", "pannumber", "steuerid", "steueridentifikationsnummer",
		"idnr", "svnr", "rvnr", "sozialversicherungsnummer", "rentenversicherungsnummer", "amka", "afm", "oib", "egn",
		"emso", "isikukood", "asmenskodas", "personalcode", "kennitala", "tckn", "tckimlikno", "kimlikno", "nric",
		"nricfin", "hkid", "hkidnumber", "rrn", "residentregistrationnumber", "jumin", "mynumber", "kojinbango", "tfn",
		"taxfilenumber", "tin", "taxid", "taxnumber", "taxidnumber", "taxpayerid", "nationalid", "nationalidnumber",
		"nationalidentifier", "nationalidentitynumber", "nationalnumber", "idnumber", "identitynumber", "identificationnumber",
		"idcard", "idcardno", "idcardnumber", "residentid", "documentnumber", "numerodocumento", "documento",
		"passport", "passportnumber", "passportno", "driverslicense", "driverslicensenumber", "driverlicense",
		"driverlicensenumber", "drivinglicence", "drivinglicencenumber", "drivinglicense", "dlnumber", "licensenumber",
		"cedula", "numerocedula", "cuit", "cuil", "rut", "sin", "socialinsurancenumber", "medicarenumber",
		"healthinsurancenumber", "teudatzehut", "israeliid", "rijksregisternummer", "niss", "insz", "shenfenzheng",
		"contribuinte", "numerocontribuinte", "tajszam", "taj", "steuernummer", "sanum",
		"passportnum", "ein", "fein", "employerein", "employeridentificationnumber", "driverslicence",
		"driverslicencenumber", "driverlicence", "driverlicencenumber", "drivinglicensenumber", "driverslicensenumber",
		"licencenumber", "licenceno", "licenseno", "cnpj", "gstin")
	add(personalBirthDate, "dob", "dateofbirth", "birthdate", "birthday", "birthdt", "bday", "geburtsdatum",
		"fechanacimiento", "fechadenacimiento", "datanascimento", "datadenascimento", "datenaissance",
		"datedenaissance", "dataurodzenia", "birthdateofperson", "dobdate")
	add(personalAddress, "address", "streetaddress", "street", "addressline", "addressline1", "addressline2",
		"line1", "line2", "homeaddress", "shippingaddress", "billingaddress", "postaladdress", "mailingaddress",
		"deliveryaddress", "residentialaddress", "streetline", "strasse", "calle", "rue", "direccion", "endereco",
		"indirizzo", "adresse", "adres", "anschrift") //nolint:misspell // Dutch, Polish and Turkish for address
	add(personalAccount, "iban", "accountnumber", "accountno", "acctno", "acctnumber", "accno", "bankaccount",
		"bankaccountnumber", "bankaccountno", "kontonummer", "numerocuenta", "accountiban", "bankacctnumber",
		"konto", "kontonr", "bankkonto", "ddaaccount", "checkingaccount", "savingsaccount", "achaccount", "accountnum")
	return m
}()

// maxJoinedKey bounds the joined words looked up.
const maxJoinedKey = 40

// personalKeyKind returns the kind of personal value a key names, by its last one
// to four words. It does not allocate.
func personalKeyKind(k string) personalKind {
	var spans [maxKeyWords][2]int
	n := keyWordSpans(k, &spans)
	if n == 0 {
		return personalNone
	}
	// A trailing digit names the second of a kind ("phone2", "address_line_2"):
	// it is part of the word.
	// A trailing "nr", "no", "num" or "number" names the same thing ("isikukood_nr").
	if last := k[spans[n-1][0]:spans[n-1][1]]; n > 1 && oneOf(last, []string{"nr", "no", "num", "nummer", "numero"}) {
		if kind := personalKeyKind(k[:spans[n-2][1]]); kind != personalNone { //nolint:gosec // G602: n > 1
			return kind
		}
	}
	// "passport_id", "document.passport_id": the id of an identity document is its
	// number; "phone_id" or "address_id" name a record, not the value.
	if last := k[spans[n-1][0]:spans[n-1][1]]; n > 1 && (last == "id" || last == "Id" || last == "ID") {
		if personalKeyKind(k[:spans[n-2][1]]) == personalID { //nolint:gosec // G602: n > 1
			return personalID
		}
	}
	var buf [maxJoinedKey]byte
	best := personalNone
	size := 0
	for w := n - 1; w >= 0 && n-w <= 4; w-- {
		word := k[spans[w][0]:spans[w][1]]
		if size+len(word) > maxJoinedKey {
			break
		}
		// Prepend the word, lower-cased.
		copy(buf[len(word):size+len(word)], buf[:size])
		for i := 0; i < len(word); i++ {
			buf[i] = lower(word[i])
		}
		size += len(word)
		joined := buf[:size]
		if kind, ok := personalKeyWords[string(joined)]; ok {
			best = kind
		} else if t := trimDigits(joined); len(t) < len(joined) {
			if kind, ok := personalKeyWords[string(t)]; ok {
				best = kind
			}
		}
	}
	return best
}

func trimDigits(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] >= '0' && b[len(b)-1] <= '9' {
		b = b[:len(b)-1]
	}
	return b
}

// personalShaped reports whether v has the shape of the kind's values.
func personalShaped(kind personalKind, v string) bool {
	v = strings.TrimSpace(v)
	if kind == personalName {
		return personNameShaped(v)
	}
	if len(v) == 0 || len(v) > 96 {
		return false
	}
	digits, letters, spaces, other := 0, 0, 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			digits++
		case isAlnumByte(c) || c >= 0x80:
			letters++
		case c == ' ':
			spaces++
		default:
			other++
		}
	}
	switch kind {
	case personalPhone:
		// "+48 512 345 678", "(11) 91234-5678", "089+6302606", "tel:+1-415-555-2671".
		if digits < 7 || digits > 16 {
			return false
		}
		t := strings.TrimPrefix(strings.TrimPrefix(v, "tel:"), "TEL:")
		for i := 0; i < len(t); i++ {
			switch c := t[i]; {
			case c >= '0' && c <= '9', strings.IndexByte(" -.()/+", c) >= 0:
			case c == '%' && i+2 < len(t) && t[i+1] == '2' && (t[i+2] == 'B' || t[i+2] == 'b' || t[i+2] == '0'):
				i += 2 // "%2B48%20512…"
			default:
				// An extension may follow the number ("x12", "ext. 12").
				return (c == 'x' || c == 'X' || c == 'e' || c == 'E') && i > 0
			}
		}
		return true
	case personalID:
		// A number or a code with digits: "123-45-6789", "AB 12 34 56 C", "X1234567L",
		// "C12345678"; not a word ("pending"), not a sentence.
		if digits >= 4 {
			return len(v) <= 32 && spaces <= 5 && letters <= 20
		}
		// Passport and licence numbers mix letters and digits: "C01X00T47", "CN8VDOEVM".
		return (digits >= 2 && len(v) >= 6 || digits >= 1 && len(v) >= 8) && len(v) <= 20 && spaces == 0 && other == 0 && strings.ToUpper(v) == v
	case personalBirthDate:
		// "1985-03-12", "12/03/1985", "12.03.1985", "9 November 1969", "19850312".
		return digits >= 4 && digits <= 8 && len(v) <= 32 && letters <= 12
	case personalAddress:
		// A street and a number: "221B Baker Street", "Hauptstraße 5", "ul. Długa 3/4";
		// not a network address ("10.0.0.5:8080", "db.internal", "fe80::1", an e-mail).
		if digits == 0 || letters < 2 || spaces == 0 || strings.ContainsAny(v, "@:") {
			return false
		}
		return v[0] < '0' || v[0] > '9' || strings.Count(v, ".") < 3
	case personalAccount:
		// "12345678", "000123456789", "DE89 3704 0044 0532 0130 00".
		return digits >= 6 && len(v) <= 42 && spaces <= 8
	}
	return false
}

// personalTokens returns how much of a bare value in text is the personal value: the
// words from its start that can be part of one ("Z9856354P caducado" is an NIE and a
// word, "+48 512 345 678 after 5pm" a number and words). The first word has a digit;
// the words after it are groups of digits and capitals ("AB 12 34 56 C", "26 260745
// W 834"), a month's name in a date, "ext" in a phone number. A comma, a semicolon,
// '&', a quote or an angle bracket ends the value; a street runs to one of them.
func personalTokens(kind personalKind, v string) int {
	const stops = ",;&<>\"'\t\n\r"
	if kind == personalName {
		return nameTokens(v)
	}
	if kind == personalAddress {
		// A street line may have commas ("Flat 13, 194 Station Road"): where the value
		// ends was decided by its key's grammar; ": " starts what is said about it
		// ("address: Hauptstraße 69: carrier rejected").
		end := len(v)
		if c := strings.IndexAny(v, stops[1:]); c >= 0 {
			end = c
		}
		if c := strings.Index(v[:end], ": "); c >= 0 {
			end = c
		}
		return end
	}
	end, words := 0, 0
	for i := 0; i < len(v); {
		for i < len(v) && v[i] == ' ' {
			i++
		}
		j := i
		for j < len(v) && v[j] != ' ' && strings.IndexByte(stops, v[j]) < 0 {
			j++
		}
		if j == i {
			break
		}
		w := strings.TrimRight(v[i:j], ".:)")
		if strings.Count(w, "(") > strings.Count(w, ")") && strings.HasSuffix(v[i:j], ")") {
			w += ")" // "(11)" keeps its parenthesis
		}
		if w == "" {
			return end
		}
		digit := strings.ContainsAny(w, "0123456789")
		upperShort := len(w) <= 3 && strings.ToUpper(w) == w && isLetters(w)
		switch {
		case digit && (end == 0 || groupWord(w)):
			end = i + len(w)
		case end > 0 && kind == personalID && upperShort && len(w) == 1:
			end = i + 1 // a NINO's suffix letter, an SVNR's initial ("… 56 C", "… 210253 T 260")
		case kind == personalID && end == 0 && upperShort && len(w) == 2:
			// A NINO's prefix letters ("AB 12 34 56 C").
		case end > 0 && kind == personalPhone && strings.HasPrefix(strings.ToLower(w), "ext"):
		case kind == personalBirthDate && words == 0 && monthWord(w):
			words++
		default:
			return end
		}
		if j < len(v) && v[j] != ' ' {
			return end
		}
		i = j
	}
	return end
}

// groupWord reports a word that can continue a number: digits, capitals and the
// punctuation of groups ("7946", "W", "123-45", "(0)20").
func groupWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < '0' || c > '9') && (c < 'A' || c > 'Z') && strings.IndexByte("-./()+", c) < 0 {
			return false
		}
	}
	return true
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if (w[i] < 'a' || w[i] > 'z') && (w[i] < 'A' || w[i] > 'Z') && w[i] < 0x80 {
			return false
		}
	}
	return true
}

// monthNames are months' names in the languages dates of birth are written in
// ("9 November 1969", "12. März 1985", "3 de mayo de 1990"); a word of a date is
// one of them or its first three letters or more ("Nov", "Sept"), so that the
// word after a date ("1985-03-12 returned 0 rows") is not taken for a month.
var monthNames = []string{
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"januar", "februar", "märz", "maerz", "juni", "juli", "oktober", "dezember",
	"janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre", //nolint:misspell // French without its accent
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
	"gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
	"janeiro", "fevereiro", "março", "marco", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
	"januari", "februari", "maart", "augustus", "mei",
}

func monthWord(w string) bool {
	if len(w) < 3 || len(w) > 10 || !isLetters(w) {
		return false
	}
	for _, m := range monthNames {
		if len(w) <= len(m) && strings.EqualFold(m[:len(w)], w) {
			return true
		}
	}
	return false
}

// nameTokens returns how much of v is a person's name: capitalised words and the
// particles between them ("Jane van der Berg", "PRIYA VASQUEZ", "Doe, Jane"),
// ending at its last capitalised word.
func nameTokens(v string) int {
	end, words, comma := 0, 0, false
	for i := 0; i < len(v) && words < 6; {
		j := i
		for j < len(v) && nameByte(v[j]) {
			j++
		}
		if j == i {
			break
		}
		w := v[i:j]
		switch {
		case isUpperByte(w[0]) || w[0] >= 0x80:
			end = j
		case !nameParticle(w):
			return end
		}
		words++
		if j < len(v) && v[j] == ',' && !comma && end == j && j+1 < len(v) && v[j+1] == ' ' {
			j++ // "Doe, Jane", "van der Berg, Ingrid"
			comma = true
		}
		if j >= len(v) || v[j] != ' ' {
			break
		}
		i = j + 1
	}
	return end
}

// personNameShaped reports a value that is a person's name as applications store
// one: two to six words, at least two of them capitalised, the others particles
// ("Ana Lucía de la Cruz", "OKONKWO, AMELIA"); no digits, no other punctuation.
func personNameShaped(v string) bool {
	if len(v) < 3 || len(v) > 80 || nameTokens(v) != len(v) {
		return false
	}
	caps := 0
	for i := 0; i < len(v); i++ {
		if (i == 0 || v[i-1] == ' ') && (isUpperByte(v[i]) || v[i] >= 0x80) {
			caps++
		}
	}
	return caps >= 2
}

func nameByte(c byte) bool {
	return isAlnumByte(c) && (c < '0' || c > '9') || c >= 0x80 || c == '.' || c == '\'' || c == '-'
}

// nameParticle lists the lower-case words inside family names.
func nameParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "la", "le", "da", "di", "do", "dos", "das", "du", "del", "della", "bin", "al", "el", "ter", "ten", "y":
		return true
	}
	return false
}
