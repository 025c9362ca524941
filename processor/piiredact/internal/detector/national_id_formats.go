package detector

import "strings"

// idFormats are the national identifiers national_id finds, by region. An entry with
// context words matches only after one of them: the layout alone is a bare digit run
// (or a shape order numbers share), which real telemetry is full of. The checks are
// in checkdigit.go; dates, prefixes and letters are checked here.
var idFormats = [...]idFormat{
	// United Kingdom and Ireland.
	{name: "UK National Insurance number", layout: "LL~dd~dd~dd~L", seps: " ", valid: ninoValid},
	{name: "UK NHS number", layout: "dddsdddsdddd", seps: " -", context: nhsContext, valid: nhsFormValid},
	{name: "UK NHS number", layout: "dddddddddd", context: nhsContext, valid: nhsFormValid},
	{name: "Irish PPS number", layout: "dddddddL", valid: irishPPSNValid},
	{name: "Irish PPS number", layout: "dddddddL[ABHWTX]", valid: irishPPSNValid},

	// European Union, EEA and Switzerland.
	{name: "Austrian Versicherungsnummer", layout: "dddd~dddddd", seps: " ", context: austriaContext, valid: austrianSVNRFormValid},
	{name: "Belgian national number", layout: "dd.dd.dd-ddd.dd", valid: belgianNationalNumberFormValid},
	{name: "Belgian national number", layout: "ddddddddddd", context: belgiumContext, valid: belgianNationalNumberFormValid},
	{name: "Croatian OIB", layout: "ddddddddddd", context: croatiaContext, valid: croatianOIBValid},
	{name: "Czech/Slovak birth number", layout: "dddddd/dddd", notInPath: true, valid: czechBirthNumberFormValid},
	{name: "Czech/Slovak birth number", layout: "dddddddddd", context: czechContext, valid: czechBirthNumberFormValid},
	{name: "Danish CPR number", layout: "dddddd~dddd", seps: "-", context: denmarkContext, valid: danishCPRValid},
	{name: "Finnish HETU", layout: "dddddd[-+ABCDEFUVWXY]ddd[ABCDEFHJKLMNPRSTUVWXY]", valid: finnishHETUValid},
	{name: "Finnish HETU", layout: "dddddd[ABCDEFUVWXY]dddd", valid: finnishHETUValid},
	// All digits and a dash, it reads like a YYMMDD-HHMM stamp: with context only.
	{name: "Finnish HETU", layout: "dddddd[-+]dddd", context: finlandContext, valid: finnishHETUValid},
	{name: "French NIR", layout: "dsddsddsddsdddsdddsdd", seps: " ", valid: nirFormValid},
	{name: "French NIR", layout: "ddddddddddddddd", context: franceContext, valid: nirFormValid},
	{name: "German Steuer-ID", layout: "dd~ddd~ddd~ddd", seps: " ", context: germanyTaxContext, valid: steuerIDValid},
	{name: "German Sozialversicherungsnummer", layout: "dd~dddddd~L~ddd", seps: " ", valid: germanSVNRValid},
	{name: "Greek AMKA", layout: "ddddddddddd", context: greeceContext, valid: greekAMKAValid},
	// Omocodia replaces digits from the last back; up to three (maxOmocodia) only the
	// place code's can be letters.
	{name: "Italian codice fiscale", layout: "LLLLLLddLddLAAAL", anyCase: true, valid: codiceFiscaleValid},
	{name: "Dutch BSN", layout: "ddddddddd", context: netherlandsContext, valid: bsnFormValid},
	{name: "Dutch BSN", layout: "dddd.dd.ddd", context: netherlandsContext, valid: bsnFormValid},
	{name: "Norwegian fødselsnummer", layout: "dddddd~ddddd", seps: " ", context: norwayContext, valid: norwegianFNRFormValid},
	{name: "Polish PESEL", layout: "ddddddddddd", context: polandContext, valid: peselFormValid},
	{name: "Portuguese NIF", layout: "ddd~ddd~ddd", seps: " ", context: portugalContext, valid: portugueseNIFFormValid},
	{name: "Romanian CNP", layout: "ddddddddddddd", context: romaniaContext, valid: romanianCNPFormValid},
	{name: "Spanish DNI", layout: "dddddddd~L", seps: "-", anyCase: true, valid: spanishDNIValid},
	{name: "Spanish NIE", layout: "[XYZ]ddddddd~L", seps: "-", anyCase: true, valid: spanishNIEValid},
	{name: "Swedish personnummer", layout: "dddddd[-+]dddd", context: swedenContext, valid: swedishPersonnummerValid},
	{name: "Swedish personnummer", layout: "dddddddddd", context: swedenContext, valid: swedishPersonnummerValid},
	{name: "Swedish personnummer", layout: "dddddddd~dddd", seps: "-", context: swedenContext, valid: swedishPersonnummerValid},
	{name: "Swiss AHV number", layout: "756.dddd.dddd.dd", valid: ahvValid},
	{name: "Swiss AHV number", layout: "756dddddddddd", context: switzerlandContext, valid: ahvValid},

	// The Americas.
	{name: "Argentine CUIT/CUIL", layout: "dd-dddddddd-d", valid: argentineCUITFormValid},
	{name: "Argentine CUIT/CUIL", layout: "ddddddddddd", context: argentinaContext, valid: argentineCUITFormValid},
	{name: "Brazilian CPF", layout: "ddd.ddd.ddd-dd", valid: cpfFormValid},
	{name: "Brazilian CPF", layout: "ddddddddddd", context: cpfContext, valid: cpfFormValid},
	{name: "Brazilian CNPJ", layout: "AA.AAA.AAA/AAAA-dd", valid: brazilianCNPJFormValid},
	{name: "Brazilian CNPJ", layout: "dddddddddddddd", context: cnpjContext, valid: brazilianCNPJFormValid},
	{name: "Canadian SIN", layout: "dddsdddsddd", seps: " -", valid: sinValid},
	{name: "Canadian SIN", layout: "ddddddddd", context: sinContext, valid: sinValid},
	{name: "Chilean RUT/RUN", layout: "d.ddd.ddd-[0123456789K]", anyCase: true, valid: chileanRUTValid},
	{name: "Chilean RUT/RUN", layout: "dd.ddd.ddd-[0123456789K]", anyCase: true, valid: chileanRUTValid},
	{name: "Chilean RUT/RUN", layout: "ddddddd-[0123456789K]", anyCase: true, context: chileContext, valid: chileanRUTValid},
	{name: "Chilean RUT/RUN", layout: "dddddddd-[0123456789K]", anyCase: true, context: chileContext, valid: chileanRUTValid},
	{name: "Colombian NIT", layout: "ddd.ddd.ddd-d", valid: colombianNITValid},
	{name: "Colombian NIT", layout: "ddddddddd~d", seps: "-", context: colombiaContext, valid: colombianNITValid},
	{name: "Mexican CURP", layout: "LLLLddddddLLLLLLAd", valid: curpValid},
	{name: "Mexican RFC", layout: "LLLLddddddAAA", valid: mexicanRFCValid},
	{name: "US ITIN", layout: "dddsddsdddd", seps: " -", valid: usITINValid},
	{name: "US ITIN", layout: "ddddddddd", context: itinContext, valid: usITINValid},
	{name: "US EIN", layout: "dd~ddddddd", seps: "-", context: einContext, valid: usEINValid},

	// India.
	{name: "Indian Aadhaar", layout: "ddddsddddsdddd", seps: " -", valid: aadhaarValid},
	{name: "Indian Aadhaar", layout: "dddddddddddd", context: aadhaarContext, valid: aadhaarValid},
	{name: "Indian PAN (individual)", layout: "LLLPLddddL", valid: indianPANValid},
	{name: "Indian PAN", layout: "LLL[ABCFGHJLTK]LddddL", context: panContext, valid: indianPANValid},
	{name: "Indian GSTIN", layout: "ddLLLLLddddLAZA", valid: indianGSTINValid},
}

// Context words: one of them, whole and in any case, must end within contextWindow
// bytes before an identifier whose format lists them.
var (
	nhsContext         = []string{"nhs"}
	austriaContext     = []string{"sozialversicherungsnummer", "versicherungsnummer", "svnr", "sv-nr", "vsnr", "sv-nummer"}
	belgiumContext     = []string{"rijksregisternummer", "rijksregister", "registre national", "numéro national", "national number", "nrn", "rrn", "insz", "niss"}
	croatiaContext     = []string{"oib", "osobni identifikacijski broj"}
	czechContext       = []string{"rodné číslo", "rodne cislo", "rodné č", "rč", "birth number"}
	denmarkContext     = []string{"cpr", "cpr-nr", "cpr-nummer", "personnummer"}
	finlandContext     = []string{"hetu", "henkilötunnus", "henkilotunnus", "sotu", "personbeteckning", "personal identity code"}
	franceContext      = []string{"nir", "insee", "sécurité sociale", "securite sociale", "social security", "ssn"}
	germanyTaxContext  = []string{"steuer-id", "steuerid", "steuer-idnr", "idnr", "identifikationsnummer", "steueridentifikationsnummer", "tax id"}
	greeceContext      = []string{"amka", "αμκα"}
	netherlandsContext = []string{"bsn", "burgerservicenummer", "sofinummer", "sofi"}
	norwayContext      = []string{"fødselsnummer", "fodselsnummer", "fnr", "personnummer", "d-nummer"}
	polandContext      = []string{"pesel"}
	portugalContext    = []string{"nif", "nipc", "contribuinte", "número fiscal", "numero fiscal"}
	romaniaContext     = []string{"cnp", "cod numeric personal"}
	swedenContext      = []string{"personnummer", "personnr", "pers.nr", "samordningsnummer"}
	switzerlandContext = []string{"ahv", "avs", "ahv-nr", "ahvn13", "avs-nr", "sozialversicherungsnummer", "social security"}
	argentinaContext   = []string{"cuit", "cuil"}
	cpfContext         = []string{"cpf"}
	cnpjContext        = []string{"cnpj"}
	sinContext         = []string{"sin", "social insurance", "numéro d'assurance sociale", "nas"}
	chileContext       = []string{"rut", "r.u.t", "rol único tributario", "rol unico tributario"}
	colombiaContext    = []string{"nit"}
	itinContext        = []string{"itin", "taxpayer identification"}
	einContext         = []string{"ein", "fein", "employer identification", "employer id", "tax id", "taxid"}
	aadhaarContext     = []string{"aadhaar", "aadhar", "uidai", "uid"}
	panContext         = []string{"pan", "permanent account number"}
)

// Validators that are a check over the digits alone. (Each calls its check directly:
// a check called through a function value would move the digits to the heap.)
func nhsFormValid(t idText) bool     { return nhsValid(t.digits()) }
func croatianOIBValid(t idText) bool { return iso7064Mod11_10Valid(t.digits()) }
func nirFormValid(t idText) bool     { return nirValid(t.digits()) }
func bsnFormValid(t idText) bool     { return bsnValid(t.digits()) }
func ahvValid(t idText) bool         { return ean13Valid(t.digits()) }
func cpfFormValid(t idText) bool     { return cpfValid(t.digits()) }
func sinValid(t idText) bool         { return luhnValid(t.digits()) }

// twoDigits reads d[k] and d[k+1] as a number.
func twoDigits(d []byte, k int) int { return int(d[k])*10 + int(d[k+1]) }

var daysInMonth = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// validDate reports whether the day exists in the month of the full year.
func validDate(year, month, day int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := daysInMonth[month-1]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

// validDateYY is validDate for a two-digit year of unknown century: February 29 is
// accepted in the years divisible by four.
func validDateYY(yy, month, day int) bool { return validDate(2000+yy, month, day) }

// ninoPrefixesNeverIssued are the National Insurance prefixes HMRC does not use.
const ninoPrefixesNeverIssued = "BGGBNKKNTNNTZZ"

func ninoValid(t idText) bool {
	a, b := t.c[0], t.c[1]
	if strings.IndexByte("DFIQUV", a) >= 0 || strings.IndexByte("DFIOQUV", b) >= 0 {
		return false
	}
	for k := 0; k < len(ninoPrefixesNeverIssued); k += 2 {
		if ninoPrefixesNeverIssued[k] == a && ninoPrefixesNeverIssued[k+1] == b {
			return false
		}
	}
	return t.c[8] >= 'A' && t.c[8] <= 'D'
}

// irishPPSNValid: seven digits, the check letter, and an optional second letter
// that counts in the check when it is A, B or H (W, T and X, of older numbers, do not).
func irishPPSNValid(t idText) bool {
	var second byte
	if t.n == 9 && (t.c[8] == 'A' || t.c[8] == 'B' || t.c[8] == 'H') {
		second = t.c[8]
	}
	return irishPPSNLetter(t.v[:7], second) == t.c[7]
}

// austrianSVNRFormValid: a serial not starting with 0, the check digit, and a
// birth date DDMMYY.
func austrianSVNRFormValid(t idText) bool {
	d := t.digits()
	return d[0] != 0 && austrianSVNRValid(d) && validDateYY(twoDigits(d, 8), twoDigits(d, 6), twoDigits(d, 4))
}

// belgianNationalNumberFormValid: YYMMDD (a month raised by 20 or 40 for a bis
// number, 0 or a day 0 when unknown), a serial, and the mod-97 key.
func belgianNationalNumberFormValid(t idText) bool {
	d := t.digits()
	month, day := twoDigits(d, 2), twoDigits(d, 4)
	if month > 52 || month%20 > 12 || day > 31 {
		return false
	}
	if month%20 != 0 && day != 0 && !validDateYY(twoDigits(d, 0), month%20, day) {
		return false
	}
	return belgianNationalNumberValid(d)
}

// czechBirthNumberFormValid: YYMMDD with 50 added to the month for women and 20 more
// when a day's serials ran out (since 2004), and the mod-11 check.
func czechBirthNumberFormValid(t idText) bool {
	d := t.digits()
	month := twoDigits(d, 2) % 50
	if month > 20 {
		month -= 20
	}
	return validDateYY(twoDigits(d, 0), month, twoDigits(d, 4)) && czechBirthNumberValid(d)
}

// danishCPRValid: DDMMYY and a serial. The mod-11 check was dropped in 2007, so
// the date and the context carry it.
func danishCPRValid(t idText) bool {
	d := t.digits()
	return validDateYY(twoDigits(d, 4), twoDigits(d, 2), twoDigits(d, 0))
}

// finnishHETUValid: DDMMYY, a century sign, an individual number 002-899 and the
// mod-31 check character.
func finnishHETUValid(t idText) bool {
	var body [9]byte // DDMMYY and the individual number, without the century sign
	copy(body[:6], t.v[:6])
	copy(body[6:], t.v[t.n-4:t.n-1]) // the sign is a letter, or punctuation left out
	individual := int(body[6])*100 + int(body[7])*10 + int(body[8])
	return individual >= 2 && individual < 900 &&
		validDateYY(twoDigits(body[:], 4), twoDigits(body[:], 2), twoDigits(body[:], 0)) &&
		finnishHETUCheck(body[:]) == t.c[t.n-1]
}

// steuerIDValid: eleven digits, the first not 0; of the first ten exactly one digit
// appears twice or three times and no other more than once; ISO 7064 MOD 11,10.
func steuerIDValid(t idText) bool {
	d := t.digits()
	if d[0] == 0 {
		return false
	}
	var count [10]int
	for _, x := range d[:10] {
		count[x]++
	}
	repeated := 0
	for _, c := range count {
		switch {
		case c == 2 || c == 3:
			repeated++
		case c > 3:
			return false
		}
	}
	return repeated == 1 && iso7064Mod11_10Valid(d)
}

// germanSVNRAreas are the Bereichsnummern of the Rentenversicherung's regional and
// federal carriers (VKVV, Anlage): 02-04, 08-29, 38-69, 80-82 and 89, as a bitmap.
var germanSVNRAreas = func() (set [100]bool) {
	for _, r := range [...][2]int{{2, 4}, {8, 29}, {38, 69}, {80, 82}, {89, 89}} {
		for a := r[0]; a <= r[1]; a++ {
			set[a] = true
		}
	}
	return set
}()

// germanSVNRValid: the area, a birth date DDMMYY, the initial of the birth name, a
// serial and the check digit.
func germanSVNRValid(t idText) bool {
	d := t.digits()
	var digits [10]byte
	copy(digits[:8], d[:8])
	digits[8], digits[9] = d[9], d[10]
	return germanSVNRAreas[twoDigits(d, 0)] &&
		validDateYY(twoDigits(d, 6), twoDigits(d, 4), twoDigits(d, 2)) &&
		germanSVNRCheck(digits[:], t.c[8]) == d[11]
}

// greekAMKAValid: DDMMYY and a Luhn check digit.
func greekAMKAValid(t idText) bool {
	d := t.digits()
	return validDateYY(twoDigits(d, 4), twoDigits(d, 2), twoDigits(d, 0)) && luhnValid(d)
}

// Codice fiscale: when two people's codes would be equal, their digits are replaced
// by the letters omocodiaLetters stand for, from the last digit back
// (omocodiaOrder); codiceFiscaleMonths are the month letters January to December.
const (
	omocodiaLetters     = "LMNPQRSTUV"
	codiceFiscaleMonths = "ABCDEHLMPRST"
	// maxOmocodia keeps the four digits the prefilter counts on; a code with more of
	// its digits replaced is rarer than one in a million.
	maxOmocodia = 3
)

var omocodiaOrder = [...]int{14, 13, 12, 10, 9, 7, 6}

// codiceFiscaleValid: six letters of the names, the year, a month letter, the day
// (plus 40 for women), a place code (a letter and three digits) and the check letter.
func codiceFiscaleValid(t idText) bool {
	c := t.chars()
	var d [16]byte
	replaced, digitSeen := 0, false
	for _, p := range omocodiaOrder {
		switch x := c[p]; {
		case isDigit(x):
			d[p] = x - '0'
			digitSeen = true
		case digitSeen:
			return false // a letter where an earlier digit was kept
		default:
			k := strings.IndexByte(omocodiaLetters, x)
			if k < 0 {
				return false
			}
			d[p] = byte(k)
			replaced++
		}
	}
	month := strings.IndexByte(codiceFiscaleMonths, c[8]) + 1
	day := twoDigits(d[:], 9)
	if replaced > maxOmocodia || month == 0 || (day > 40 && day-40 > 31) {
		return false
	}
	if day > 40 {
		day -= 40
	}
	place := c[11]
	return validDateYY(twoDigits(d[:], 6), month, day) && (place <= 'M' || place == 'Z') &&
		codiceFiscaleCheck(c) == c[15]
}

// norwegianFNRFormValid: DDMMYY (the day plus 40 for a D-number, the month plus 40
// for an H-number), an individual number, and two mod-11 check digits.
func norwegianFNRFormValid(t idText) bool {
	d := t.digits()
	day, month := twoDigits(d, 0), twoDigits(d, 2)
	if day > 40 {
		day -= 40
	}
	if month > 40 {
		month -= 40
	}
	return validDateYY(twoDigits(d, 4), month, day) && norwegianFNRValid(d)
}

// peselFormValid: YYMMDD with the century in the month (plus 80 for the 1800s, 20
// for the 2000s, 40 and 60 later), a serial, and the check digit.
func peselFormValid(t idText) bool {
	d := t.digits()
	month := twoDigits(d, 2)
	century := [...]int{1900, 2000, 2100, 2200, 1800}[month/20]
	return validDate(century+twoDigits(d, 0), month%20, twoDigits(d, 4)) && peselValid(d)
}

// portugueseNIFFormValid: nine digits, the first not 0, and the mod-11 check digit.
func portugueseNIFFormValid(t idText) bool {
	d := t.digits()
	return d[0] != 0 && portugueseNIFValid(d)
}

// romanianCNPCenturies is the century of birth by the first digit (sex and century;
// 7 and 8 are residents, 9 foreigners, with no century: 1900 is assumed).
var romanianCNPCenturies = [10]int{0, 1900, 1900, 1800, 1800, 2000, 2000, 1900, 1900, 1900}

// romanianCNPFormValid: sex and century, YYMMDD, a county code (01-52, or 70 and
// 80-83), a serial and the check digit.
func romanianCNPFormValid(t idText) bool {
	d := t.digits()
	county := twoDigits(d, 7)
	return d[0] != 0 &&
		validDate(romanianCNPCenturies[d[0]]+twoDigits(d, 1), twoDigits(d, 3), twoDigits(d, 5)) &&
		((county >= 1 && county <= 52) || county == 70 || (county >= 80 && county <= 83)) &&
		romanianCNPValid(d)
}

// spanishDNIValid: eight digits and their mod-23 letter.
func spanishDNIValid(t idText) bool {
	return dniLetter(number(t.v[:8])) == t.c[8]
}

// spanishNIEValid: X, Y or Z (read as 0, 1 or 2), seven digits and the DNI letter.
func spanishNIEValid(t idText) bool {
	lead := uint64(t.c[0] - 'X')
	return dniLetter(lead*10_000_000+number(t.v[1:8])) == t.c[8]
}

// swedishPersonnummerValid: [CC]YYMMDD (the day plus 60 for a samordningsnummer),
// a serial, and the Luhn check digit over the last ten digits.
func swedishPersonnummerValid(t idText) bool {
	d := t.v[t.n-10 : t.n]
	if century := twoDigits(t.v[:], 0); t.n == 12 && (century < 18 || century > 20) {
		return false
	}
	day := twoDigits(d, 4)
	if day > 60 {
		day -= 60
	}
	return validDateYY(twoDigits(d, 0), twoDigits(d, 2), day) && luhnValid(d)
}

// argentineCUITKinds are the first two digits of CUITs and CUILs: people (20, 23,
// 24, 27), companies (30, 33, 34) and international (50, 51, 55).
var argentineCUITKinds = [...]int{20, 23, 24, 27, 30, 33, 34, 50, 51, 55}

func argentineCUITFormValid(t idText) bool {
	d := t.digits()
	kind := twoDigits(d, 0)
	for _, k := range argentineCUITKinds {
		if k == kind {
			return argentineCUITValid(d)
		}
	}
	return false
}

// brazilianCNPJFormValid: twelve digits or letters (not all zero) and two check
// digits.
func brazilianCNPJFormValid(t idText) bool {
	c := t.chars()
	return string(c[:12]) != "000000000000" && brazilianCNPJValid(c)
}

// chileanRUTValid: the digits and their mod-11 check character ('K' for 10).
func chileanRUTValid(t idText) bool {
	return chileanRUTCheck(t.v[:t.n-1]) == t.c[t.n-1]
}

// colombianNITValid: nine digits and the check digit.
func colombianNITValid(t idText) bool {
	d := t.digits()
	return colombianNITDigit(d[:9]) == d[9]
}

// curpStates are the CURP's two-letter codes of the Mexican states, and NE for
// people born abroad.
const curpStates = "AS BC BS CC CH CL CM CS DF DG GR GT HG JC MC MN MS NE NL NT OC PL QR QT SL SP SR TC TL TS VZ YN ZS"

// curpValid: four letters of the name, YYMMDD, the sex (H, M or X), the state, three
// consonants of the names, a character that is a digit for people born before 2000,
// and the check digit.
func curpValid(t idText) bool {
	c := t.chars()
	d := t.digits()
	year := 1900 + twoDigits(d, 4)
	if isUpper(c[16]) {
		year += 100
	}
	sex := c[10]
	return (sex == 'H' || sex == 'M' || sex == 'X') && hasCode(curpStates, c[11], c[12]) &&
		isConsonant(c[13]) && isConsonant(c[14]) && isConsonant(c[15]) &&
		validDate(year, twoDigits(d, 6), twoDigits(d, 8)) && curpCheck(c) == c[17]
}

func isConsonant(c byte) bool { return isUpper(c) && strings.IndexByte("AEIOU", c) < 0 }

// mexicanRFCValid: a person's RFC, four letters of the name, YYMMDD, a two-character
// homoclave and the check character.
func mexicanRFCValid(t idText) bool {
	c := t.chars()
	d := t.digits()
	return validDateYY(twoDigits(d, 4), twoDigits(d, 6), twoDigits(d, 8)) &&
		c[10] != '0' && c[11] != '0' && rfcCheck(c) == c[12]
}

// usITINValid: 9, two digits, a group of 50-65, 70-88, 90-92 or 94-99, and four digits.
func usITINValid(t idText) bool {
	d := t.digits()
	g := twoDigits(d, 3)
	return d[0] == 9 && ((g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94)
}

// usEINPrefixes are the campus prefixes the IRS assigns EINs under, as a bitmap of
// the first two digits: 01-06, 10-16, 20-27, 30-48, 50-68, 71-77, 80-88, 90-95, 98, 99.
var usEINPrefixes = func() (set [100]bool) {
	for _, r := range [...][2]int{{1, 6}, {10, 16}, {20, 27}, {30, 48}, {50, 68}, {71, 77}, {80, 88}, {90, 95}, {98, 99}} {
		for p := r[0]; p <= r[1]; p++ {
			set[p] = true
		}
	}
	return set
}()

func usEINValid(t idText) bool { return usEINPrefixes[twoDigits(t.digits(), 0)] }

// aadhaarValid: twelve digits, the first 2-9, and the Verhoeff check digit.
func aadhaarValid(t idText) bool {
	d := t.digits()
	return d[0] >= 2 && verhoeffValid(d)
}

// indianPANValid: five letters (the fourth the kind of holder), a serial other than
// 0000 and a letter.
func indianPANValid(t idText) bool {
	return string(t.c[5:9]) != "0000"
}

// indianGSTINValid: a state code, the holder's PAN, an entity number, Z, and the
// Luhn mod 36 check character.
func indianGSTINValid(t idText) bool {
	c := t.chars()
	state := twoDigits(t.digits(), 0)
	return ((state >= 1 && state <= 38) || state == 97 || state == 99) &&
		strings.IndexByte("ABCFGHJLPTK", c[5]) >= 0 && c[12] != '0' && luhnMod36Valid(c)
}
