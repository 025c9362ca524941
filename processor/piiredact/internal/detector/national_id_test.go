package detector

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNationalID(t *testing.T) {
	runDetectionCases(t, NationalID, []detectionCase{
		// UK NINO.
		{in: "NINO AB123456C on file", want: []string{"AB123456C"}},
		{in: "ni: AB 12 34 56 C", want: []string{"AB 12 34 56 C"}},
		{in: "GB123456A", want: nil}, // prefix never issued
		{in: "DA123456A", want: nil}, // D never first
		{in: "AB123456E", want: nil}, // suffix A-D only
		{in: "part AB123456CX", want: nil},
		// Canadian SIN.
		{in: "SIN 046 454 286", want: []string{"046 454 286"}},
		{in: "employee 046-454-286 onboarded", want: []string{"046-454-286"}},
		{in: "sin: 046454286", want: []string{"046454286"}},
		{in: "046-454-286", want: []string{"046-454-286"}},
		{in: "046 454 287", want: nil},     // Luhn fails
		{in: "order 046454286", want: nil}, // bare, no context
		// Indian Aadhaar.
		{in: "aadhaar 2345 6789 0124", want: []string{"2345 6789 0124"}},
		{in: "UIDAI no. 498765432102", want: []string{"498765432102"}},
		{in: "2345 6789 0125", want: nil},  // Verhoeff fails
		{in: "id 498765432102", want: nil}, // bare, no context
		{in: "1345 6789 0124", want: nil},  // first digit 2-9
		// Brazilian CPF.
		{in: "CPF 529.982.247-25", want: []string{"529.982.247-25"}},
		{in: "cpf: 12345678909", want: []string{"12345678909"}},
		{in: "529.982.247-26", want: nil},  // check digit
		{in: "cpf 11111111111", want: nil}, // all the same
		{in: "ticket 12345678909", want: nil},
		// Spanish DNI and NIE.
		{in: "DNI 12345678Z", want: []string{"12345678Z"}},
		{in: "dni 12345678-Z", want: []string{"12345678-Z"}},
		{in: "NIE X1234567L", want: []string{"X1234567L"}},
		{in: "nie Y7654321G.", want: []string{"Y7654321G"}},
		{in: "12345678A", want: nil}, // wrong letter
		{in: "X1234567A", want: nil},
		// French NIR.
		{in: "NIR 1 84 12 76 451 089 46", want: []string{"1 84 12 76 451 089 46"}},
		{in: "n° sécurité sociale: 269059912345662", want: []string{"269059912345662"}},
		{in: "1 84 12 76 451 089 47", want: nil}, // key
		{in: "span 184127645108946", want: nil},  // bare, no context
		// Look-alikes.
		{in: "ts=1732480000000 order ORD-2024-000123456 v2.13.0", want: nil},
		{in: "550e8400-e29b-41d4-a716-446655440000", want: nil},
	})
}

// TestNationalIDEurope: each identifier found in its written forms, with its context
// word where the form alone is ambiguous, and not found one digit off or without it.
func TestNationalIDEurope(t *testing.T) {
	runDetectionCases(t, NationalID, []detectionCase{
		// UK NHS number: mod 11, always with its context (3-3-4 is also a phone number).
		{in: "NHS number: 943 476 5919", want: []string{"943 476 5919"}},
		{in: "nhs_no=9434765919", want: []string{"9434765919"}},
		{in: "NHS 943-476-5919", want: []string{"943-476-5919"}},
		{in: "NHS number: 943 476 5918", want: nil},
		{in: "call 943 476 5919", want: nil},
		// Irish PPS number: mod-23 letter, the second letter counts when A, B or H.
		{in: "PPSN 6433435F", want: []string{"6433435F"}},
		{in: "pps: 6433435OA", want: []string{"6433435OA"}},
		{in: "1234567OB", want: []string{"1234567OB"}},
		{in: "6433435FW", want: []string{"6433435FW"}},
		{in: "6433435E", want: nil},
		{in: "6433435VH", want: nil},
		{in: "crc 1234567a", want: nil},
		// Austrian Versicherungsnummer: check digit in fourth place, birth date.
		{in: "SVNR 1237 010180", want: []string{"1237 010180"}},
		{in: "Versicherungsnummer: 3137060243", want: []string{"3137060243"}},
		{in: "SVNR 2237 010180", want: nil},
		{in: "id 1237010180", want: nil},
		// Belgian national number: mod 97 (with 2 before it from 2000 on).
		{in: "85.07.30-033.28", want: []string{"85.07.30-033.28"}},
		{in: "rijksregisternummer 17073003384", want: []string{"17073003384"}},
		{in: "NISS: 10040467723", want: []string{"10040467723"}},
		{in: "85.07.30-033.29", want: nil},
		{in: "ref 85073003328", want: nil},
		// Croatian OIB: ISO 7064 MOD 11,10.
		{in: "OIB: 33392005961", want: []string{"33392005961"}},
		{in: "OIB: 33392005962", want: nil},
		// Czech and Slovak birth number: date (+50 for women), multiple of 11.
		{in: "rodné číslo 615226/8155", want: []string{"615226/8155"}},
		{in: "540702/4832", want: []string{"540702/4832"}},
		{in: "RČ 6152268155", want: []string{"6152268155"}},
		{in: "540702/4833", want: nil},
		{in: "GET /orders/540702/4832", want: nil}, // path segments
		{in: "rc 6152268155 and 6152268155", want: nil},
		// Danish CPR number: a date (no check digit since 2007), with its context.
		{in: "CPR-nr. 211062-5629", want: []string{"211062-5629"}},
		{in: "cpr: 2110625629", want: []string{"2110625629"}},
		{in: "CPR-nr. 321062-5629", want: nil},
		{in: "batch 211062-5629", want: nil},
		// Finnish HETU: date, century sign, mod-31 check character.
		{in: "HETU 131052-308T", want: []string{"131052-308T"}},
		{in: "020792A890C", want: []string{"020792A890C"}},
		{in: "HETU 090729-7781", want: []string{"090729-7781"}},
		{in: "sotu: 090729-7781", want: []string{"090729-7781"}},
		{in: "090729-7781", want: nil}, // a YYMMDD-HHMM stamp reads the same
		{in: "131052-308U", want: nil},
		{in: "310252-308Y", want: nil}, // 31 February
		// German Steuer-ID: one repeated digit, ISO 7064 MOD 11,10, with context.
		{in: "Steuer-ID: 36 574 261 809", want: []string{"36 574 261 809"}},
		{in: "IdNr 48065271002", want: []string{"48065271002"}},
		{in: "Steuer-ID: 36574261808", want: nil},
		{in: "Steuer-ID: 36554266806", want: nil}, // more than one digit repeated
		{in: "id 48065271002", want: nil},
		// German Sozialversicherungsnummer: area, birth date, initial, serial, check.
		{in: "SV-Nummer 65 170839 J 003", want: []string{"65 170839 J 003"}},
		{in: "12010180M126", want: []string{"12010180M126"}},
		{in: "12010180M127", want: nil},
		{in: "01010180M126", want: nil}, // area 01 is no carrier's
		// Greek AMKA: date and Luhn, with context.
		{in: "ΑΜΚΑ: 18052503580", want: []string{"18052503580"}},
		{in: "amka 25095904550", want: []string{"25095904550"}},
		{in: "amka 25095904551", want: nil},
		// Italian codice fiscale: month letter, day (+40), place, check letter, omocodia.
		{in: "CF RSSMRA85T10A562S", want: []string{"RSSMRA85T10A562S"}},
		{in: "codice fiscale: CNTCHR83T41D969D", want: []string{"CNTCHR83T41D969D"}},
		{in: "rccmnl83s18d969h", want: []string{"rccmnl83s18d969h"}},
		{in: "RCCMNL83S18D96VW", want: []string{"RCCMNL83S18D96VW"}},
		{in: "RSSMRA85T10A562T", want: nil},
		{in: "RSSMRA85X10A562S", want: nil}, // X is no month
		{in: "RSSMRA85T10A5V2S", want: nil}, // a letter where a later digit is kept
		// Dutch BSN: 11-proof, with context.
		{in: "BSN 111222333", want: []string{"111222333"}},
		{in: "burgerservicenummer: 4803.56.373", want: []string{"4803.56.373"}},
		{in: `{"bsn": "111222333", "name": "x"}`, want: []string{"111222333"}},
		{in: "bsn=111222333&x=1", want: []string{"111222333"}},
		{in: "BSN 111222334", want: nil},
		{in: "absn 111222333", want: nil}, // the word must stand alone
		{in: "order 111222333", want: nil},
		// Norwegian fødselsnummer: date (D- and H-numbers), two mod-11 digits.
		{in: "fødselsnummer 151086 95088", want: []string{"151086 95088"}},
		{in: "fnr=13108172538", want: []string{"13108172538"}},
		{in: "fnr=15108695077", want: nil},
		{in: "13108172538", want: nil},
		// Polish PESEL: century in the month, weights 1-3-7-9, with context.
		{in: "PESEL: 44051401359", want: []string{"44051401359"}},
		{in: "pesel 33221050819", want: []string{"33221050819"}},
		{in: "PESEL: 44051401358", want: nil},
		{in: "44051401359", want: nil},
		// Portuguese NIF: mod 11, with context.
		{in: "NIF 501 964 843", want: []string{"501 964 843"}},
		{in: "contribuinte: 397452896", want: []string{"397452896"}},
		{in: "NIF 501964842", want: nil},
		// Romanian CNP: sex and century, date, county, check digit; with context.
		{in: "CNP 5290107299191", want: []string{"5290107299191"}},
		{in: "CNP 2681004209478", want: []string{"2681004209478"}},
		{in: "CNP 5290107299192", want: nil},
		{in: "ts 1732480000000", want: nil},
		// Swedish personnummer: date (+60 for samordningsnummer), Luhn; with context.
		{in: "personnummer 590819-9424", want: []string{"590819-9424"}},
		{in: "Personnummer: 19590819-9424", want: []string{"19590819-9424"}},
		{in: "personnr 5409228557", want: []string{"5409228557"}},
		{in: "personnummer 590819-9425", want: nil},
		{in: "build 20240115-0042", want: nil},
		// Swiss AHV number: 756, EAN-13.
		{in: "AHV-Nr. 756.9217.0769.85", want: []string{"756.9217.0769.85"}},
		{in: "avs 7561555902117", want: []string{"7561555902117"}},
		{in: "756.9217.0769.86", want: nil},
		{in: "gtin 7561555902117", want: nil},
	})
}

func TestNationalIDAmericas(t *testing.T) {
	runDetectionCases(t, NationalID, []detectionCase{
		// Argentine CUIT/CUIL: kind prefix, mod 11.
		{in: "CUIT 20-26756539-3", want: []string{"20-26756539-3"}},
		{in: "cuil: 27219994716", want: []string{"27219994716"}},
		{in: "20-26756539-4", want: nil},
		{in: "10-26756539-3", want: nil}, // no such kind
		// Brazilian CNPJ: two mod-11 digits; letters allowed from July 2026.
		{in: "CNPJ 16.727.230/0001-97", want: []string{"16.727.230/0001-97"}},
		{in: "12.ABC.345/01DE-35", want: []string{"12.ABC.345/01DE-35"}},
		{in: "cnpj=52785100000174", want: []string{"52785100000174"}},
		{in: "16.727.230/0001-98", want: nil},
		{in: "id 52785100000174", want: nil},
		// Chilean RUT/RUN: mod 11 with K; the dotted form alone, the plain one with context.
		{in: "RUT 12.531.909-2", want: []string{"12.531.909-2"}},
		{in: "14.351.238-K", want: []string{"14.351.238-K"}},
		{in: "rut: 76086428-5", want: []string{"76086428-5"}},
		{in: "rut 20651194-k", want: []string{"20651194-k"}},
		{in: "12.531.909-3", want: nil},
		{in: "job 76086428-5", want: nil},
		// Colombian NIT: prime weights mod 11.
		{in: "NIT 213.123.432-1", want: []string{"213.123.432-1"}},
		{in: "nit: 977621014-2", want: []string{"977621014-2"}},
		{in: "213.123.432-5", want: nil},
		// Mexican CURP and RFC.
		{in: "CURP BOXW310820HNERXN09", want: []string{"BOXW310820HNERXN09"}},
		{in: "PEGJ050101HJCRNNA6", want: []string{"PEGJ050101HJCRNNA6"}},
		{in: "BOXW310820HNERXN08", want: nil},
		{in: "BOXW310820HZZRXN09", want: nil}, // no state ZZ
		{in: "RFC GODE561231GR8", want: []string{"GODE561231GR8"}},
		{in: "MARL850709HZ6", want: []string{"MARL850709HZ6"}},
		{in: "VACE460910SX6", want: nil},
		// US ITIN (9, a group of 50-65, 70-88, 90-92, 94-99) and EIN (campus prefix, context).
		{in: "ITIN 912-90-3456", want: []string{"912-90-3456"}},
		{in: "itin: 912703456", want: []string{"912703456"}},
		{in: "912-93-4567", want: nil},
		{in: "912-89-3456", want: nil},
		{in: "EIN 91-1144442", want: []string{"91-1144442"}},
		{in: "employer identification number: 041144442", want: []string{"041144442"}},
		{in: "EIN 07-1144442", want: nil},
		{in: "ref 91-1144442", want: nil},
	})
}

func TestNationalIDIndia(t *testing.T) {
	runDetectionCases(t, NationalID, []detectionCase{
		// PAN: an individual's (fourth letter P) alone; other holders with context.
		{in: "PAN ACUPA7085R", want: []string{"ACUPA7085R"}},
		{in: "AAPPV8261K", want: []string{"AAPPV8261K"}},
		{in: "PAN: AAPFU0939F", want: []string{"AAPFU0939F"}},
		{in: "AAPFU0939F", want: nil},
		{in: "ACUPA0000R", want: nil},
		{in: "ABMXA3211G", want: nil},
		// GSTIN: state, PAN, entity, Z, Luhn mod 36.
		{in: "GSTIN 27AAPFU0939F1ZV", want: []string{"27AAPFU0939F1ZV"}},
		{in: "27AAPFU0939F1ZO", want: nil},
		{in: "27AAPFU0939F1AV", want: nil},
	})
}

// TestNationalIDLookAlikes: what real telemetry carries next to identifiers is
// left alone, even when it happens to pass a check.
func TestNationalIDLookAlikes(t *testing.T) {
	d, _ := NewBuiltin(NationalID)
	for _, s := range []string{
		"order 111222333 shipped", "ORD-2024-000123456", "invoice INV-85073003328",
		"ts=1732480000000", "1732480000000000000", "epoch 1700000000", "duration_ns=85073003328",
		"550e8400-e29b-41d4-a716-446655440000", "trace 4bf92f3577b34da6a3ce929d0e0e4736",
		"sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709", "git 6433435f",
		"v20.26756539.3", "go1.26.8", "1.2.3", "release 2024.11.123",
		"+44 20 7946 0958", "415-555-2671", "(11) 91234-5678", "card 4111 1111 1111 1111",
		"2345 6789 0124 1234", "9 046 454 286", "SIN 046 454 286 512",
		"user/44051401359/profile", "id=9434765919x", "x13108172538", "ORD44051401359",
		"build 20240115-0042", "lot 211062-5629", "run 76086428-5", "sku 1234567T-B",
		"/api/v1/users/540702/4832", "ref 12-3456789", "price 1.234.567-8",
		// A list of three-digit numbers that passes Luhn: no SIN without its name.
		"partitions 709 308 340 assigned", "retry delays 046 454 286 ms",
		// A context word names the value right after it, not one of another field.
		"personnummer checked; exp=1708293279", "BSN verified, order=111222333",
		"<AadhaarNumber>x</AadhaarNumber><Shipment><TrackingNumber>318839401186</TrackingNumber>",
	} {
		assert.Empty(t, found(d, s), "national_id reported something in %q", s)
	}
}

// TestNationalIDAllocatesNothing: a clean value, or one that follows a layout and
// fails its check, costs no allocation.
func TestNationalIDAllocatesNothing(t *testing.T) {
	d, _ := NewBuiltin(NationalID)
	dst := make([]Match, 0, 4)
	for _, s := range []string{
		"GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)",
		"RSSMRA85T10A562T 85.07.30-033.29 BSN 111222334 20-26756539-4 131052-308U",
	} {
		assert.Zero(t, testing.AllocsPerRun(100, func() { dst = d.AppendMatches(dst[:0], s) }), s)
	}
}

// TestEveryIDFormatIsDispatched: a value written in each format's layout, with its
// optional separators and without, reaches that format through idFormatsByShape, whatever follows it.
func TestEveryIDFormatIsDispatched(t *testing.T) {
	for k := range idFormats {
		f := &idFormats[k]
		for _, withSeps := range []bool{true, false} {
			var b []byte
			for i := 0; i < len(f.layout); i++ {
				switch c := f.layout[i]; c {
				case 'd':
					b = append(b, '1')
				case 'L', 'A':
					b = append(b, 'A')
				case 's':
					b = append(b, f.seps[0])
				case '~':
					if withSeps {
						b = append(b, f.seps[0])
					}
				case '[':
					b = append(b, f.layout[i+1])
					i += strings.IndexByte(f.layout[i:], ']')
				default:
					b = append(b, c)
				}
			}
			for _, after := range []string{"", " ok", ".", "-", "/x"} {
				v := string(b) + after
				lead, run, next := idShapeAt(v, 0)
				assert.Contains(t, idFormatsByShape[lead][run][next], uint8(k), "%s: %q does not reach its format", f.name, v)
			}
		}
	}
}

// Groups joined by ':' after a group with a digit are one identifier (GitHub's
// request IDs); a label's ':' is no join.
func TestNationalIDNotAColonJoinedGroup(t *testing.T) {
	runDetectionCases(t, NationalID, []detectionCase{
		{in: "X-GitHub-Request-Id: 7A11:A8070:5955BF:AE1CA2:8935981B", want: nil},
		{in: "DNI:12345678Z", want: []string{"12345678Z"}},
	})
}
