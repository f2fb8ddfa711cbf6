package fsx

import (
	"path/filepath"
	"testing"
)

func TestIsUNC(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{`\\server\share\Feedtakt`, true},
		{`\\server\share`, true},
		{`\\server`, true},
		{`//server/share/Feedtakt`, true},
		{`\/server/share`, true},
		{`\\fs01.stadt.local\Öffentlichkeitsarbeit$\Feedtakt`, true},
		{`\\192.168.1.10\daten`, true},
		{`\\?\UNC\server\share\Feedtakt`, true},
		{`\\?\unc\server\share`, true},
		{`\\.\UNC\server\share`, true},
		{`\\?\C:\Users\maria\Documents`, false},
		{`\\.\C:\x`, false},
		{`\\.\pipe\feedtakt`, false},
		{`\\?\UNC\`, false},
		{`\\?\UNCserver\share`, false},
		{`\\?`, false},
		{`\\.`, false},
		{`\\\server\share`, false},
		{`\\`, false},
		{`\`, false},
		{``, false},
		{`C:\Users\maria\Documents\Feedtakt`, false},
		{`C:relative`, false},
		{`H:\Feedtakt`, false}, // may be a mapped share, but the text cannot tell
		{`/home/maria/Feedtakt`, false},
		{`Feedtakt`, false},
	}
	for _, tt := range tests {
		if got := IsUNC(tt.path); got != tt.want {
			t.Errorf("IsUNC(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestIsNetworkPathLocal(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{
		dir,
		filepath.Join(dir, "not", "there", "yet"), // judged by its nearest parent
	} {
		if IsNetworkPath(p) {
			t.Errorf("IsNetworkPath(%q) = true for a local temp folder", p)
		}
	}
}
