package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
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
		return errMalformedSlab
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

func (f *fieldRanges) appendTo(dst, data []byte) []byte {
	for i := range f.n {
		dst = append(dst, data[f.ranges[i][0]:f.ranges[i][1]]...)
	}
	return dst
}

// headerFields collects the header fields of the message at off: those before its
// first child (children, or for a ResourceSpans the deprecated copy of them, which
// is left out) and those after its last child.
func (s *slab) headerFields(off uint32, children, deprecated protowire.Number) (fieldRanges, error) {
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
	pieces    []piece
	ssHead    fieldRanges
	spanBytes int
	owner     int // caller's index of the trace the pieces belong to
}

func (sp *scopePlan) body() int { return sp.ssHead.len() + sp.spanBytes }

// resourcePlan is one ResourceSpans of an encoding being put together.
type resourcePlan struct {
	slab   *slab
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

// encoder puts pieces from any number of slabs together into one OTLP TracesData
// encoding, in the order given. Each trace gets ScopeSpans of its own, so that its
// spans can be told apart after decoding. With shareResources, traces added one
// after another that came with the same resource in the same batch share one
// ResourceSpans, so a resource is decoded (and later exported) once rather than once
// per kept trace; traces are decided in arrival order, so the traces of one batch
// come one after another. Without it, every ScopeSpans gets a ResourceSpans of its
// own.
type encoder struct {
	shareResources bool
	resources      []resourcePlan
	scopes         []scopePlan
	size           int
}

// scopesOf returns the ScopeSpans planned under rp.
func (e *encoder) scopesOf(rp *resourcePlan) []scopePlan { return e.scopes[rp.from:rp.to] }

// add plans the pieces of the trace the caller calls owner.
func (e *encoder) add(pieces []piece, owner int) error {
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
			plan.spanBytes += pieces[k].bytes()
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
func (e *encoder) resource(pc *piece) (*resourcePlan, error) {
	if n := len(e.resources); e.shareResources && n > 0 && e.resources[n-1].slab == pc.slab && e.resources[n-1].rs == pc.rs {
		return &e.resources[n-1], nil
	}
	rsHead, err := pc.slab.headerFields(pc.rs, fieldScopeSpans, fieldDeprecatedScopeSpan)
	if err != nil {
		return nil, err
	}
	n := len(e.scopes)
	e.resources = append(e.resources, resourcePlan{slab: pc.slab, rs: pc.rs, rsHead: rsHead, data: pc.slab.data, from: n, to: n, body: rsHead.len()})
	rp := &e.resources[len(e.resources)-1]
	e.size += rp.encoded()
	return rp, nil
}

// encode writes every planned ResourceSpans into buf, grown to exactly the right
// size when it is too small.
func (e *encoder) encode(buf []byte) []byte {
	if cap(buf) < e.size {
		buf = make([]byte, 0, e.size)
	}
	return e.appendTo(buf[:0])
}

// appendTo appends every planned ResourceSpans, e.size bytes, to buf.
func (e *encoder) appendTo(buf []byte) []byte {
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
// bytes; repack uses it when a group would overflow its slab. Only for an encoder
// that does not share resources.
func (e *encoder) rollback(n, size int) {
	scopes := 0
	if n > 0 {
		scopes = e.resources[n-1].to
	}
	clear(e.resources[n:])
	clear(e.scopes[scopes:])
	e.resources, e.scopes, e.size = e.resources[:n], e.scopes[:scopes], size
}

func (e *encoder) reset() { e.rollback(0, 0) }
