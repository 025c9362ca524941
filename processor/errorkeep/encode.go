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

// scopePlan is one ResourceSpans of an encoding being put together: the pieces of
// one trace that share a resource and scope, and what to wrap them in.
type scopePlan struct {
	pieces         []piece
	rsHead, ssHead fieldRanges
	spanBytes      int
	owner          int // caller's index of the trace the pieces belong to
}

func (sp *scopePlan) bodies() (rsBody, ssBody int) {
	ssBody = sp.ssHead.len() + sp.spanBytes
	rsBody = sp.rsHead.len() + 1 + protowire.SizeVarint(uint64(ssBody)) + ssBody
	return rsBody, ssBody
}

// encoder puts pieces from any number of slabs together into one OTLP TracesData
// encoding, one ResourceSpans per trace and scope, in the order given.
type encoder struct {
	plans []scopePlan
	size  int
}

// add plans the pieces of the trace the caller calls owner.
func (e *encoder) add(pieces []piece, owner int) error {
	for i := 0; i < len(pieces); {
		j := i + 1
		for j < len(pieces) && pieces[j].sameScope(&pieces[i]) {
			j++
		}
		pc := &pieces[i]
		rsHead, err := pc.slab.headerFields(pc.rs, fieldScopeSpans, fieldDeprecatedScopeSpan)
		if err != nil {
			return err
		}
		ssHead, err := pc.slab.headerFields(pc.ss, fieldSpans, fieldSpans)
		if err != nil {
			return err
		}
		plan := scopePlan{pieces: pieces[i:j], rsHead: rsHead, ssHead: ssHead, owner: owner}
		for k := i; k < j; k++ {
			plan.spanBytes += pieces[k].bytes()
		}
		rsBody, _ := plan.bodies()
		e.size += 1 + protowire.SizeVarint(uint64(rsBody)) + rsBody
		e.plans = append(e.plans, plan)
		i = j
	}
	return nil
}

// encode writes every planned ResourceSpans into buf, grown to exactly the right
// size when it is too small.
func (e *encoder) encode(buf []byte) []byte {
	if cap(buf) < e.size {
		buf = make([]byte, 0, e.size)
	}
	buf = buf[:0]
	for i := range e.plans {
		plan := &e.plans[i]
		data := plan.pieces[0].slab.data
		rsBody, ssBody := plan.bodies()
		buf = protowire.AppendTag(buf, fieldResourceSpans, protowire.BytesType)
		buf = protowire.AppendVarint(buf, uint64(rsBody))
		buf = plan.rsHead.appendTo(buf, data)
		buf = protowire.AppendTag(buf, fieldScopeSpans, protowire.BytesType)
		buf = protowire.AppendVarint(buf, uint64(ssBody))
		buf = plan.ssHead.appendTo(buf, data)
		for _, pc := range plan.pieces {
			buf = append(buf, data[pc.start:pc.end]...)
		}
	}
	return buf
}

func (e *encoder) reset() {
	clear(e.plans)
	e.plans, e.size = e.plans[:0], 0
}
