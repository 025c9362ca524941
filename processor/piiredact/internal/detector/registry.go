package detector

// Builtin registers one built-in detector: everything the processor needs to know
// about it is here, and nowhere else. Each detector's file declares its Builtin next
// to the code; builtins below lists them in the order they run.
type Builtin struct {
	// Name is the detector's name in configuration, in replacement text and as a
	// metric attribute: lowercase letters, digits and underscores, never data.
	Name string
	// New returns the detector configured by opts.
	New func(opts Options) Detector
	// Prefilter is what a value must hold for the detector to find anything in it;
	// a value without it is not scanned. Every built-in declares one, so that a
	// clean value is scanned only by the detectors that could match it.
	Prefilter Prefilter
	// Address marks the IP address detectors: they take mask_internal_addresses,
	// and they do not scan the values of version keys ("2.1.0.17" is a version).
	Address bool
}

// Options tune the built-in detectors that take any.
type Options struct {
	// MaskInternalAddresses makes the IP detectors mask private, loopback,
	// link-local and unique-local addresses too.
	MaskInternalAddresses bool
}

// builtins are the built-in detectors in the order they run. The order decides
// which detector a finding is reported under when two find exactly the same
// range; otherwise every detector sees the whole value and overlapping findings
// are merged, so a detector's place is a matter of reporting, not of recall.
// TestRegistryIsComplete fails for a detector type that is not listed here.
var builtins = [...]*Builtin{
	&privateKeyBuiltin,
	&creditCardBuiltin,
	&emailBuiltin,
	&usSSNBuiltin,
	&nationalIDBuiltin,
	&phoneBuiltin,
	&ipv4Builtin,
	&ipv6Builtin,
	&ibanBuiltin,
	&jwtBuiltin,
	&authCredentialBuiltin,
	&apiKeyBuiltin,
	&urlCredentialBuiltin,
}

// Builtins returns the built-in detectors' registrations in the order they run.
func Builtins() []Builtin {
	out := make([]Builtin, len(builtins))
	for i, b := range builtins {
		out[i] = *b
	}
	return out
}

// Lookup returns the registration of the built-in detector with the given name.
func Lookup(name string) (Builtin, bool) {
	for _, b := range builtins {
		if b.Name == name {
			return *b, true
		}
	}
	return Builtin{}, false
}

// BuiltinNames lists the built-in detectors' names in the order they run.
func BuiltinNames() []string {
	out := make([]string, len(builtins))
	for i, b := range builtins {
		out[i] = b.Name
	}
	return out
}

// NewBuiltin returns the built-in detector with the given name and default
// options, or false.
func NewBuiltin(name string) (Detector, bool) {
	b, ok := Lookup(name)
	if !ok {
		return nil, false
	}
	return b.New(Options{}), true
}
