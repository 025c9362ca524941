package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import "strings"

// Key rules by the words of a key. Globs see a key as a string; applications name
// the same thing in every notation ("x-api-key", "apiKey", "API_KEY", "api.key"), so
// these rules split a key into its words (at '.', '_', '-', ' ', '/', ':' and
// lower-to-upper case changes) and look at the last ones:
//   - a credential: the last word is one that names a secret ("password", "pwd",
//     "passphrase", "secret", "token", "credentials", "jwt", "sid"...), or "key"
//     after a word that makes it one ("api", "private", "signing", "access"...), or
//     "id" after "session";
//   - a cookie or an authorization header: as a credential, but redacted knowing
//     their syntax (cookieValue, authorizationValue);
//   - a person's name: a name word ("name", "first_name", "fullName", "surname"...)
//     whose parent names a person ("payment.details.holder.name",
//     "customerName", "billing.last_name"); a map under a key that names a person
//     ("holder", "customer", "patient"...) makes its name keys so too, at any depth.

// maxKeyWords bounds the words of a key that are looked at: the last ones.
const maxKeyWords = 16

// keyWordSpans splits a key into its words and returns them as byte ranges of k,
// the last maxKeyWords of them, without allocating.
func keyWordSpans(k string, w *[maxKeyWords][2]int) int {
	n := 0
	start := 0
	flush := func(end int) {
		if end <= start {
			return
		}
		if n == maxKeyWords {
			copy(w[:], w[1:])
			n--
		}
		w[n] = [2]int{start, end}
		n++
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '.' || c == '_' || c == '-' || c == ' ' || c == '/' || c == ':' || c == '[' || c == ']' || c == '$' || c == '@':
			flush(i)
			start = i + 1
		case isUpperByte(c) && i > start && !isUpperByte(k[i-1]):
			// "apiKey" → api, key.
			flush(i)
			start = i
		case isLowerByte(c) && i > start+1 && isUpperByte(k[i-1]) && isUpperByte(k[i-2]):
			// "APIKey": the run "APIK" splits before its last capital.
			flush(i - 1)
			start = i - 1
		}
	}
	flush(len(k))
	return n
}

// keyWords splits a key into lower-case words (for tests and messages).
func keyWords(k string) []string {
	var w [maxKeyWords][2]int
	n := keyWordSpans(k, &w)
	out := make([]string, n)
	for i := range n {
		out[i] = lowerASCII(k[w[i][0]:w[i][1]])
	}
	return out
}

func oneOf(word string, list []string) bool {
	for _, x := range list {
		if len(x) == len(word) && (len(x) == 0 || lower(x[0]) == lower(word[0])) && strings.EqualFold(x, word) {
			return true
		}
	}
	return false
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLowerByte(c byte) bool { return c >= 'a' && c <= 'z' }

// credentialWords end a key that names a credential.
var credentialWords = []string{
	"password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "secrets", "token", "credential",
	"credentials", "creds", "jwt", "bearer", "sid", "sessionid", "apikey", "otp", "totp", "mfa", "auth", "psk", "pat", "writekey", "ingestkey", "licensekey", "apitoken",
	"privatekey", "secretkey", "accesskey", "authtoken", "accesstoken", "refreshtoken", "idtoken",
	"verifier", "dockerconfigjson", "dockercfg", // PKCE's code_verifier; a registry Secret's data
}

// notCredentialBefore are words that make "token" something else: a page token, a
// .NET cancellation token, a count of tokens.
var notCredentialBefore = []string{"page", "next", "continuation", "cancellation", "sync", "resume", "max", "pagination", "type"}

// keyQualifiers make "key" a credential.
var keyQualifiers = []string{
	"api", "access", "secret", "private", "signing", "encryption", "decryption", "master", "license", "subscription",
	"client", "app", "application", "functions", "function", "account", "shared", "auth", "session", "webhook", "hmac",
	"ssh", "gpg", "pgp", "storage", "service", "integration", "write", "ingest", "admin", "sentry",
}

// personWords name a person whose name may sit under them.
var personWords = []string{
	"person", "people", "customer", "customers", "holder", "cardholder", "accountholder", "payer", "payee", "recipient",
	"sender", "beneficiary", "patient", "employee", "contact", "member", "guest", "passenger", "buyer", "applicant",
	"subscriber", "student", "user", "enduser", "author", "billing", "consignee", "traveler", "traveller",
}

// containerWords group a person's fields without naming anything themselves:
// Stripe's "billing_details.name" is the billing person's name, "customer_info" a
// customer's map.
var containerWords = []string{"details", "detail", "info", "information", "data", "profile", "record"}

// individualWords name one person, whose name may be the key's value itself
// ("account_holder": "Jane Doe"); "user" and "author" hold logins as often.
var individualWords = []string{
	"holder", "cardholder", "accountholder", "payer", "payee", "recipient", "sender", "beneficiary", "patient",
	"employee", "guest", "passenger", "buyer", "applicant", "consignee", "traveler", "traveller", "customer", "person",
}

// individualKey reports a key that names one person ("account_holder",
// "shipment.consignee"): a value of the shape of a name under it is that person's.
func individualKey(k string) bool {
	var spans [maxKeyWords][2]int
	n := keyWordSpans(k, &spans)
	if n == 0 {
		return false
	}
	last := spans[n-1]
	return oneOf(k[last[0]:last[1]], individualWords)
}

// personalNumberWords name the value of the map they are in: {"passport":
// {"number": "C01X00T47"}}, {"phone": {"value": "+44…"}}.
var personalNumberWords = []string{"number", "no", "nr", "num", "nummer", "numero", "id", "value"}

// personalNumberKey reports a key of one word that is one of personalNumberWords.
func personalNumberKey(k string) bool {
	var spans [maxKeyWords][2]int
	return keyWordSpans(k, &spans) == 1 && oneOf(k, personalNumberWords)
}

// personalNameQualifiers make a name key a person's whatever comes before it
// ("app.first_name"); "display" and "nick" names are things' too.
var personalNameQualifiers = []string{"first", "last", "full", "given", "family", "middle", "legal", "maiden", "real"}

// nameQualifiers come before "name" in a name key: first, last, full...
var nameQualifiers = []string{"first", "last", "full", "given", "family", "middle", "display", "legal", "maiden", "nick", "real", "preferred"}

type keyWordClass uint8

const (
	wordsNone          keyWordClass = iota
	wordsCredential                 // the value is a credential
	wordsCookie                     // a Cookie or Set-Cookie header
	wordsAuthorization              // an Authorization header
	wordsPersonName                 // a person's name
	wordsName                       // a name: a person's when under a person
	wordsPerson                     // names a person: name keys under it are names
	wordsArgv                       // a command's arguments, as exec saw them
)

// classifyKeyWords applies the word rules to a key. It does not allocate: keys in
// text are classified for every value scanned.
func classifyKeyWords(k string) keyWordClass {
	var spans [maxKeyWords][2]int
	n := keyWordSpans(k, &spans)
	if n == 0 {
		return wordsNone
	}
	word := func(i int) string { return k[spans[i][0]:spans[i][1]] }
	last := word(n - 1)
	prev := ""
	if n > 1 {
		prev = word(n - 2)
	}
	is := strings.EqualFold
	for i := range n {
		if oneOf(word(i), []string{"public", "publishable"}) {
			return wordsNone // .NET's PublicKeyToken, a publishable key: public by design
		}
	}
	switch {
	case is(last, "cookie") || is(last, "cookies"):
		return wordsCookie
	case is(last, "authorization"):
		return wordsAuthorization
	case is(last, "token") && oneOf(prev, notCredentialBefore):
		return wordsNone
	case oneOf(last, credentialWords):
		return wordsCredential
	case n >= 2 && joinedCredential(k, &spans, n):
		return wordsCredential
	case is(last, "key") && oneOf(prev, keyQualifiers):
		return wordsCredential
	case is(last, "id") && is(prev, "session") && k != "session.id":
		// "app.session_id", "x-session-id"; semconv's own "session.id" groups a user's
		// activity for analysis and is left to sensitive_keys.
		return wordsCredential
	}
	if oneOf(last, []string{"name", "surname", "fullname", "firstname", "lastname", "displayname"}) {
		i := n - 2
		personal := !is(last, "name") && !is(last, "displayname") // "surname", "firstName"
		for i >= 0 && (oneOf(word(i), nameQualifiers) || oneOf(word(i), containerWords)) {
			personal = personal || oneOf(word(i), personalNameQualifiers)
			i--
		}
		switch {
		case i >= 0 && oneOf(word(i), personWords):
			return wordsPersonName // "customer.name", "holderName", "billing.last_name"
		case personal:
			return wordsPersonName // "app.first_name", "order.family_name", "x.surname"
		case i >= 0:
			// "service.name", "pod_name", "feature.display_name": a thing's name, even in
			// the map under a person ({"customer": {"plan_name": "Pro"}}).
			return wordsNone
		case i < n-2 || !is(last, "name"):
			return wordsPersonName // "first_name", "fullName", "surname" on their own
		}
		return wordsName
	}
	if oneOf(last, personWords) || (n >= 2 && oneOf(last, containerWords) && oneOf(prev, personWords)) {
		return wordsPerson // "cardholder", "billing_details"
	}
	if oneOf(last, []string{"args", "argv", "arguments"}) {
		return wordsArgv // "process.command_args"
	}
	return wordsNone
}

// credentialMetadataWords end keys that hold something about a credential, not the
// credential: when, whether, which kind, how long ("password_changed_at",
// "cookie_consent", "secret_name", "api_key_id", "credential_type").
var credentialMetadataWords = []string{
	"at", "time", "date", "timestamp", "changed", "updated", "created", "expires", "expiry", "expired", "expiration",
	"required", "policy", "length", "strength", "type", "kind", "name", "version", "ref", "days", "hours", "enabled",
	"disabled", "count", "rotation", "rotated", "status", "consent", "provider", "method", "hint", "verified", "set",
	"age", "ttl", "algorithm", "alg", "format", "mode", "source", "path", "file", "location", "id", "ids", "prefix",
	"label", "description", "scope", "scopes", "error", "reason", "result", "rule", "attempts", "retries",
	"fingerprint", "used", "usage", "present", "missing", "valid", "invalid", "match", "exists", "domain", "size", "max", "min",
	"in", "last4", "four", "suffix",
	// The systems that keep secrets, named in configuration ("secret_manager": "vault").
	"scanning", "scan", "manager", "store", "backend", "engine", "mount", "detection",
}

// credentialMetadata reports a key whose last word says it holds something about a
// credential ("password_changed_at"), unless that word completes a credential's name
// (Vault's "secret_id", a "session_id").
func credentialMetadata(k string) bool {
	var spans [maxKeyWords][2]int
	n := keyWordSpans(k, &spans)
	if n < 2 {
		return false
	}
	last := k[spans[n-1][0]:spans[n-1][1]]
	prev := k[spans[n-2][0]:spans[n-2][1]]
	if !oneOf(last, credentialMetadataWords) {
		return false
	}
	return !oneOf(last, []string{"id", "ids"}) || !oneOf(prev, []string{"secret", "session", "sess"})
}

// credentialNames are credentials' names that no last word says alone: Rails'
// secret_key_base, vendors' headers (Honeycomb's x-honeycomb-team, JFrog's
// X-JFrog-Art-Api, RapidAPI's X-RapidAPI-Key).
var credentialNames = []string{"secretkeybase", "honeycombteam", "jfrogartapi", "rapidapikey", "appsecretproof", "masterkeybase"}

// joinedCredential reports a key whose last two or three words, joined, are one of
// credentialNames.
func joinedCredential(k string, spans *[maxKeyWords][2]int, n int) bool {
	var buf [32]byte
	size := 0
	for w := n - 1; w >= 0 && n-w <= 3; w-- {
		word := k[spans[w][0]:spans[w][1]]
		if size+len(word) > len(buf) {
			return false
		}
		copy(buf[len(word):size+len(word)], buf[:size])
		for i := 0; i < len(word); i++ {
			buf[i] = lower(word[i])
		}
		size += len(word)
		if n-w >= 2 && oneOf(string(buf[:size]), credentialNames) {
			return true
		}
	}
	return false
}

// oneTimeCodeKey reports a key whose last word names a one-time code ("otp",
// "mfa_code", "totp"): its value is a code only if it has digits.
func oneTimeCodeKey(k string) bool {
	var spans [maxKeyWords][2]int
	n := keyWordSpans(k, &spans)
	if n == 0 {
		return false
	}
	last := k[spans[n-1][0]:spans[n-1][1]]
	if prev := n - 2; prev >= 0 && strings.EqualFold(last, "code") {
		last = k[spans[prev][0]:spans[prev][1]]
	}
	return oneOf(last, []string{"otp", "totp", "hotp", "mfa", "2fa"})
}

// credentialValueIsNone reports a value under a credential's key that is none: a
// count under "pass" (a test run's "pass": 120), an option or a method under "auth" and
// "credentials" (fetch's "credentials": "include", "auth": "oauth2"), and what
// vendors call a SID that identifies rather than authenticates (Twilio's "AC…",
// "CA…" and Windows' "S-1-5-21-…"; a session's "sid" is random).
func credentialValueIsNone(key, v string) bool {
	if v == "" {
		return false
	}
	var spans [maxKeyWords][2]int
	n := keyWordSpans(key, &spans)
	if n == 0 {
		return false
	}
	last := key[spans[n-1][0]:spans[n-1][1]]
	switch {
	case oneOf(last, []string{"auth", "credentials", "creds"}):
		return optionWord(v)
	case oneOf(last, []string{"sid"}):
		return twilioSID(v) || windowsSID(v)
	case oneOf(last, []string{"pass"}):
		return len(v) <= 4 && allDigits(v) // a test run's or an encoder's count ("pass": 120)
	}
	return false
}

// optionWord reports a value that names an authentication method or a client's
// credentials option, not a credential: fetch's "include", "same-origin" and "omit",
// and the schemes and mechanisms that "auth" settings name.
func optionWord(v string) bool {
	return oneOf(v, authOptions)
}

var authOptions = []string{"include", "omit", "same-origin", "none", "basic", "bearer", "digest", "oauth", "oauth2",
	"oidc", "saml", "ldap", "kerberos", "ntlm", "negotiate", "jwt", "apikey", "api-key", "api_key", "mtls", "tls",
	"password", "token", "anonymous", "iam", "sigv4", "hmac", "scram", "scram-sha-256", "scram-sha-512", "plain",
	"sasl", "required", "optional", "disabled", "enabled", "session", "cookie", "header", "query", "client_credentials"}

// twilioSID: two capitals and 32 hex digits ("AC…", "CA…", "SM…").
func twilioSID(v string) bool {
	if len(v) != 34 || !isUpperByte(v[0]) || !isUpperByte(v[1]) {
		return false
	}
	for i := 2; i < len(v); i++ {
		if c := v[i]; !isDigitByte(c) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// windowsSID: "S-1-" and dash-separated numbers.
func windowsSID(v string) bool {
	if !strings.HasPrefix(v, "S-1-") || len(v) < 7 {
		return false
	}
	for i := 4; i < len(v); i++ {
		if c := v[i]; !isDigitByte(c) && c != '-' {
			return false
		}
	}
	return true
}
