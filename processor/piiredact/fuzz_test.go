package piiredact

import (
	"context"
	"strings"
	"testing"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/detector"
	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/metadata"
)

func addRedactSeeds(f *testing.F) {
	for _, s := range corpusPlanted() {
		f.Add(s)
		f.Add("x " + s + " y")
	}
	for _, s := range corpusIntact {
		f.Add(s)
	}
	f.Add("https://u:p@h/x?token=t&sig=s#f")
	f.Add("::ffff:10.0.0.1 fe80::1%eth0 [2001:db8::1]:443")
	f.Add("Basic Og== Bearer ==== eyJ.eyJ. %40%40@@")
	// The grammars of the key rules in text: footholds for the fuzzer.
	for _, s := range []string{
		"machine a login b password p account x", "requirepass x\n> PASS y\nC: a1 LOGIN u p\nS: 334 UGFzc3dvcmQ6\nC: eA==",
		"Step 1/2 : ENV DB_PASSWORD x", "rabbitmqctl add_user u p", "htpasswd -b f u p", "net user u p /add",
		"mc alias set m https://h k s", "aws configure set aws_secret_access_key x", "vault login t", "sqlplus u/p@db",
		"smbclient -U u%p //h/s", "openssl rsa -passin pass:x", "ConvertTo-SecureString 'p' -AsPlainText -Force",
		`<ns:Password>x</ns:Password><add key="SmtpPassword" value="y"/>`, `["password"]=> string(1) "x"`,
		`[["password", "x"]]`, "Content-Disposition: form-data; name=\"password\"\r\n\r\nx",
		"INSERT INTO users (email, password) VALUES ('a@b.c', 'x')", `api_key "x"`, "DOB 12/03/1985 NRIC S1234567D",
		`1.1 [0 10.0.0.1:1] "AUTH" "x"`, "ALTER USER u IDENTIFIED WITH mysql_native_password BY 'x'",
		"u:p@tcp(h:3306)/db jdbc:oracle:thin:u/p@//h:1521/s u/p@h:1521/s", "https://h/reset-password/abcdef0123456789abcd",
		"phone: 512 345 678, SMS to 9123 4567", `{"credentials": {"username": "u", "password": "p"}}`,
		// The personal-data corpus's grammars: mailboxes, paths, parents, labels, bare E.164.
		`From: "Jane Doe" <j@x.io>, Ana van der Berg &lt;a@b.de&gt;`, "/v1/passports/C01X00T47/history /by-ssn/123-45-6789",
		`{"passport":{"number":"C01X00T47"},"sms":{"to":"447700900123"},"account_holder":"Jane Doe"}`,
		`req {billing {contact {name: "JANE DOE"}}} <Customer><Name>Jane Doe</Name></Customer>`,
		"cardholder: van der Berg, Ingrid; a[b][cardholder_name]=Jane+Doe&x=1", `{"recipient":31612345678}`,
	} {
		f.Add(s)
	}
}

// FuzzRedactString checks, for any input, that redaction does not panic and that
// nothing a detector reports survives. (A second pass may find more in contrived
// inputs, where a replacement isolates leftover characters that now parse, e.g.
// "::0:0.0.0.0.A0"; it only ever masks more. TestRedactionIsIdempotentOnCorpus
// covers idempotency on realistic data.)
func FuzzRedactString(f *testing.F) {
	addRedactSeeds(f)
	r := newRedactor(defaultConfig())
	f.Fuzz(func(t *testing.T, s string) {
		sc := r.getScratch()
		defer r.putScratch(sc)
		out, _, _ := r.redactString(s, sc, false)
		for _, d := range r.detectors {
			for _, m := range d.AppendMatches(nil, s) {
				found := s[m.Start:m.End]
				if len(found) >= 8 && strings.Contains(out, found) && !strings.Contains(s[:m.Start]+s[m.End:], found) {
					t.Fatalf("%s finding %q survived in %q", d.Name(), found, out)
				}
			}
		}
	})
}

func TestRedactionIsIdempotentOnCorpus(t *testing.T) {
	r := newRedactor(defaultConfig())
	sc := r.getScratch()
	defer r.putScratch(sc)
	inputs := append(corpusPlanted(), corpusIntact...)
	for _, s := range corpusPlanted() {
		inputs = append(inputs, "before "+s+" after", s+s, s+" "+s)
	}
	for _, s := range inputs {
		out, _, _ := r.redactString(s, sc, false)
		again, changed, _ := r.redactString(out, sc, false)
		if changed {
			t.Errorf("second pass changed %q: %q -> %q", s, out, again)
		}
	}
}

// FuzzDetectors checks every built-in detector's contract on any input: ranges are
// in bounds, ordered and non-overlapping.
func FuzzDetectors(f *testing.F) {
	addRedactSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range detector.Builtins() {
			name, d := b.Name, b.New(detector.Options{})
			prevEnd := 0
			matches := d.AppendMatches(nil, s)
			if p := detector.NewProfile(s); len(matches) > 0 && !b.Prefilter.Admits(&p) {
				t.Fatalf("the prefilter rules out %s for %q, which it matches", name, s)
			}
			for _, m := range matches {
				if m.Start < prevEnd || m.End <= m.Start || m.End > len(s) {
					t.Fatalf("%s returned bad range %+v (prev end %d) for %q", name, m, prevEnd, s)
				}
				prevEnd = m.End
			}
		}
	})
}

// FuzzLogsPayload sends a whole logs payload built from the input (string body,
// nested map body, attribute) through a started processor.
func FuzzLogsPayload(f *testing.F) {
	addRedactSeeds(f)
	sink := new(consumertest.LogsSink)
	p, err := NewFactory().CreateLogs(context.Background(), processortest.NewNopSettings(metadata.Type), defaultConfig(), sink)
	if err != nil {
		f.Fatal(err)
	}
	if err := p.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = p.Shutdown(context.Background()) })
	f.Fuzz(func(t *testing.T, s string) {
		ld := plog.NewLogs()
		records := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
		records.AppendEmpty().Body().SetStr(s)
		m := records.AppendEmpty().Body().SetEmptyMap()
		m.PutStr(s, s)
		m.PutEmptyMap("nested").PutEmptySlice("list").AppendEmpty().SetStr(s)
		records.At(0).Attributes().PutStr("a", s)
		if err := p.ConsumeLogs(context.Background(), ld); err != nil {
			t.Fatal(err)
		}
		sink.Reset()
	})
}
