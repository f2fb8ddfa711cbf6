package app

import "testing"

// The change log's who column names what it knows, without a stray
// separator (a demo's rows have no PC).
func TestPersonAndPC(t *testing.T) {
	for _, c := range []struct{ person, pc, want string }{
		{"Maria Muster", "PC-1", "Maria Muster · PC-1"},
		{"Demo-Redaktion", "", "Demo-Redaktion"},
		{"", "PC-1", "PC-1"},
		{"", "", ""},
	} {
		if got := personAndPC(c.person, c.pc); got != c.want {
			t.Errorf("personAndPC(%q, %q) = %q, want %q", c.person, c.pc, got, c.want)
		}
	}
}
