package holdout

// Telephone numbers as people in each country write them: national notation
// (trunk prefix and grouping as the numbering plan's regulator prints them) and
// international notation. In a pattern, X is any digit, N a digit 2-9; every other
// byte stands for itself.
type phonePlan struct {
	country  string
	national []string
	intl     []string
}

var phonePlans = []phonePlan{
	{"us", []string{"(NXX) NXX-XXXX", "NXX-NXX-XXXX", "NXX.NXX.XXXX", "NXX NXX XXXX", "1-NXX-NXX-XXXX", "1 (NXX) NXX-XXXX"},
		[]string{"+1 NXX NXX XXXX", "+1-NXX-NXX-XXXX", "+1NXXNXXXXXX", "+1 (NXX) NXX-XXXX", "+1.NXX.NXX.XXXX"}},
	{"ca", []string{"(NXX) NXX-XXXX", "NXX-NXX-XXXX"}, []string{"+1 NXX-NXX-XXXX"}},
	{"gb", []string{"074XX XXXXXX", "077XX XXXXXX", "078XX XXXXXX", "079XX XXXXXX", "020 7XXX XXXX", "020 3XXX XXXX", "0161 XXX XXXX", "0113 XXX XXXX", "01632 XXXXXX", "(020) 8XXX XXXX"},
		[]string{"+44 7XXX XXXXXX", "+447XXXXXXXXX", "+44 20 7XXX XXXX", "+44 (0)20 7XXX XXXX", "+44 161 XXX XXXX", "0044 7XXX XXXXXX", "+44 (0) 7XXX XXXXXX"}},
	{"de", []string{"030 XXXXXXXX", "030/XXXXXXX", "089 XXXXXXX", "040 XXXXXXXX", "0151 XXXXXXXX", "0171 XXXXXXX", "0160 XXXXXXX", "(030) XXXXXXX", "0221 XXXXXXX", "069 XXXX XXXX", "0176 XXXX XXXX", "0170-XXXXXXX"},
		[]string{"+49 30 XXXXXXXX", "+49 151 XXXXXXXX", "+49 (0)30 XXXXXXX", "+4917XXXXXXXXX", "0049 30 XXXXXXX", "+49 89 XXXX XXX", "+49-171-XXXXXXX"}},
	{"fr", []string{"06 XX XX XX XX", "07 XX XX XX XX", "01 XX XX XX XX", "04.XX.XX.XX.XX", "09 XX XX XX XX", "06.XX.XX.XX.XX"},
		[]string{"+33 6 XX XX XX XX", "+33 (0)1 XX XX XX XX", "+336XXXXXXXX", "+33 1 XX XX XX XX", "+33 7 XX XX XX XX"}},
	{"es", []string{"6XX XX XX XX", "6XX XXX XXX", "91 XXX XX XX", "93 XXX XX XX", "7XX XX XX XX", "95X XX XX XX"},
		[]string{"+34 6XX XX XX XX", "+34 6XX XXX XXX", "+34 91 XXX XX XX", "+346XXXXXXXX"}},
	{"it", []string{"33X XXX XXXX", "34X XXXXXXX", "06 XXXX XXXX", "02 XXXX XXXX", "011 XXX XXXX", "32X XXX XXXX"},
		[]string{"+39 33X XXX XXXX", "+39 06 XXXX XXXX", "+39 34XXXXXXXX", "+39 02 XXXX XXXX"}},
	{"nl", []string{"06-XXXXXXXX", "06 XXXXXXXX", "06 XX XX XX XX", "020-XXX XXXX", "010 XXX XXXX", "(020) XXX XXXX"},
		[]string{"+31 6 XXXXXXXX", "+31 20 XXX XXXX", "+316XXXXXXXX", "+31 (0)6 XXXXXXXX"}},
	{"be", []string{"047X XX XX XX", "048X XX XX XX", "049X XX XX XX", "02 XXX XX XX", "09 XXX XX XX"},
		[]string{"+32 47X XX XX XX", "+32 2 XXX XX XX", "+3248XXXXXXX"}},
	{"ch", []string{"079 XXX XX XX", "078 XXX XX XX", "076 XXX XX XX", "044 XXX XX XX", "022 XXX XX XX"},
		[]string{"+41 79 XXX XX XX", "+41 44 XXX XX XX", "+4178XXXXXXX"}},
	{"at", []string{"0664 XXXXXXX", "0676 XXX XX XX", "01 XXXXXXX", "0316 XXXXXX", "0699 XXXXXXXX"},
		[]string{"+43 664 XXXXXXX", "+43 1 XXXXXXX", "+43 676 XXX XX XX"}},
	{"pl", []string{"50X XXX XXX", "51X XXX XXX", "60X XXX XXX", "66X XXX XXX", "69X XXX XXX", "72X XXX XXX", "79X XXX XXX", "88X XXX XXX", "50X-XXX-XXX", "22 XXX XX XX", "12 XXX XX XX", "(22) XXX XX XX", "58 XXX XX XX", "61 XXX XX XX"},
		[]string{"+48 50X XXX XXX", "+48 22 XXX XX XX", "+4860XXXXXXX", "+48 (22) XXX XX XX", "+48 79X-XXX-XXX", "0048 69X XXX XXX"}},
	{"se", []string{"070-XXX XX XX", "073-XXX XX XX", "076-XXX XX XX", "072-XXX XX XX", "08-XXX XXX XX", "08-XX XX XX", "031-XXX XX XX", "040-XX XX XX", "070 XXX XX XX", "08-XXX XX XX", "0NX-XXX XX XX"},
		[]string{"+46 7X XXX XX XX", "+46 8 XXX XXX XX", "+467XXXXXXXX", "+46 (0)70 XXX XX XX", "+46 31 XXX XX XX"}},
	{"no", []string{"4XX XX XXX", "9XX XX XXX", "22 XX XX XX", "NX XX XX XX"},
		[]string{"+47 4XX XX XXX", "+47 9XX XX XXX", "+47 22 XX XX XX", "+479XXXXXXX"}},
	{"dk", []string{"2X XX XX XX", "3X XX XX XX", "4X XX XX XX", "33XX XXXX"},
		[]string{"+45 2X XX XX XX", "+45 33 XX XX XX", "+452XXXXXXX"}},
	{"fi", []string{"040 XXX XXXX", "050 XXX XXXX", "09 XXXX XXXX", "045 XXXXXXX", "044-XXX XXXX"},
		[]string{"+358 40 XXX XXXX", "+358 9 XXXX XXXX", "+35850XXXXXXX"}},
	{"ie", []string{"087 XXX XXXX", "085 XXX XXXX", "083 XXX XXXX", "01 XXX XXXX", "021 XXX XXXX"},
		[]string{"+353 87 XXX XXXX", "+353 1 XXX XXXX", "+35386XXXXXXX"}},
	{"pt", []string{"91X XXX XXX", "93X XXX XXX", "96X XXX XXX", "21X XXX XXX", "22X XXX XXX"},
		[]string{"+351 91X XXX XXX", "+351 21X XXX XXX", "+35193XXXXXXX"}},
	{"cz", []string{"60X XXX XXX", "77X XXX XXX", "2XX XXX XXX", "73X XXX XXX"},
		[]string{"+420 60X XXX XXX", "+420 2XX XXX XXX", "+42077XXXXXXX"}},
	{"gr", []string{"69X XXX XXXX", "210 XXX XXXX", "2310 XXXXXX"}, []string{"+30 69X XXX XXXX", "+30 210 XXX XXXX"}},
	{"ro", []string{"072X XXX XXX", "074X XXX XXX", "021 XXX XX XX", "0722 XXX XXX"}, []string{"+40 72X XXX XXX", "+40 21 XXX XX XX"}},
	{"hu", []string{"06 30 XXX XXXX", "06 20 XXX XXXX", "06 1 XXX XXXX", "06-70-XXX-XXXX"}, []string{"+36 30 XXX XXXX", "+36 1 XXX XXXX", "+3620XXXXXXX"}},
	{"tr", []string{"053X XXX XX XX", "0212 XXX XX XX", "0 (53X) XXX XX XX", "054X XXX XXXX"}, []string{"+90 53X XXX XX XX", "+90 212 XXX XX XX", "+90 (53X) XXX XX XX"}},
	{"ru", []string{"8 (9XX) XXX-XX-XX", "8 (495) XXX-XX-XX", "8 9XX XXX XX XX", "8-9XX-XXX-XX-XX"}, []string{"+7 (9XX) XXX-XX-XX", "+7 9XX XXX-XX-XX", "+7 495 XXX XX XX", "+79XXXXXXXXX"}},
	{"ua", []string{"050 XXX XX XX", "067 XXX XXXX", "(044) XXX-XX-XX"}, []string{"+380 50 XXX XX XX", "+380 67 XXX XXXX", "+38050XXXXXXX"}},
	{"il", []string{"05X-XXX-XXXX", "03-XXX-XXXX", "052-XXXXXXX"}, []string{"+972 5X-XXX-XXXX", "+972 3-XXX-XXXX", "+9725XXXXXXXX"}},
	{"ae", []string{"05X XXX XXXX", "04 XXX XXXX"}, []string{"+971 5X XXX XXXX", "+971 4 XXX XXXX", "+9715XXXXXXXX"}},
	{"sa", []string{"05X XXX XXXX", "011 XXX XXXX"}, []string{"+966 5X XXX XXXX", "+9665XXXXXXXX"}},
	{"in", []string{"9XXXX XXXXX", "8XXXX XXXXX", "7XXXX XXXXX", "09XXXXXXXXX", "022 XXXX XXXX", "011-XXXX XXXX", "098XXX XXXXX"},
		[]string{"+91 9XXXX XXXXX", "+91-9XXXXXXXXX", "+91 22 XXXX XXXX", "+919XXXXXXXXX", "+91 80 XXXX XXXX"}},
	{"sg", []string{"9XXX XXXX", "8XXX XXXX", "6XXX XXXX", "9XXX-XXXX"}, []string{"+65 9XXX XXXX", "+65 6XXX XXXX", "+659XXXXXXX", "+65-8XXX-XXXX"}},
	{"hk", []string{"9XXX XXXX", "6XXX XXXX", "2XXX XXXX"}, []string{"+852 9XXX XXXX", "+852 2XXX XXXX", "+8525XXXXXXX"}},
	{"jp", []string{"090-XXXX-XXXX", "080-XXXX-XXXX", "070-XXXX-XXXX", "03-XXXX-XXXX", "06-XXXX-XXXX", "045-XXX-XXXX", "(03) XXXX-XXXX", "090 XXXX XXXX"},
		[]string{"+81 90-XXXX-XXXX", "+81 3-XXXX-XXXX", "+81 90 XXXX XXXX", "+8180XXXXXXXX"}},
	{"kr", []string{"010-XXXX-XXXX", "02-XXX-XXXX", "02-XXXX-XXXX", "031-XXX-XXXX", "010 XXXX XXXX"}, []string{"+82 10-XXXX-XXXX", "+82 2-XXX-XXXX", "+8210XXXXXXXX"}},
	{"cn", []string{"13X XXXX XXXX", "15X XXXX XXXX", "18X XXXX XXXX", "010-XXXX XXXX", "021-XXXXXXXX", "0755-XXXXXXXX", "139-XXXX-XXXX"},
		[]string{"+86 13X XXXX XXXX", "+86 10 XXXX XXXX", "+8613XXXXXXXXX", "+86-755-XXXX-XXXX"}},
	{"tw", []string{"09XX-XXX-XXX", "02-XXXX-XXXX", "09XX XXX XXX"}, []string{"+886 9XX XXX XXX", "+886 2 XXXX XXXX"}},
	{"au", []string{"04XX XXX XXX", "(02) XXXX XXXX", "02 XXXX XXXX", "03 XXXX XXXX", "07 XXXX XXXX", "04XX-XXX-XXX"},
		[]string{"+61 4XX XXX XXX", "+61 2 XXXX XXXX", "+614XXXXXXXX", "+61 (0)4XX XXX XXX"}},
	{"nz", []string{"021 XXX XXXX", "022 XXX XXXX", "09 XXX XXXX", "04-XXX XXXX", "027 XXX XXXX"}, []string{"+64 21 XXX XXXX", "+64 9 XXX XXXX", "+6421XXXXXXX"}},
	{"br", []string{"(11) 9XXXX-XXXX", "(21) 3XXX-XXXX", "11 9XXXX-XXXX", "(11) 9 XXXX-XXXX", "(48) 9XXXX XXXX", "011 9XXXX-XXXX"},
		[]string{"+55 11 9XXXX-XXXX", "+55 (11) 9XXXX-XXXX", "+5511 9XXXX XXXX", "+55119XXXXXXXX"}},
	{"mx", []string{"55 XXXX XXXX", "33 XXXX XXXX", "81 XXXX XXXX", "(55) XXXX XXXX", "222 XXX XXXX", "55-XXXX-XXXX"},
		[]string{"+52 55 XXXX XXXX", "+52 1 55 XXXX XXXX", "+52 222 XXX XXXX", "+5255XXXXXXXX"}},
	{"ar", []string{"011 15-XXXX-XXXX", "(011) 4XXX-XXXX", "11 XXXX-XXXX", "(0351) 4XX-XXXX"}, []string{"+54 9 11 XXXX-XXXX", "+54 11 XXXX-XXXX", "+54911XXXXXXXX"}},
	{"co", []string{"30X XXX XXXX", "31X XXX XXXX", "(601) XXX XXXX", "601 XXX XXXX"}, []string{"+57 30X XXX XXXX", "+57 601 XXX XXXX", "+5731XXXXXXXX"}},
	{"cl", []string{"9 XXXX XXXX", "(2) XXXX XXXX", "2 XXXX XXXX"}, []string{"+56 9 XXXX XXXX", "+56 2 XXXX XXXX", "+569XXXXXXXX"}},
	{"pe", []string{"9XX XXX XXX", "(01) XXX XXXX"}, []string{"+51 9XX XXX XXX", "+51 1 XXX XXXX"}},
	{"za", []string{"08X XXX XXXX", "07X XXX XXXX", "011 XXX XXXX", "021 XXX XXXX"}, []string{"+27 8X XXX XXXX", "+27 11 XXX XXXX", "+277XXXXXXXX"}},
	{"ng", []string{"080X XXX XXXX", "070X XXX XXXX", "081X XXX XXXX"}, []string{"+234 80X XXX XXXX", "+2348XXXXXXXXX"}},
	{"ke", []string{"07XX XXXXXX", "07XX XXX XXX", "01XX XXXXXX"}, []string{"+254 7XX XXXXXX", "+2547XXXXXXXX"}},
	{"eg", []string{"010 XXXX XXXX", "012 XXXX XXXX", "02 XXXX XXXX"}, []string{"+20 10 XXXX XXXX", "+2012XXXXXXXX"}},
	{"ph", []string{"09XX XXX XXXX", "0917-XXX-XXXX", "(02) XXXX XXXX"}, []string{"+63 9XX XXX XXXX", "+639XXXXXXXXX"}},
	{"id", []string{"08XX-XXXX-XXXX", "0812 XXXX XXXX", "(021) XXXX XXXX"}, []string{"+62 8XX-XXXX-XXXX", "+62 812 XXXX XXXX", "+628XXXXXXXXXX"}},
	{"my", []string{"01X-XXX XXXX", "03-XXXX XXXX", "012-XXXXXXX"}, []string{"+60 1X-XXX XXXX", "+60 3-XXXX XXXX", "+6012XXXXXXX"}},
	{"th", []string{"08X XXX XXXX", "02 XXX XXXX", "08X-XXX-XXXX"}, []string{"+66 8X XXX XXXX", "+66 2 XXX XXXX"}},
	{"vn", []string{"09X XXX XX XX", "09XX XXX XXX", "028 XXXX XXXX"}, []string{"+84 9X XXX XX XX", "+84 28 XXXX XXXX"}},
	{"pk", []string{"03XX XXXXXXX", "03XX-XXXXXXX", "042 XXXXXXXX"}, []string{"+92 3XX XXXXXXX", "+923XXXXXXXXX"}},
}

func (g *gen) fill(pattern string) string {
	b := []byte(pattern)
	for i, c := range b {
		switch c {
		case 'X':
			b[i] = byte('0' + g.intn(10))
		case 'N':
			b[i] = byte('2' + g.intn(8))
		}
	}
	return string(b)
}

var (
	phoneKeys = []string{
		"phone", "phoneNumber", "phone_number", "mobile", "mobileNumber", "mobile_phone", "msisdn", "tel",
		"telephone", "contact_phone", "contactPhone", "customer.phone", "billing.phone", "shipping.phone_number",
		"cell", "whatsapp", "recipient_phone", "primaryPhone", "work_phone", "home_phone", "phone1", "customer.mobile",
		"user.phone", "to_number", "smsTo", "emergency_contact_phone", "telefon", "telefono", "telephoneNumber",
	}
	phoneProse = []string{
		"SMS sent to %s",
		"Sending verification code via SMS to %s",
		"OTP delivery failed for %s: carrier rejected the message",
		"Customer requested a callback at %s",
		"twilio: message queued to %s",
		"phone number %s failed validation: invalid length for region",
		"Updated contact number to %s for account",
		"Please call me on %s after 5pm",
		"WhatsApp notification to %s delivered",
		"Tel.: %s",
		"Teléfono: %s",
		"Rufnummer %s ist nicht erreichbar",
		"dialing %s (attempt 2 of 3)",
		"voice call to %s ended after 43s",
		"Mobile: %s",
		"contact: Jane, phone %s, prefers SMS",
	}
)

// phoneVals returns national and international numbers of every plan.
func (g *gen) phoneVals(perPattern int) []Val {
	var out []Val
	for _, p := range phonePlans {
		for _, pat := range p.national {
			for range perPattern {
				out = append(out, Val{Kind: "phone/" + p.country + "-national", Text: g.fill(pat), Keys: phoneKeys, Prose: phoneProse})
			}
		}
		for _, pat := range p.intl {
			for range perPattern {
				out = append(out, Val{Kind: "phone/" + p.country + "-intl", Text: g.fill(pat), Keys: phoneKeys, Prose: phoneProse, Bare: true})
			}
		}
	}
	return out
}
