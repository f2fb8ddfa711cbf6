package caption

import (
	"os"
	"regexp"
	"strconv"
	"testing"
)

// DefaultLimits must say what schema 8 puts into a new workspace: the
// command line counts with these, the app with the workspace's copy. The
// test reads the migration's INSERT (a file of this repository, read as
// text) so the two cannot drift apart unnoticed.
func TestDefaultLimitsMatchMigration(t *testing.T) {
	b, err := os.ReadFile("../migrations/0008_templates.sql")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`\('(\w+)',\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*'([^']*)',\s*'([^']*)'\)`)
	rows := row.FindAllSubmatch(b, -1)
	if len(rows) != len(Platforms()) {
		t.Fatalf("found %d limit rows in the migration, want %d", len(rows), len(Platforms()))
	}
	d := DefaultLimits()
	for _, m := range rows {
		n := func(i int) int { v, _ := strconv.Atoi(string(m[i])); return v }
		want := Limits{Platform: string(m[1]), Text: n(2), Photo: n(3), Bytes: n(4), Hashtags: n(5), AltText: n(6),
			Title: n(7), Source: string(m[8]), CheckedOn: string(m[9])}
		if got := d[want.Platform]; got != want {
			t.Errorf("DefaultLimits()[%q]\n got %+v\nwant %+v (migration 0008)", want.Platform, got, want)
		}
	}
}
