package piiredact

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// TestRouteParams: the segments of a path that the span's route template names as
// secrets or personal values are redacted wherever the path is; the others stay.
func TestRouteParams(t *testing.T) {
	r := newRedactor(createDefaultConfig().(*Config))
	sc := r.getScratch()
	span := ptrace.NewSpan()
	span.SetName("GET /api/login/bob/Xy7-secret")
	span.Attributes().PutStr("http.route", "/api/login/{user}/{password}")
	span.Attributes().PutStr("url.path", "/api/login/bob/Xy7-secret")
	span.Attributes().PutStr("url.full", "https://legacy.example.com/api/login/bob/Xy7-secret?lang=en")
	r.redactMap(span.Attributes(), sc)
	r.redactRouteParams(span, sc)
	assert.Equal(t, "GET /api/login/bob/[REDACTED:sensitive_key]", span.Name())
	p, _ := span.Attributes().Get("url.path")
	assert.Equal(t, "/api/login/bob/[REDACTED:sensitive_key]", p.Str())
	u, _ := span.Attributes().Get("url.full")
	assert.Equal(t, "https://legacy.example.com/api/login/bob/[REDACTED:sensitive_key]?lang=en", u.Str())

	// Express's ":phone", a template in the span's name, and a route with nothing secret.
	for _, tc := range []struct{ route, path, want string }{
		{"/customers/:phone/orders", "/customers/512345678/orders", "/customers/[REDACTED:phone]/orders"},
		{"/reset/{token}", "/reset/{token}", "/reset/{token}"},
		{"/orders/{id}/items/{item_id}", "/orders/42/items/7", "/orders/42/items/7"},
		{"/users/<email>", "/users/jo@x.io", "/users/[REDACTED:sensitive_key]"},
	} {
		s := ptrace.NewSpan()
		s.Attributes().PutStr("http.route", tc.route)
		s.Attributes().PutStr("url.path", tc.path)
		r.redactRouteParams(s, sc)
		got, _ := s.Attributes().Get("url.path")
		assert.Equal(t, tc.want, got.Str(), tc.route)
	}
}
