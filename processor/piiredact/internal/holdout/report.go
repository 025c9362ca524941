package holdout

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Tally counts one row of the report.
type Tally struct {
	Secrets, Leaked int // planted values, and those of which a fragment survived
	Keeps, Damaged  int // values that must survive, and those that did not
	Cases           int
	// The background's resource attributes, the same shapes in every case, are
	// counted apart so that they do not swamp the cases' own.
	BackgroundKeeps, BackgroundDamaged int
}

// Recall is the share of planted values that were gone.
func (t Tally) Recall() float64 { return ratio(t.Secrets-t.Leaked, t.Secrets) }

// Precision is the share of values that must survive that did.
func (t Tally) Precision() float64 { return ratio(t.Keeps-t.Damaged, t.Keeps) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (t *Tally) add(o *Outcome) {
	t.Cases++
	t.Secrets += len(o.Case.Secrets)
	t.Leaked += len(o.Leaked)
	own := map[string]bool{}
	for _, k := range o.Case.Keep {
		own[k] = true
	}
	t.Keeps += len(own)
	t.BackgroundKeeps += len(backgroundKeeps(o.Case))
	for _, d := range o.Damaged {
		if own[d] {
			t.Damaged++
		} else {
			t.BackgroundDamaged++
		}
	}
}

// Report aggregates outcomes by kind class, by kind, by place and by signal.
type Report struct {
	// Name titles the tables: "holdout", or the corpus that runs on this harness.
	Name     string
	Total    Tally
	ByClass  map[string]*Tally
	ByKind   map[string]*Tally
	ByPlace  map[string]*Tally
	BySignal map[string]*Tally
	Outcomes []Outcome
	Missing  []string // corpus faults
}

// NewReport aggregates outcomes.
func NewReport(outcomes []Outcome) *Report {
	r := &Report{ByClass: map[string]*Tally{}, ByKind: map[string]*Tally{}, ByPlace: map[string]*Tally{}, BySignal: map[string]*Tally{}, Outcomes: outcomes}
	row := func(m map[string]*Tally, k string) *Tally {
		if m[k] == nil {
			m[k] = &Tally{}
		}
		return m[k]
	}
	for i := range outcomes {
		o := &outcomes[i]
		for _, m := range o.Missing {
			r.Missing = append(r.Missing, o.Case.Kind+" @ "+o.Case.Place+": "+m)
		}
		r.Total.add(o)
		row(r.ByClass, o.Case.Class()).add(o)
		row(r.ByKind, o.Case.Kind).add(o)
		row(r.ByPlace, o.Case.Place).add(o)
		row(r.BySignal, o.Case.Rec.Signal.String()).add(o)
	}
	return r
}

// WriteTables writes the totals and the tables by class, place and signal, and the
// kinds that fall short.
func (r *Report) WriteTables(w io.Writer) {
	name := r.Name
	if name == "" {
		name = "holdout"
	}
	fmt.Fprintf(w, "%s: %d cases, %d planted values, %d values to keep\n", name, r.Total.Cases, r.Total.Secrets, r.Total.Keeps)
	fmt.Fprintf(w, "recall %s (%d leaked), precision %s (%d damaged); background resource attributes: %d of %d damaged\n\n",
		pct(r.Total.Recall()), r.Total.Leaked, pct(r.Total.Precision()), r.Total.Damaged, r.Total.BackgroundDamaged, r.Total.BackgroundKeeps)
	table(w, "class", r.ByClass, false)
	table(w, "place", r.ByPlace, false)
	table(w, "signal", r.BySignal, false)
	table(w, "kind (only those short of 100%)", r.ByKind, true)
}

func pct(f float64) string { return fmt.Sprintf("%.2f%%", 100*f) }

func table(w io.Writer, title string, rows map[string]*Tally, onlyShort bool) {
	keys := make([]string, 0, len(rows))
	for k, t := range rows {
		if onlyShort && t.Leaked == 0 && t.Damaged == 0 {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "| %s | cases | planted | leaked | recall | kept | damaged | precision |\n|---|---:|---:|---:|---:|---:|---:|---:|\n", title)
	for _, k := range keys {
		t := rows[k]
		fmt.Fprintf(w, "| %s | %d | %d | %d | %s | %d | %d | %s |\n", k, t.Cases, t.Secrets, t.Leaked, pct(t.Recall()), t.Keeps, t.Damaged, pct(t.Precision()))
	}
	fmt.Fprintln(w)
}

// WriteExamples writes up to n leaks and n damages, a few of each kind first, so
// that every failing kind shows.
func (r *Report) WriteExamples(w io.Writer, n int) {
	var leaks, damages []*Outcome
	for i := range r.Outcomes {
		o := &r.Outcomes[i]
		if len(o.Leaked) > 0 {
			leaks = append(leaks, o)
		}
		if len(o.Damaged) > 0 {
			damages = append(damages, o)
		}
	}
	show := func(title string, list []*Outcome, what func(*Outcome) []string) {
		fmt.Fprintf(w, "%s (%d):\n", title, len(list))
		perKind := map[string]int{}
		done := map[*Outcome]bool{}
		shown := 0
		for pass := 1; pass <= 3 && shown < n; pass++ {
			for _, o := range list {
				if shown >= n {
					break
				}
				if done[o] || perKind[o.Case.Kind] != pass-1 {
					continue
				}
				done[o] = true
				perKind[o.Case.Kind]++
				shown++
				fmt.Fprintf(w, "- %s @ %s: %s%s\n    in:  %s\n    out: %s\n", o.Case.Kind, o.Case.Place, quoteAll(what(o)), keysOf(&o.Case.Rec), clip(changed(o.In, o.Out, true)), clip(changed(o.In, o.Out, false)))
			}
		}
		fmt.Fprintln(w)
	}
	show("leaks", leaks, func(o *Outcome) []string { return o.Leaked })
	show("damages", damages, func(o *Outcome) []string { return o.Damaged })
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// changed returns the strings of a record that differ (or all the case's own when
// none differs), before or after.
func changed(in, out []string, before bool) string {
	var parts []string
	for i := range in {
		if i < len(out) && in[i] != out[i] || len(in) != len(out) {
			if before {
				parts = append(parts, in[i])
			} else if i < len(out) {
				parts = append(parts, out[i])
			}
		}
	}
	if len(parts) == 0 {
		// Nothing changed: show the strings past the background.
		for i := min(len(in), 10); i < len(in); i++ {
			parts = append(parts, in[i])
		}
	}
	return fmt.Sprintf("%q", strings.Join(parts, " ‖ "))
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

// Failures lists every class, place and signal below the threshold.
func (r *Report) Failures(threshold float64) []string {
	var out []string
	check := func(what string, rows map[string]*Tally) {
		keys := make([]string, 0, len(rows))
		for k := range rows {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t := rows[k]
			if t.Recall() < threshold {
				out = append(out, fmt.Sprintf("%s %s: recall %s (%d of %d leaked)", what, k, pct(t.Recall()), t.Leaked, t.Secrets))
			}
			if t.Precision() < threshold {
				out = append(out, fmt.Sprintf("%s %s: precision %s (%d of %d damaged)", what, k, pct(t.Precision()), t.Damaged, t.Keeps))
			}
		}
	}
	check("total", map[string]*Tally{"": &r.Total})
	if bg := ratio(r.Total.BackgroundKeeps-r.Total.BackgroundDamaged, r.Total.BackgroundKeeps); bg < threshold {
		out = append(out, fmt.Sprintf("background: precision %s (%d of %d damaged)", pct(bg), r.Total.BackgroundDamaged, r.Total.BackgroundKeeps))
	}
	check("class", r.ByClass)
	check("place", r.ByPlace)
	return out
}

// keysOf lists a record's attribute keys, for the examples.
func keysOf(r *Record) string {
	var ks []string
	for _, m := range []Map{r.Resource, r.Attrs, r.Event} {
		for _, kv := range m {
			ks = append(ks, kv.K)
		}
	}
	if len(ks) == 0 {
		return ""
	}
	return " (keys: " + strings.Join(ks, ", ") + ")"
}
