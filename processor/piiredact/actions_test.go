package piiredact

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configopaque"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/metadata"
	"github.com/otelcol-custom/otelcol-custom/processor/piiredact/internal/metadatatest"
)

const testHashKey = "0123456789abcdef0123456789abcdef-test-only"

func oneSpan(attrs map[string]any) ptrace.Traces {
	td := ptrace.NewTraces()
	span := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetName("op")
	_ = span.Attributes().FromRaw(attrs)
	return td
}

func spanAttrs(td ptrace.Traces) pcommon.Map {
	return td.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Attributes()
}

func boolPtr(b bool) *bool { return &b }

func TestActions(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Config)
		in     map[string]any
		want   map[string]any
	}{
		{
			name: "mask keeps the rest of the value",
			in:   map[string]any{"msg": "mail jane@example.com now"},
			want: map[string]any{"msg": "mail [REDACTED:email] now"},
		},
		{
			name: "keep_last shows the last four digits of a card",
			mutate: func(c *Config) {
				c.Detectors = map[string]DetectorConfig{"credit_card": {Action: ActionKeepLast}}
			},
			in:   map[string]any{"card": "4012-8888-8888-1881"},
			want: map[string]any{"card": "[REDACTED:credit_card ending 1881]"},
		},
		{
			name: "remove drops the attribute",
			mutate: func(c *Config) {
				c.Detectors = map[string]DetectorConfig{"email": {Action: ActionRemove}}
			},
			in:   map[string]any{"user": "jane@example.com", "keep": "yes"},
			want: map[string]any{"keep": "yes"},
		},
		{
			name: "remove drops an array attribute with a finding",
			mutate: func(c *Config) {
				c.Detectors = map[string]DetectorConfig{"email": {Action: ActionRemove}}
			},
			in:   map[string]any{"users": []any{"ok", "jane@example.com"}, "keep": "yes"},
			want: map[string]any{"keep": "yes"},
		},
		{
			name:   "disabled detector leaves its values",
			mutate: func(c *Config) { c.Detectors = map[string]DetectorConfig{"ipv4": {Enabled: boolPtr(false)}} },
			in:     map[string]any{"ip": "10.1.2.3", "mail": "a@b.io"},
			want:   map[string]any{"ip": "10.1.2.3", "mail": "[REDACTED:email]"},
		},
		{
			name:   "only_detectors restricts scanning",
			mutate: func(c *Config) { c.OnlyDetectors = []string{"email"} },
			in:     map[string]any{"ip": "10.1.2.3", "mail": "a@b.io"},
			want:   map[string]any{"ip": "10.1.2.3", "mail": "[REDACTED:email]"},
		},
		{
			name: "internal addresses are kept, public ones masked",
			in:   map[string]any{"server.address": "10.0.3.7", "k8s.pod.ip": "fd00:10:244::5", "client.address": "203.0.113.8", "url.full": "http://127.0.0.1:8083/route"},
			want: map[string]any{"server.address": "10.0.3.7", "k8s.pod.ip": "fd00:10:244::5", "client.address": "[REDACTED:ipv4]", "url.full": "http://127.0.0.1:8083/route"},
		},
		{
			name: "mask_internal_addresses masks internal addresses too",
			mutate: func(c *Config) {
				c.Detectors = map[string]DetectorConfig{"ipv4": {MaskInternalAddresses: true}, "ipv6": {MaskInternalAddresses: true}}
			},
			in:   map[string]any{"server.address": "10.0.3.7", "k8s.pod.ip": "fd00:10:244::5"},
			want: map[string]any{"server.address": "[REDACTED:ipv4]", "k8s.pod.ip": "[REDACTED:ipv6]"},
		},
		{
			name: "versions are not addresses, under version keys and as product tokens",
			in: map[string]any{
				"service.version": "2.1.0.17", "os.version": "10.0.19045.3803", "app_Version": "8.8.8.8",
				"user_agent.original": "checkout-sync/2.1.0.17 (linux)", "peer": "8.8.8.8",
			},
			want: map[string]any{
				"service.version": "2.1.0.17", "os.version": "10.0.19045.3803", "app_Version": "8.8.8.8",
				"user_agent.original": "checkout-sync/2.1.0.17 (linux)", "peer": "[REDACTED:ipv4]",
			},
		},
		{
			name: "a version key is still scanned for everything else",
			in:   map[string]any{"service.version": "1.2.3 built by jane@example.com"},
			want: map[string]any{"service.version": "1.2.3 built by [REDACTED:email]"},
		},
		{
			name: "custom pattern",
			mutate: func(c *Config) {
				c.CustomPatterns = []PatternConfig{{Name: "employee_id", Regex: `EMP-[0-9]{6}`}}
			},
			in:   map[string]any{"who": "badge EMP-004211 at gate"},
			want: map[string]any{"who": "badge [REDACTED:employee_id] at gate"},
		},
		{
			name:   "allowed keys are never scanned",
			mutate: func(c *Config) { c.AllowedKeys = []string{"net.peer.*"} },
			in:     map[string]any{"net.peer.ip": "198.51.100.3", "client.ip": "198.51.100.3"},
			want:   map[string]any{"net.peer.ip": "198.51.100.3", "client.ip": "[REDACTED:ipv4]"},
		},
		{
			name: "sensitive keys redact whole values and keep arrays arrays",
			in: map[string]any{
				"http.request.header.authorization": []any{"Token abc", "Token def"},
				"DB.Password":                       "hunter2",
				"user.password_hint_enabled":        true,
				"empty_secret":                      "",
			},
			want: map[string]any{
				"http.request.header.authorization": []any{"Token [REDACTED:sensitive_key]", "Token [REDACTED:sensitive_key]"},
				"DB.Password":                       "[REDACTED:sensitive_key]",
				"user.password_hint_enabled":        true,
				"empty_secret":                      "",
			},
		},
		{
			name: "key rules by words: credentials in every notation, headers by their syntax, names under a person",
			in: map[string]any{
				"http.request.header.x-api-key":           []any{"k-123"},
				"rpc.grpc.request.metadata.x-token":       []any{"t-456"},
				"apiKey":                                  "k-789",
				"auth":                                    map[string]any{"passphrase": "blue-horse"},
				"http.response.header.set-cookie":         []any{"sid=31d4d96e407aad42; Path=/; HttpOnly; SameSite=Lax"},
				"http.request.header.cookie":              []any{"theme=dark; lang=en-GB"},
				"http.request.header.proxy-authorization": []any{"Basic dXNlcjpwYXNz"},
				"payment":                                 map[string]any{"details": map[string]any{"holder": map[string]any{"name": "Jane Doe"}, "method": "card"}},
				"customerName":                            "John Roe",
				"service.name":                            "checkout",
				"product":                                 map[string]any{"name": "Mouse"},
				"next_page_token":                         "p-2",
				"gen_ai.usage.input_tokens":               "12",
				"session.id":                              "s-1",
			},
			want: map[string]any{
				"http.request.header.x-api-key":           []any{"[REDACTED:sensitive_key]"},
				"rpc.grpc.request.metadata.x-token":       []any{"[REDACTED:sensitive_key]"},
				"apiKey":                                  "[REDACTED:sensitive_key]",
				"auth":                                    map[string]any{"passphrase": "[REDACTED:sensitive_key]"},
				"http.response.header.set-cookie":         []any{"sid=[REDACTED:sensitive_key]; Path=/; HttpOnly; SameSite=Lax"},
				"http.request.header.cookie":              []any{"theme=dark; lang=en-GB"},
				"http.request.header.proxy-authorization": []any{"Basic [REDACTED:sensitive_key]"},
				"payment":                                 map[string]any{"details": map[string]any{"holder": map[string]any{"name": "[REDACTED:sensitive_key]"}, "method": "card"}},
				"customerName":                            "[REDACTED:sensitive_key]",
				"service.name":                            "checkout",
				"product":                                 map[string]any{"name": "Mouse"},
				"next_page_token":                         "p-2",
				"gen_ai.usage.input_tokens":               "12",
				"session.id":                              "s-1",
			},
		},
		{
			name:   "key rules by words can be turned off",
			mutate: func(c *Config) { off := false; c.SensitiveKeyWords = &off },
			in:     map[string]any{"session_token": "k-789", "customerName": "John Roe"},
			want:   map[string]any{"session_token": "k-789", "customerName": "John Roe"},
		},
		{
			name:   "sensitive key remove",
			mutate: func(c *Config) { c.SensitiveKeyAction = ActionConfig{Action: ActionRemove} },
			in:     map[string]any{"db.password": "hunter2", "db.name": "app"},
			want:   map[string]any{"db.name": "app"},
		},
		{
			name: "types and non-PII values are kept byte for byte",
			in: map[string]any{
				"n": int64(4111111111111111), "f": 1299.99, "b": true,
				"uuid": "550e8400-e29b-41d4-a716-446655440000", "arr": []any{"a", int64(1)},
				"nested": map[string]any{"k": "v", "mail": "x@y.io"},
			},
			want: map[string]any{
				"n": int64(4111111111111111), "f": 1299.99, "b": true,
				"uuid": "550e8400-e29b-41d4-a716-446655440000", "arr": []any{"a", int64(1)},
				"nested": map[string]any{"k": "v", "mail": "[REDACTED:email]"},
			},
		},
		{
			name: "dry_run changes nothing but reports in the summary",
			mutate: func(c *Config) {
				c.DryRun = true
				c.SummaryAttribute = "piiredact.summary"
			},
			in:   map[string]any{"mail": "a@b.io c@d.io", "ip": "203.0.113.1"},
			want: map[string]any{"mail": "a@b.io c@d.io", "ip": "203.0.113.1", "piiredact.summary": "email:2,ipv4:1"},
		},
		{
			name:   "summary attribute counts per detector",
			mutate: func(c *Config) { c.SummaryAttribute = "piiredact.summary" },
			in:     map[string]any{"mail": "a@b.io", "db.password": "x"},
			want:   map[string]any{"mail": "[REDACTED:email]", "db.password": "[REDACTED:sensitive_key]", "piiredact.summary": "email:1,sensitive_key:1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultConfig()
			if tt.mutate != nil {
				tt.mutate(cfg)
			}
			require.NoError(t, cfg.Validate())
			got := runTraces(t, cfg, oneSpan(tt.in))
			assert.Equal(t, tt.want, spanAttrs(got).AsRaw())
		})
	}
}

func TestHashIsStableKeyedAndRotatable(t *testing.T) {
	hashWith := func(key, keyID, value string) string {
		cfg := defaultConfig()
		cfg.Detectors = map[string]DetectorConfig{"email": {Action: ActionHash}}
		cfg.Hash = HashConfig{Key: configopaque.String(key), KeyID: keyID}
		require.NoError(t, cfg.Validate())
		v, _ := spanAttrs(runTraces(t, cfg, oneSpan(map[string]any{"u": value}))).Get("u")
		return v.Str()
	}
	a := hashWith(testHashKey, "k1", "jane@example.com")
	assert.Equal(t, a, hashWith(testHashKey, "k1", "jane@example.com"), "same value, same pseudonym")
	assert.True(t, strings.HasPrefix(a, "[HASH:email:k1:"), a)
	assert.Len(t, a, len("[HASH:email:k1:]")+32)
	assert.NotEqual(t, a, hashWith(testHashKey, "k1", "john@example.com"))
	rotated := hashWith(testHashKey+"-rotated", "k2", "jane@example.com")
	assert.True(t, strings.HasPrefix(rotated, "[HASH:email:k2:"), rotated)
	assert.NotEqual(t, a[len("[HASH:email:k1:"):], rotated[len("[HASH:email:k2:"):])
	assert.NotContains(t, a, "jane")
}

func TestEverywherePIICanHideInSpans(t *testing.T) {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("r", "a@b.io")
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().Attributes().PutStr("s", "a@b.io")
	span := ss.Spans().AppendEmpty()
	span.SetName("to a@b.io")
	span.Attributes().PutStr("a", "a@b.io")
	ev := span.Events().AppendEmpty()
	ev.SetName("ev a@b.io")
	ev.Attributes().PutStr("e", "a@b.io")
	span.Links().AppendEmpty().Attributes().PutStr("l", "a@b.io")
	span.Status().SetMessage("failed for a@b.io")

	got := runTraces(t, defaultConfig(), td)
	b, err := (&ptrace.JSONMarshaler{}).MarshalTraces(got)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "a@b.io")
	assert.Equal(t, 8, strings.Count(string(b), "[REDACTED:email]"))
}

func TestTelemetryCountsPerDetectorAndSignal(t *testing.T) {
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	set := metadatatest.NewSettings(tel)
	cfg := defaultConfig()
	cfg.Detectors = map[string]DetectorConfig{"ipv4": {Action: ActionRemove}}
	p, err := NewFactory().CreateTraces(context.Background(), set, cfg, consumertest.NewNop())
	require.NoError(t, err)
	require.NoError(t, p.Start(context.Background(), componenttest.NewNopHost()))
	require.NoError(t, p.ConsumeTraces(context.Background(), oneSpan(map[string]any{"m": "a@b.io c@d.io", "ip": "203.0.113.1"})))
	require.NoError(t, p.Shutdown(context.Background()))
	require.NoError(t, p.Shutdown(context.Background()), "shutdown is idempotent")

	metrics, err := tel.GetMetric("otelcol_processor_piiredact_redactions")
	require.NoError(t, err)
	got := map[string]int64{}
	for _, dp := range metricSumPoints(metrics) {
		det, _ := dp.attrs["detector"]
		got[det] += dp.value
		assert.Equal(t, "traces", dp.attrs["signal"])
	}
	assert.Equal(t, map[string]int64{"email": 2, "ipv4": 1}, got)
	removed, err := tel.GetMetric("otelcol_processor_piiredact_attributes_removed")
	require.NoError(t, err)
	require.Len(t, metricSumPoints(removed), 1)
	assert.Equal(t, int64(1), metricSumPoints(removed)[0].value)
}

func TestCleanValueCostsNoAllocation(t *testing.T) {
	r := newRedactor(defaultConfig())
	sc := r.getScratch()
	defer r.putScratch(sc)
	clean := "GET /api/v1/orders/ORD-2024-000123456 took 12.5ms (status=200, retries=3, v2.13.0)"
	r.redactString(clean, sc, true) // warm the scratch buffers
	allocs := testing.AllocsPerRun(100, func() {
		if _, changed, _ := r.redactString(clean, sc, true); changed {
			t.Fatal("clean value changed")
		}
	})
	assert.Zero(t, allocs)
}

func TestProcessorCreationUsesNopSettings(t *testing.T) {
	_, err := NewFactory().CreateLogs(context.Background(), processortest.NewNopSettings(metadata.Type), defaultConfig(), consumertest.NewNop())
	require.NoError(t, err)
}
