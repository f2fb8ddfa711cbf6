package bundle

// syncDir does nothing on Windows: NTFS makes a name durable with the
// file, and a folder cannot be opened for syncing.
func syncDir(string) error { return nil }
