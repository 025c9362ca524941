package detector

// sortMatches sorts by start, longest first, with an insertion sort: the slices are
// short and this keeps the hot path free of allocation.
func sortMatches(m []Match) {
	for i := 1; i < len(m); i++ {
		for j := i; j > 0 && less(m[j], m[j-1]); j-- {
			m[j], m[j-1] = m[j-1], m[j]
		}
	}
}

func less(a, b Match) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End > b.End
}

// dedupeOverlaps drops, from dst[first:], matches that overlap an earlier one.
func dedupeOverlaps(dst []Match, first int) []Match {
	out := first
	for i := first; i < len(dst); i++ {
		if out > first && dst[i].Start < dst[out-1].End {
			continue
		}
		dst[out] = dst[i]
		out++
	}
	return dst[:out]
}
