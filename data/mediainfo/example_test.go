package mediainfo_test

import (
	"errors"
	"fmt"
	"os"

	"feedtakt/data/mediainfo"
)

// The importer's use: read the facts, refuse what cannot be imported,
// fall back to the file's time for the Aufnahmedatum, and hand the grid
// the embedded thumbnail for an instant preview.
func Example() {
	path := "IMG_4711.HEIC"
	info, err := mediainfo.ReadFile(path)
	switch {
	case errors.Is(err, mediainfo.ErrUnsupported):
		return // skipped, not a failure
	case err != nil:
		fmt.Println("skipped:", err) // ErrEmpty, ErrDamaged, ErrTooLarge: the UI words them
		return
	}
	st, _ := os.Stat(path)
	taken, from := info.Date(st.ModTime())
	w, h := info.Displayed()
	fmt.Println(info.Kind, info.Format, w, h, taken, from, info.Camera(), info.HasGPS)
	if f, err := os.Open(path); err == nil {
		thumb, _ := mediainfo.ReadThumbnail(f, info) // nil when there is none
		_ = thumb
		f.Close()
	}
}
