package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"regexp"
	"slices"
	"strings"
	"sync"

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
	allowed   keyMatcher
	hasher    *hasher
	dryRun    bool
	summary   string
	scratches sync.Pool
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
}

// isVersionKey reports keys whose values are versions ("service.version",
// "os.version", "telemetry.sdk.version", "app_version", "buildVersion"): a
// four-part version there is not an IP address.
func isVersionKey(k string) bool {
	const suffix = "version"
	return len(k) >= len(suffix) && strings.EqualFold(k[len(k)-len(suffix):], suffix)
}

type keyClass uint8

const (
	keyScanned   keyClass = iota // values are scanned by the detectors
	keyAllowed                   // on the allow-list: left alone
	keySensitive                 // the whole value is redacted
	keyVersion                   // scanned, except for IP addresses: "2.1.0.17" is a version
)

const maxCachedKeys = 1024

func newRedactor(cfg *Config) *redactor {
	r := &redactor{
		sensitive: newKeyMatcher(cfg.SensitiveKeys),
		allowed:   newKeyMatcher(cfg.AllowedKeys),
		dryRun:    cfg.DryRun,
		summary:   cfg.SummaryAttribute,
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
	r.keyRule = len(r.rules)
	r.rules = append(r.rules, newRule(SensitiveKeyRule, cfg.SensitiveKeyAction.Action, cfg.SensitiveKeyAction.KeepLast))
	if cfg.usesHash() {
		r.hasher = newHasher([]byte(cfg.Hash.Key), keyIDOrDefault(cfg.Hash.KeyID))
	}
	n := len(r.rules)
	r.scratches.New = func() any {
		return &scratch{batch: make([]int, n), removed: make([]int, n), item: make([]int, n), keys: make(map[string]keyClass)}
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
	sc.hits = sc.hits[:0]
	profile := detector.NewProfile(s)
	for i := range r.detectors {
		d := &r.detectors[i]
		if !d.prefilter.Admits(&profile) || (sc.inVersion && d.address) {
			continue
		}
		sc.matches = d.AppendMatches(sc.matches[:0], s)
		for _, m := range sc.matches {
			sc.hits = append(sc.hits, hit{Match: m, rule: i})
		}
	}
	if len(sc.hits) == 0 {
		return s, false, false
	}
	sc.hits = mergeHits(sc.hits)
	removeRule := -1
	for _, h := range sc.hits {
		sc.batch[h.rule]++
		sc.item[h.rule]++
		if canRemove && removeRule < 0 && r.rules[h.rule].action == ActionRemove {
			removeRule = h.rule
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
	return b.String(), true, false
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
	m.RemoveIf(func(k string, v pcommon.Value) bool {
		switch r.classifyKey(k, sc) {
		case keyAllowed:
			return false
		case keySensitive:
			return r.redactWholeValue(v, sc)
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

// classifyKey applies the allow-list, then the sensitive-key globs, through the
// scratch's cache.
func (r *redactor) classifyKey(k string, sc *scratch) keyClass {
	if c, ok := sc.keys[k]; ok {
		return c
	}
	c := keyScanned
	switch {
	case r.allowed.match(k):
		c = keyAllowed
	case r.sensitive.match(k):
		c = keySensitive
	case isVersionKey(k):
		c = keyVersion
	}
	if len(sc.keys) >= maxCachedKeys {
		clear(sc.keys)
	}
	sc.keys[k] = c
	return c
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
		for i := 0; i < s.Len(); i++ {
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
// as arrays and maps of redacted values, and reports whether to remove it.
func (r *redactor) redactWholeValue(v pcommon.Value, sc *scratch) bool {
	rl := &r.rules[r.keyRule]
	switch v.Type() {
	case pcommon.ValueTypeEmpty, pcommon.ValueTypeBool:
		return false
	case pcommon.ValueTypeSlice:
		s := v.Slice()
		for i := 0; i < s.Len(); i++ {
			if r.redactWholeValue(s.At(i), sc) {
				return true
			}
		}
		return false
	case pcommon.ValueTypeMap:
		remove := false
		v.Map().Range(func(_ string, inner pcommon.Value) bool {
			remove = r.redactWholeValue(inner, sc)
			return !remove
		})
		return remove
	}
	if v.Type() == pcommon.ValueTypeStr && v.Str() == "" {
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
