package fsx

import "golang.org/x/sys/unix"

// IsNetworkPath reports whether path (or its nearest existing parent) lies
// on a network file system, where SQLite must not use WAL: WAL needs shared
// memory between all users of the database, which only works on one host.
// On Linux this asks statfs for the file system type. When in doubt it says
// false; a path it cannot examine at all is reported as local.
func IsNetworkPath(path string) bool {
	var st unix.Statfs_t
	if err := statfsNearest(path, &st); err != nil {
		return false
	}
	// f_type is a long; the magic numbers are 32 bits, and on 32-bit
	// platforms the long is signed, so compare the low 32 bits.
	return isNetworkFS(uint32(st.Type))
}

// isNetworkFS reports whether a statfs magic number belongs to a network
// file system.
func isNetworkFS(magic uint32) bool {
	switch magic {
	case unix.NFS_SUPER_MAGIC,
		unix.SMB_SUPER_MAGIC,
		unix.SMB2_SUPER_MAGIC,
		unix.CIFS_SUPER_MAGIC,
		unix.CODA_SUPER_MAGIC,
		unix.AFS_SUPER_MAGIC,
		unix.AFS_FS_MAGIC, // kAFS, the in-kernel AFS client
		unix.V9FS_MAGIC,   // 9P: also how WSL and VMs share host folders
		unix.CEPH_SUPER_MAGIC:
		return true
	case unix.FUSE_SUPER_MAGIC:
		// FUSE carries sshfs, rclone and GNOME's gvfs (smb://) mounts, but
		// also local ones such as ntfs-3g. The magic cannot tell them
		// apart; calling them all network costs a local FUSE disk only
		// WAL's speed (DELETE journal mode is still safe), while calling
		// a share local would risk corrupting the database.
		return true
	}
	return false
}
