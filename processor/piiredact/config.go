package piiredact // import "github.com/otelcol-custom/otelcol-custom/processor/piiredact"

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/config/configopaque"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Config defines the piiredact processor's settings. The zero value of every field
// is safe: with no settings at all every built-in detector runs on every place PII
// can hide and masks what it finds.
type Config struct {
	// Detectors tunes built-in detectors by name (see README for the list): turn one
	// off with `enabled: false` or change its action. A detector not listed runs
	// with the mask action. Default: empty.
	Detectors map[string]DetectorConfig `mapstructure:"detectors"`

	// OnlyDetectors, when not empty, restricts scanning to these built-in detectors.
	// Custom patterns and key rules still apply. Default: empty, meaning all.
	OnlyDetectors []string `mapstructure:"only_detectors"`

	// CustomPatterns are extra named RE2 patterns; each match is redacted like a
	// built-in detector's. Default: none.
	CustomPatterns []PatternConfig `mapstructure:"custom_patterns"`

	// SensitiveKeys are case-insensitive globs ('*' any run, '?' one character) of
	// attribute and map keys whose whole value is redacted, whatever it contains.
	// Default: DefaultSensitiveKeys. An empty list turns key rules off.
	SensitiveKeys []string `mapstructure:"sensitive_keys"`

	// SensitiveKeyWords turns on the key rules by a key's words, in every notation
	// ("x-api-key", "apiKey", "API_KEY"): keys that end in a word naming a credential
	// (password, pwd, passphrase, secret, token, credentials, jwt, sid, auth, or key
	// after api, private, signing, access...), cookie and authorization headers (their
	// values redacted, their attributes and scheme kept), and people's names under a
	// parent that names a person ("payment.details.holder.name", "customerName", a
	// "name" in the map under "cardholder"). Default: true.
	SensitiveKeyWords *bool `mapstructure:"sensitive_key_words"`

	// SensitiveKeyAction is what happens to the value of a sensitive key.
	// Default: mask.
	SensitiveKeyAction ActionConfig `mapstructure:"sensitive_key_action"`

	// AllowedKeys are case-insensitive globs of keys that are never scanned nor
	// redacted, for values known to be safe and hot. Default: none.
	AllowedKeys []string `mapstructure:"allowed_keys"`

	// Hash configures the hash action. Required when any action is hash.
	Hash HashConfig `mapstructure:"hash"`

	// SummaryAttribute, when set, names an attribute added to each span and log
	// record in which something was redacted, listing counts per detector
	// ("credit_card:1,email:2"). Default: "" (off).
	SummaryAttribute string `mapstructure:"summary_attribute"`

	// DryRun counts (in metrics, and in SummaryAttribute if set) what would be
	// redacted without changing any value. Default: false.
	DryRun bool `mapstructure:"dry_run"`

	// prevent unkeyed literal initialization
	_ struct{}
}

// DetectorConfig tunes one built-in detector.
type DetectorConfig struct {
	// Enabled turns the detector off when false. Default: true.
	Enabled *bool `mapstructure:"enabled"`
	// Action is what happens to each value found. Default: mask.
	Action Action `mapstructure:"action"`
	// KeepLast is how many trailing characters the keep_last action shows.
	// Default: 4 when the action is keep_last.
	KeepLast int `mapstructure:"keep_last"`
	// MaskInternalAddresses, for ipv4 and ipv6 only, masks internal addresses too:
	// private (RFC 1918, fc00::/7), loopback, link-local and unspecified. Default:
	// false, because those are the services' own addresses (server.address,
	// k8s.pod.ip, host.ip), not a person's, and Kubernetes metadata, service graphs
	// and debugging need them.
	MaskInternalAddresses bool `mapstructure:"mask_internal_addresses"`
}

// PatternConfig is a user-defined detector.
type PatternConfig struct {
	// Name identifies the pattern in replacements and metrics: lowercase letters,
	// digits and underscores. Required; must not be a built-in detector's name.
	Name string `mapstructure:"name"`
	// Regex is an RE2 expression (https://github.com/google/re2/wiki/Syntax). Required.
	Regex string `mapstructure:"regex"`
	// Action is what happens to each match. Default: mask.
	Action Action `mapstructure:"action"`
	// KeepLast is how many trailing characters keep_last shows. Default: 4.
	KeepLast int `mapstructure:"keep_last"`
}

// ActionConfig is an action with its parameter.
type ActionConfig struct {
	// Action is what happens to the value. Default: mask.
	Action Action `mapstructure:"action"`
	// KeepLast is how many trailing characters keep_last shows. Default: 4.
	KeepLast int `mapstructure:"keep_last"`
}

// HashConfig configures HMAC-SHA256 pseudonymisation.
type HashConfig struct {
	// Key is the HMAC key, at least 32 bytes. Read it from the environment
	// (`key: ${env:PIIREDACT_HMAC_KEY}`); it is never logged nor printed.
	Key configopaque.String `mapstructure:"key"`
	// KeyID names the key in every hashed value ("[HASH:email:<key_id>:...]") so
	// that keys can be rotated and old pseudonyms told apart. Default: "k1".
	KeyID string `mapstructure:"key_id"`
}

// Action is what happens to a value a detector or key rule found.
type Action string

const (
	// ActionMask replaces the value with "[REDACTED:<detector>]".
	ActionMask Action = "mask"
	// ActionKeepLast replaces it with "[REDACTED:<detector> ending <last N>]".
	ActionKeepLast Action = "keep_last"
	// ActionHash replaces it with "[HASH:<detector>:<key_id>:<HMAC-SHA256 prefix>]".
	ActionHash Action = "hash"
	// ActionRemove removes the attribute that holds it (elsewhere it masks).
	ActionRemove Action = "remove"
)

// SensitiveKeyRule is the detector name reported for values redacted by key.
const SensitiveKeyRule = "sensitive_key"

const (
	defaultKeepLast = 4
	defaultKeyID    = "k1"
	minHashKeyBytes = 32
)

var (
	errUnknownDetector      = errors.New("unknown detector")
	errInvalidAction        = errors.New("invalid action")
	errHashKeyMissing       = errors.New("hash.key is required when an action is hash; set it from the environment, e.g. key: ${env:PIIREDACT_HMAC_KEY}")
	errHashKeyTooShort      = fmt.Errorf("hash.key must be at least %d bytes", minHashKeyBytes)
	errInvalidKeyID         = errors.New("hash.key_id must be 1-32 letters, digits, '.', '_' or '-'")
	errPatternName          = errors.New("name must be 1-64 lowercase letters, digits or underscores")
	errPatternDuplicate     = errors.New("name is already used by a built-in detector or another pattern")
	errEmptyGlob            = errors.New("empty key pattern")
	errNotAnAddressDetector = errors.New("applies only to the ipv4 and ipv6 detectors")
)

var validName = regexp.MustCompile(`^[a-z0-9_]{1,64}$`)

var validKeyID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,32}$`)

var _ component.Config = (*Config)(nil)

// Validate checks what the nested configs cannot check alone: detector names,
// pattern name clashes and the hash key. Nested configs validate themselves.
func (cfg *Config) Validate() error {
	var errs []error
	for name, dc := range cfg.Detectors {
		if b, ok := detector.Lookup(name); !ok {
			errs = append(errs, fmt.Errorf("detectors: %w %q (valid: %s)", errUnknownDetector, name, strings.Join(detector.BuiltinNames(), ", ")))
		} else if dc.MaskInternalAddresses && !b.Address {
			errs = append(errs, fmt.Errorf("detectors::%s::mask_internal_addresses: %w", name, errNotAnAddressDetector))
		}
	}
	for _, name := range cfg.OnlyDetectors {
		if _, ok := detector.Lookup(name); !ok {
			errs = append(errs, fmt.Errorf("only_detectors: %w %q (valid: %s)", errUnknownDetector, name, strings.Join(detector.BuiltinNames(), ", ")))
		}
	}
	seen := map[string]bool{SensitiveKeyRule: true}
	for _, name := range detector.BuiltinNames() {
		seen[name] = true
	}
	for i, p := range cfg.CustomPatterns {
		if seen[p.Name] {
			errs = append(errs, fmt.Errorf("custom_patterns::%d::name: %w: %q", i, errPatternDuplicate, p.Name))
		}
		seen[p.Name] = true
	}
	for i, g := range cfg.SensitiveKeys {
		if g == "" {
			errs = append(errs, fmt.Errorf("sensitive_keys::%d: %w", i, errEmptyGlob))
		}
	}
	for i, g := range cfg.AllowedKeys {
		if g == "" {
			errs = append(errs, fmt.Errorf("allowed_keys::%d: %w", i, errEmptyGlob))
		}
	}
	if cfg.usesHash() {
		switch {
		case cfg.Hash.Key == "":
			errs = append(errs, errHashKeyMissing)
		case len(cfg.Hash.Key) < minHashKeyBytes:
			// Say how long it is, never what it is.
			errs = append(errs, fmt.Errorf("%w, got %d", errHashKeyTooShort, len(cfg.Hash.Key)))
		}
	}
	if cfg.Hash.KeyID != "" && !validKeyID.MatchString(cfg.Hash.KeyID) {
		errs = append(errs, fmt.Errorf("%w, got %q", errInvalidKeyID, cfg.Hash.KeyID))
	}
	return errors.Join(errs...)
}

func (cfg *Config) usesHash() bool {
	if cfg.SensitiveKeyAction.Action == ActionHash {
		return true
	}
	for _, d := range cfg.Detectors {
		if d.Action == ActionHash {
			return true
		}
	}
	for _, p := range cfg.CustomPatterns {
		if p.Action == ActionHash {
			return true
		}
	}
	return false
}

// Validate checks the action and its parameter.
func (d *DetectorConfig) Validate() error { return validateAction(d.Action, d.KeepLast) }

// Validate checks the action and its parameter.
func (a *ActionConfig) Validate() error { return validateAction(a.Action, a.KeepLast) }

// Validate checks the name, compiles the regex and checks the action.
func (p *PatternConfig) Validate() error {
	var errs []error
	if !validName.MatchString(p.Name) {
		errs = append(errs, fmt.Errorf("name: %w, got %q", errPatternName, p.Name))
	}
	if p.Regex == "" {
		errs = append(errs, errors.New("regex: required"))
	} else if _, err := regexp.Compile(p.Regex); err != nil {
		errs = append(errs, fmt.Errorf("regex: invalid RE2 expression: %w", err))
	}
	if err := validateAction(p.Action, p.KeepLast); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func validateAction(a Action, keepLast int) error {
	switch a {
	case "", ActionMask, ActionKeepLast, ActionHash, ActionRemove:
	default:
		return fmt.Errorf("action: %w %q (valid: mask, keep_last, hash, remove)", errInvalidAction, a)
	}
	if keepLast < 0 {
		return fmt.Errorf("keep_last: must be 0 (default %d) or more, got %d", defaultKeepLast, keepLast)
	}
	return nil
}
