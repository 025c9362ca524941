package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

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

var errMalformedSlab = errors.New("errorkeep: buffered encoding is malformed")

// slab is the OTLP encoding of one incoming batch, with the spans' trace IDs blanked.
// Every trace of the batch points into it instead of holding a copy of its own: one
// allocation per batch rather than several per trace, no allocator rounding per
// trace, and a resource or scope shared by many traces is held once. A slab counts
// in full against max_buffered_bytes while any buffered trace points into it, so
// the bound is on memory actually held, not on the parts still wanted.
type slab struct {
	data []byte
	// tails says, for every ResourceSpans and ScopeSpans, where the header fields
	// after its children start: putting a trace back together then reads a
	// message's headers without walking past all the other traces' spans in it.
	tails []msgTail
	refs  int32 // pieces held by buffered traces
}

// size is what a slab holds: its encoding and its table of message tails (two
// uint32 an entry). Both are fixed once cut has run, before any trace holds it.
func (s *slab) size() int64 { return int64(len(s.data) + cap(s.tails)*8) }

// piece is a run of consecutive spans of one trace inside one scope of a slab. rs and
// ss are the offsets of the length prefixes of the enclosing ResourceSpans and
// ScopeSpans messages; [start, end) covers the spans' fields, tags included, so runs
// of one scope can be concatenated as they are.
type piece struct {
	slab       *slab
	rs, ss     uint32
	start, end uint32
}

func (pc *piece) bytes() int { return int(pc.end - pc.start) }

func (pc *piece) sameScope(o *piece) bool {
	return pc.slab == o.slab && pc.rs == o.rs && pc.ss == o.ss
}

// spanRun is where cut found one span.
type spanRun struct{ rs, ss, start, end uint32 }

// cut walks the slab's encoding and hands each span, in encoding order, to
// owners[k] for the k-th span. owners comes from the same walk over the pdata the
// slab was encoded from, so the two orders are the same.
func (s *slab) cut(owners []*traceGroup) error {
	if len(s.data) > math.MaxUint32 {
		return fmt.Errorf("errorkeep: a batch of %d bytes is too large to buffer", len(s.data))
	}
	w := cutWalk{slab: s, owners: owners}
	if err := w.walk(); err != nil {
		return err
	}
	if w.k != len(owners) {
		return fmt.Errorf("%w: %d spans encoded, %d expected", errMalformedSlab, w.k, len(owners))
	}
	return nil
}

type cutWalk struct {
	slab   *slab
	owners []*traceGroup
	k      int
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
			if w.k >= len(w.owners) {
				return errMalformedSlab
			}
			w.owners[w.k].addRun(w.slab, spanRun{rs: rs, ss: ss, start: uint32(r), end: uint32(spanEnd)})
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
		return fmt.Errorf("%w: a header field between children", errMalformedSlab)
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
func (s *slab) noteMessage(off uint32) int {
	s.tails = append(s.tails, msgTail{off: off})
	return len(s.tails) - 1
}

// tailOf returns where the header fields after the children of the message at off
// start.
func (s *slab) tailOf(off uint32) (uint32, error) {
	i, found := slices.BinarySearchFunc(s.tails, off, func(t msgTail, off uint32) int { return cmp.Compare(t.off, off) })
	if !found {
		return 0, errMalformedSlab
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
			return 0, 0, 0, errMalformedSlab
		}
		if l0, l1 := data[pos+1], data[pos+2]; l1 < 0x80 {
			body = pos + 3
			if next = body + (int(l0&0x7f) | int(l1)<<7); next <= limit {
				return num, body, next, nil
			}
			return 0, 0, 0, errMalformedSlab
		}
	}
	num, typ, n := protowire.ConsumeTag(data[pos:limit])
	if n < 0 {
		return 0, 0, 0, errMalformedSlab
	}
	if typ == protowire.BytesType {
		l, m := protowire.ConsumeVarint(data[pos+n : limit])
		if m < 0 || uint64(limit-pos-n-m) < l {
			return 0, 0, 0, errMalformedSlab
		}
		return num, pos + n + m, pos + n + m + int(l), nil
	}
	m := protowire.ConsumeFieldValue(num, typ, data[pos+n:limit])
	if m < 0 {
		return 0, 0, 0, errMalformedSlab
	}
	return num, -1, pos + n + m, nil
}

// messageAt returns the bounds of the message whose length prefix is at off.
func messageAt(data []byte, off uint32) (start, end int, err error) {
	l, n := protowire.ConsumeVarint(data[off:])
	if n < 0 || uint64(len(data)-int(off)-n) < l {
		return 0, 0, errMalformedSlab
	}
	start = int(off) + n
	return start, start + int(l), nil
}
