package detector

import "testing"

func TestAPIKey(t *testing.T) {
	runDetectionCases(t, APIKey, []detectionCase{
		{in: "aws AKIAIOSFODNN7EXAMPLE", want: []string{"AKIAIOSFODNN7EXAMPLE"}},
		{in: "key=ASIAY34FZKBOKMUTVV7A;", want: []string{"ASIAY34FZKBOKMUTVV7A"}},
		{in: "sk_live_4eC39HqLyjWDarjtT1zdp7dc", want: []string{"sk_live_4eC39HqLyjWDarjtT1zdp7dc"}},
		{in: "rk_test_51H8abcdefghijkl", want: []string{"rk_test_51H8abcdefghijkl"}},
		{in: "ghp_16C7e42F292c6912E7710c838347Ae178B4a", want: []string{"ghp_16C7e42F292c6912E7710c838347Ae178B4a"}},
		{in: "github_pat_11ABCDEFG0123456789_abcdefghijklmnop", want: []string{"github_pat_11ABCDEFG0123456789_abcdefghijklmnop"}},
		{in: "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", want: []string{"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"}},
		{in: "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", want: []string{"AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"}},
		{in: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", want: []string{"T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"}},
		{in: "sk-proj-abcdefghijklmnopqrstuvwx", want: []string{"sk-proj-abcdefghijklmnopqrstuvwx"}},
		{in: "AKIAIOSFODNN7EXAMPLEX", want: nil}, // too long
		{in: "xAKIAIOSFODNN7EXAMPLE", want: nil}, // glued
		{in: "sk_live_short", want: nil},
		{in: "ask-me-anything-about-the-kit", want: nil},
	})
}
