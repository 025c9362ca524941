package holdout

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Vendor credentials by their documented or observed formats, with the names
// (environment variables, headers, JSON fields) they travel under.
type tokenMaker struct {
	kind string
	make func(g *gen) string
	keys []string
	// bare: the prefix says what it is; it may also stand in text with no name.
	bare bool
}

var tokenMakers = []tokenMaker{
	{"aws-access-key-id", func(g *gen) string { return g.pick("AKIA", "ASIA") + g.from(base32Chars, 16) }, []string{"AWS_ACCESS_KEY_ID", "aws_access_key_id", "AccessKeyId"}, true},
	{"aws-secret-access-key", func(g *gen) string { return g.from(alnumChars+"/+", 40) }, []string{"AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "SecretAccessKey", "secretAccessKey"}, false},
	{"aws-session-token", func(g *gen) string { return "FwoGZXIvYXdzE" + g.from(alnumChars+"/+", 300) + "==" }, []string{"AWS_SESSION_TOKEN", "SessionToken", "aws_session_token", "x-amz-security-token"}, false},
	{"github-pat-classic", func(g *gen) string { return "ghp_" + g.alnum(36) }, []string{"GITHUB_TOKEN", "GH_TOKEN", "github_token"}, true},
	{"github-pat-fine", func(g *gen) string { return "github_pat_" + g.alnum(22) + "_" + g.alnum(59) }, []string{"GITHUB_TOKEN", "GH_PAT"}, true},
	{"github-app-token", func(g *gen) string { return g.pick("ghs_", "gho_", "ghu_") + g.alnum(36) }, []string{"GITHUB_TOKEN", "installation_token"}, true},
	{"gitlab-pat", func(g *gen) string { return "glpat-" + g.from(alnumChars+"_-", 20) }, []string{"GITLAB_TOKEN", "PRIVATE-TOKEN", "private_token", "CI_JOB_TOKEN"}, true},
	{"slack-bot", func(g *gen) string {
		return "xoxb-" + g.digitsNZ(12) + "-" + g.digitsNZ(13) + "-" + g.alnum(24)
	}, []string{"SLACK_BOT_TOKEN", "slack_token"}, true},
	{"slack-user", func(g *gen) string {
		return "xoxp-" + g.digitsNZ(12) + "-" + g.digitsNZ(12) + "-" + g.digitsNZ(13) + "-" + g.hex(32)
	}, []string{"SLACK_USER_TOKEN"}, true},
	{"stripe-secret", func(g *gen) string { return g.pick("sk_live_", "rk_live_") + g.alnum(24+75*g.intn(2)) }, []string{"STRIPE_SECRET_KEY", "stripe_api_key", "stripeSecretKey"}, true},
	{"stripe-webhook", func(g *gen) string { return "whsec_" + g.alnum(32) }, []string{"STRIPE_WEBHOOK_SECRET", "webhook_secret"}, true},
	{"openai", func(g *gen) string {
		return g.pick("sk-proj-"+g.from(alnumChars+"_-", 74)+"T3BlbkFJ"+g.from(alnumChars+"_-", 74), "sk-"+g.alnum(20)+"T3BlbkFJ"+g.alnum(20), "sk-svcacct-"+g.from(alnumChars+"_-", 120))
	}, []string{"OPENAI_API_KEY", "openai_api_key", "openaiApiKey"}, true},
	{"anthropic", func(g *gen) string { return "sk-ant-api03-" + g.from(alnumChars+"_-", 93) + "AA" }, []string{"ANTHROPIC_API_KEY", "x-api-key"}, true},
	{"google-api-key", func(g *gen) string { return "AIza" + g.from(alnumChars+"_-", 35) }, []string{"GOOGLE_API_KEY", "key", "apiKey", "x-goog-api-key"}, true},
	{"google-oauth-client-secret", func(g *gen) string { return "GOCSPX-" + g.from(alnumChars+"_-", 28) }, []string{"GOOGLE_CLIENT_SECRET", "client_secret"}, false},
	{"google-oauth-access", func(g *gen) string { return "ya29." + g.from(alnumChars+"_-", 150) }, []string{"access_token", "GOOGLE_ACCESS_TOKEN"}, true},
	{"google-refresh", func(g *gen) string { return "1//0" + g.from(alnumChars+"_-", 99) }, []string{"refresh_token", "GOOGLE_REFRESH_TOKEN"}, false},
	{"azure-storage-key", func(g *gen) string { return g.b64(64) }, []string{"AZURE_STORAGE_KEY", "AccountKey", "storage_account_key"}, false},
	{"azure-client-secret", func(g *gen) string { return g.alnum(3) + "8Q~" + g.from(alnumChars+"_~.-", 34) }, []string{"AZURE_CLIENT_SECRET", "client_secret", "ClientSecret"}, false},
	{"azure-devops-pat", func(g *gen) string { return g.from(lowerChars+"0123456789", 52) }, []string{"AZURE_DEVOPS_EXT_PAT", "SYSTEM_ACCESSTOKEN", "ado_pat"}, false},
	{"twilio-api-key", func(g *gen) string { return "SK" + g.hex(32) }, []string{"TWILIO_API_KEY"}, true},
	{"twilio-auth-token", func(g *gen) string { return g.hex(32) }, []string{"TWILIO_AUTH_TOKEN", "auth_token", "authToken"}, false},
	{"sendgrid", func(g *gen) string { return "SG." + g.from(alnumChars+"_-", 22) + "." + g.from(alnumChars+"_-", 43) }, []string{"SENDGRID_API_KEY"}, true},
	{"mailgun", func(g *gen) string { return "key-" + g.hex(32) }, []string{"MAILGUN_API_KEY"}, true},
	{"mailchimp", func(g *gen) string { return g.hex(32) + "-us" + fmt.Sprint(g.between(1, 21)) }, []string{"MAILCHIMP_API_KEY", "mailchimp_key"}, false},
	{"datadog-api-key", func(g *gen) string { return g.hex(32) }, []string{"DD_API_KEY", "DD-API-KEY", "datadog_api_key"}, false},
	{"datadog-app-key", func(g *gen) string { return g.hex(40) }, []string{"DD_APP_KEY", "DD-APPLICATION-KEY", "DD_APPLICATION_KEY"}, false},
	{"newrelic-user-key", func(g *gen) string { return "NRAK-" + g.upperAlnum(27) }, []string{"NEW_RELIC_API_KEY", "Api-Key"}, true},
	{"newrelic-license", func(g *gen) string { return g.hex(36) + "NRAL" }, []string{"NEW_RELIC_LICENSE_KEY", "license_key", "X-License-Key"}, false},
	{"honeycomb", func(g *gen) string { return g.pick("hcaik_", "hcxik_") + g.from(lowerChars+"0123456789", 58) }, []string{"HONEYCOMB_API_KEY", "x-honeycomb-team"}, false},
	{"honeycomb-classic", func(g *gen) string { return g.alnum(22) }, []string{"x-honeycomb-team", "HONEYCOMB_WRITEKEY"}, false},
	{"lightstep", func(g *gen) string { return g.b64(63) }, []string{"lightstep-access-token", "LS_ACCESS_TOKEN"}, false},
	{"dynatrace", func(g *gen) string { return "dt0c01." + g.upperAlnum(24) + "." + g.upperAlnum(64) }, []string{"DT_API_TOKEN", "DYNATRACE_API_TOKEN"}, true},
	{"grafana-cloud", func(g *gen) string { return "glc_" + g.from(alnumChars, 80) + "==" }, []string{"GRAFANA_CLOUD_API_KEY", "GRAFANA_TOKEN"}, true},
	{"grafana-sa", func(g *gen) string { return "glsa_" + g.alnum(32) + "_" + g.hex(8) }, []string{"GRAFANA_SERVICE_ACCOUNT_TOKEN"}, true},
	{"sentry-auth", func(g *gen) string { return "sntrys_" + g.from(alnumChars, 60) }, []string{"SENTRY_AUTH_TOKEN"}, true},
	{"npm", func(g *gen) string { return "npm_" + g.alnum(36) }, []string{"NPM_TOKEN", "_authToken"}, true},
	{"pypi", func(g *gen) string { return "pypi-AgEIcHlwaS5vcmc" + g.from(alnumChars+"_-", 70) }, []string{"PYPI_TOKEN", "TWINE_PASSWORD"}, true},
	{"dockerhub", func(g *gen) string { return "dckr_pat_" + g.from(alnumChars+"_-", 27) }, []string{"DOCKERHUB_TOKEN", "DOCKER_PASSWORD"}, true},
	{"shopify", func(g *gen) string { return g.pick("shpat_", "shpca_", "shppa_") + g.hex(32) }, []string{"SHOPIFY_ACCESS_TOKEN", "X-Shopify-Access-Token"}, true},
	{"square", func(g *gen) string { return "EAAA" + g.from(alnumChars+"_-", 60) }, []string{"SQUARE_ACCESS_TOKEN"}, true},
	{"vault", func(g *gen) string { return "hvs." + g.from(alnumChars+"_-", 90) }, []string{"VAULT_TOKEN", "X-Vault-Token"}, true},
	{"vault-legacy", func(g *gen) string { return "s." + g.alnum(24) }, []string{"VAULT_TOKEN", "X-Vault-Token"}, false},
	{"hashicorp-tfc", func(g *gen) string { return g.alnum(14) + ".atlasv1." + g.from(alnumChars+"_-", 67) }, []string{"TFE_TOKEN", "TF_TOKEN_app_terraform_io"}, true},
	{"digitalocean", func(g *gen) string { return "dop_v1_" + g.hex(64) }, []string{"DIGITALOCEAN_ACCESS_TOKEN", "DO_TOKEN"}, true},
	{"huggingface", func(g *gen) string { return "hf_" + g.alnum(34) }, []string{"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}, true},
	{"replicate", func(g *gen) string { return "r8_" + g.alnum(37) }, []string{"REPLICATE_API_TOKEN"}, true},
	{"groq", func(g *gen) string { return "gsk_" + g.alnum(52) }, []string{"GROQ_API_KEY"}, true},
	{"perplexity", func(g *gen) string { return "pplx-" + g.alnum(48) }, []string{"PERPLEXITY_API_KEY"}, true},
	{"linear", func(g *gen) string { return "lin_api_" + g.alnum(40) }, []string{"LINEAR_API_KEY"}, true},
	{"notion", func(g *gen) string { return "ntn_" + g.digits(11) + g.alnum(35) }, []string{"NOTION_TOKEN"}, true},
	{"airtable", func(g *gen) string { return "pat" + g.alnum(14) + "." + g.hex(64) }, []string{"AIRTABLE_API_KEY", "AIRTABLE_TOKEN"}, true},
	{"hubspot", func(g *gen) string { return "pat-" + g.pick("na1", "eu1") + "-" + g.uuid() }, []string{"HUBSPOT_ACCESS_TOKEN"}, true},
	{"atlassian", func(g *gen) string { return "ATATT3xFfGF0" + g.from(alnumChars+"_-", 170) + "=" + g.hex(8) }, []string{"JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN"}, true},
	{"postman", func(g *gen) string { return "PMAK-" + g.hex(24) + "-" + g.hex(34) }, []string{"POSTMAN_API_KEY", "X-Api-Key"}, true},
	{"doppler", func(g *gen) string { return "dp.st." + g.pick("prd.", "dev.") + g.alnum(43) }, []string{"DOPPLER_TOKEN"}, true},
	{"pulumi", func(g *gen) string { return "pul-" + g.hex(40) }, []string{"PULUMI_ACCESS_TOKEN"}, true},
	{"sonarqube", func(g *gen) string { return g.pick("squ_", "sqp_", "sqa_") + g.hex(40) }, []string{"SONAR_TOKEN"}, true},
	{"buildkite", func(g *gen) string { return "bkua_" + g.hex(40) }, []string{"BUILDKITE_API_TOKEN"}, true},
	{"circleci", func(g *gen) string { return "CCIPAT_" + g.alnum(22) + "_" + g.hex(40) }, []string{"CIRCLECI_TOKEN", "CIRCLE_TOKEN"}, true},
	{"supabase", func(g *gen) string { return "sbp_" + g.hex(40) }, []string{"SUPABASE_ACCESS_TOKEN"}, true},
	{"planetscale", func(g *gen) string { return g.pick("pscale_tkn_", "pscale_pw_") + g.from(alnumChars+"_-", 43) }, []string{"PLANETSCALE_SERVICE_TOKEN", "DATABASE_PASSWORD"}, true},
	{"cloudflare-token", func(g *gen) string { return g.from(alnumChars+"_-", 40) }, []string{"CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"}, false},
	{"cloudflare-global", func(g *gen) string { return g.hex(37) }, []string{"X-Auth-Key", "CF_API_KEY", "CLOUDFLARE_API_KEY"}, false},
	{"algolia-admin", func(g *gen) string { return g.hex(32) }, []string{"X-Algolia-API-Key", "ALGOLIA_ADMIN_KEY", "ALGOLIA_API_KEY"}, false},
	{"jfrog", func(g *gen) string { return "AKCp" + g.alnum(69) }, []string{"X-JFrog-Art-Api", "ARTIFACTORY_API_KEY", "JFROG_ACCESS_TOKEN"}, true},
	{"heroku", func(g *gen) string { return g.uuid() }, []string{"HEROKU_API_KEY"}, false},
	{"snyk", func(g *gen) string { return g.uuid() }, []string{"SNYK_TOKEN"}, false},
	{"postmark", func(g *gen) string { return g.uuid() }, []string{"X-Postmark-Server-Token", "POSTMARK_SERVER_TOKEN"}, false},
	{"splunk-hec", func(g *gen) string { return g.uuid() }, []string{"SPLUNK_HEC_TOKEN", "splunk_token", "hec_token"}, false},
	{"okta", func(g *gen) string { return "00" + g.from(alnumChars+"_-", 40) }, []string{"OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN"}, false},
	{"auth0-client-secret", func(g *gen) string { return g.from(alnumChars+"_-", 64) }, []string{"AUTH0_CLIENT_SECRET", "client_secret", "clientSecret"}, false},
	{"firebase-fcm", func(g *gen) string {
		return "AAAA" + g.from(alnumChars+"_-", 7) + ":APA91b" + g.from(alnumChars+"_-", 134)
	}, []string{"FCM_SERVER_KEY", "server_key"}, true},
	{"discord-bot", func(g *gen) string {
		return base64.RawStdEncoding.EncodeToString([]byte(g.digitsNZ(19))) + "." + g.from(alnumChars+"_-", 6) + "." + g.from(alnumChars+"_-", 38)
	}, []string{"DISCORD_BOT_TOKEN", "DISCORD_TOKEN"}, false},
	{"braintree", func(g *gen) string {
		return "access_token$production$" + g.from(lowerChars+"0123456789", 16) + "$" + g.hex(32)
	}, []string{"BRAINTREE_ACCESS_TOKEN"}, true},
	{"facebook", func(g *gen) string { return "EAAG" + g.alnum(180) }, []string{"FB_ACCESS_TOKEN", "access_token"}, true},
	{"confluent-secret", func(g *gen) string { return g.from(alnumChars+"/+", 64) }, []string{"CONFLUENT_API_SECRET", "sasl.password", "KAFKA_SASL_PASSWORD"}, false},
	{"age", func(g *gen) string { return "AGE-SECRET-KEY-1" + g.from("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58) }, []string{"SOPS_AGE_KEY"}, true},
	{"generic-api-key", func(g *gen) string { return g.mixed(g.between(24, 48)) }, []string{"api_key", "apiKey", "API_KEY", "x-api-key", "X-API-KEY", "apikey", "service_api_key", "PAYMENT_API_KEY"}, false},
	{"generic-secret", func(g *gen) string { return g.from(alnumChars+"_-", g.between(32, 64)) }, []string{"client_secret", "APP_SECRET", "JWT_SECRET", "SECRET_KEY_BASE", "signing_secret", "webhookSecret", "SESSION_SECRET", "encryption_key", "HMAC_KEY", "master_key"}, false},
	{"generic-token", func(g *gen) string { return g.from(alnumChars+"_-.", g.between(24, 64)) }, []string{"access_token", "accessToken", "auth_token", "x-auth-token", "X-Access-Token", "refresh_token", "id_token", "csrf_token", "api_token", "bot_token", "ACCESS_TOKEN"}, false},
}

func (g *gen) tokenVals(per int) []Val {
	var out []Val
	for _, t := range tokenMakers {
		for range per {
			out = append(out, Val{Kind: "secret/" + t.kind, Text: t.make(g), Keys: t.keys, Bare: t.bare})
		}
	}
	return out
}

// Passwords as people choose them: words and digits, symbols, passphrases with
// spaces, generated strings, non-ASCII.
func (g *gen) password() string {
	switch g.intn(9) {
	case 0:
		return g.pick("Winter", "Summer", "Autumn", "Spring") + fmt.Sprint(g.between(2019, 2026)) + g.pick("!", "#", "$", "?")
	case 1:
		return g.pick("hunter", "dragon", "monkey", "letmein", "trustno", "sunshine") + g.digits(g.between(2, 4)) + g.pick("", "!")
	case 2:
		return g.pick("P@ssw0rd", "Pa$$w0rd", "S3cr3t!", "Adm1n#", "Qwerty!") + g.digits(3)
	case 3:
		return g.from(alnumChars+"!#%^*()-_+[]{}<>?~", g.between(16, 32))
	case 4:
		return g.mixed(g.between(12, 24))
	case 5:
		return g.pick("correct horse battery staple", "blue moon over paris", "my dog loves walks", "tres tristes tigres") + " " + g.digits(2)
	case 6:
		return g.pick("pässwört", "contraseña", "пароль", "mot-de-passe") + g.digits(4)
	case 7:
		return g.lower(6) + g.pick("-", "_", ".") + g.lower(6) + g.pick("-", "_", ".") + g.lower(6)
	}
	return g.hex(g.between(16, 40))
}

// jwt returns a signed JSON Web Token with realistic claims.
func (g *gen) jwt() string {
	alg := g.pick("HS256", "RS256", "ES256")
	header := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"alg":"%s","typ":"JWT","kid":"%s"}`, alg, g.hex(8))))
	claims := fmt.Sprintf(`{"sub":"%s","email":"%s","iat":%d,"exp":%d,"iss":"https://auth.example.com/","aud":"api"}`,
		g.uuid(), g.email(), 1_735_000_000+g.intn(1e7), 1_736_000_000+g.intn(1e7))
	payload := base64.RawURLEncoding.EncodeToString([]byte(claims))
	sigLen := 32
	if alg != "HS256" {
		sigLen = 256
	}
	return header + "." + payload + "." + g.b64url(sigLen)
}

// pem returns a private key block with real line breaks, or with the "\n" escapes
// of a JSON string.
func (g *gen) pem(label string, escaped bool) string {
	nl := "\n"
	if escaped {
		nl = `\n`
	}
	body := g.b64(g.between(600, 1200))
	var lines []string
	for len(body) > 64 {
		lines = append(lines, body[:64])
		body = body[64:]
	}
	lines = append(lines, body)
	return "-----BEGIN " + label + "-----" + nl + strings.Join(lines, nl) + nl + "-----END " + label + "-----"
}
