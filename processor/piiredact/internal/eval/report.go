package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Tally counts one row of the report.
type Tally struct {
	Planted, Leaked int // planted values, and those of which a fragment survived
	Found           int // planted values this detector's replacement stands for
	FalsePositives  int // non-personal values this detector changed
	Kept, Damaged   int // non-personal values, and those that did not arrive unchanged
}

func (t *Tally) caught() int { return t.Planted - t.Leaked }

// Recall is the share of planted values that did not survive.
func (t *Tally) Recall() float64 { return ratio(t.caught(), t.Planted) }

// Precision is the share of findings that were planted values. For a detector:
// the values it found / (those + the non-personal values it changed); for a
// place: the values caught there / (those + the non-personal values changed there).
func (t *Tally) Precision() float64 {
	if t.Found > 0 || t.FalsePositives > 0 {
		return ratio(t.Found, t.Found+t.FalsePositives)
	}
	return ratio(t.caught(), t.caught()+t.Damaged)
}

// Intact is the share of non-personal values that arrived unchanged.
func (t *Tally) Intact() float64 { return ratio(t.Kept-t.Damaged, t.Kept) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Report aggregates outcomes per detector, per place, per format and per look-alike.
type Report struct {
	Cases      int
	Total      Tally
	Detectors  map[string]*Tally // planted kind; false positives by the detector blamed
	Places     map[string]*Tally
	Variants   map[string]*Tally // "kind/variant"
	Lookalikes map[string]*Tally
	Cells      map[[2]string]*Tally // kind × place
	Pending    map[string]*Tally    // formats another change closes, by kind/variant
	Unlabelled []string
	leaks      []*Outcome
	damages    []*Outcome
}

func tally(m map[string]*Tally, k string) *Tally {
	t, ok := m[k]
	if !ok {
		t = &Tally{}
		m[k] = t
	}
	return t
}

// NewReport aggregates outcomes.
func NewReport(outcomes []Outcome) *Report {
	r := &Report{
		Detectors: map[string]*Tally{}, Places: map[string]*Tally{}, Variants: map[string]*Tally{},
		Lookalikes: map[string]*Tally{}, Cells: map[[2]string]*Tally{}, Pending: map[string]*Tally{},
	}
	for i := range outcomes {
		o := &outcomes[i]
		c := o.Case
		r.Cases++
		for _, s := range o.Unlabelled {
			r.Unlabelled = append(r.Unlabelled, fmt.Sprintf("case %d (%s in %s): %.60q", c.ID, c.Kind, c.Place, s))
		}
		if c.Kind != "" {
			planted := len(c.Secrets) - len(o.Unlabelled)
			leaked := min(len(o.Leaked), planted)
			// A value counts once, however many parts it has: leaked if any part did.
			pl, lk := 1, 0
			if leaked > 0 {
				lk = 1
			}
			if planted == 0 {
				pl = 0
			}
			if c.Pending() {
				t := tally(r.Pending, c.Kind+"/"+strings.TrimPrefix(c.Variant, pendingPrefix))
				t.Planted += pl
				t.Leaked += lk
			} else {
				for _, t := range []*Tally{&r.Total, tally(r.Detectors, c.Kind), tally(r.Places, c.Place), tally(r.Variants, c.Kind+"/"+c.Variant), r.cell(c.Kind, c.Place)} {
					t.Planted += pl
					t.Leaked += lk
				}
			}
			if lk > 0 {
				r.leaks = append(r.leaks, o)
			} else if pl > 0 && !c.Pending() {
				tally(r.Detectors, o.CaughtBy).Found++
			}
		}
		seen := map[string]bool{}
		for _, kv := range c.Keep {
			if kv.Text == "" || seen[kv.Text] {
				continue
			}
			seen[kv.Text] = true
			tally(r.Lookalikes, lookalikeRow(kv.Kind)).Kept++
			// What the captured instrumentations recorded repeats in every case built on
			// the same shape: it counts when changed, not in the totals it would swamp.
			if kv.Kind != "background" {
				r.Total.Kept++
				tally(r.Places, c.Place).Kept++
			}
		}
		for _, d := range o.Damaged {
			r.Total.Damaged++
			tally(r.Places, c.Place).Damaged++
			tally(r.Lookalikes, lookalikeRow(d.Keep.Kind)).Damaged++
			for _, det := range d.Detectors {
				tally(r.Detectors, det).FalsePositives++
			}
		}
		if len(o.Damaged) > 0 {
			r.damages = append(r.damages, o)
		}
	}
	return r
}

func lookalikeRow(kind string) string {
	if kind == "" {
		return "label"
	}
	return kind
}

func (r *Report) cell(kind, place string) *Tally {
	k := [2]string{kind, place}
	t, ok := r.Cells[k]
	if !ok {
		t = &Tally{}
		r.Cells[k] = t
	}
	return t
}

// Failures lists every detector and place row below threshold, in recall or in
// precision, and the share of non-personal values changed.
func (r *Report) Failures(threshold float64) []string {
	var out []string
	check := func(what, name string, t *Tally) {
		if t.Planted > 0 && t.Recall() < threshold {
			out = append(out, fmt.Sprintf("%s %s: recall %s < %s (%d of %d leaked)", what, name, pct(t.Recall()), pct(threshold), t.Leaked, t.Planted))
		}
		if (t.Found > 0 || t.FalsePositives > 0 || t.Planted > 0) && t.Precision() < threshold {
			out = append(out, fmt.Sprintf("%s %s: precision %s < %s (%d non-personal values changed)", what, name, pct(t.Precision()), pct(threshold), t.FalsePositives+t.Damaged))
		}
	}
	for _, k := range sortedKeys(r.Detectors) {
		check("detector", k, r.Detectors[k])
	}
	for _, k := range sortedKeys(r.Places) {
		check("place", k, r.Places[k])
	}
	if r.Total.Intact() < threshold {
		out = append(out, fmt.Sprintf("non-personal values intact %s < %s (%d of %d changed)", pct(r.Total.Intact()), pct(threshold), r.Total.Damaged, r.Total.Kept))
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func pct(f float64) string { return fmt.Sprintf("%.2f%%", 100*f) }

// WriteTables writes the report's tables as Markdown.
func (r *Report) WriteTables(w io.Writer) {
	fmt.Fprintf(w, "%d cases; %d planted values, %d leaked: **recall %s**; %d non-personal values, %d changed: **intact %s**; **precision %s**.\n\n",
		r.Cases, r.Total.Planted, r.Total.Leaked, pct(r.Total.Recall()), r.Total.Kept, r.Total.Damaged, pct(r.Total.Intact()),
		pct(ratio(r.Total.caught(), r.Total.caught()+r.Total.Damaged)))

	fmt.Fprintln(w, "### Per detector")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Recall is per kind of planted value (the detector that must find it, or the rule: `credential` for secrets with no format,")
	fmt.Fprintln(w, "`person_name` for names); precision is per detector or rule whose replacement stands where a value was.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| detector | planted | leaked | recall | values it found | non-personal values it changed | precision |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	for _, k := range sortedKeys(r.Detectors) {
		t := r.Detectors[k]
		recall, precision := pct(t.Recall()), pct(t.Precision())
		if t.Planted == 0 {
			recall = "—"
		}
		if t.Found == 0 && t.FalsePositives == 0 {
			precision = "—"
		}
		fmt.Fprintf(w, "| `%s` | %d | %d | %s | %d | %d | %s |\n", k, t.Planted, t.Leaked, recall, t.Found, t.FalsePositives, precision)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "### Per place")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| place | planted | leaked | recall | non-personal values | changed | precision |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	for _, k := range sortedKeys(r.Places) {
		t := r.Places[k]
		fmt.Fprintf(w, "| `%s` | %d | %d | %s | %d | %d | %s |\n", k, t.Planted, t.Leaked, pct(t.Recall()), t.Kept, t.Damaged, pct(t.Precision()))
	}
	fmt.Fprintln(w)
	if len(r.Pending) > 0 {
		fmt.Fprintln(w, "### Formats measured, not yet held to the threshold")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "National identifiers and national phone formats of more countries (the national-identifier and national-phone work of")
		fmt.Fprintln(w, "issue #20), measured here and shown apart: the formats those detectors do not take yet leak.")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| kind / format | planted | leaked | recall |")
		fmt.Fprintln(w, "|---|---:|---:|---:|")
		for _, k := range sortedKeys(r.Pending) {
			t := r.Pending[k]
			fmt.Fprintf(w, "| `%s` | %d | %d | %s |\n", k, t.Planted, t.Leaked, pct(t.Recall()))
		}
		fmt.Fprintln(w)
	}
	r.writeLeakCells(w)
	r.writeVariantLeaks(w)
	r.writeLookalikeDamage(w)
}

func (r *Report) writeLeakCells(w io.Writer) {
	type cell struct {
		k [2]string
		t *Tally
	}
	var cells []cell
	for k, t := range r.Cells {
		if t.Leaked > 0 {
			cells = append(cells, cell{k, t})
		}
	}
	if len(cells) == 0 {
		return
	}
	sort.Slice(cells, func(i, j int) bool {
		if cells[i].t.Leaked != cells[j].t.Leaked {
			return cells[i].t.Leaked > cells[j].t.Leaked
		}
		return cells[i].k[0]+cells[i].k[1] < cells[j].k[0]+cells[j].k[1]
	})
	fmt.Fprintln(w, "### Leaks by detector and place")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| detector | place | planted | leaked | recall |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|")
	for _, c := range cells[:min(len(cells), 40)] {
		fmt.Fprintf(w, "| `%s` | `%s` | %d | %d | %s |\n", c.k[0], c.k[1], c.t.Planted, c.t.Leaked, pct(c.t.Recall()))
	}
	if len(cells) > 40 {
		fmt.Fprintf(w, "\n(%d more cells with leaks)\n", len(cells)-40)
	}
	fmt.Fprintln(w)
}

func (r *Report) writeVariantLeaks(w io.Writer) {
	var ks []string
	for k, t := range r.Variants {
		if t.Leaked > 0 {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		return
	}
	sort.Slice(ks, func(i, j int) bool {
		if r.Variants[ks[i]].Leaked != r.Variants[ks[j]].Leaked {
			return r.Variants[ks[i]].Leaked > r.Variants[ks[j]].Leaked
		}
		return ks[i] < ks[j]
	})
	fmt.Fprintln(w, "### Leaks by format")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| kind / format | planted | leaked | recall |")
	fmt.Fprintln(w, "|---|---:|---:|---:|")
	for _, k := range ks[:min(len(ks), 40)] {
		t := r.Variants[k]
		fmt.Fprintf(w, "| `%s` | %d | %d | %s |\n", k, t.Planted, t.Leaked, pct(t.Recall()))
	}
	fmt.Fprintln(w)
}

func (r *Report) writeLookalikeDamage(w io.Writer) {
	var ks []string
	for k, t := range r.Lookalikes {
		if t.Damaged > 0 {
			ks = append(ks, k)
		}
	}
	fmt.Fprintln(w, "### Non-personal values changed, by kind")
	fmt.Fprintln(w)
	if len(ks) == 0 {
		fmt.Fprintf(w, "None: all %d arrived unchanged (%d kinds of look-alike, and what the captured instrumentations recorded).\n\n", r.Total.Kept, len(r.Lookalikes))
		return
	}
	sort.Slice(ks, func(i, j int) bool {
		if r.Lookalikes[ks[i]].Damaged != r.Lookalikes[ks[j]].Damaged {
			return r.Lookalikes[ks[i]].Damaged > r.Lookalikes[ks[j]].Damaged
		}
		return ks[i] < ks[j]
	})
	fmt.Fprintln(w, "| value kind | values | changed | intact |")
	fmt.Fprintln(w, "|---|---:|---:|---:|")
	for _, k := range ks {
		t := r.Lookalikes[k]
		fmt.Fprintf(w, "| `%s` | %d | %d | %s |\n", k, t.Kept, t.Damaged, pct(t.Intact()))
	}
	fmt.Fprintf(w, "\nEvery other kind (%d in all) arrived unchanged.\n\n", len(r.Lookalikes))
}

// WriteExamples writes up to n leaks and n damaged values, the worst groups first
// (one example per detector and place, then per look-alike kind), each line cut
// to a readable length. The corpus is synthetic: what it prints was made up.
func (r *Report) WriteExamples(w io.Writer, n int) {
	fmt.Fprintln(w, "### Leaks (one per detector and place, most frequent first)")
	seen := map[string]bool{}
	printed := 0
	for _, o := range sortByGroup(r.leaks, func(o *Outcome) string { return o.Case.Kind + "|" + o.Case.Place }) {
		key := o.Case.Kind + "|" + o.Case.Place
		if seen[key] || printed >= n {
			continue
		}
		seen[key] = true
		printed++
		fmt.Fprintf(w, "- %s/%s in %s (case %d): leaked %s\n    in:  %s\n    out: %s\n", o.Case.Kind, o.Case.Variant, o.Case.Place, o.Case.ID,
			clip(o.Leaked[0], 80), clip(around(o.In, o.Leaked[0]), 240), clip(around(o.Out, o.Leaked[0][:fragmentLen(o.Leaked[0])]), 240))
	}
	fmt.Fprintln(w, "### Damage (one per value kind and place)")
	seen = map[string]bool{}
	printed = 0
	for _, o := range sortByGroup(r.damages, func(o *Outcome) string { return o.Damaged[0].Keep.Kind + "|" + o.Case.Place }) {
		d := o.Damaged[0]
		key := d.Keep.Kind + "|" + o.Case.Place
		if seen[key] || printed >= n {
			continue
		}
		seen[key] = true
		printed++
		fmt.Fprintf(w, "- %s in %s (case %d) changed by %s: %s\n    in:  %s\n    out: %s\n", d.Keep.Kind, o.Case.Place, o.Case.ID, strings.Join(d.Detectors, ","),
			clip(d.Keep.Text, 80), clip(around(o.In, d.Keep.Text), 240), clip(changedString(o, d.Keep.Text), 240))
	}
}

func sortByGroup(os []*Outcome, key func(*Outcome) string) []*Outcome {
	count := map[string]int{}
	for _, o := range os {
		count[key(o)]++
	}
	out := append([]*Outcome(nil), os...)
	sort.SliceStable(out, func(i, j int) bool { return count[key(out[i])] > count[key(out[j])] })
	return out
}

// around returns the string of texts that holds s, or the first.
func around(texts []string, s string) string {
	for _, t := range texts {
		if i := strings.Index(t, s); i >= 0 {
			start := max(0, i-80)
			return t[start:]
		}
	}
	if len(texts) == 0 {
		return ""
	}
	return texts[0]
}

func changedString(o *Outcome, keep string) string {
	for i := range o.In {
		if i < len(o.Out) && strings.Count(o.Out[i], keep) < strings.Count(o.In[i], keep) {
			return o.Out[i]
		}
	}
	return ""
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", `\n`)
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
