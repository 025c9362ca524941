package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReplacementsAlignWithTheInput(t *testing.T) {
	in := "card 4111 1111 1111 1111 build 2.1.0.17 mail a@b.co"
	out := "card [REDACTED:credit_card ending 1111] build [REDACTED:ipv4] mail [REDACTED:email]"
	assert.Equal(t, []replacement{
		{"credit_card", 5, 24},
		{"ipv4", 31, 39},
		{"email", 45, 51},
	}, replacements(in, out))
	assert.Equal(t, []string{"ipv4"}, blame([]string{in}, []string{out}, "build 2.1.0.17"))
	assert.Equal(t, []replacement{{"sensitive_key", 0, 11}}, replacements("Basic abcde", "[REDACTED:sensitive_key]"))
}

func TestJudgeFindsFragmentsAndDamage(t *testing.T) {
	c := &Case{Secrets: []string{"Sup3rS3cretRedis"}, Keep: []KeepValue{{Text: "EX 3600", Kind: "duration"}}}
	o := judge(c, []string{"AUTH Sup3rS3cretRedis EX 3600"}, []string{"AUTH [REDACTED:url_credential]cretRedis EX 3600"})
	assert.Equal(t, []string{"Sup3rS3cretRedis"}, o.Leaked, "half the secret survived")
	assert.Empty(t, o.Damaged)
	o = judge(c, []string{"AUTH Sup3rS3cretRedis EX 3600"}, []string{"AUTH [REDACTED:url_credential] EX [REDACTED:phone]"})
	assert.Empty(t, o.Leaked)
	assert.Equal(t, []Damage{{Keep: KeepValue{Text: "EX 3600", Kind: "duration"}, Detectors: []string{"phone"}}}, o.Damaged)
}
