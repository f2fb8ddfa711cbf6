package fsx

import "testing"

func TestIsNetworkPathUNC(t *testing.T) {
	for _, p := range []string{`\\server\share\Feedtakt`, `//server/share`, `\\?\UNC\server\share`} {
		if !IsNetworkPath(p) {
			t.Errorf("IsNetworkPath(%q) = false, want true", p)
		}
	}
}
