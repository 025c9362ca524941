package otlpwire // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"google.golang.org/protobuf/encoding/protowire"
)

// OTLP field numbers walked here (opentelemetry/proto/trace/v1/trace.proto).
const (
	fieldResourceSpans       = 1    // TracesData.resource_spans
	fieldScopeSpans          = 2    // ResourceSpans.scope_spans
	fieldDeprecatedScopeSpan = 1000 // ResourceSpans.deprecated_scope_spans, migrated by pdata on decode
	fieldSpans               = 2    // ScopeSpans.spans
)

// ErrMalformed is returned for an encoding that is not what Cut expects: a slab is
// our own encoding, so this means a bug or a record that passed its checksum corrupt.
var ErrMalformed = errors.New("otlpwire: span encoding is malformed")

// Slab is the OTLP encoding of one incoming batch, with the spans' trace IDs blanked.
// Every trace of the batch points into it instead of holding a copy of its own: one
// allocation per batch rather than several per trace, no allocator rounding per
// trace, and a resource or scope shared by many traces is held once. The buffer
// that holds pieces of a slab counts it whole while any of them is held (Hold,
// Release), so that its bound is on memory actually held, not on the parts still
// wanted.
type Slab struct {
	data []byte
	// tails says, for every ResourceSpans and ScopeSpans, where the header fields
	// after its children start: putting a trace back together then reads a
	// message's headers without walking past all the other traces' spans in it.
	tails []msgTail
	refs  int32 // pieces held
}

// Size is what a slab holds: its encoding and its table of message tails (two
// uint32 an entry). Both are fixed once Cut has run, before any piece is held.
func (s *Slab) Size() int64 { return int64(len(s.data) + cap(s.tails)*8) }

// Hold notes one more piece of s held, and reports whether it is the first: s
// starts to count then. Not safe for concurrent use: the holder serialises.
func (s *Slab) Hold() (first bool) {
	s.refs++
	return s.refs == 1
}

// Release notes one piece of s let go of, and reports whether it was the last: s
// stops counting then.
func (s *Slab) Release() (last bool) {
	s.refs--
	return s.refs == 0
}

// Held reports whether any piece of s is held.
func (s *Slab) Held() bool { return s.refs > 0 }

// Piece is a run of consecutive spans of one trace inside one scope of a slab. rs and
// ss are the offsets of the length prefixes of the enclosing ResourceSpans and
// ScopeSpans messages; [start, end) covers the spans' fields, tags included, so runs
// of one scope can be concatenated as they are.
type Piece struct {
	slab       *Slab
	rs, ss     uint32
	start, end uint32
}

// Slab is the slab the piece is in.
func (pc *Piece) Slab() *Slab { return pc.slab }

// Bytes is the size of the piece's spans, encoded.
func (pc *Piece) Bytes() int { return int(pc.end - pc.start) }

func (pc *Piece) sameScope(o *Piece) bool {
	return pc.slab == o.slab && pc.rs == o.rs && pc.ss == o.ss
}

// Pieces are where one trace's spans are, in the order Cut found them, with their
// count and size.
type Pieces struct {
	List  []Piece
	Spans uint32
	Bytes uint32
}

// Slab is the slab the first piece is in, or nil.
func (p *Pieces) Slab() *Slab {
	if len(p.List) == 0 {
		return nil
	}
	return p.List[0].slab
}

// Reset empties p and keeps its list's capacity; the slabs it pointed to are let go.
func (p *Pieces) Reset() {
	clear(p.List)
	*p = Pieces{List: p.List[:0]}
}

// add appends one span, extending the last piece when the span follows it directly.
func (p *Pieces) add(s *Slab, r spanRun) {
	p.Spans++
	p.Bytes += r.end - r.start
	if n := len(p.List); n > 0 {
		last := &p.List[n-1]
		if last.slab == s && last.ss == r.ss && last.end == r.start {
			last.end = r.end
			return
		}
	}
	p.List = append(p.List, Piece{slab: s, rs: r.rs, ss: r.ss, start: r.start, end: r.end})
}

// spanRun is where cut found one span.
type spanRun struct{ rs, ss, start, end uint32 }

// Cut makes a slab of data, an OTLP TracesData encoding, and adds each span, in
// encoding order, to owners[k] for the k-th span. owners comes from a walk over the
// pdata data was encoded from, so the two orders are the same. messages, the number
// of ResourceSpans and ScopeSpans, sizes the slab's table of their tails.
func Cut(data []byte, messages int, owners []*Pieces) (*Slab, error) {
	s := &Slab{data: data, tails: make([]msgTail, 0, messages)}
	if err := s.cut(owners, nil); err != nil {
		return nil, err
	}
	return s, nil
}

// CutOne makes a slab of data, an OTLP TracesData encoding of one trace's spans (a
// record the store gave back), and adds every span to owner.
func CutOne(data []byte, owner *Pieces) (*Slab, error) {
	s := &Slab{data: data}
	if err := s.cut(nil, owner); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Slab) cut(owners []*Pieces, single *Pieces) error {
	if len(s.data) > math.MaxUint32 {
		return fmt.Errorf("spanstore: a batch of %d bytes is too large to buffer", len(s.data))
	}
	w := cutWalk{slab: s, owners: owners, single: single}
	if err := w.walk(); err != nil {
		return err
	}
	if single == nil && w.k != len(owners) {
		return fmt.Errorf("%w: %d spans encoded, %d expected", ErrMalformed, w.k, len(owners))
	}
	return nil
}

type cutWalk struct {
	slab   *Slab
	owners []*Pieces
	single *Pieces // every span's owner, when owners is nil
	k      int
}

func (w *cutWalk) owner() (*Pieces, error) {
	if w.single != nil {
		return w.single, nil
	}
	if w.k >= len(w.owners) {
		return nil, ErrMalformed
	}
	return w.owners[w.k], nil
}

func (w *cutWalk) walk() error {
	data := w.slab.data
	for pos := 0; pos < len(data); {
		num, rsBody, rsEnd, err := nextField(data, pos, len(data))
		if err != nil {
			return err
		}
		if num == fieldResourceSpans && rsBody >= 0 {
			if err := w.resourceSpans(rsBody, rsEnd); err != nil {
				return err
			}
		}
		pos = rsEnd
	}
	return nil
}

func (w *cutWalk) resourceSpans(body, end int) error {
	data := w.slab.data
	rs := prefixOffset(body, end)
	entry := w.slab.noteMessage(rs)
	var children childOrder
	for q := body; q < end; {
		num, ssBody, ssEnd, err := nextField(data, q, end)
		if err != nil {
			return err
		}
		switch {
		case num == fieldScopeSpans && ssBody >= 0:
			if err := children.child(ssEnd); err != nil {
				return err
			}
			if err := w.scopeSpans(rs, ssBody, ssEnd); err != nil {
				return err
			}
		case num != fieldDeprecatedScopeSpan:
			children.header()
		}
		q = ssEnd
	}
	w.slab.tails[entry].tail = uint32(children.tail(body))
	return nil
}

func (w *cutWalk) scopeSpans(rs uint32, body, end int) error {
	data := w.slab.data
	ss := prefixOffset(body, end)
	entry := w.slab.noteMessage(ss)
	var children childOrder
	for r := body; r < end; {
		num, spanBody, spanEnd, err := nextField(data, r, end)
		if err != nil {
			return err
		}
		if num == fieldSpans && spanBody >= 0 {
			if err := children.child(spanEnd); err != nil {
				return err
			}
			owner, err := w.owner()
			if err != nil {
				return err
			}
			owner.add(w.slab, spanRun{rs: rs, ss: ss, start: uint32(r), end: uint32(spanEnd)})
			w.k++
		} else {
			children.header()
		}
		r = spanEnd
	}
	w.slab.tails[entry].tail = uint32(children.tail(body))
	return nil
}

// childOrder checks that a message's header fields come before or after its
// children, never between two of them (pdata writes a resource or scope after the
// children and a schema URL before them), and finds where the children end.
type childOrder struct {
	end         int // where the last child seen ends; 0 before the first
	headerAfter bool
}

func (c *childOrder) child(end int) error {
	if c.headerAfter {
		return fmt.Errorf("%w: a header field between children", ErrMalformed)
	}
	c.end = end
	return nil
}

func (c *childOrder) header() {
	if c.end > 0 {
		c.headerAfter = true
	}
}

// tail is where the header fields after the children start.
func (c *childOrder) tail(body int) int { return max(c.end, body) }

// msgTail is where the header fields after a message's children start, for the
// message whose length prefix is at off.
type msgTail struct{ off, tail uint32 }

// noteMessage adds an entry for the message at off, whose tail is filled in once
// its children have been walked, and returns its index. Messages are walked in
// order, so tails stays sorted by offset.
func (s *Slab) noteMessage(off uint32) int {
	s.tails = append(s.tails, msgTail{off: off})
	return len(s.tails) - 1
}

// tailOf returns where the header fields after the children of the message at off
// start.
func (s *Slab) tailOf(off uint32) (uint32, error) {
	i, found := slices.BinarySearchFunc(s.tails, off, func(t msgTail, off uint32) int { return cmp.Compare(t.off, off) })
	if !found {
		return 0, ErrMalformed
	}
	return s.tails[i].tail, nil
}

// prefixOffset is where the length prefix of a message with this body starts. The
// slab is our own encoding, so prefixes are minimal varints.
func prefixOffset(body, end int) uint32 {
	return uint32(body - protowire.SizeVarint(uint64(end-body)))
}

// nextField reads the field starting at pos, which must end by limit. body is where a
// length-delimited field's value starts, or -1 for other wire types; next is where
// the following field starts. The tags and lengths in a slab are nearly all one or
// two bytes, so those are read inline; protowire handles the rest.
func nextField(data []byte, pos, limit int) (num protowire.Number, body, next int, err error) {
	if pos+2 < limit && data[pos] < 0x80 && data[pos]&7 == byte(protowire.BytesType) {
		num = protowire.Number(data[pos] >> 3)
		if l := data[pos+1]; l < 0x80 {
			body = pos + 2
			if next = body + int(l); next <= limit {
				return num, body, next, nil
			}
			return 0, 0, 0, ErrMalformed
		}
		if l0, l1 := data[pos+1], data[pos+2]; l1 < 0x80 {
			body = pos + 3
			if next = body + (int(l0&0x7f) | int(l1)<<7); next <= limit {
				return num, body, next, nil
			}
			return 0, 0, 0, ErrMalformed
		}
	}
	num, typ, n := protowire.ConsumeTag(data[pos:limit])
	if n < 0 {
		return 0, 0, 0, ErrMalformed
	}
	if typ == protowire.BytesType {
		l, m := protowire.ConsumeVarint(data[pos+n : limit])
		if m < 0 || uint64(limit-pos-n-m) < l {
			return 0, 0, 0, ErrMalformed
		}
		return num, pos + n + m, pos + n + m + int(l), nil
	}
	m := protowire.ConsumeFieldValue(num, typ, data[pos+n:limit])
	if m < 0 {
		return 0, 0, 0, ErrMalformed
	}
	return num, -1, pos + n + m, nil
}

// messageAt returns the bounds of the message whose length prefix is at off.
func messageAt(data []byte, off uint32) (start, end int, err error) {
	l, n := protowire.ConsumeVarint(data[off:])
	if n < 0 || uint64(len(data)-int(off)-n) < l {
		return 0, 0, ErrMalformed
	}
	start = int(off) + n
	return start, start + int(l), nil
}
