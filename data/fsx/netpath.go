package fsx

import "strings"

// IsUNC reports whether path names a Windows network share: \\server\share,
// the same with forward slashes, or the long forms \\?\UNC\server\share and
// \\.\UNC\server\share. Device paths such as \\?\C:\ or \\.\pipe\ are not
// shares. It looks only at the text, so it works on every OS, for example
// to judge a path read from a settings file.
func IsUNC(path string) bool {
	if len(path) < 3 || !isSlash(path[0]) || !isSlash(path[1]) {
		return false
	}
	rest := path[2:]
	if len(rest) >= 2 && (rest[0] == '?' || rest[0] == '.') && isSlash(rest[1]) {
		// Win32 file or device namespace: only its UNC\ branch is a share.
		rest = rest[2:]
		if len(rest) < 4 || !strings.EqualFold(rest[:3], "UNC") || !isSlash(rest[3]) {
			return false
		}
		rest = rest[4:]
	}
	server, _, _ := strings.Cut(strings.ReplaceAll(rest, "/", `\`), `\`)
	return server != "" && server != "?" && server != "."
}

func isSlash(c byte) bool { return c == '\\' || c == '/' }
