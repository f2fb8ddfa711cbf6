package fsx

// syncDir does nothing on Windows: there is no dependable way to flush a
// folder there (File.Sync on a folder handle fails with access denied), and
// NTFS journals the rename itself.
func syncDir(string) error { return nil }
