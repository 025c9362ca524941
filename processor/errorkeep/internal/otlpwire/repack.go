package otlpwire // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"

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

// NeedsRepack reports whether the buffered groups of one batch should leave its
// slab: they are less than 1/sparseShare of it, or it is more than 1/slabShare of
// maxBytes.
func NeedsRepack(groups []*Pieces, maxBytes int64) bool {
	if len(groups) == 0 {
		return false
	}
	s := groups[0].Slab()
	var wanted int64
	for _, g := range groups {
		wanted += int64(g.Bytes)
	}
	return wanted*sparseShare < s.Size() || s.Size() > maxBytes/slabShare
}

// Repack copies the groups' spans into fresh slabs of at most limit bytes each; a
// group larger than limit gets one of its own.
func Repack(groups []*Pieces, limit int) error {
	var (
		enc   Encoder
		batch []*Pieces
	)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		data := enc.Encode(nil)
		var owners []*Pieces
		for _, g := range batch {
			for range g.Spans {
				owners = append(owners, g)
			}
			g.Reset()
		}
		enc.Reset()
		batch = batch[:0]
		_, err := Cut(data, 0, owners)
		return err
	}
	for i, g := range groups {
		resources, size := len(enc.resources), enc.size
		if err := enc.Add(g.List, i); err != nil {
			return err
		}
		if len(batch) > 0 && enc.size > limit {
			enc.rollback(resources, size)
			if err := flush(); err != nil {
				return err
			}
			if err := enc.Add(g.List, i); err != nil {
				return err
			}
		}
		batch = append(batch, g)
	}
	return flush()
}

// RepackLimit is the most a repacked slab holds for a buffer bounded to maxBytes.
func RepackLimit(maxBytes int64) int { return int(maxBytes / slabShare) }
