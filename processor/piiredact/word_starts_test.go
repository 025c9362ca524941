package piiredact

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
)

// Every word a gated rule looks for is let through by its gate, wherever it stands
// after a word boundary, in any case the rule accepts.
func TestWordStartsLetEveryRuleWordThrough(t *testing.T) {
	around := []string{"%s", "x %s y", "\"%s\" 1", "[%s]", "a_%s", "(%s:"}
	check := func(word string, gate func(*wordStarts) bool) {
		for _, f := range around {
			for _, w := range []string{word, strings.ToLower(word), strings.ToUpper(word)} {
				v := fmt.Sprintf(f, w)
				ws := scanWordStarts(v)
				assert.True(t, gate(&ws), "%q", v)
			}
		}
	}
	for _, l := range proseLabels {
		check(l.text, (*wordStarts).mayHoldLabel)
	}
	check("password", (*wordStarts).mayHoldSQLSecret)
	check("identified", (*wordStarts).mayHoldSQLSecret)
	for _, c := range redisCommands {
		ws := scanWordStarts(`1730973600.1 [0 10.0.3.7:51234] "` + c + `" "x"`)
		assert.True(t, ws.mayQuoteRedisCommand(), c)
	}
	for _, tool := range positionalTools {
		ws := scanWordStarts("run " + tool + " x")
		assert.True(t, ws.mayNamePositionalTool(), tool)
	}
}

func TestWordStartsSkipValuesWithoutTheWords(t *testing.T) {
	ws := scanWordStarts("GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)")
	assert.False(t, ws.mayHoldSQLSecret())
	assert.False(t, ws.mayQuoteRedisCommand())
	assert.False(t, ws.mayNamePositionalTool())
}

// FuzzWordStartsGates checks that a rule a gate skips finds nothing in the value.
func FuzzWordStartsGates(f *testing.F) {
	for _, s := range []string{
		`1730973600.1 [0 10.0.3.7:51234] "AUTH" "s3cret"`, `ERR: "CONFIG SET requirepass x"`, `auth s3cret`,
		`ALTER USER app IDENTIFIED BY 'x'`, `create user u with password 'p'`, `DOB 12/03/1985`,
		`ЕГН 7501020018`, `NRIC S1234567D`, `rabbitmqctl add_user app s3cret`, `sqlplus scott/tiger@db`,
		`GET /api/v1/orders/ORD-2024-000123456 took 12.5ms`, `ConvertTo-SecureString "x" -AsPlainText`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ws := scanWordStarts(s)
		if !ws.mayHoldSQLSecret() && len(appendSQLSecrets(nil, s)) > 0 {
			t.Fatalf("SQL gate skipped %q", s)
		}
		var args []argSpan
		if !ws.mayQuoteRedisCommand() {
			gated := appendRedisSecrets(nil, s, &args, false)
			all := appendRedisSecrets(nil, s, &args, true)
			if len(gated) != len(all) {
				t.Fatalf("Redis gate skipped %q", s)
			}
		}
		if !ws.mayNamePositionalTool() && namesPositionalTool(s) {
			t.Fatalf("positional tool gate skipped %q", s)
		}
		var all, gated []detector.Match
		appendLabelledValues(s, func(m detector.Match, _ personalKind) { all = append(all, m) })
		if ws.mayHoldLabel() {
			appendLabelledValuesAt(s, &ws, func(m detector.Match, _ personalKind) { gated = append(gated, m) })
		}
		if len(all) != len(gated) {
			t.Fatalf("labels: %v by the word starts, %v by a scan, in %q", gated, all, s)
		}
	})
}
