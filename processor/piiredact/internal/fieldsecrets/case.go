package fieldsecrets

import (
	"strings"
)

// Signal is the kind of record a case travels in.
type Signal uint8

const (
	Traces Signal = iota
	Logs
	Metrics
)

func (s Signal) String() string {
	return [...]string{"traces", "logs", "metrics"}[s]
}

// KV is one entry of an ordered map: a key and a value that is a string, a
// []string, a Map, an int64, a float64 or a bool.
type KV struct {
	K string
	V any
}

// Map is an ordered map, as pdata keeps one.
type Map []KV

// Record is what one case sends through the processor.
type Record struct {
	Signal Signal
	// Resource holds resource attributes beyond the background every record has.
	Resource Map
	// Name is the span's name (traces).
	Name string
	// Attrs are the span's, the log record's or the data point's attributes.
	Attrs Map
	// EventName and Event are a span event ("exception") or, for metrics, an
	// exemplar's filtered attributes.
	EventName string
	Event     Map
	// Status is the span's status message.
	Status string
	// Body is the log record's body: a string or a Map.
	Body any
}

// Case is one labelled record.
type Case struct {
	// Kind is "<class>/<variant>": "phone/pl-national", "keep/uuid".
	Kind string
	// Place says where the value sits: "span.attr", "log.body.text"...
	Place string
	Rec   Record
	// Secrets must not survive, not even in part.
	Secrets []string
	// Keep must arrive unchanged, as many times as they were sent.
	Keep []string
}

// Class is the part of Kind before the '/'.
func (c *Case) Class() string {
	if i := strings.IndexByte(c.Kind, '/'); i >= 0 {
		return c.Kind[:i]
	}
	return c.Kind
}

// Planted reports whether the case carries anything that must be gone.
func (c *Case) Planted() bool { return len(c.Secrets) > 0 }
