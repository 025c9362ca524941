package detector

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPhone(t *testing.T) {
	runDetectionCases(t, Phone, []detectionCase{
		{in: "+14155552671", want: []string{"+14155552671"}},
		{in: "call +1 (415) 555-2671 now", want: []string{"+1 (415) 555-2671"}},
		{in: "+44 20 7946 0958", want: []string{"+44 20 7946 0958"}},
		{in: "+33 1 23 45 67 89", want: []string{"+33 1 23 45 67 89"}},
		{in: "(415) 555-2671", want: []string{"(415) 555-2671"}},
		{in: "415-555-2671", want: []string{"415-555-2671"}},
		{in: "415.555.2671", want: []string{"415.555.2671"}},
		{in: "1-415-555-2671", want: []string{"1-415-555-2671"}},
		{in: "020 7946 0958", want: []string{"020 7946 0958"}},
		{in: "01 23 45 67 89", want: []string{"01 23 45 67 89"}},
		{in: "415-555-0199 415-555-0199", want: []string{"415-555-0199", "415-555-0199"}},
		{in: "415-555-2671-99", want: nil},
		{in: "4155552671", want: nil},   // bare digits
		{in: "115-555-2671", want: nil}, // area starts with 1
		{in: "415-155-2671", want: nil}, // exchange starts with 1
		{in: "415-555.2671", want: nil}, // mixed separators
		{in: "+123", want: nil},         // too short
		{in: "+1.5 degrees", want: nil},
		{in: "01 02 2024", want: nil},
	})
}

// TestPhoneNational: numbers as each country writes them at home, without a country
// code.
func TestPhoneNational(t *testing.T) {
	runDetectionCases(t, Phone, []detectionCase{
		// United Kingdom.
		{in: "call 020 7946 0958", want: []string{"020 7946 0958"}},
		{in: "mobile 07700 900123", want: []string{"07700 900123"}},
		{in: "(020) 7946 0958", want: []string{"(020) 7946 0958"}},
		{in: "0161 496 0000", want: []string{"0161 496 0000"}},
		{in: "020 7946 0958 020 7946 0959", want: []string{"020 7946 0958", "020 7946 0959"}},
		// Germany.
		{in: "Tel. 030 123456", want: []string{"030 123456"}},
		{in: "030/123456", want: []string{"030/123456"}},
		{in: "(030) 1234567", want: []string{"(030) 1234567"}},
		{in: "Handy: 0151 12345678", want: []string{"0151 12345678"}},
		{in: "089-12345678", want: []string{"089-12345678"}},
		// France and Belgium.
		{in: "01 23 45 67 89", want: []string{"01 23 45 67 89"}},
		{in: "06.12.34.56.78", want: []string{"06.12.34.56.78"}},
		{in: "06-12-34-56-78", want: []string{"06-12-34-56-78"}},
		// Italy.
		{in: "06 1234 5678", want: []string{"06 1234 5678"}},
		{in: "02 12345678", want: []string{"02 12345678"}},
		{in: "cell 333 123 4567", want: []string{"333 123 4567"}},
		{in: "347 1234567", want: []string{"347 1234567"}},
		// Spain.
		{in: "móvil 612 34 56 78", want: []string{"612 34 56 78"}},
		{in: "91 123 45 67", want: []string{"91 123 45 67"}},
		{in: "teléfono: 612 345 678", want: []string{"612 345 678"}},
		{in: "telefono=612345678", want: []string{"612345678"}},
		// Netherlands.
		{in: "06 12345678", want: []string{"06 12345678"}},
		{in: "020-1234567", want: []string{"020-1234567"}},
		// India.
		{in: "mobile: 98765 43210", want: []string{"98765 43210"}},
		{in: "098765 43210", want: []string{"098765 43210"}},
		{in: "022 2345 6789", want: []string{"022 2345 6789"}},
		// Brazil.
		{in: "(11) 91234-5678", want: []string{"(11) 91234-5678"}},
		{in: "(21) 3456-7890", want: []string{"(21) 3456-7890"}},
		{in: "celular 11 91234-5678", want: []string{"11 91234-5678"}},
		// Mexico.
		{in: "55 1234 5678", want: []string{"55 1234 5678"}},
		{in: "(55) 1234-5678", want: []string{"(55) 1234-5678"}},
		{in: "81-8123-4567", want: []string{"81-8123-4567"}},
		// Japan, Korea, Australia, China.
		{in: "03-1234-5678", want: []string{"03-1234-5678"}},
		{in: "090-1234-5678", want: []string{"090-1234-5678"}},
		{in: "0120-123-456", want: []string{"0120-123-456"}},
		{in: "010-1234-5678", want: []string{"010-1234-5678"}},
		{in: "02-123-4567", want: []string{"02-123-4567"}},
		{in: "0412 345 678", want: []string{"0412 345 678"}},
		{in: "(02) 9876 5432", want: []string{"(02) 9876 5432"}},
		{in: "138 0013 8000", want: []string{"138 0013 8000"}},
		// Bare runs after a phone label, in every notation.
		{in: "phone: 07700900123", want: []string{"07700900123"}},
		{in: `{"phoneNumber": "4155552671"}`, want: []string{"4155552671"}},
		{in: "customer_phone=0612345678&x=1", want: []string{"0612345678"}},
		{in: "msisdn=447700900123", want: []string{"447700900123"}},
		{in: "Tel. (home): 030123456", want: []string{"030123456"}},
		{in: "mobile_no 9876543210", want: []string{"9876543210"}},
		{in: "phone2=07700900123", want: []string{"07700900123"}},
	})
}

// TestPhoneURLEncoded: numbers in paths, queries and tel: URIs.
func TestPhoneURLEncoded(t *testing.T) {
	runDetectionCases(t, Phone, []detectionCase{
		{in: "/v1/users/%2B442079460958/verify", want: []string{"%2B442079460958"}},
		{in: "GET /sms?to=%2B14155552671&body=hi", want: []string{"%2B14155552671"}},
		{in: "?phone=%2b44%2020%207946%200958", want: []string{"%2b44%2020%207946%200958"}},
		{in: "?phone=+44+20+7946+0958&x=1", want: []string{"+44+20+7946+0958"}},
		{in: "tel:+1-415-555-2671", want: []string{"+1-415-555-2671"}},
		{in: "tel:%2B1-415-555-2671;ext=2", want: []string{"%2B1-415-555-2671"}},
		{in: "href=\"tel:07700900123\"", want: []string{"07700900123"}},
		{in: "?tel=020%207946%200958", want: []string{"020%207946%200958"}},
		{in: "+44 (0)20 7946 0958", want: []string{"+44 (0)20 7946 0958"}},
		{in: "call 00 44 20 7946 0958", want: []string{"00 44 20 7946 0958"}},
		{in: "0044 20 7946 0958", want: []string{"0044 20 7946 0958"}},
		{in: "id 00442079460958", want: nil}, // compact, it is any number
		{in: "ver.+1234567890", want: nil},
		{in: "%2B12", want: nil},
		{in: "a%2B14155552671", want: nil},
		{in: "%2Fusers%2F14155552671", want: nil},
	})
}

// TestPhoneNationalPlans: national notations whose grouping says enough (pairs at
// the end, two-digit areas), and those that need a word naming a phone shortly
// before them (Poland's mobiles, Singapore, Denmark, Norway, Hong Kong), as the
// words of a message put it: within 40 bytes, with no other number or field between.
func TestPhoneNationalPlans(t *testing.T) {
	runDetectionCases(t, Phone, []detectionCase{
		// Pairs at the end, after a trunk 0: Sweden, Switzerland, Austria, Belgium, Turkey.
		{in: "070-123 45 67", want: []string{"070-123 45 67"}},
		{in: "08-123 456 78", want: []string{"08-123 456 78"}},
		{in: "079 858 93 24", want: []string{"079 858 93 24"}},
		{in: "0676 672 01 07", want: []string{"0676 672 01 07"}},
		{in: "0474 80 83 68", want: []string{"0474 80 83 68"}},
		{in: "0536 852 91 84", want: []string{"0536 852 91 84"}},
		// Two-digit areas and pairs: Poland's landlines, Spain's provinces.
		{in: "22 123 45 67", want: []string{"22 123 45 67"}},
		{in: "12-345-67-89", want: []string{"12-345-67-89"}},
		// Ambiguous alone, a phone after a word naming one.
		{in: "Tel. 512 429 484", want: []string{"512 429 484"}},
		{in: "SMS sent to 693 212 752", want: []string{"693 212 752"}},
		{in: "Sending verification code via SMS to 9207 6296", want: []string{"9207 6296"}},
		{in: "twilio: message queued to 28 35 52 21", want: []string{"28 35 52 21"}},
		{in: "twilio: message queued to 27 04 28 70", want: []string{"27 04 28 70"}}, // pairs, not "27 04 2870"
		{in: "Rufnummer 412 34 567 ist nicht erreichbar", want: []string{"412 34 567"}},
		{in: "WhatsApp notification to (11) 9 9678-8324 delivered", want: []string{"(11) 9 9678-8324"}},
		{in: "SMS sent to 8 (995) 974-96-43", want: []string{"8 (995) 974-96-43"}},
		{in: "Updated contact number to 09339448098 for account", want: []string{"09339448098"}},
		{in: "Please call me on 011 15-5350-1446 after 5pm", want: []string{"011 15-5350-1446"}},
	})
}

// TestPhoneContextLookAlikes: digit groups near a word that names a phone, which
// the word does not name.
func TestPhoneContextLookAlikes(t *testing.T) {
	d, _ := NewBuiltin(Phone)
	for _, s := range []string{
		"dial tcp 192.168.40.236:3306: connect: connection refused",
		"warn: Acme.Notifications.SmsSender[6813]\n      retry delays 13 36 74 84 ms",
		"https://api.example.com/v1/callback?filter=westeurope&ts=06295-7969",
		"user input tel (02) 7737 3138. ref=612665897596",
		"phone: n/a; order 0612345678",
		"sms_id=12345678901", "call_id: 1234 5678 9012",
		"call at 2025-11-07 10:00", "SMS 21-09-1995", "callback ISBN 978-3-16-148410-0",
		"phone 03-6407-3486, order_id: 223304874812",
		"scheduled for 2025-09-23T20:12:00.307517+01:00",
		"00442714-2758-4b56-82b5-1ee322e378fe",
		"SMS delivery failed for EAN 8713939219451: carrier rejected", "SMS delivery failed for DHL waybill 7134678848",
		`function:sms-sender"} ts_ms: "1702870566494"`,
		"host_mac=03-11-44-26-84-89&x=1", "mac 03:11:44:26:84:89",
		"VALUES ('15201f0eb9b4cc993aa359147b7764fa', 'UpdatePhoneNumber', '1707134785')",
		"mobile app build 169086029847 rejected by the store",
	} {
		for _, m := range found(d, s) {
			assert.NotContains(t, []string{"192.168.40.236", "13 36 74 84", "06295-7969", "612665897596", "0612345678",
				"12345678901", "1234 5678 9012", "2025-11-07 10", "21-09-1995", "978-3-16-148410-0", "223304874812",
				"00.307517+01", "00442714-2758", "8713939219451", "7134678848", "1702870566494", "03-11-44-26-84-89", "03:11:44:26:84:89", "1707134785", "169086029847"}, m, "phone reported %q in %q", m, s)
		}
	}
}

// TestPhoneLookAlikes: what sits next to phone numbers in telemetry and is not one.
func TestPhoneLookAlikes(t *testing.T) {
	d, _ := NewBuiltin(Phone)
	for _, s := range []string{
		"ORD-0421-2345-678", "order 0421234567", "id 07700900123", "ts=1732480000000", "epoch 1732480000",
		"1732480000000000000", "550e8400-e29b-41d4-a716-446655440000", "446655440000",
		"v0.12.345.678", "1.2.3.4", "10.15.7", "go1.26.8", "Chrome/120.0.6099.109", "01.02.2024", "01 02 2024 10 30",
		"2026-11-24T20:01:00Z", "12:30:45", "price 1 299,99 EUR", "total 1.234.567,89", "123 456 789 events",
		"took 1234 5678 ms", "ports 60000 60010", "pids 73421 73422", "localhost:8080", "0.0.0.0:4317",
		"4111 1111 1111 1111", "4111111111111111", "DE89 3704 0044 0532 0130 00", "SIN 046454286",
		"phone_id=123456789", "phones 12 apples 0612345678", "phone: n/a; order 0612345678",
		"sku 612-34-56-78-90", "0000 1234 5678", "x07700 900123", "1 234 567 890", "053-544549-78",
		"030 12345-67", "backup-240115-1504", "ref 0421-234567-8901",
	} {
		assert.Empty(t, found(d, s), "phone reported something in %q", s)
	}
}

// TestPhoneAllocatesNothing: scanning a clean value, or one that reads like a phone
// number and is not, costs no allocation.
func TestPhoneAllocatesNothing(t *testing.T) {
	d, _ := NewBuiltin(Phone)
	dst := make([]Match, 0, 4)
	for _, s := range []string{
		"GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)",
		"ports 60000 60010 phone_id=123456789 01 02 2024 10 30 (11) 1234",
	} {
		assert.Zero(t, testing.AllocsPerRun(100, func() { dst = d.AppendMatches(dst[:0], s) }), s)
	}
}
