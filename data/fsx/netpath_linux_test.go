package fsx

import (
	"testing"

	"golang.org/x/sys/unix"
)

func TestIsNetworkFS(t *testing.T) {
	tests := []struct {
		name  string
		magic uint32
		want  bool
	}{
		{"nfs", 0x6969, true},
		{"smb", 0x517B, true},
		{"cifs", 0xFF534D42, true},
		{"smb2", 0xFE534D42, true},
		{"coda", unix.CODA_SUPER_MAGIC, true},
		{"afs", 0x5346414F, true},
		{"kafs", unix.AFS_FS_MAGIC, true},
		{"9p", 0x01021997, true},
		{"ceph", unix.CEPH_SUPER_MAGIC, true},
		{"fuse", 0x65735546, true},
		{"ext4", unix.EXT4_SUPER_MAGIC, false},
		{"btrfs", unix.BTRFS_SUPER_MAGIC, false},
		{"xfs", unix.XFS_SUPER_MAGIC, false},
		{"tmpfs", unix.TMPFS_MAGIC, false},
		{"overlayfs", unix.OVERLAYFS_SUPER_MAGIC, false},
		{"vfat", unix.MSDOS_SUPER_MAGIC, false},
		{"zero", 0, false},
	}
	for _, tt := range tests {
		if got := isNetworkFS(tt.magic); got != tt.want {
			t.Errorf("isNetworkFS(%s %#x) = %v, want %v", tt.name, tt.magic, got, tt.want)
		}
	}
}

// On Linux a leading // means nothing special: it is judged by statfs.
func TestIsNetworkPathDoubleSlashOnLinux(t *testing.T) {
	if IsNetworkPath("//" + t.TempDir()) {
		t.Error("IsNetworkPath(//local) = true")
	}
}
