package otlpwire // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"

import (
	"bytes"

	"google.golang.org/protobuf/encoding/protowire"
)

// fieldRanges are the header fields of a message, copied as they are: a resource
// or scope, and a schema URL. pdata writes no other field, and each at most once.
type fieldRanges struct {
	n      uint32
	ranges [2][2]uint32
}

func (f *fieldRanges) add(start, end int) error {
	if int(f.n) == len(f.ranges) {
		return ErrMalformed
	}
	f.ranges[f.n] = [2]uint32{uint32(start), uint32(end)}
	f.n++
	return nil
}

func (f *fieldRanges) len() int {
	total := 0
	for i := range f.n {
		total += int(f.ranges[i][1] - f.ranges[i][0])
	}
	return total
}

// equal reports whether f, in data, holds the same bytes as o, in odata.
func (f *fieldRanges) equal(data []byte, o *fieldRanges, odata []byte) bool {
	if f.n != o.n {
		return false
	}
	for i := range f.n {
		a, b := f.ranges[i], o.ranges[i]
		if !bytes.Equal(data[a[0]:a[1]], odata[b[0]:b[1]]) {
			return false
		}
	}
	return true
}

func (f *fieldRanges) appendTo(dst, data []byte) []byte {
	for i := range f.n {
		dst = append(dst, data[f.ranges[i][0]:f.ranges[i][1]]...)
	}
	return dst
}

// headerFields collects the header fields of the message at off: those before its
// first child (children, or for a ResourceSpans the deprecated copy of them, which
// is left out) and those after its last child.
func (s *Slab) headerFields(off uint32, children, deprecated protowire.Number) (fieldRanges, error) {
	var f fieldRanges
	start, end, err := messageAt(s.data, off)
	if err != nil {
		return f, err
	}
	tail, err := s.tailOf(off)
	if err != nil {
		return f, err
	}
	collect := func(from, to int, stopAtChild bool) error {
		for pos := from; pos < to; {
			num, _, next, err := nextField(s.data, pos, to)
			if err != nil {
				return err
			}
			if num == children && stopAtChild {
				return nil
			}
			if num != children && num != deprecated {
				if err := f.add(pos, next); err != nil {
					return err
				}
			}
			pos = next
		}
		return nil
	}
	if err := collect(start, end, true); err != nil {
		return f, err
	}
	if int(tail) > start {
		err = collect(int(tail), end, false)
	}
	return f, err
}

// scopePlan is one ScopeSpans of an encoding being put together: the pieces of one
// trace that share a resource and scope, and the scope's header fields.
type scopePlan struct {
	pieces    []Piece
	ssHead    fieldRanges
	spanBytes int
	owner     int // caller's index of the trace the pieces belong to
}

func (sp *scopePlan) body() int { return sp.ssHead.len() + sp.spanBytes }

// resourcePlan is one ResourceSpans of an encoding being put together.
type resourcePlan struct {
	slab   *Slab
	rs     uint32 // where in slab the resource came from
	rsHead fieldRanges
	data   []byte // the slab the resource's header fields are in
	// scopes are encoder.scopes[from:to]: only the last resource is ever added to,
	// so one slice serves them all.
	from, to int
	body     int // encoded size of rsHead and the scopes
}

// encoded is the size of the ResourceSpans field, tag and length included.
func (rp *resourcePlan) encoded() int {
	return 1 + protowire.SizeVarint(uint64(rp.body)) + rp.body
}

// Encoder puts pieces from any number of slabs together into one OTLP TracesData
// encoding, in the order given. Each trace gets ScopeSpans of its own, so that its
// spans can be told apart after decoding. With ShareResources, traces added one
// after another with the same resource share one ResourceSpans, so a resource is
// decoded (and later exported) once rather than once per kept trace: traces of one
// batch (the same resource in the same slab), and traces read back from the store
// whose resources are byte for byte the same. Traces are decided in arrival order,
// so the traces of one batch or one service come one after another. Without it,
// every ScopeSpans gets a ResourceSpans of its own.
type Encoder struct {
	ShareResources bool
	resources      []resourcePlan
	scopes         []scopePlan
	size           int
}

// Size is the size of the encoding planned so far.
func (e *Encoder) Size() int { return e.size }

// Owner is the owner given to Add of the j-th ScopeSpans of the r-th ResourceSpans
// of the encoding.
func (e *Encoder) Owner(r, j int) int { return e.scopes[e.resources[r].from+j].owner }

// scopesOf returns the ScopeSpans planned under rp.
func (e *Encoder) scopesOf(rp *resourcePlan) []scopePlan { return e.scopes[rp.from:rp.to] }

// Add plans the pieces of the trace the caller calls owner.
func (e *Encoder) Add(pieces []Piece, owner int) error {
	for i := 0; i < len(pieces); {
		j := i + 1
		for j < len(pieces) && pieces[j].sameScope(&pieces[i]) {
			j++
		}
		pc := &pieces[i]
		rp, err := e.resource(pc)
		if err != nil {
			return err
		}
		ssHead, err := pc.slab.headerFields(pc.ss, fieldSpans, fieldSpans)
		if err != nil {
			return err
		}
		plan := scopePlan{pieces: pieces[i:j], ssHead: ssHead, owner: owner}
		for k := i; k < j; k++ {
			plan.spanBytes += pieces[k].Bytes()
		}
		e.size -= rp.encoded()
		e.scopes = append(e.scopes, plan)
		rp.to = len(e.scopes)
		rp.body += 1 + protowire.SizeVarint(uint64(plan.body())) + plan.body()
		e.size += rp.encoded()
		i = j
	}
	return nil
}

// resource returns the ResourceSpans plan pc's spans go into, adding it if needed.
func (e *Encoder) resource(pc *Piece) (*resourcePlan, error) {
	n := len(e.resources)
	if e.ShareResources && n > 0 && e.resources[n-1].slab == pc.slab && e.resources[n-1].rs == pc.rs {
		return &e.resources[n-1], nil
	}
	rsHead, err := pc.slab.headerFields(pc.rs, fieldScopeSpans, fieldDeprecatedScopeSpan)
	if err != nil {
		return nil, err
	}
	if e.ShareResources && n > 0 && e.resources[n-1].rsHead.equal(e.resources[n-1].data, &rsHead, pc.slab.data) {
		return &e.resources[n-1], nil
	}
	first := len(e.scopes)
	e.resources = append(e.resources, resourcePlan{slab: pc.slab, rs: pc.rs, rsHead: rsHead, data: pc.slab.data, from: first, to: first, body: rsHead.len()})
	rp := &e.resources[len(e.resources)-1]
	e.size += rp.encoded()
	return rp, nil
}

// Encode writes every planned ResourceSpans into buf, grown to exactly the right
// size when it is too small.
func (e *Encoder) Encode(buf []byte) []byte {
	if cap(buf) < e.size {
		buf = make([]byte, 0, e.size)
	}
	return e.AppendTo(buf[:0])
}

// AppendTo appends every planned ResourceSpans, Size bytes, to buf.
func (e *Encoder) AppendTo(buf []byte) []byte {
	for i := range e.resources {
		rp := &e.resources[i]
		buf = protowire.AppendTag(buf, fieldResourceSpans, protowire.BytesType)
		buf = protowire.AppendVarint(buf, uint64(rp.body))
		buf = rp.rsHead.appendTo(buf, rp.data)
		scopes := e.scopesOf(rp)
		for j := range scopes {
			plan := &scopes[j]
			data := plan.pieces[0].slab.data
			buf = protowire.AppendTag(buf, fieldScopeSpans, protowire.BytesType)
			buf = protowire.AppendVarint(buf, uint64(plan.body()))
			buf = plan.ssHead.appendTo(buf, data)
			for _, pc := range plan.pieces {
				buf = append(buf, data[pc.start:pc.end]...)
			}
		}
	}
	return buf
}

// rollback forgets everything added after the encoder had n resources and size
// bytes; Repack uses it when a group would overflow its slab. Only for an encoder
// that does not share resources.
func (e *Encoder) rollback(n, size int) {
	scopes := 0
	if n > 0 {
		scopes = e.resources[n-1].to
	}
	clear(e.resources[n:])
	clear(e.scopes[scopes:])
	e.resources, e.scopes, e.size = e.resources[:n], e.scopes[:scopes], size
}

// Reset forgets everything planned, and keeps the room for the next encoding.
func (e *Encoder) Reset() { e.rollback(0, 0) }
