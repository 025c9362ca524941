package detector

import "testing"

func TestIPv4(t *testing.T) {
	runDetectionCases(t, IPv4, []detectionCase{
		{in: "client 203.0.113.42 connected", want: []string{"203.0.113.42"}},
		{in: "203.0.113.9:8080", want: []string{"203.0.113.9"}},
		{in: "http://198.51.100.20/x", want: []string{"198.51.100.20"}},
		{in: "for=198.51.100.7, 10.1.2.3", want: []string{"198.51.100.7"}},
		{in: "GET /hosts/203.0.113.5 HTTP/1.1", want: []string{"203.0.113.5"}},
		{in: "peer 8.8.8.8 and 100.64.0.1", want: []string{"8.8.8.8", "100.64.0.1"}},
		{in: "172.15.0.1 172.32.0.1", want: []string{"172.15.0.1", "172.32.0.1"}},
		// Internal addresses: the services' own, kept.
		{in: "10.0.0.1:8080", want: nil},
		{in: "http://192.168.1.20/x", want: nil},
		{in: "127.0.0.1", want: nil},
		{in: "172.16.0.1 172.31.255.255", want: nil},
		{in: "169.254.169.254", want: nil},
		{in: "0.0.0.0:4317", want: nil},
		// Versions.
		{in: "checkout-sync/2.1.0.17", want: nil},
		{in: "Mozilla/5.0 (compatible; agent/1.2.3.4; +http://example.com)", want: nil},
		{in: "grpc-go/1.60.1.2, curl/8.4.0.1", want: nil},
		{in: "256.1.1.1", want: nil},
		{in: "01.2.3.4", want: nil},
		{in: "1.2.3.4.5", want: nil},
		{in: "v1.2.3.4", want: nil},
	})
}

func TestIPv6(t *testing.T) {
	runDetectionCases(t, IPv6, []detectionCase{
		{in: "from 2001:db8::1 ok", want: []string{"2001:db8::1"}},
		{in: "[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:443", want: []string{"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}},
		{in: "::ffff:192.0.2.128", want: []string{"::ffff:192.0.2.128"}},
		{in: "addr 2a00:1450:4001:82a::200e.", want: []string{"2a00:1450:4001:82a::200e"}},
		{in: "::ffff:203.0.113.1:8080", want: []string{"::ffff:203.0.113.1"}},
		// Internal addresses: the services' own, kept.
		{in: "::1", want: nil},
		{in: "fe80::", want: nil},
		{in: "addr fe80::1ff:fe23:4567:890a.", want: nil},
		{in: "::ffff:10.0.0.1:8080", want: nil},
		{in: "fd12:3456:789a:1::1", want: nil},
		{in: "fc00::5", want: nil},
		{in: "1:2:3:4:5:6:7", want: nil},
		{in: "1::2::3", want: nil},
		{in: "12345::1", want: nil},
		{in: "a:b", want: nil},
		{in: "::", want: nil},
	})
}

// TestIPMaskInternal: the option masks every address, internal ones too.
func TestIPMaskInternal(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{IPv4, "10.0.0.1"}, {IPv4, "192.168.1.20"}, {IPv4, "127.0.0.1"}, {IPv4, "169.254.1.1"}, {IPv4, "172.20.0.1"},
		{IPv6, "::1"}, {IPv6, "fe80::1"}, {IPv6, "fd00::1"}, {IPv6, "::ffff:10.0.0.1"},
	} {
		b, ok := Lookup(tc.name)
		if !ok {
			t.Fatal(tc.name)
		}
		d := b.New(Options{MaskInternalAddresses: true})
		if got := found(d, "addr "+tc.in+" end"); len(got) != 1 || got[0] != tc.in {
			t.Errorf("%s with mask_internal: %q found %v", tc.name, tc.in, got)
		}
	}
}
