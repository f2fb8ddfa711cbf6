package mediainfo

import (
	"encoding/binary"
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
	var qt quickTimeMeta
	err = rd.boxes(moov.start, moov.end, false, func(b box) bool {
		switch b.typ {
		case "mvhd":
			created, info.Duration = readMVHD(rd, b)
		case "trak":
			if info.Width == 0 {
				readTrak(rd, b, info)
			}
		case "meta":
			qt.read(rd, b)
		case "udta":
			qt.readUserData(rd, b)
		}
		return true
	})
	if err != nil {
		info.warn(err)
	}
	info.HasGPS = qt.gps
	info.CameraMake, info.CameraModel = qt.make, qt.model
	// A phone's own creation date carries the local offset the container's
	// UTC time lacks; prefer it when it is readable and plausible.
	if t, zone, ok := parseXMPDate(qt.created); ok && plausible(t, now()) {
		info.Taken, info.TakenZone, info.DateFrom = t, zone, DateContainer
		return nil
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

// quickTimeMeta collects what phones write into a movie's metadata: Apple
// keys in moov/meta (com.apple.quicktime.*) and the ©xyz location atom of
// Android and older QuickTime in moov/udta.
type quickTimeMeta struct {
	created, make, model string
	gps                  bool
}

// read reads a QuickTime "mdta" metadata box: keys names the entries,
// ilst holds their values by 1-based key index.
func (q *quickTimeMeta) read(rd *reader, meta box) {
	start := meta.start
	// moov/meta of QuickTime is a plain box; the ISO one (udta/meta) is a
	// full box with four bytes of version and flags first.
	h := rd.upTo(start, 12)
	switch {
	case len(h) < 12:
		return
	case string(h[4:8]) == "hdlr":
	case string(h[8:12]) == "hdlr":
		start += 4
	default:
		return
	}
	var keys []string
	_ = rd.boxes(start, meta.end, false, func(b box) bool {
		switch b.typ {
		case "keys":
			p, err := rd.payload(b, 64<<10)
			if err != nil {
				return true
			}
			v := &be{b: p}
			v.skip(4)
			n := v.u32()
			for i := uint32(0); i < n && !v.bad && len(keys) < 256; i++ {
				size := int(v.u32())
				v.skip(4) // namespace, "mdta"
				if size < 8 || size-8 > len(p)-v.off {
					return true
				}
				keys = append(keys, string(p[v.off:v.off+size-8]))
				v.skip(size - 8)
			}
		case "ilst":
			_ = rd.boxes(b.start, b.end, false, func(e box) bool {
				idx := int(binary.BigEndian.Uint32([]byte(e.typ)))
				if idx < 1 || idx > len(keys) {
					return true
				}
				q.set(keys[idx-1], dataValue(rd, e))
				return true
			})
		}
		return true
	})
}

func (q *quickTimeMeta) set(key, value string) {
	switch key {
	case "com.apple.quicktime.creationdate":
		q.created = value
	case "com.apple.quicktime.make":
		q.make = value
	case "com.apple.quicktime.model":
		q.model = value
	case "com.apple.quicktime.location.ISO6709":
		q.gps = q.gps || value != ""
	}
}

// readUserData looks into moov/udta for a location (©xyz) and an ISO
// meta box.
func (q *quickTimeMeta) readUserData(rd *reader, udta box) {
	_ = rd.boxes(udta.start, udta.end, false, func(b box) bool {
		switch b.typ {
		case "\xa9xyz":
			q.gps = q.gps || b.end-b.start > 4
		case "meta":
			q.read(rd, b)
		}
		return true
	})
}

// dataValue returns the UTF-8 text in an ilst entry's data box.
func dataValue(rd *reader, e box) string {
	d, ok, _ := rd.child(e, 0, "data")
	if !ok {
		return ""
	}
	p, err := rd.payload(d, maxString+8)
	if err != nil || len(p) < 8 || binary.BigEndian.Uint32(p)&0xFFFFFF != 1 {
		return ""
	}
	return cleanText(p[8:])
}
