package holdout

// Val is one planted value with what an application would call it.
type Val struct {
	// Kind is "<class>/<variant>".
	Kind string
	// Text is the value as it is written.
	Text string
	// Keys are attribute or field names an application stores it under, in the
	// notation of the place ("phone", "customer.mobile", "contactPhone").
	Keys []string
	// Prose are sentences that name it, with %s where it goes.
	Prose []string
	// Bare: its form alone says what it is, so it may also stand in text with no
	// word naming it.
	Bare bool
	// Secrets, when set, are what must be gone (parts of Text); Text otherwise.
	Secrets []string
	// Keep are parts of Text that must survive (a card's scheme word, a URL's host).
	Keep []string
}
