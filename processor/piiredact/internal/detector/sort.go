package detector

import (
	"cmp"
	"slices"
)

// sortMatches sorts by start, longest first. slices.SortFunc does not allocate,
// which keeps the hot path free of allocation.
func sortMatches(m []Match) { slices.SortFunc(m, CompareMatches) }

// CompareMatches orders matches by start, the longer first on a tie.
func CompareMatches(a, b Match) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
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
