package detector

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEmail(t *testing.T) {
	runDetectionCases(t, Email, []detectionCase{
		{in: "jane.doe@example.com", want: []string{"jane.doe@example.com"}},
		{in: "contact <Jane.Doe+tag@mail.example.co.uk>.", want: []string{"Jane.Doe+tag@mail.example.co.uk"}},
		{in: "/signup?email=jane.doe%40example.com&x=1", want: []string{"jane.doe%40example.com"}},
		{in: "a@b.io and c@d.org", want: []string{"a@b.io", "c@d.org"}},
		{in: "mailto:ops@example.com", want: []string{"ops@example.com"}},
		{in: "user@localhost", want: nil},
		{in: "postgres://admin:hunter2@db.internal:5432/app", want: nil},
		{in: "https://example.com/u/jane@example.com", want: []string{"jane@example.com"}},
		{in: "@types/node@18.0.0", want: nil},
		{in: "@example.com", want: nil},
		{in: "x@-bad.com", want: nil},
	})
}

// TestEmailMachineAddresses: scp's user@host:path and service accounts are no
// person's e-mail.
func TestEmailMachineAddresses(t *testing.T) {
	for _, s := range []string{
		"git@github.com:acme/shop-api.git", "deploy@build-01.example.com:22",
		"exporter@shop-prod-4711.iam.gserviceaccount.com does not have storage.objects.get access",
	} {
		assert.Empty(t, found(email{}, s), s)
	}
	assert.Equal(t, []string{"jane@example.com"}, found(email{}, "jane@example.com: bounced"))
}

// TestEmailDisplayName: a mailbox "Name <addr>" is found with its display name,
// quoted, escaped or bare; lower-case words before the '<' are not a name.
func TestEmailDisplayName(t *testing.T) {
	runDetectionCases(t, Email, []detectionCase{
		{in: `From: "Jane Doe" <jane.doe@example.com>`, want: []string{`"Jane Doe" <jane.doe@example.com>`}},
		{in: `To: Jane van der Berg <jane@example.org>, ops@example.org`, want: []string{"Jane van der Berg <jane@example.org>", "ops@example.org"}},
		{in: `{"to":"\"Søren Ó Briain\" <s.obriain@example.ie>"}`, want: []string{`\"Søren Ó Briain\" <s.obriain@example.ie>`}},
		{in: `<To>&quot;Mei Okonkwo&quot; &lt;mei@example.com&gt;</To>`, want: []string{`&quot;Mei Okonkwo&quot; &lt;mei@example.com&gt;`}},
		{in: `sent to PRIYA VASQUEZ <p.v@example.com> at 10:02`, want: []string{"PRIYA VASQUEZ <p.v@example.com>"}},
		{in: `sent to <p.v@example.com>`, want: []string{"p.v@example.com"}},
		{in: `reply-to: support team <help@example.com>`, want: []string{"help@example.com"}},
		{in: `SET mail_to = 'Zofia van der Berg <zofia@example.com>'`, want: []string{"Zofia van der Berg <zofia@example.com>"}},
		{in: `Name<jane@example.com>`, want: []string{"jane@example.com"}},
	})
}
