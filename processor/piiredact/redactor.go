package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"hash/maphash"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"go.opentelemetry.io/collector/pdata/pcommon"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// redactor applies detectors and key rules to values. It is immutable after
// construction and safe for concurrent use; per-call state lives in a scratch.
type redactor struct {
	detectors []scanner
	rules     []rule // rules[i] for detectors[i]; rules[keyRule] for sensitive keys
	keyRule   int
	sensitive keyMatcher
	// defaultGlobs: sensitive_keys is the default list, whose broad globs ("*secret*")
	// give way to what a key's words say ("secret_name", "password_changed_at").
	defaultGlobs bool
	allowed      keyMatcher
	// keyWords turns on the rules by a key's words (keywords.go).
	keyWords bool
	// phoneRule and nationalIDRule are the rules that personal values found by their
	// keys are reported under (-1: that detector is off, and so is the key rule).
	phoneRule, nationalIDRule int
	hasher                    *hasher
	dryRun                    bool
	summary                   string
	scratches                 sync.Pool
}

// scanner is a detector with what decides whether it runs on a value.
type scanner struct {
	detector.Detector
	prefilter detector.Prefilter // the zero value, a custom pattern's, admits every value
	address   bool               // an IP detector: not run on the values of version keys
}

// hit is a detector match with the rule that applies to it.
type hit struct {
	detector.Match
	rule int
}

// scratch is per-batch working memory, pooled so that steady-state processing
// allocates only for values that actually change.
type scratch struct {
	matches []detector.Match
	kinds   []personalKind   // for each keyed value found in text, the personal kind it is, if any
	keeps   []detector.Match // ranges of the value being scanned that no rule may redact (identifier_keys.go)
	memo    *valueMemo       // what this worker found in values it saw (value_memo.go); nil: scan every time
	hits    []hit
	batch   []int // redactions per rule in this batch, for metrics
	removed []int // attributes removed per rule in this batch
	item    []int // redactions per rule in the current span or log record
	// keys caches how each attribute key was classified. Keys repeat from span to span,
	// and a map lookup is much cheaper than matching every glob; maxCachedKeys bounds it
	// against a stream of distinct keys.
	keys map[string]keyClass
	// inVersion is set while the value of a version key is scanned.
	inVersion bool
	// underPerson is set while the map under a key that names a person is walked:
	// its name keys hold that person's name.
	underPerson bool
	// underPersonal is the class of the key whose map is walked when that key names a
	// personal value ({"passport": {"number": …}}), keyScanned otherwise.
	underPersonal keyClass
	// parentKey is the key of the map being walked ("sms" in {"sms": {"to": …}}), and
	// joined a buffer to read it with a child's key.
	parentKey string
	joined    []byte
	// A URL-decoded view of the value being scanned, and where each of its bytes
	// came from (urlDecoded).
	decoded    []byte
	decodedPos []int32
	// Command-line parsing (cmdline.go).
	cmdArgs  []argSpan
	cmdArgv  []string
	cmdFound [][3]int
	// The last route template read and what its segments hold (route.go): spans of
	// one service repeat a handful of routes.
	route      string
	routeN     int
	routeRules [maxRouteSegments]int
}

// isVersionKey reports keys whose values are versions ("service.version",
// "os.version", "telemetry.sdk.version", "app_version", "buildVersion", "build",
// "app.build", "firmware"): a four-part version there is not an IP address.
// metadataUnderDefaultGlob reports a key that only the default globs match and
// whose words name something about a credential, not the credential
// ("password_changed_at", "token_expires_in"): its value is scanned, not redacted whole.
func (r *redactor) metadataUnderDefaultGlob(k string, words keyWordClass) bool {
	return r.keyWords && r.defaultGlobs && words == wordsNone && credentialMetadata(k) && !r.sensitive.matchesExactly(k)
}

func isVersionKey(k string) bool {
	const suffix = "version"
	if len(k) >= len(suffix) && strings.EqualFold(k[len(k)-len(suffix):], suffix) {
		return true
	}
	var w [maxKeyWords][2]int
	n := keyWordSpans(k, &w)
	if n == 0 {
		return false
	}
	last := w[n-1]
	return oneOf(k[last[0]:last[1]], []string{"build", "release", "revision", "firmware", "ver"})
}

type keyClass uint8

const (
	keyScanned         keyClass = iota // values are scanned by the detectors
	keyAllowed                         // on the allow-list: left alone
	keySensitive                       // the whole value is redacted
	keyCredentialWords                 // the key's words name a credential or a name: redacted whole, a map by its own keys
	keyVersion                         // scanned, except for IP addresses: "2.1.0.17" is a version
	keyCookie                          // a Cookie or Set-Cookie header: its values are redacted, its attributes kept
	keyAuthorization                   // an Authorization header: the credential is redacted, its scheme kept
	keyName                            // a name: redacted whole under a key that names a person, scanned elsewhere
	keyPerson                          // names a person: the name keys of the map under it are sensitive
	keyArgv                            // a command's arguments (process.command_args): flags that take secrets
	keyTraceID                         // a trace or span ID: scanned unless it has an ID's shape (identifier_keys.go)
	keyProductCode                     // a barcode (GTIN, EAN, UPC, ISBN): scanned unless it has a barcode's shape
	// Personal values by their key (personal_keys.go): redacted whole when they have
	// the kind's shape, scanned otherwise.
	keyPhone
	keyPersonalID
	keyBirthDate
	keyAddress
	keyAccount
)

const maxCachedKeys = 1024

func newRedactor(cfg *Config) *redactor {
	r := &redactor{
		sensitive:    newKeyMatcher(cfg.SensitiveKeys),
		defaultGlobs: slices.Equal(cfg.SensitiveKeys, DefaultSensitiveKeys()),
		allowed:      newKeyMatcher(cfg.AllowedKeys),
		keyWords:     cfg.SensitiveKeyWords == nil || *cfg.SensitiveKeyWords,
		dryRun:       cfg.DryRun,
		summary:      cfg.SummaryAttribute,
	}
	for _, b := range enabledBuiltins(cfg) {
		dc := cfg.Detectors[b.Name]
		d := b.New(detector.Options{MaskInternalAddresses: dc.MaskInternalAddresses})
		r.detectors = append(r.detectors, scanner{Detector: d, prefilter: b.Prefilter, address: b.Address})
		r.rules = append(r.rules, newRule(b.Name, dc.Action, dc.KeepLast))
	}
	for _, p := range cfg.CustomPatterns {
		// Validate compiled it already; a config that reaches here is valid.
		r.detectors = append(r.detectors, scanner{Detector: detector.NewPattern(p.Name, regexp.MustCompile(p.Regex))})
		r.rules = append(r.rules, newRule(p.Name, p.Action, p.KeepLast))
	}
	r.phoneRule, r.nationalIDRule = -1, -1
	for i, rl := range r.rules {
		switch rl.name {
		case detector.Phone:
			r.phoneRule = i
		case detector.NationalID:
			r.nationalIDRule = i
		}
	}
	r.keyRule = len(r.rules)
	r.rules = append(r.rules, newRule(SensitiveKeyRule, cfg.SensitiveKeyAction.Action, cfg.SensitiveKeyAction.KeepLast))
	if cfg.usesHash() {
		r.hasher = newHasher([]byte(cfg.Hash.Key), keyIDOrDefault(cfg.Hash.KeyID))
	}
	n := len(r.rules)
	memoSeed := maphash.MakeSeed()
	r.scratches.New = func() any {
		return &scratch{batch: make([]int, n), removed: make([]int, n), item: make([]int, n), keys: make(map[string]keyClass),
			memo: &valueMemo{seed: memoSeed}}
	}
	return r
}

func keyIDOrDefault(id string) string {
	if id == "" {
		return defaultKeyID
	}
	return id
}

// enabledBuiltins lists the built-in detectors the config leaves on, in order.
func enabledBuiltins(cfg *Config) []detector.Builtin {
	var out []detector.Builtin
	for _, b := range detector.Builtins() {
		if len(cfg.OnlyDetectors) > 0 && !slices.Contains(cfg.OnlyDetectors, b.Name) {
			continue
		}
		if dc, ok := cfg.Detectors[b.Name]; ok && dc.Enabled != nil && !*dc.Enabled {
			continue
		}
		out = append(out, b)
	}
	return out
}

func (r *redactor) getScratch() *scratch {
	return r.scratches.Get().(*scratch)
}

func (r *redactor) putScratch(sc *scratch) {
	clear(sc.batch)
	clear(sc.removed)
	clear(sc.item)
	r.scratches.Put(sc)
}

// redactString returns s with every finding replaced. remove reports that a
// finding's action is remove and canRemove allows it: the caller drops the holder.
func (r *redactor) redactString(s string, sc *scratch, canRemove bool) (out string, changed, remove bool) {
	if s == "" {
		return s, false, false
	}
	// What is found in a value depends on the value alone, except inside a version
	// key's value, where the address detectors are off: only the general case is
	// remembered.
	var memoHash uint64
	if sc.memo != nil && !sc.inVersion {
		memoHash = sc.memo.hash(s)
		if sc.memo.isClean(memoHash) {
			return s, false, false
		}
		if e, ok := sc.memo.redaction(memoHash); ok {
			for _, rule := range e.rules[:e.hits] {
				sc.batch[rule]++
				sc.item[rule]++
			}
			return e.out, true, false
		}
	}
	sc.hits = sc.hits[:0]
	sc.keeps = sc.keeps[:0]
	r.collectHits(s, sc, nil)
	if view, ok := sc.urlDecoded(s); ok {
		// "%2B44%2020%207946%200958", "2001%3A4860%3A%3A1", "SE22+0845+3553...": what a
		// URL encodes is found in its decoded form and masked in the original.
		r.collectHits(view, sc, sc.decodedPos)
	}
	if len(sc.keeps) > 0 {
		sc.hits = dropKept(sc.hits, sc.keeps)
	}
	if len(sc.hits) == 0 {
		if memoHash != 0 {
			sc.memo.addClean(memoHash)
		}
		return s, false, false
	}
	sc.hits = mergeHits(sc.hits)
	removeRule, removable := -1, false
	for _, h := range sc.hits {
		sc.batch[h.rule]++
		sc.item[h.rule]++
		if r.rules[h.rule].action == ActionRemove {
			removable = true // (where its holder cannot be removed, it is replaced)
			if canRemove && removeRule < 0 {
				removeRule = h.rule
			}
		}
	}
	if r.dryRun {
		return s, false, false
	}
	if removeRule >= 0 {
		sc.removed[removeRule]++
		return "", false, true
	}
	var b strings.Builder
	b.Grow(len(s) + 16*len(sc.hits))
	prev := 0
	for _, h := range sc.hits {
		b.WriteString(s[prev:h.Start])
		r.rules[h.rule].writeReplacement(&b, r.hasher, s[h.Start:h.End])
		prev = h.End
	}
	b.WriteString(s[prev:])
	out = b.String()
	if memoHash != 0 && !removable && len(s) <= maxRedactedMemoLen {
		sc.memo.addRedaction(memoHash, out, sc.hits)
	}
	return out, true, false
}

// collectHits runs every detector and rule over t and adds what they find to
// sc.hits; pos, when t is a decoded view, maps its offsets to the original's.
func (r *redactor) collectHits(t string, sc *scratch, pos []int32) {
	add := func(rule int) {
		for _, m := range sc.matches {
			if pos != nil {
				m = detector.Match{Start: int(pos[m.Start]), End: int(pos[m.End])}
			}
			sc.hits = append(sc.hits, hit{Match: m, rule: rule})
		}
	}
	profile := detector.NewProfile(t)
	for i := range r.detectors {
		d := &r.detectors[i]
		if !d.prefilter.Admits(&profile) || (sc.inVersion && d.address) {
			continue
		}
		sc.matches = d.AppendMatches(sc.matches[:0], t)
		add(i)
	}
	if !r.keyWords {
		return
	}
	if profile.Colons() > 0 || profile.Equals() > 0 || strings.IndexByte(t, '"') >= 0 || strings.IndexByte(t, '\'') >= 0 || strings.IndexByte(t, '<') >= 0 {
		// Maps written into text: the key rules apply to their keys (payload.go,
		// markup.go).
		sc.matches, sc.kinds = appendKeyedValues(sc.matches[:0], sc.kinds[:0], t)
		for i, m := range sc.matches {
			if pos != nil {
				m = detector.Match{Start: int(pos[m.Start]), End: int(pos[m.End])}
			}
			if sc.kinds[i] == keepKind {
				sc.keeps = append(sc.keeps, m)
				continue
			}
			sc.hits = append(sc.hits, hit{Match: m, rule: r.personalRule(sc.kinds[i])})
		}
	}
	if profile.Digits() >= 2 && strings.IndexByte(t, '/') >= 0 {
		// Personal values after a path segment that names them (path_pairs.go).
		sc.matches, sc.kinds = appendPathPairs(sc.matches[:0], sc.kinds[:0], t)
		for i, m := range sc.matches {
			if pos != nil {
				m = detector.Match{Start: int(pos[m.Start]), End: int(pos[m.End])}
			}
			sc.hits = append(sc.hits, hit{Match: m, rule: r.personalRule(sc.kinds[i])})
		}
	}
	ws := scanWordStarts(t)
	if (profile.Digits() >= 1 || profile.Upper() >= 2) && ws.mayHoldLabel() {
		// Personal values after a label in prose ("DOB 12/03/1985"; labels.go); a name
		// has no digit but capitals ("cardholder: Jane Doe").
		appendLabelledValuesAt(t, &ws, func(m detector.Match, kind personalKind) {
			if pos != nil {
				m = detector.Match{Start: int(pos[m.Start]), End: int(pos[m.End])}
			}
			sc.hits = append(sc.hits, hit{Match: m, rule: r.personalRule(kind)})
		})
	}
	if profile.Spaces() >= 1 {
		// Configuration lines and protocol transcripts ("requirepass x", "> PASS x";
		// config_lines.go).
		sc.matches = appendConfigLineSecrets(sc.matches[:0], t)
		add(r.keyRule)
	}
	if len(t) >= len("AUTH x") {
		// Statements and the secrets their grammar names (statements.go).
		sc.matches = sc.matches[:0]
		if ws.mayHoldSQLSecret() {
			sc.matches = appendSQLSecrets(sc.matches, t)
		}
		sc.matches = appendRedisSecrets(sc.matches, t, &sc.cmdArgs, ws.mayQuoteRedisCommand())
		if strings.IndexByte(t, '(') > 0 {
			sc.matches = appendCallSecrets(sc.matches, t)
		}
		if ws.mayCallProcedure() && strings.IndexByte(t, '\'') >= 0 || ws.mayCallProcedure() && profile.Spaces() >= 5 {
			sc.matches = appendProcSecrets(sc.matches, t)
		}
		add(r.keyRule)
	}
	if strings.Contains(t, " -") || (profile.Spaces() >= 2 && ws.mayNamePositionalTool() && namesPositionalTool(t)) {
		// Commands and the secrets their flags take (cmdline.go).
		sc.matches = appendCommandLineSecrets(sc.matches[:0], t, &sc.cmdArgs, &sc.cmdArgv, &sc.cmdFound)
		add(r.keyRule)
	}
}

// urlDecoded returns s with its percent-escapes decoded, and '+' as a space after a
// '?', in the scratch's buffer, when s has any; sc.decodedPos maps each byte of the
// view (and its end) to where it came from in s. The view lives until the next call.
func (sc *scratch) urlDecoded(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return "", false // nothing escaped, no '+' for a space: most values
	}
	first := -1
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '%' && detector.IsHex(s[i+1]) && detector.IsHex(s[i+2]) {
			first = i
			break
		}
	}
	query := strings.IndexByte(s, '?')
	form := formBody(s)
	if first < 0 && (query < 0 || strings.IndexByte(s[query:], '+') < 0) && (!form || strings.IndexByte(s, '+') < 0) {
		return "", false
	}
	// A value that escapes its pluses ("%2B44+20+7946") is form-encoded: its '+' are
	// spaces. Elsewhere only a query's are.
	// A form body ("a=1&street=ul.+Kwiatowa+239%2F39") is form-encoded too.
	plusIsSpace := strings.Contains(s, "%2B") || strings.Contains(s, "%2b") || form
	if form && query < 0 {
		query = strings.IndexByte(s, '=') // its values are a query's: "%2F" is data
	}
	sc.decoded = sc.decoded[:0]
	sc.decodedPos = sc.decodedPos[:0]
	userinfoEnd := -1 // escapes in a URL's userinfo stay: url_credential reads it raw
	for i := 0; i < len(s); {
		sc.decodedPos = append(sc.decodedPos, int32(i))
		if i+3 <= len(s) && s[i] == ':' && s[i+1] == '/' && s[i+2] == '/' {
			userinfoEnd = userinfoAt(s, i+3)
		}
		switch c := s[i]; {
		case i < userinfoEnd:
			sc.decoded = append(sc.decoded, c)
			i++
		case c == '%' && i+2 < len(s) && detector.IsHex(s[i+1]) && detector.IsHex(s[i+2]) &&
			(!urlDelimiter(detector.HexValue(s[i+1])<<4|detector.HexValue(s[i+2])) || (query >= 0 && i > query && s[i+1] == '2' && (s[i+2] == 'F' || s[i+2] == 'f'))):
			// (A query's "%2F" is data, as in a base64 credential: it decodes.)
			sc.decoded = append(sc.decoded, detector.HexValue(s[i+1])<<4|detector.HexValue(s[i+2]))
			i += 3
		case c == '+' && (plusIsSpace || (query >= 0 && i > query)):
			sc.decoded = append(sc.decoded, ' ')
			i++
		default:
			sc.decoded = append(sc.decoded, c)
			i++
		}
	}
	sc.decodedPos = append(sc.decodedPos, int32(len(s)))
	if len(sc.decoded) == 0 {
		return "", false
	}
	// A view of the scratch's buffer, read only until the next call writes it: a
	// clean value with escapes costs no allocation.
	return unsafe.String(&sc.decoded[0], len(sc.decoded)), true //nolint:gosec // G103: see above
}

// formBody reports a value with "name=value&name=value" pairs, as a form body is.
func formBody(s string) bool {
	amp := strings.IndexByte(s, '&')
	return amp > 0 && strings.IndexByte(s[:amp], '=') >= 0 && strings.IndexByte(s[amp:], '=') >= 0
}

// userinfoAt returns the end of the userinfo of the authority that starts at i
// ("user:p%40ss@host" → the '@'), or -1 when it has none.
func userinfoAt(s string, i int) int {
	at := -1
	for k := i; k < len(s); k++ {
		switch s[k] {
		case '/', '?', '#', ' ', '"', '\'', '<', '>', '\n':
			return at
		case '@':
			at = k
		}
	}
	return at
}

// urlDelimiter reports the characters that give a URL its structure: decoded, an
// escaped one would move the bounds of userinfo, path or query.
func urlDelimiter(c byte) bool {
	return c == '/' || c == '?' || c == '#' || c == '@' || c == '&' || c == '%' || c == ';'
}

// mergeHits sorts hits by start and unites overlapping ones, so that no part of any
// finding survives; a united hit takes the rule of its first member. The sort is
// stable, so of two detectors that find the same range the one that runs first (the
// registry's order) names it. (It sorts in place, without allocating.)
func mergeHits(h []hit) []hit {
	slices.SortStableFunc(h, func(a, b hit) int { return detector.CompareMatches(a.Match, b.Match) })
	out := 0
	for i := range h {
		if out > 0 && h[i].Start < h[out-1].End {
			h[out-1].End = max(h[out-1].End, h[i].End)
			continue
		}
		h[out] = h[i]
		out++
	}
	return h[:out]
}

// redactMap redacts every value of m in place and drops entries whose action is
// remove. Key rules apply to keys at every depth.
func (r *redactor) redactMap(m pcommon.Map, sc *scratch) {
	// A person's name keys are the direct children of the key that names them.
	underPerson := sc.underPerson
	sc.underPerson = false
	underPersonal := sc.underPersonal
	sc.underPersonal = keyScanned
	parent := sc.parentKey
	sc.parentKey = ""
	pairValue := namedSecretValueKey(m)
	m.RemoveIf(func(k string, v pcommon.Value) bool {
		if pairValue != "" && k == pairValue && r.keyWords {
			return r.redactWholeValue(v, sc, keySensitive)
		}
		class := r.classifyKey(k, sc)
		if (class == keyCredentialWords || class == keySensitive && r.defaultGlobs && !r.sensitive.matchesExactly(k)) && r.keyWords &&
			v.Type() == pcommon.ValueTypeStr && credentialValueIsNone(k, v.Str()) {
			return r.redactValue(v, sc, true) // "credentials": "include", "AccountSid": "AC…"
		}
		if underPersonal != keyScanned && class == keyScanned && personalNumberKey(k) {
			// {"passport": {"number": "C01X00T47"}}: the number of what the map's key names.
			return r.redactPersonalValue(v, sc, underPersonal)
		}
		if (class == keyScanned || class == keyPerson) && r.keyWords && v.Type() == pcommon.ValueTypeStr && bareE164(v.Str()) && addresseeKey(k) {
			return r.replaceWhole(v, sc, r.personalRule(personalPhone)) // "sms.to": "447700900123" (bare_e164.go)
		}
		if class == keyScanned && parent != "" && r.keyWords && v.Type() == pcommon.ValueTypeStr {
			// {"sms": {"to": "727 07 329"}}: the key read with its parent's, as "sms.to".
			sc.joined = append(append(append(sc.joined[:0], parent...), '.'), k...)
			if pc := r.personalClass(string(sc.joined)); pc != keyScanned {
				return r.redactPersonalValue(v, sc, pc)
			}
		}
		if v.Type() == pcommon.ValueTypeMap {
			outer := sc.parentKey
			sc.parentKey = k
			defer func() { sc.parentKey = outer }()
		}
		switch class {
		case keyAllowed:
			return false
		case keySensitive:
			return r.redactWholeValue(v, sc, keySensitive)
		case keyCredentialWords:
			if v.Type() == pcommon.ValueTypeMap {
				// {"auth": {"provider": "google", "token": "…"}}: a map under a key whose
				// words name a credential is read by its own keys.
				r.redactMap(v.Map(), sc)
				return false
			}
			return r.redactWholeValue(v, sc, keySensitive)
		case keyCookie:
			return r.redactWholeValue(v, sc, keyCookie)
		case keyAuthorization:
			return r.redactWholeValue(v, sc, keyAuthorization)
		case keyName:
			if underPerson {
				return r.redactWholeValue(v, sc, keySensitive)
			}
		case keyArgv:
			if v.Type() == pcommon.ValueTypeSlice {
				r.redactArgv(v.Slice(), sc)
			}
		case keyPhone, keyPersonalID, keyBirthDate, keyAddress, keyAccount:
			if v.Type() == pcommon.ValueTypeMap {
				sc.underPersonal = class
				r.redactMap(v.Map(), sc)
				sc.underPersonal = keyScanned
				return false
			}
			return r.redactPersonalValue(v, sc, class)
		case keyPerson:
			if individualKey(k) && namesOnly(v) {
				return r.redactWholeValue(v, sc, keySensitive) // "account_holder": "Jane Doe", or a list of names
			}
			sc.underPerson = true
			remove := r.redactValue(v, sc, true)
			sc.underPerson = false
			return remove
		case keyTraceID, keyProductCode:
			kind := traceIdentifier
			if class == keyProductCode {
				kind = productCode
			}
			if v.Type() == pcommon.ValueTypeStr && identifierShaped(kind, v.Str()) {
				return false
			}
			if v.Type() == pcommon.ValueTypeSlice && allIdentifierShaped(kind, v.Slice()) {
				return false // "dd.trace_id": ["4865548905161712626"], as a header array holds it
			}
		case keyVersion:
			outer := sc.inVersion
			sc.inVersion = true
			remove := r.redactValue(v, sc, true)
			sc.inVersion = outer
			return remove
		}
		return r.redactValue(v, sc, true)
	})
}

// namedSecretValueKey returns the key of a name/value pair's value when its
// sibling name names a credential ({"name": "DB_PASSWORD", "value": "…"}: Kubernetes'
// and ECS's environment lists, SSM's parameters, key/value lists), or "".
func namedSecretValueKey(m pcommon.Map) string {
	if m.Len() < 2 || m.Len() > 8 {
		return ""
	}
	for _, vk := range [...]string{"value", "Value"} {
		if _, ok := m.Get(vk); !ok {
			continue
		}
		for _, nk := range [...]string{"name", "Name", "key", "Key"} {
			if n, ok := m.Get(nk); ok && n.Type() == pcommon.ValueTypeStr && namesSecret(n.Str()) {
				return vk
			}
		}
	}
	return ""
}

// namesSecret reports a name, as a pair's name or a parameter's path, whose words
// name a credential ("DB_PASSWORD", "/prod/orders/api_token"), not something about one
// ("DB_PASSWORD_FILE").
func namesSecret(name string) bool {
	return len(name) <= 128 && classifyKeyWords(name) == wordsCredential && !credentialMetadata(name)
}

// classifyKey applies the allow-list, then the sensitive-key globs and the rules
// by the key's words, through the scratch's cache.
func (r *redactor) classifyKey(k string, sc *scratch) keyClass {
	if c, ok := sc.keys[k]; ok {
		return c
	}
	c := keyScanned
	words := wordsNone
	if r.keyWords {
		words = classifyKeyWords(k)
	}
	switch {
	case r.allowed.match(k):
		c = keyAllowed
	case words == wordsCookie:
		c = keyCookie
	case words == wordsAuthorization:
		c = keyAuthorization
	case r.sensitive.match(k) && !r.metadataUnderDefaultGlob(k, words):
		c = keySensitive
	case words == wordsCredential, words == wordsPersonName:
		c = keyCredentialWords
	case r.keyWords && words == wordsNone && r.personalClass(k) != keyScanned:
		c = r.personalClass(k)
	case r.keyWords && words == wordsNone && identifierKeyKind(k) == traceIdentifier:
		c = keyTraceID
	case r.keyWords && words == wordsNone && identifierKeyKind(k) == productCode:
		c = keyProductCode
	case isVersionKey(k):
		c = keyVersion
	case words == wordsName:
		c = keyName
	case words == wordsPerson:
		c = keyPerson
	case words == wordsArgv:
		c = keyArgv
	}
	if len(sc.keys) >= maxCachedKeys {
		clear(sc.keys)
	}
	sc.keys[k] = c
	return c
}

// personalClass returns the key class of a key that names a personal value, or
// keyScanned.
func (r *redactor) personalClass(k string) keyClass {
	switch personalKeyKind(k) {
	case personalPhone:
		if r.phoneRule >= 0 {
			return keyPhone
		}
	case personalID:
		if r.nationalIDRule >= 0 {
			return keyPersonalID
		}
	case personalBirthDate:
		return keyBirthDate
	case personalAddress:
		return keyAddress
	case personalAccount:
		return keyAccount
	}
	return keyScanned
}

// personalRule returns the rule a personal value of the kind is reported under.
func (r *redactor) personalRule(kind personalKind) int {
	switch {
	case kind == personalPhone && r.phoneRule >= 0:
		return r.phoneRule
	case kind == personalID && r.nationalIDRule >= 0:
		return r.nationalIDRule
	}
	return r.keyRule
}

var personalKindOfClass = map[keyClass]personalKind{
	keyPhone: personalPhone, keyPersonalID: personalID, keyBirthDate: personalBirthDate, keyAddress: personalAddress, keyAccount: personalAccount,
}

// redactPersonalValue redacts a value under a key that names a personal value:
// whole when it has the kind's shape (each element of a list alike), scanned by
// the detectors otherwise.
func (r *redactor) redactPersonalValue(v pcommon.Value, sc *scratch, class keyClass) bool {
	kind := personalKindOfClass[class]
	switch v.Type() {
	case pcommon.ValueTypeStr:
		// A detector that finds the whole value names it ("user.ssn": us_ssn, an IBAN
		// under "payout.iban"); the key rule takes what none finds whole.
		if s := v.Str(); personalShaped(kind, s) && !detector.PlainValue(s) && !r.foundWhole(s, sc) {
			return r.replaceWhole(v, sc, r.personalRule(kind))
		}
	case pcommon.ValueTypeSlice:
		s := v.Slice()
		for i := 0; i < s.Len(); i++ {
			if r.redactPersonalValue(s.At(i), sc, class) {
				return true
			}
		}
		return false
	}
	return r.redactValue(v, sc, true)
}

// foundWhole reports whether one detector finds all of s but surrounding spaces.
func (r *redactor) foundWhole(s string, sc *scratch) bool {
	t := strings.TrimSpace(s)
	start := strings.Index(s, t)
	sc.hits = sc.hits[:0]
	r.collectHits(s, sc, nil)
	for _, h := range sc.hits {
		if h.Start <= start && h.End >= start+len(t) {
			return true
		}
	}
	return false
}

// replaceWhole replaces a string value whole under a rule and reports whether its
// holder must be removed.
func (r *redactor) replaceWhole(v pcommon.Value, sc *scratch, rule int) bool {
	rl := &r.rules[rule]
	sc.batch[rule]++
	sc.item[rule]++
	if r.dryRun {
		return false
	}
	if rl.action == ActionRemove {
		sc.removed[rule]++
		return true
	}
	v.SetStr(rl.replacement(r.hasher, v.Str()))
	return false
}

// redactValue redacts v in place and reports whether its holder must be removed.
func (r *redactor) redactValue(v pcommon.Value, sc *scratch, canRemove bool) bool {
	switch v.Type() {
	case pcommon.ValueTypeStr:
		out, changed, remove := r.redactString(v.Str(), sc, canRemove)
		if remove {
			return true
		}
		if changed {
			v.SetStr(out)
		}
	case pcommon.ValueTypeSlice:
		s := v.Slice()
		underPerson := sc.underPerson
		for i := 0; i < s.Len(); i++ {
			sc.underPerson = underPerson // each map of a list of people
			if r.redactValue(s.At(i), sc, canRemove) {
				return true
			}
		}
	case pcommon.ValueTypeMap:
		r.redactMap(v.Map(), sc)
	}
	return false
}

// redactWholeValue replaces the value of a sensitive key, keeping arrays and maps
// as arrays and maps of redacted values, and reports whether to remove it. A
// cookie or an authorization header keeps what is not secret in it: cookie
// attributes and cookies that identify nobody, the authentication scheme.
func (r *redactor) redactWholeValue(v pcommon.Value, sc *scratch, class keyClass) bool {
	rl := &r.rules[r.keyRule]
	switch v.Type() {
	case pcommon.ValueTypeEmpty, pcommon.ValueTypeBool:
		return false
	case pcommon.ValueTypeSlice:
		s := v.Slice()
		for i := 0; i < s.Len(); i++ {
			if r.redactWholeValue(s.At(i), sc, class) {
				return true
			}
		}
		return false
	case pcommon.ValueTypeMap:
		remove := false
		v.Map().Range(func(_ string, inner pcommon.Value) bool {
			remove = r.redactWholeValue(inner, sc, class)
			return !remove
		})
		return remove
	}
	if v.Type() == pcommon.ValueTypeStr && (v.Str() == "" || detector.PlainValue(v.Str())) {
		// Empty, a boolean, a value already masked, a path: nothing to hide.
		return false
	}
	if v.Type() == pcommon.ValueTypeStr && class == keySensitive && startsWithAuthScheme(v.Str()) {
		// "Bearer abc" under "upstream.auth": the credential goes, the scheme stays.
		class = keyAuthorization
	}
	if v.Type() == pcommon.ValueTypeStr && class != keySensitive {
		out, changed := r.redactHeaderValue(v.Str(), class)
		if !changed {
			return false
		}
		sc.batch[r.keyRule]++
		sc.item[r.keyRule]++
		if !r.dryRun {
			v.SetStr(out)
		}
		return false
	}
	sc.batch[r.keyRule]++
	sc.item[r.keyRule]++
	if r.dryRun {
		return false
	}
	if rl.action == ActionRemove {
		sc.removed[r.keyRule]++
		return true
	}
	v.SetStr(rl.replacement(r.hasher, v.AsString()))
	return false
}

// redactArgv redacts, in a command's arguments recorded as an array, the secrets
// its flags take ("-pSECRET", "-a", "SECRET"); every argument is scanned after.
func (r *redactor) redactArgv(args pcommon.Slice, sc *scratch) {
	sc.cmdArgv = sc.cmdArgv[:0]
	for i := 0; i < args.Len(); i++ {
		if args.At(i).Type() != pcommon.ValueTypeStr {
			return
		}
		sc.cmdArgv = append(sc.cmdArgv, args.At(i).Str())
	}
	sc.cmdFound = argvSecrets(sc.cmdArgv, sc.cmdFound[:0])
	rl := &r.rules[r.keyRule]
	for _, f := range sc.cmdFound {
		arg := sc.cmdArgv[f[0]]
		sc.batch[r.keyRule]++
		sc.item[r.keyRule]++
		if r.dryRun {
			continue
		}
		var b strings.Builder
		b.WriteString(arg[:f[1]])
		rl.writeReplacement(&b, r.hasher, arg[f[1]:f[2]])
		b.WriteString(arg[f[2]:])
		args.At(f[0]).SetStr(b.String())
	}
}

// redactText redacts a string field that cannot be removed (names, messages).
func (r *redactor) redactText(s string, sc *scratch) (string, bool) {
	out, changed, _ := r.redactString(s, sc, false)
	return out, changed
}

// beginItem resets the per-item counts before a span or log record.
func (sc *scratch) beginItem() { clear(sc.item) }

// endItem writes the summary attribute when the item had findings.
func (r *redactor) endItem(attrs pcommon.Map, sc *scratch) {
	if r.summary == "" {
		return
	}
	for _, n := range sc.item {
		if n > 0 {
			attrs.PutStr(r.summary, formatSummary(r.rules, sc.item))
			return
		}
	}
}

// allIdentifierShaped reports a list of strings that all have the identifier's
// shape.
func allIdentifierShaped(kind identifierKind, s pcommon.Slice) bool {
	for i := 0; i < s.Len(); i++ {
		if e := s.At(i); e.Type() != pcommon.ValueTypeStr || !identifierShaped(kind, e.Str()) {
			return false
		}
	}
	return s.Len() > 0
}

// namesOnly reports a string, or a list of strings, that are people's names.
func namesOnly(v pcommon.Value) bool {
	switch v.Type() {
	case pcommon.ValueTypeStr:
		return personNameShaped(strings.TrimSpace(v.Str()))
	case pcommon.ValueTypeSlice:
		s := v.Slice()
		for i := 0; i < s.Len(); i++ {
			if e := s.At(i); e.Type() != pcommon.ValueTypeStr || !personNameShaped(strings.TrimSpace(e.Str())) {
				return false
			}
		}
		return s.Len() > 0
	}
	return false
}
