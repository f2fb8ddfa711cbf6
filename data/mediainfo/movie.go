package mediainfo

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// epoch1904 is where MP4 and QuickTime count their seconds from.
var epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)

// readMovie reads an MP4/MOV container's moov box: mvhd for duration and
// creation time, the video track's tkhd for its display size and rotation.
// moov may sit before or after the media data; the media data is skipped,
// never read.
func readMovie(rd *reader, info *Info) error {
	var moov box
	ok := false
	// Walk every top-level box (there are a handful) rather than stop at
	// moov, so a cut-off mdat after it is noticed too.
	err := rd.boxes(0, rd.size, true, func(b box) bool {
		if b.typ == "moov" && !ok {
			moov, ok = b, true
		}
		return true
	})
	if !ok {
		if errors.Is(err, ErrTruncated) {
			return fmt.Errorf("recording cut off before its index (moov): %w", ErrDamaged)
		}
		return fmt.Errorf("no moov box: %v: %w", err, ErrDamaged)
	}
	if errors.Is(err, ErrTruncated) {
		info.warn(err)
	}
	var created time.Time
	err = rd.boxes(moov.start, moov.end, false, func(b box) bool {
		switch b.typ {
		case "mvhd":
			created, info.Duration = readMVHD(rd, b)
		case "trak":
			if info.Width == 0 {
				readTrak(rd, b, info)
			}
		}
		return true
	})
	if err != nil {
		info.warn(err)
	}
	if !created.IsZero() && created.After(epoch1904) {
		if plausible(created, now()) {
			info.Taken, info.TakenZone, info.DateFrom = created, true, DateContainer
		} else {
			info.warn(fmt.Errorf("container date %s: %w", created.Format(time.DateTime), ErrImplausibleDate))
		}
	}
	return nil
}

// readMVHD reads the movie header: creation time (UTC) and duration.
func readMVHD(rd *reader, b box) (time.Time, time.Duration) {
	p, err := rd.payload(b, 4096)
	if err != nil {
		return time.Time{}, 0
	}
	q := &be{b: p}
	ver := q.u8()
	q.skip(3)
	var created, scale, dur uint64
	if ver == 1 {
		created = q.u64()
		q.u64()
		scale = uint64(q.u32())
		dur = q.u64()
	} else {
		created = uint64(q.u32())
		q.u32()
		scale = uint64(q.u32())
		dur = uint64(q.u32())
	}
	if q.bad {
		return time.Time{}, 0
	}
	var t time.Time
	if created > 0 && created < 1<<40 {
		t = epoch1904.Add(time.Duration(created) * time.Second)
	}
	var d time.Duration
	// 0xFFFFFFFF means "unknown" (fragmented files); a duration over a
	// year is no recording either.
	if scale > 0 && dur != math.MaxUint32 && dur != math.MaxUint64 {
		secs := float64(dur) / float64(scale)
		if secs < 366*24*3600 {
			d = time.Duration(secs * float64(time.Second)).Round(time.Millisecond)
		}
	}
	return t, d
}

// readTrak takes a video track's display size and rotation from tkhd.
func readTrak(rd *reader, b box, info *Info) {
	var tkhd []byte
	video := false
	_ = rd.boxes(b.start, b.end, false, func(c box) bool {
		switch c.typ {
		case "tkhd":
			tkhd, _ = rd.payload(c, 4096)
		case "mdia":
			if h, ok, _ := rd.child(c, 0, "hdlr"); ok {
				p := rd.upTo(h.start, 12)
				video = len(p) == 12 && string(p[8:12]) == "vide"
			}
		}
		return true
	})
	if !video || tkhd == nil {
		return
	}
	q := &be{b: tkhd}
	ver := q.u8()
	q.skip(3)
	if ver == 1 {
		q.skip(8 + 8 + 4 + 4 + 8)
	} else {
		q.skip(4 + 4 + 4 + 4 + 4)
	}
	q.skip(8 + 2 + 2 + 2 + 2)
	var m [9]int32
	for i := range m {
		m[i] = int32(q.u32())
	}
	w, h := q.u32()>>16, q.u32()>>16
	if q.bad {
		return
	}
	info.Width, info.Height = int(w), int(h)
	info.Orientation = matrixOrientation(m[0], m[1], m[3], m[4])
}

// matrixOrientation maps the rotation in a track matrix (16.16 fixed
// point a, b, c, d) to the EXIF orientation a viewer applies.
func matrixOrientation(a, b, c, d int32) int {
	const one = 1 << 16
	switch {
	case a == 0 && b == one && c == -one && d == 0:
		return 6 // 90° clockwise: phones held upright
	case a == -one && b == 0 && c == 0 && d == -one:
		return 3
	case a == 0 && b == -one && c == one && d == 0:
		return 8
	}
	return 1
}
