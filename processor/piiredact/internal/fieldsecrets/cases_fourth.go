package fieldsecrets

import (
	"fmt"
	"strings"
)

// fourthRound: Authorization schemes of vendors' APIs, vendors' header names,
// older signed-URL and single-sign-on parameters, and links whose path carries a
// reset or confirmation token; with the query parameters that share their names.
func (c *corpus) fourthRound() {
	hex37 := c.hex(37)
	okta := "00" + c.from(b64url, 40)
	splunk := c.uuid()
	fcm := "AAAA" + c.from(b64url, 7) + ":APA91b" + c.from(b64url, 134)
	disc := c.from(b64url, 24) + "." + c.from(b64url, 6) + "." + c.from(b64url, 27)
	azsig := c.b64(32)
	schemes := []struct{ kind, value, secret string }{
		{"auth/okta-ssws", "SSWS " + okta, okta},
		{"auth/splunk-hec", "Splunk " + splunk, splunk},
		{"auth/fcm-key", "key=" + fcm, fcm},
		{"auth/discord-bot", "Bot " + disc, disc},
		{"auth/azure-sharedkey", "SharedKey acmeorders:" + azsig, azsig},
		{"auth/opsgenie", "GenieKey " + c.uuid(), ""},
		{"auth/api-key-scheme", "Api-Key " + c.from(base62, 32), ""},
	}
	for _, s := range schemes {
		secret := s.secret
		if secret == "" {
			secret = s.value[strings.IndexByte(s.value, ' ')+1:]
		}
		c.header(s.kind, "Authorization", s.value, []string{secret}, nil)
	}
	headers := []struct{ kind, name, value string }{
		{"header/cloudflare-auth-key", "X-Auth-Key", hex37},
		{"header/consul-token", "X-Consul-Token", c.uuid()},
		{"header/nomad-token", "X-Nomad-Token", c.uuid()},
		{"header/supabase-apikey", "apikey", c.jwt()},
		{"header/docker-registry-auth", "X-Registry-Auth", c.b64url(60)},
		{"header/x-api-token", "X-API-Token", c.from(base62, 40)},
		{"header/x-access-key", "X-Access-Key", c.from(upper+digits, 20)},
	}
	for _, h := range headers {
		c.header(h.kind, h.name, h.value, []string{h.value}, nil)
	}

	akid := "AKIA" + c.from(upper+"234567", 16)
	sig2 := strings.NewReplacer("+", "%2B", "/", "%2F", "=", "%3D").Replace(c.b64(20))
	otok := c.from(base62, 40)
	osig := strings.NewReplacer("+", "%2B", "/", "%2F", "=", "%3D").Replace(c.b64(20))
	ticket := "ST-" + fmt.Sprint(c.n(100000, 999999)) + "-" + c.from(base62, 20) + "-cas01"
	djangoTok := c.from(lower+digits, 6) + "-" + c.hex(32)
	confirm := c.from(lower+digits, 40)
	hmac := c.hex(64)
	links := []struct {
		kind    string
		u       string
		secrets []string
		keeps   []string
	}{
		{"url/s3-sigv2", "https://acme-exports.s3.amazonaws.com/r.csv?AWSAccessKeyId=" + akid + "&Expires=1736990000&Signature=" + sig2, []string{akid, sig2}, []string{"Expires=1736990000"}},
		{"url/oauth1", "https://api.example.com/1.1/statuses.json?oauth_consumer_key=" + c.from(base62, 25) + "&oauth_token=" + otok + "&oauth_signature_method=HMAC-SHA1&oauth_signature=" + osig + "&oauth_version=1.0", []string{otok, osig}, []string{"oauth_signature_method=HMAC-SHA1", "oauth_version=1.0"}},
		{"url/cas-ticket", "https://app.example.com/login/cas?ticket=" + ticket, []string{ticket}, []string{"/login/cas"}},
		{"url/django-reset", "https://shop.example.com/accounts/reset/MTIz/" + djangoTok + "/", []string{djangoTok}, []string{"/accounts/reset/MTIz/"}},
		{"url/confirm-email", "https://app.example.com/accounts/confirm-email/" + confirm + "/", []string{confirm}, []string{"/accounts/confirm-email/"}},
		{"url/shopify-hmac", "https://orders-app.example.com/auth/callback?code=" + c.hex(32) + "&hmac=" + hmac + "&shop=acme.myshopify.com&timestamp=1736990000", []string{hmac}, []string{"shop=acme.myshopify.com"}},
		{"url/query-access-key", "https://api.example.com/v2/export?access_key=" + c.from(base62, 32) + "&format=csv", nil, []string{"format=csv"}},
	}
	for _, l := range links {
		secrets := l.secrets
		if secrets == nil {
			s := l.u[strings.Index(l.u, "access_key=")+len("access_key="):]
			secrets = []string{s[:strings.IndexByte(s, '&')]}
		}
		c.link(l.kind, l.u, secrets, l.keeps)
	}
	// Parameters named like credentials that hold none.
	ks := []string{
		"https://storage.example.com/v1/objects?bucket=exports&key=reports%2F2025%2F01.csv&versionId=3HL4kqtJlcpXroDTDmJ",
		"https://api.example.com/v1/auth/methods?token_type=bearer&signature_version=4",
		"https://sts.amazonaws.com/?Action=AssumeRoleWithWebIdentity&Version=2011-06-15&DurationSeconds=3600",
		"https://app.example.com/login?next=%2Faccount%2Fpassword%2Fchange&reason=expired",
		"https://api.example.com/v1/sessions?session_state=active&page_size=50",
	}
	for i, k := range ks {
		rest := k[strings.Index(k, "://")+3:]
		c.link(fmt.Sprintf("keep/url-named-%d", i), k, nil, []string{rest[strings.IndexByte(rest, '/'):]})
	}
}
