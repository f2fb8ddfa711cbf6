package data

import (
	"bufio"
	"os"
	"os/user"
	"path/filepath"
	"strings"
)

// DefaultDir is where a new workspace goes unless the person picks another:
// a "workspace" folder next to the program makes it portable (a USB stick,
// a share); otherwise Documents/Feedtakt.
func DefaultDir() string {
	if p, ok := PortableDir(); ok {
		return p
	}
	return filepath.Join(DocumentsDir(), "Feedtakt")
}

// PortableDir returns the "workspace" folder next to the program if there is
// one; the app then opens it without asking.
func PortableDir() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	p := filepath.Join(filepath.Dir(exe), "workspace")
	st, err := os.Stat(p)
	return p, err == nil && st.IsDir()
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from user-dirs.dirs (Linux desktops
// name it "Dokumente" on a German system).
func xdgDocuments(home string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(s.Text()), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if filepath.IsAbs(v) && v != home {
			return v
		}
	}
	return ""
}

// CurrentActor returns the OS user and the PC name, the defaults for the
// change log and the lock text.
func CurrentActor() Actor {
	a := Actor{Person: "Unbekannt", PC: "PC"}
	if u, err := user.Current(); err == nil {
		name := u.Name
		if name == "" {
			name = u.Username
		}
		// Windows gives DOMAIN\user as the login name.
		if i := strings.LastIndex(name, `\`); i >= 0 {
			name = name[i+1:]
		}
		if name != "" {
			a.Person = name
		}
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		a.PC = h
	}
	return a
}
