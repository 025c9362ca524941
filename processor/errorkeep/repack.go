package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

// A slab counts whole while any buffered trace points into it. Two kinds of batch
// would make that count far more than the spans wanted: one whose spans mostly
// follow earlier decisions or are decided at once (a few buffered traces would pin
// all of it), and one that is large next to max_buffered_bytes (making room for it
// would decide everything else). Their buffered groups are copied into slabs of
// their own.

// sparseShare: a batch whose buffered spans are less than 1/sparseShare of its slab
// is repacked.
const sparseShare = 2

// slabShare: no slab is made larger than 1/slabShare of max_buffered_bytes, except
// for a single trace's spans.
const slabShare = 16

// needsRepack reports whether the buffered groups of one batch should leave its slab.
func needsRepack(pending []*traceGroup, maxBytes int64) bool {
	if len(pending) == 0 {
		return false
	}
	s := pending[0].slab()
	var wanted int64
	for _, g := range pending {
		wanted += int64(g.summary.bytes)
	}
	return wanted*sparseShare < s.size() || s.size() > maxBytes/slabShare
}

// repack copies the groups' spans into fresh slabs of at most limit bytes each; a
// group larger than limit gets one of its own.
func repack(groups []*traceGroup, limit int) error {
	var (
		enc   encoder
		batch []*traceGroup
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		s := &slab{data: enc.encode(nil)}
		var owners []*traceGroup
		for _, g := range batch {
			for range g.summary.spans {
				owners = append(owners, g)
			}
			g.pieces, g.summary.bytes = nil, 0
		}
		enc.reset()
		batch = batch[:0]
		return s.cut(owners)
	}
	for i, g := range groups {
		resources, size := len(enc.resources), enc.size
		if err := enc.add(g.pieces, i); err != nil {
			return err
		}
		if len(batch) > 0 && enc.size > limit {
			enc.rollback(resources, size)
			if err := flush(); err != nil {
				return err
			}
			if err := enc.add(g.pieces, i); err != nil {
				return err
			}
		}
		batch = append(batch, g)
	}
	return flush()
}
