package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"errors"
	"fmt"
	"math"

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
	// tails are the header fields that follow a message's children, by the offset of
	// the message's length prefix; nil when there are none (the usual case).
	tails map[uint32]fieldRanges
	refs  int32 // pieces held by buffered traces
}

func (s *slab) size() int64 { return int64(len(s.data)) }

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
// slab was encoded from, so the two orders are the same. It also notes the header
// fields that come after a message's children (pdata writes schema URLs last), so
// that putting a trace back together later reads only the start of its messages
// instead of walking past every span in them again.
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
	children := false
	for q := body; q < end; {
		num, ssBody, ssEnd, err := nextField(data, q, end)
		if err != nil {
			return err
		}
		switch {
		case num == fieldScopeSpans && ssBody >= 0:
			children = true
			if err := w.scopeSpans(rs, ssBody, ssEnd); err != nil {
				return err
			}
		case children && num != fieldDeprecatedScopeSpan:
			if err := w.slab.addTail(rs, q, ssEnd); err != nil {
				return err
			}
		}
		q = ssEnd
	}
	return nil
}

func (w *cutWalk) scopeSpans(rs uint32, body, end int) error {
	data := w.slab.data
	ss := prefixOffset(body, end)
	children := false
	for r := body; r < end; {
		num, spanBody, spanEnd, err := nextField(data, r, end)
		if err != nil {
			return err
		}
		switch {
		case num == fieldSpans && spanBody >= 0:
			children = true
			if w.k >= len(w.owners) {
				return errMalformedSlab
			}
			w.owners[w.k].addRun(w.slab, spanRun{rs: rs, ss: ss, start: uint32(r), end: uint32(spanEnd)})
			w.k++
		case children:
			if err := w.slab.addTail(ss, r, spanEnd); err != nil {
				return err
			}
		}
		r = spanEnd
	}
	return nil
}

// prefixOffset is where the length prefix of a message with this body starts. The
// slab is our own encoding, so prefixes are minimal varints.
func prefixOffset(body, end int) uint32 {
	return uint32(body - protowire.SizeVarint(uint64(end-body)))
}

// addTail notes a header field [start, end) that follows the children of the message
// whose length prefix is at msg.
func (s *slab) addTail(msg uint32, start, end int) error {
	if s.tails == nil {
		s.tails = make(map[uint32]fieldRanges)
	}
	f := s.tails[msg]
	if err := f.add(start, end); err != nil {
		return err
	}
	s.tails[msg] = f
	return nil
}

// nextField reads the field starting at pos, which must end by limit. body is where a
// length-delimited field's value starts, or -1 for other wire types; next is where
// the following field starts.
func nextField(data []byte, pos, limit int) (num protowire.Number, body, next int, err error) {
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
