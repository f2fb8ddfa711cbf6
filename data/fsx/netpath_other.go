//go:build !linux && !darwin && !freebsd && !windows

package fsx

// IsNetworkPath reports whether path lies on a network file system. On this
// OS there is no check, so every path counts as local.
func IsNetworkPath(string) bool { return false }
