package detector

import "testing"

func TestIPv4(t *testing.T) {
	runDetectionCases(t, IPv4, []detectionCase{
		{in: "client 203.0.113.42 connected", want: []string{"203.0.113.42"}},
		{in: "10.0.0.1:8080", want: []string{"10.0.0.1"}},
		{in: "http://192.168.1.20/x", want: []string{"192.168.1.20"}},
		{in: "for=198.51.100.7, 10.1.2.3", want: []string{"198.51.100.7", "10.1.2.3"}},
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
		{in: "::1", want: []string{"::1"}},
		{in: "fe80::", want: []string{"fe80::"}},
		{in: "::ffff:192.0.2.128", want: []string{"::ffff:192.0.2.128"}},
		{in: "addr fe80::1ff:fe23:4567:890a.", want: []string{"fe80::1ff:fe23:4567:890a"}},
		{in: "::ffff:10.0.0.1:8080", want: []string{"::ffff:10.0.0.1"}},
		{in: "1:2:3:4:5:6:7", want: nil},
		{in: "1::2::3", want: nil},
		{in: "12345::1", want: nil},
		{in: "a:b", want: nil},
		{in: "::", want: nil},
	})
}
