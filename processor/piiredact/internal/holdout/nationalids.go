package holdout

import (
	"fmt"
	"strings"
)

// National identifiers, each built by its issuer's published rule (layout, birth
// date, check digit), with the words and keys that name it where it is used.

type idMaker struct {
	kind  string
	make  func(g *gen) (text string)
	keys  []string
	prose []string
	bare  bool // the written form is distinctive on its own
}

func d2(n int) string { return fmt.Sprintf("%02d", n) }

func digitsOf(s string) []int {
	var out []int
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			out = append(out, int(s[i]-'0'))
		}
	}
	return out
}

func weighted(d []int, w []int) int {
	s := 0
	for i := range w {
		s += d[i] * w[i]
	}
	return s
}

var idMakers = []idMaker{
	{kind: "us-ssn", bare: true, make: func(g *gen) string {
		a := g.between(1, 899)
		for a == 666 {
			a = g.between(1, 899)
		}
		return fmt.Sprintf("%03d%s%02d%s%04d", a, "-", g.between(1, 99), "-", g.between(1, 9999))
	}, keys: []string{"ssn", "social_security_number", "customer.ssn", "applicant.ssn", "SSN", "taxpayer_ssn"},
		prose: []string{"SSN: %s", "verifying SSN %s against bureau", "social security number %s on file", "SSN %s does not match records"}},
	{kind: "us-ssn-spaced", bare: true, make: func(g *gen) string {
		return fmt.Sprintf("%03d %02d %04d", g.between(1, 665), g.between(1, 99), g.between(1, 9999))
	}, keys: []string{"ssn"}, prose: []string{"SSN: %s"}},
	{kind: "us-ssn-bare", make: func(g *gen) string {
		return fmt.Sprintf("%03d%02d%04d", g.between(1, 665), g.between(1, 99), g.between(1, 9999))
	}, keys: []string{"ssn", "social_security_number", "SSN"}, prose: []string{"SSN: %s", "ssn=%s", "Social Security Number %s"}},
	{kind: "gb-nino", bare: true, make: func(g *gen) string {
		for {
			a, b := g.from("ABCEGHJKLMNOPRSTWXYZ", 1), g.from("ABCEGHJKLMNPRSTWXYZ", 1)
			p := a + b
			if p == "BG" || p == "GB" || p == "KN" || p == "NK" || p == "NT" || p == "TN" || p == "ZZ" {
				continue
			}
			d := g.digits(6)
			s := g.from("ABCD", 1)
			if g.chance(0.5) {
				return p + " " + d[:2] + " " + d[2:4] + " " + d[4:] + " " + s
			}
			return p + d + s
		}
	}, keys: []string{"ni_number", "nino", "national_insurance_number", "niNumber", "employee.ni_number"},
		prose: []string{"NI number %s", "National Insurance number: %s", "NINO %s verified with HMRC"}},
	{kind: "gb-nhs", make: func(g *gen) string {
		for {
			d := g.digits(9)
			s := weighted(digitsOf(d), []int{10, 9, 8, 7, 6, 5, 4, 3, 2})
			c := 11 - s%11
			if c == 10 {
				continue
			}
			if c == 11 {
				c = 0
			}
			n := d + fmt.Sprint(c)
			switch g.intn(3) {
			case 0:
				return n[:3] + " " + n[3:6] + " " + n[6:]
			case 1:
				return n[:3] + "-" + n[3:6] + "-" + n[6:]
			}
			return n
		}
	}, keys: []string{"nhs_number", "nhsNumber", "patient.nhs_number"}, prose: []string{"NHS number %s", "NHS No: %s", "patient NHS number %s not found in PDS"}},
	{kind: "de-steuer-id", make: func(g *gen) string {
		for {
			perm := g.r.Perm(10)
			if perm[0] == 0 {
				continue
			}
			d := perm[:9]
			dup := d[g.intn(9)]
			pos := 1 + g.intn(9)
			ten := append(append(append([]int{}, d[:pos]...), dup), d[pos:]...)
			if ten[pos-1] == dup && pos < 10 && ten[pos] == dup {
				continue
			}
			p := 10
			for _, x := range ten {
				s := (x + p) % 10
				if s == 0 {
					s = 10
				}
				p = (s * 2) % 11
			}
			c := 11 - p
			if c == 10 {
				c = 0
			}
			var b strings.Builder
			for _, x := range ten {
				b.WriteByte(byte('0' + x))
			}
			b.WriteByte(byte('0' + c))
			n := b.String()
			if g.chance(0.5) {
				return n[:2] + " " + n[2:5] + " " + n[5:8] + " " + n[8:]
			}
			return n
		}
	}, keys: []string{"steuer_id", "steuerId", "tax_id", "steueridentifikationsnummer", "idnr"},
		prose: []string{"Steuer-ID %s", "Steueridentifikationsnummer: %s", "IdNr %s an das BZSt übermittelt"}},
	{kind: "de-svnr", bare: true, make: func(g *gen) string {
		y, m, d := g.date()
		// The Rentenversicherung's area numbers (VKVV): 02-04, 08-29, 38-69, 80-82, 89.
		areas := []int{2, 3, 4, 8, 12, 13, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 38, 39, 40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 80, 81, 82, 89}
		area := areas[g.intn(len(areas))]
		letter := byte('A' + g.intn(26))
		serial := g.between(0, 99)
		s := d2(area) + d2(d) + d2(m) + d2(y%100) + d2(int(letter-'A'+1)) + d2(serial)
		w := []int{2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1}
		sum := 0
		for i, x := range digitsOf(s) {
			p := x * w[i]
			sum += p/10 + p%10
		}
		n := d2(area) + d2(d) + d2(m) + d2(y%100) + string(letter) + d2(serial) + fmt.Sprint(sum%10)
		if g.chance(0.5) {
			return n[:2] + " " + n[2:8] + " " + n[8:9] + " " + n[9:]
		}
		return n
	}, keys: []string{"sozialversicherungsnummer", "svnr", "rvnr", "rentenversicherungsnummer"},
		prose: []string{"Sozialversicherungsnummer: %s", "RVNR %s"}},
	{kind: "fr-nir", make: func(g *gen) string {
		y, m, _ := g.date()
		body := fmt.Sprintf("%d%02d%02d%02d%03d%03d", g.between(1, 2), y%100, m, g.between(1, 95), g.between(1, 990), g.between(1, 999))
		n := atoi(body)
		key := 97 - n%97
		if g.chance(0.5) {
			return fmt.Sprintf("%s %s %s %s %s %s %02d", body[:1], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], key)
		}
		return fmt.Sprintf("%s%02d", body, key)
	}, keys: []string{"nir", "numero_securite_sociale", "insee", "securite_sociale"},
		prose: []string{"NIR %s", "numéro de sécurité sociale : %s", "n° INSEE %s"}},
	{kind: "es-dni", bare: true, make: func(g *gen) string {
		n := g.between(1000000, 99999999)
		l := "TRWAGMYFPDXBNJZSQVHLCKE"[n%23]
		if g.chance(0.3) {
			return fmt.Sprintf("%08d-%c", n, l)
		}
		return fmt.Sprintf("%08d%c", n, l)
	}, keys: []string{"dni", "nif", "documento", "numero_documento", "customer.dni"}, prose: []string{"DNI %s", "NIF: %s", "documento %s no válido"}},
	{kind: "es-nie", bare: true, make: func(g *gen) string {
		p := g.intn(3)
		n := g.between(0, 9999999)
		l := "TRWAGMYFPDXBNJZSQVHLCKE"[(p*10000000+n)%23]
		return fmt.Sprintf("%c%07d%c", "XYZ"[p], n, l)
	}, keys: []string{"nie", "dni", "documento"}, prose: []string{"NIE %s", "NIE: %s caducado"}},
	{kind: "it-codice-fiscale", bare: true, make: func(g *gen) string {
		odd := map[byte]int{'0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
			'A': 1, 'B': 0, 'C': 5, 'D': 7, 'E': 9, 'F': 13, 'G': 15, 'H': 17, 'I': 19, 'J': 21, 'K': 2, 'L': 4, 'M': 18,
			'N': 20, 'O': 11, 'P': 3, 'Q': 6, 'R': 8, 'S': 12, 'T': 14, 'U': 16, 'V': 10, 'W': 22, 'X': 25, 'Y': 24, 'Z': 23}
		y, m, d := g.date()
		if g.chance(0.5) {
			d += 40
		}
		place := g.pick("H501", "F205", "L219", "A662", "G273", "D612", "C351", "A944")
		s := g.from("BCDFGLMNPRSTVZ", 3) + g.from("BCDFGLMNPRSTVZ", 3) + d2(y%100) + string("ABCDEHLMPRST"[m-1]) + d2(d) + place
		sum := 0
		for i := 0; i < 15; i++ {
			c := s[i]
			if i%2 == 0 {
				sum += odd[c]
			} else if c >= '0' && c <= '9' {
				sum += int(c - '0')
			} else {
				sum += int(c - 'A')
			}
		}
		return s + string(rune('A'+sum%26))
	}, keys: []string{"codice_fiscale", "codiceFiscale", "fiscal_code", "cf"}, prose: []string{"codice fiscale %s", "CF: %s"}},
	{kind: "nl-bsn", make: func(g *gen) string {
		for {
			d := g.digitsNZ(8)
			s := weighted(digitsOf(d), []int{9, 8, 7, 6, 5, 4, 3, 2})
			c := s % 11
			if c == 10 {
				continue
			}
			n := d + fmt.Sprint(c)
			if g.chance(0.3) {
				return n[:4] + "." + n[4:6] + "." + n[6:]
			}
			return n
		}
	}, keys: []string{"bsn", "burgerservicenummer", "citizen_service_number", "patient.bsn"}, prose: []string{"BSN %s", "burgerservicenummer: %s", "BSN-nummer %s onbekend"}},
	// Written alone, YYMMDD-NNNN and twelve digits read as a date and a time or an
	// id as often: the personnummer is planted with its name, not bare.
	{kind: "se-personnummer", make: func(g *gen) string {
		y, m, d := g.date()
		body := d2(y%100) + d2(m) + d2(d) + g.digits(3)
		c := luhnDigit(body)
		switch g.intn(3) {
		case 0:
			return body[:6] + "-" + body[6:] + string(c)
		case 1:
			return fmt.Sprint(y) + body[2:6] + "-" + body[6:] + string(c)
		}
		return fmt.Sprint(y) + body[2:] + string(c)
	}, keys: []string{"personnummer", "personal_identity_number", "customer.personnummer"}, prose: []string{"personnummer %s", "Personnummer: %s saknas i folkbokföringen"}},
	{kind: "dk-cpr", make: func(g *gen) string {
		y, m, d := g.date()
		if g.chance(0.5) {
			return d2(d) + d2(m) + d2(y%100) + "-" + g.digits(4)
		}
		return d2(d) + d2(m) + d2(y%100) + g.digits(4)
	}, keys: []string{"cpr", "cpr_nummer", "cprNumber"}, prose: []string{"CPR-nummer %s", "CPR: %s"}},
	{kind: "no-fodselsnummer", make: func(g *gen) string {
		for {
			y, m, d := g.date()
			ind := g.digits(3)
			s := d2(d) + d2(m) + d2(y%100) + ind
			x := digitsOf(s)
			k1 := 11 - weighted(x, []int{3, 7, 6, 1, 8, 9, 4, 5, 2})%11
			if k1 == 11 {
				k1 = 0
			}
			if k1 == 10 {
				continue
			}
			x = append(x, k1)
			k2 := 11 - weighted(x, []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})%11
			if k2 == 11 {
				k2 = 0
			}
			if k2 == 10 {
				continue
			}
			return fmt.Sprintf("%s%d%d", s, k1, k2)
		}
	}, keys: []string{"fodselsnummer", "fnr", "personnummer"}, prose: []string{"fødselsnummer %s", "fnr: %s"}},
	{kind: "fi-hetu", bare: true, make: func(g *gen) string {
		y, m, d := g.date()
		sign := "-"
		if y >= 2000 {
			sign = "A"
		}
		z := g.between(2, 899)
		n := atoi(d2(d) + d2(m) + d2(y%100) + fmt.Sprintf("%03d", z))
		return d2(d) + d2(m) + d2(y%100) + sign + fmt.Sprintf("%03d", z) + string("0123456789ABCDEFHJKLMNPRSTUVWXY"[n%31])
	}, keys: []string{"hetu", "henkilotunnus", "sotu"}, prose: []string{"henkilötunnus %s", "HETU: %s"}},
	{kind: "pl-pesel", make: func(g *gen) string {
		y, m, d := g.date()
		if y >= 2000 {
			m += 20
		}
		s := d2(y%100) + d2(m) + d2(d) + g.digits(4)
		c := (10 - weighted(digitsOf(s), []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3})%10) % 10
		return s + fmt.Sprint(c)
	}, keys: []string{"pesel", "PESEL", "customer.pesel", "numer_pesel"}, prose: []string{"PESEL %s", "numer PESEL: %s nieprawidłowy", "PESEL: %s"}},
	{kind: "be-national-number", bare: true, make: func(g *gen) string {
		y, m, d := g.date()
		seq := g.between(1, 997)
		body := d2(y%100) + d2(m) + d2(d) + fmt.Sprintf("%03d", seq)
		n := atoi(body)
		if y >= 2000 {
			n += 2000000000
		}
		c := 97 - n%97
		return fmt.Sprintf("%s.%s.%s-%s.%02d", body[:2], body[2:4], body[4:6], body[6:9], c)
	}, keys: []string{"rijksregisternummer", "national_number", "niss", "insz"}, prose: []string{"rijksregisternummer %s", "numéro national %s"}},
	{kind: "pt-nif", make: func(g *gen) string {
		d := fmt.Sprint(g.between(1, 3)) + g.digits(7)
		c := 11 - weighted(digitsOf(d), []int{9, 8, 7, 6, 5, 4, 3, 2})%11
		if c >= 10 {
			c = 0
		}
		n := d + fmt.Sprint(c)
		if g.chance(0.5) {
			return n[:3] + " " + n[3:6] + " " + n[6:]
		}
		return n
	}, keys: []string{"nif", "contribuinte", "numero_contribuinte"}, prose: []string{"NIF %s", "contribuinte n.º %s"}},
	{kind: "br-cpf", bare: true, make: func(g *gen) string {
		d := digitsOf(g.digits(9))
		s := 0
		for i := 0; i < 9; i++ {
			s += d[i] * (10 - i)
		}
		d = append(d, s*10%11%10)
		s = 0
		for i := 0; i < 10; i++ {
			s += d[i] * (11 - i)
		}
		d = append(d, s*10%11%10)
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		n := b.String()
		return n[:3] + "." + n[3:6] + "." + n[6:9] + "-" + n[9:]
	}, keys: []string{"cpf", "CPF", "cliente.cpf", "documento"}, prose: []string{"CPF %s inválido", "CPF: %s", "cadastro com CPF %s"}},
	{kind: "br-cpf-bare", make: func(g *gen) string {
		d := digitsOf(g.digits(9))
		s := 0
		for i := 0; i < 9; i++ {
			s += d[i] * (10 - i)
		}
		d = append(d, s*10%11%10)
		s = 0
		for i := 0; i < 10; i++ {
			s += d[i] * (11 - i)
		}
		d = append(d, s*10%11%10)
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		return b.String()
	}, keys: []string{"cpf", "CPF"}, prose: []string{"CPF %s", "cpf=%s"}},
	{kind: "mx-curp", bare: true, make: func(g *gen) string {
		const dict = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
		y, m, d := g.date()
		diff := fmt.Sprint(g.intn(10))
		if y >= 2000 {
			diff = g.upper(1)
		}
		s := g.upper(1) + g.from("AEIOU", 1) + g.upper(2) + d2(y%100) + d2(m) + d2(d) + g.pick("H", "M") +
			g.pick("AS", "DF", "JC", "NL", "PL", "VZ", "YN", "GT") + g.from("BCDFGHJKLMNPQRSTVWXYZ", 3) + diff
		sum := 0
		for i := 0; i < 17; i++ {
			sum += strings.IndexByte(dict, s[i]) * (18 - i)
		}
		return s + fmt.Sprint((10-sum%10)%10)
	}, keys: []string{"curp", "CURP", "cliente.curp"}, prose: []string{"CURP %s", "CURP: %s no encontrado en RENAPO"}},
	{kind: "ca-sin", make: func(g *gen) string {
		body := g.pick("1", "2", "3", "4", "5", "6", "7", "9") + g.digits(7)
		n := body + string(luhnDigit(body))
		if g.chance(0.5) {
			return n[:3] + " " + n[3:6] + " " + n[6:]
		}
		return n[:3] + "-" + n[3:6] + "-" + n[6:]
	}, keys: []string{"sin", "social_insurance_number", "employee.sin"}, prose: []string{"SIN %s", "social insurance number: %s"}},
	{kind: "in-aadhaar", make: func(g *gen) string {
		body := g.from("23456789", 1) + g.digits(10)
		n := body + fmt.Sprint(verhoeff(body))
		if g.chance(0.6) {
			return n[:4] + " " + n[4:8] + " " + n[8:]
		}
		return n
	}, keys: []string{"aadhaar", "aadhaar_number", "aadhaarNo"}, prose: []string{"Aadhaar %s linked", "Aadhaar number: %s", "UIDAI verification failed for %s"}},
	{kind: "in-pan", bare: true, make: func(g *gen) string {
		head := g.upper(3) + "P" + g.upper(1)
		serial := g.digits(4)
		if serial == "0000" {
			serial = "0001" // (the Income Tax Department issues 0001–9999)
		}
		return head + serial + g.upper(1)
	}, keys: []string{"pan", "pan_number", "panNumber"}, prose: []string{"PAN %s", "PAN: %s verified"}},
	{kind: "ar-cuit", bare: true, make: func(g *gen) string {
		for {
			p := g.pick("20", "27", "23", "24")
			s := p + g.digits(8)
			c := 11 - weighted(digitsOf(s), []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})%11
			if c == 11 {
				c = 0
			}
			if c == 10 {
				continue
			}
			return s[:2] + "-" + s[2:] + "-" + fmt.Sprint(c)
		}
	}, keys: []string{"cuit", "cuil", "CUIT"}, prose: []string{"CUIT %s", "CUIL: %s"}},
	{kind: "cl-rut", bare: true, make: func(g *gen) string {
		n := g.between(5000000, 25000000)
		s, m := 0, 2
		for x := n; x > 0; x /= 10 {
			s += (x % 10) * m
			m++
			if m > 7 {
				m = 2
			}
		}
		c := 11 - s%11
		cs := fmt.Sprint(c)
		switch c {
		case 11:
			cs = "0"
		case 10:
			cs = "K"
		}
		t := fmt.Sprint(n)
		return t[:len(t)-6] + "." + t[len(t)-6:len(t)-3] + "." + t[len(t)-3:] + "-" + cs
	}, keys: []string{"rut", "RUT", "run"}, prose: []string{"RUT %s", "RUT: %s"}},
	// Identifiers with a check digit or a birth date that the detector does not
	// list: a label names them.
	{kind: "ee-isikukood", make: func(g *gen) string {
		y, m, d := g.date()
		first := 3 + g.intn(2)
		if y >= 2000 {
			first += 2
		}
		s := fmt.Sprint(first) + d2(y%100) + d2(m) + d2(d) + g.digits(3)
		return s + fmt.Sprint(estonianCheck(digitsOf(s)))
	}, keys: []string{"isikukood", "personal_code", "isikukood_nr"}, prose: []string{"isikukood %s", "Isikukood: %s"}},
	{kind: "lt-asmens-kodas", make: func(g *gen) string {
		y, m, d := g.date()
		first := 3 + g.intn(2)
		if y >= 2000 {
			first += 2
		}
		s := fmt.Sprint(first) + d2(y%100) + d2(m) + d2(d) + g.digits(3)
		return s + fmt.Sprint(estonianCheck(digitsOf(s)))
	}, keys: []string{"asmens_kodas", "personal_code"}, prose: []string{"asmens kodas %s", "Asmens kodas: %s"}},
	{kind: "bg-egn", make: func(g *gen) string {
		y, m, d := g.date()
		if y >= 2000 {
			m += 40
		}
		s := d2(y%100) + d2(m) + d2(d) + g.digits(3)
		c := weighted(digitsOf(s), []int{2, 4, 8, 5, 10, 9, 7, 3, 6}) % 11
		if c == 10 {
			c = 0
		}
		return s + fmt.Sprint(c)
	}, keys: []string{"egn", "EGN"}, prose: []string{"ЕГН %s", "EGN: %s"}},
	{kind: "tr-tckn", make: func(g *gen) string {
		d := digitsOf(g.digitsNZ(9))
		odd := d[0] + d[2] + d[4] + d[6] + d[8]
		even := d[1] + d[3] + d[5] + d[7]
		d10 := ((odd*7-even)%10 + 10) % 10
		d = append(d, d10)
		s := 0
		for _, x := range d {
			s += x
		}
		d = append(d, s%10)
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		return b.String()
	}, keys: []string{"tckn", "tc_kimlik_no", "tcKimlikNo", "kimlik_no"}, prose: []string{"TC Kimlik No: %s", "T.C. kimlik numarası %s doğrulanamadı"}},
	{kind: "cn-resident-id", make: func(g *gen) string {
		y, m, d := g.date()
		s := g.pick("110101", "310104", "440305", "330106", "510107", "420102") + fmt.Sprint(y) + d2(m) + d2(d) + g.digits(3)
		w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
		return s + string("10X98765432"[weighted(digitsOf(s), w)%11])
	}, keys: []string{"id_card", "idCard", "id_card_no", "shenfenzheng", "resident_id"}, prose: []string{"身份证号 %s", "ID card no. %s"}},
	{kind: "za-id", make: func(g *gen) string {
		y, m, d := g.date()
		body := d2(y%100) + d2(m) + d2(d) + g.digits(4) + g.pick("0", "1") + "8"
		return body + string(luhnDigit(body))
	}, keys: []string{"id_number", "sa_id_number", "idNumber"}, prose: []string{"SA ID number %s", "ID number: %s"}},
	{kind: "sg-nric", make: func(g *gen) string {
		p := g.pick("S", "T", "F", "G")
		d := g.digits(7)
		s := weighted(digitsOf(d), []int{2, 7, 6, 5, 4, 3, 2})
		if p == "T" || p == "G" {
			s += 4
		}
		letters := "JZIHGFEDCBA"
		if p == "F" || p == "G" {
			letters = "XWUTRQPNMLK"
		}
		return p + d + string(letters[s%11])
	}, keys: []string{"nric", "NRIC", "nric_fin"}, prose: []string{"NRIC %s", "NRIC/FIN: %s"}},
	{kind: "hk-hkid", make: func(g *gen) string {
		l := g.upper(1)
		d := g.digits(6)
		s := 36*9 + int(l[0]-'A'+10)*8
		for i, x := range digitsOf(d) {
			s += x * (7 - i)
		}
		c := (11 - s%11) % 11
		cs := fmt.Sprint(c)
		if c == 10 {
			cs = "A"
		}
		return l + d + "(" + cs + ")"
	}, keys: []string{"hkid", "HKID", "hkid_number"}, prose: []string{"HKID %s", "HKID: %s"}},
	{kind: "kr-rrn", make: func(g *gen) string {
		y, m, d := g.date()
		sx := g.pick("1", "2")
		if y >= 2000 {
			sx = g.pick("3", "4")
		}
		s := d2(y%100) + d2(m) + d2(d) + sx + g.digits(5)
		c := (11 - weighted(digitsOf(s), []int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5})%11) % 10
		return s[:6] + "-" + s[6:] + fmt.Sprint(c)
	}, keys: []string{"rrn", "resident_registration_number", "jumin"}, prose: []string{"주민등록번호 %s", "RRN: %s"}},
	{kind: "jp-my-number", make: func(g *gen) string {
		d := digitsOf(g.digits(11))
		s := 0
		for n := 1; n <= 11; n++ {
			q := n + 1
			if n > 6 {
				q = n - 5
			}
			s += d[11-n] * q
		}
		c := 0
		if r := s % 11; r > 1 {
			c = 11 - r
		}
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		return b.String() + fmt.Sprint(c)
	}, keys: []string{"my_number", "myNumber", "kojin_bango"}, prose: []string{"マイナンバー %s", "My Number: %s"}},
	{kind: "il-teudat-zehut", make: func(g *gen) string {
		d := digitsOf(g.digits(8))
		s := 0
		for i, x := range d {
			p := x * (1 + i%2)
			s += p/10 + p%10
		}
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		return b.String() + fmt.Sprint((10-s%10)%10)
	}, keys: []string{"teudat_zehut", "israeli_id"}, prose: []string{"Teudat Zehut %s", "ת.ז. %s"}},
	{kind: "au-tfn", make: func(g *gen) string {
		for {
			d := digitsOf(g.digitsNZ(8))
			w := []int{1, 4, 3, 7, 5, 8, 6, 9}
			s := weighted(d, w)
			for c := 0; c <= 9; c++ {
				if (s+c*10)%11 == 0 {
					var b strings.Builder
					for _, x := range d {
						b.WriteByte(byte('0' + x))
					}
					n := b.String() + fmt.Sprint(c)
					if g.chance(0.5) {
						return n[:3] + " " + n[3:6] + " " + n[6:]
					}
					return n
				}
			}
		}
	}, keys: []string{"tfn", "tax_file_number", "taxFileNumber"}, prose: []string{"TFN %s", "tax file number: %s"}},
	{kind: "is-kennitala", make: func(g *gen) string {
		for {
			y, m, d := g.date()
			s := d2(d) + d2(m) + d2(y%100) + g.digits(2)
			c := 11 - weighted(digitsOf(s), []int{3, 2, 7, 6, 5, 4, 3, 2})%11
			if c == 11 {
				c = 0
			}
			if c == 10 {
				continue
			}
			cent := "9"
			if y >= 2000 {
				cent = "0"
			}
			return s[:6] + "-" + s[6:] + fmt.Sprint(c) + cent
		}
	}, keys: []string{"kennitala"}, prose: []string{"kennitala %s", "kt. %s"}},
	{kind: "hu-taj", make: func(g *gen) string {
		d := digitsOf(g.digitsNZ(8))
		c := weighted(d, []int{3, 7, 3, 7, 3, 7, 3, 7}) % 10
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		n := b.String() + fmt.Sprint(c)
		return n[:3] + " " + n[3:6] + " " + n[6:]
	}, keys: []string{"taj", "taj_szam", "tajSzam"}, prose: []string{"TAJ szám: %s", "TAJ %s"}},
	{kind: "si-emso", make: func(g *gen) string {
		for {
			y, m, d := g.date()
			s := d2(d) + d2(m) + fmt.Sprintf("%03d", y%1000) + "50" + g.digits(3)
			c := 11 - weighted(digitsOf(s), []int{7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2})%11
			if c == 11 {
				c = 0
			}
			if c == 10 {
				continue
			}
			return s + fmt.Sprint(c)
		}
	}, keys: []string{"emso", "EMSO"}, prose: []string{"EMŠO %s", "EMSO: %s"}},
	{kind: "gr-afm", make: func(g *gen) string {
		d := digitsOf(g.digitsNZ(8))
		s := 0
		for i, x := range d {
			s += x << (8 - i)
		}
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		return b.String() + fmt.Sprint(s%11%10)
	}, keys: []string{"afm", "AFM", "tax_number"}, prose: []string{"ΑΦΜ %s", "AFM: %s"}},
	{kind: "uy-ci", make: func(g *gen) string {
		d := digitsOf(g.digitsNZ(7))
		c := (10 - weighted(d, []int{2, 9, 8, 7, 6, 3, 4})%10) % 10
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		n := b.String()
		return n[:1] + "." + n[1:4] + "." + n[4:] + "-" + fmt.Sprint(c)
	}, keys: []string{"cedula", "documento"}, prose: []string{"C.I. %s", "cédula de identidad %s"}},
	{kind: "ec-cedula", make: func(g *gen) string {
		d := []int{0, 0}
		prov := g.between(1, 24)
		d[0], d[1] = prov/10, prov%10
		d = append(d, g.intn(6))
		d = append(d, digitsOf(g.digits(6))...)
		s := 0
		for i, x := range d {
			p := x * (2 - i%2)
			if p > 9 {
				p -= 9
			}
			s += p
		}
		var b strings.Builder
		for _, x := range d {
			b.WriteByte(byte('0' + x))
		}
		return b.String() + fmt.Sprint((10-s%10)%10)
	}, keys: []string{"cedula", "numero_cedula"}, prose: []string{"cédula %s", "Cédula: %s"}},
	{kind: "passport", make: func(g *gen) string {
		// US and UK: nine digits; many: two letters and seven digits; Germany: C and
		// eight of letters and digits, most of them digits.
		de := []byte("C" + g.digits(8))
		for k := 0; k < 2; k++ {
			de[1+g.intn(8)] = "CFGHJKLMNPRTVWXYZ"[g.intn(17)]
		}
		return g.pick(g.digitsNZ(9), g.upper(2)+g.digits(7), string(de))
	}, keys: []string{"passport_number", "passportNumber", "passport_no", "traveler.passport", "passport"}, prose: []string{"passport number %s expired", "Passport No: %s"}},
	{kind: "drivers-license", make: func(g *gen) string {
		return g.pick(g.upper(1)+g.digits(7), g.upper(5)+g.digits(6)+g.upper(2)+g.digits(1)+g.upper(2), g.digits(9))
	}, keys: []string{"drivers_license_number", "driverLicenseNumber", "driving_licence_number", "dl_number", "license_number"},
		prose: []string{"driver's license number %s", "DL# %s"}},
}

func estonianCheck(d []int) int {
	w1 := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 1}
	w2 := []int{3, 4, 5, 6, 7, 8, 9, 1, 2, 3}
	c := weighted(d, w1) % 11
	if c == 10 {
		c = weighted(d, w2) % 11
		if c == 10 {
			c = 0
		}
	}
	return c
}

var (
	verhoeffD = [10][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
		{3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
		{7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}
	verhoeffP = [8][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
		{8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
		{7, 0, 4, 6, 9, 1, 3, 2, 5, 8}}
	verhoeffInv = [10]int{0, 4, 3, 2, 1, 5, 6, 7, 8, 9}
)

func verhoeff(body string) int {
	c := 0
	for i := 0; i < len(body); i++ {
		c = verhoeffD[c][verhoeffP[(i+1)%8][int(body[len(body)-1-i]-'0')]]
	}
	return verhoeffInv[c]
}

func (g *gen) nationalIDVals(per int) []Val {
	var out []Val
	for _, m := range idMakers {
		for range per {
			v := Val{Kind: "national_id/" + m.kind, Text: m.make(g), Keys: m.keys, Prose: m.prose, Bare: m.bare}
			if m.kind == "fi-hetu" {
				// A HETU whose check character is a digit reads as DDMMYY-HHMM alone.
				v.Bare = v.Text[len(v.Text)-1] > '9'
			}
			out = append(out, v)
		}
	}
	return out
}

// atoi reads decimal digits (leading zeros are not an octal prefix here).
func atoi(s string) int64 {
	var n int64
	for i := 0; i < len(s); i++ {
		n = n*10 + int64(s[i]-'0')
	}
	return n
}
