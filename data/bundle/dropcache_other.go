//go:build !linux

package bundle

import "os"

// dropCache does nothing where the OS offers no portable way to forget a
// file's cached pages; reading back then checks what the cache holds.
func dropCache(*os.File) {}
