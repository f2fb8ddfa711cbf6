package cli

import (
	"strings"
	"testing"
)

// Every command with options answers a bad option in German with its
// usage (exit 2) and --help with the usage on stdout (exit 0).
func TestCommandsSayBadOptionsInGerman(t *testing.T) {
	for _, cmd := range []string{"export", "import", "erase-person"} {
		t.Run(cmd, func(t *testing.T) {
			r := runCLI(cmd, "--verbose")
			if r.code != 2 || !strings.Contains(r.stderr, de("Unknown option {{.Option}}.", map[string]any{"Option": "-verbose"})) ||
				!strings.Contains(r.stderr, "feedtakt "+cmd) {
				t.Errorf("unknown option: exit %d, stderr %q", r.code, r.stderr)
			}
			r = runCLI(cmd, "--workspace")
			if r.code != 2 || !strings.Contains(r.stderr, de("The option {{.Option}} needs a value.", map[string]any{"Option": "-workspace"})) {
				t.Errorf("option without value: exit %d, stderr %q", r.code, r.stderr)
			}
			r = runCLI(cmd, "--help")
			if r.code != 0 || !strings.Contains(r.stdout, "feedtakt "+cmd) || r.stderr != "" {
				t.Errorf("--help: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
			}
		})
	}
}
