package errorkeep // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep"

import (
	"math/big"
	"strconv"
	"strings"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// OpenTelemetry consistent probability sampling (W3C trace context level 2 random
// trace IDs; OTel spec "TraceState: probability sampling"): a span is kept when its
// 56-bit randomness R is at or above the rejection threshold T, and the threshold
// travels in tracestate as "ot=th:<hex>" so backends can count what was dropped.

const (
	randomnessBits = 56
	maxThreshold   = uint64(1) << randomnessBits // rejects everything
)

// thresholdForPercent returns T = round((1 - p/100) * 2^56), exactly: p is taken
// as the decimal the user wrote, so that 0.1% gives 0xffbe76c8b43958, not a value
// off by float64 rounding.
func thresholdForPercent(percent float64) uint64 {
	if percent >= 100 {
		return 0
	}
	if percent <= 0 {
		return maxThreshold
	}
	p, _ := new(big.Rat).SetString(strconv.FormatFloat(percent, 'f', -1, 64))
	reject := new(big.Rat).Sub(big.NewRat(1, 1), p.Quo(p, big.NewRat(100, 1)))
	reject.Mul(reject, new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), randomnessBits)))
	reject.Add(reject, big.NewRat(1, 2))
	t := new(big.Int).Quo(reject.Num(), reject.Denom()).Uint64()
	return min(t, maxThreshold-1)
}

// encodeThreshold renders T as the tracestate th value: 14 hex digits with trailing
// zeros removed, "0" for T=0 (keep everything).
func encodeThreshold(t uint64) string {
	if t == 0 {
		return "0"
	}
	s := strconv.FormatUint(t, 16)
	s = strings.Repeat("0", 14-len(s)) + s
	return strings.TrimRight(s, "0")
}

// decodeThreshold parses a th value; ok is false when it is malformed.
func decodeThreshold(s string) (uint64, bool) {
	if s == "" || len(s) > 14 {
		return 0, false
	}
	v, err := strconv.ParseUint(s+strings.Repeat("0", 14-len(s)), 16, 64)
	return v, err == nil
}

// randomness returns the trace's 56 random bits: the explicit rv value from
// tracestate when present, else the trace ID's last seven bytes.
func randomness(id pcommon.TraceID, otValue string) uint64 {
	if rv, ok := otSubKey(otValue, "rv"); ok && len(rv) == 14 {
		if v, err := strconv.ParseUint(rv, 16, 64); err == nil {
			return v
		}
	}
	var r uint64
	for _, b := range id[9:16] {
		r = r<<8 | uint64(b)
	}
	return r
}

// otSubKey finds key in an "ot" tracestate value ("th:8;rv:...").
func otSubKey(ot, key string) (string, bool) {
	for part := range strings.SplitSeq(ot, ";") {
		if k, v, ok := strings.Cut(part, ":"); ok && k == key {
			return v, true
		}
	}
	return "", false
}

// otValue returns the value of the "ot" member of a W3C tracestate.
func otValue(traceState string) string {
	if traceState == "" {
		return ""
	}
	for member := range strings.SplitSeq(traceState, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(member), "="); ok && k == "ot" {
			return v
		}
	}
	return ""
}

// withThreshold returns traceState with ot's th set to t, keeping other ot
// sub-keys and other vendors' members. A stricter threshold already present from an
// earlier sampling stage is kept, since the effective probability is the product.
func withThreshold(traceState string, t uint64) string {
	ot := otValue(traceState)
	if prev, ok := otSubKey(ot, "th"); ok {
		if pt, ok := decodeThreshold(prev); ok && pt > t {
			t = pt
		}
	}
	parts := []string{"th:" + encodeThreshold(t)}
	if ot != "" {
		for part := range strings.SplitSeq(ot, ";") {
			if !strings.HasPrefix(part, "th:") && part != "" {
				parts = append(parts, part)
			}
		}
	}
	members := []string{"ot=" + strings.Join(parts, ";")}
	if traceState != "" {
		for member := range strings.SplitSeq(traceState, ",") {
			m := strings.TrimSpace(member)
			if m != "" && !strings.HasPrefix(m, "ot=") {
				members = append(members, m)
			}
		}
	}
	return strings.Join(members, ",")
}

// sampledByThreshold reports whether randomness r passes threshold t.
func sampledByThreshold(r, t uint64) bool { return t < maxThreshold && r >= t }
