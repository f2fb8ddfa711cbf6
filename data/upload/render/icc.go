package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
	"io"
	"math"
	"os"
)

// Colour: platforms show an upload as sRGB (and the copy carries no
// profile). A picture from an iPhone is usually in Display P3; written out
// unchanged its colours would look washed out. So the source's embedded
// profile is read (JPEG APP2, PNG iCCP, WebP ICCP, HEIF colr: an ICC
// profile or the nclx code for P3) and, when it is an RGB matrix/TRC
// profile other than sRGB, the pixels are converted: decode its tone
// curves, map through its matrix to XYZ (D50) and on to linear sRGB,
// clip, encode with the sRGB curve. Profiles built from lookup tables
// (rare for photos; some printer or camera-raw profiles) are left as they
// are: the copy then keeps the source's numbers.

// profile is an RGB matrix/TRC profile reduced to what the conversion
// needs.
type profile struct {
	toXYZ [3][3]float64 // linear RGB → XYZ (D50), columns r, g, b
	trc   [3]func(float64) float64
}

// srgbD50 is sRGB's matrix adapted to D50 (Bradford), as in the ICC's own
// sRGB profiles.
var srgbD50 = [3][3]float64{
	{0.4360747, 0.3850649, 0.1430804},
	{0.2225045, 0.7168786, 0.0606169},
	{0.0139322, 0.0971045, 0.7141733},
}

// displayP3 is Apple's Display P3 (D50-adapted primaries, sRGB's curve),
// for HEIF files that say "P3" by an nclx code instead of a profile.
var displayP3 = profile{
	toXYZ: [3][3]float64{
		{0.515102, 0.291965, 0.157153},
		{0.241182, 0.692236, 0.066582},
		{-0.001049, 0.041882, 0.784378},
	},
	trc: [3]func(float64) float64{srgbToLinear, srgbToLinear, srgbToLinear},
}

func srgbToLinear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

func linearToSRGB(v float64) float64 {
	if v <= 0.0031308 {
		return v * 12.92
	}
	return 1.055*math.Pow(v, 1/2.4) - 0.055
}

// readProfile finds the colour profile of the picture at src; nil when it
// has none, it is sRGB, or it cannot be converted (see above). The
// profile sits near the start of every format this package reads, so only
// the first 4 MB are looked at.
func readProfile(src string) *profile {
	f, err := os.Open(src)
	if err != nil {
		return nil
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, 4<<20))
	var p *profile
	switch {
	case len(head) >= 3 && head[0] == 0xFF && head[1] == 0xD8:
		p = parseICC(iccFromJPEG(head))
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		p = parseICC(iccFromPNG(head))
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		p = parseICC(iccFromWebP(head))
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		icc, p3 := colourFromHEIF(head)
		if p3 {
			p = &displayP3
		} else {
			p = parseICC(icc)
		}
	}
	if p == nil || p.isSRGB() {
		return nil
	}
	return p
}

// iccFromJPEG joins the ICC_PROFILE chunks of the APP2 segments in order.
func iccFromJPEG(b []byte) []byte {
	chunks := map[int][]byte{}
	count := 0
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			return nil
		}
		m := b[i+1]
		if m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01 || m == 0xFF {
			i++
			continue
		}
		if m == 0xDA || m == 0xD9 {
			break
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			break
		}
		seg := b[i+4 : i+2+n]
		if m == 0xE2 && len(seg) > 14 && string(seg[:12]) == "ICC_PROFILE\x00" {
			chunks[int(seg[12])] = seg[14:]
			count = int(seg[13])
		}
		i += 2 + n
	}
	if count == 0 {
		return nil
	}
	var out []byte
	for k := 1; k <= count; k++ {
		c, ok := chunks[k]
		if !ok {
			return nil
		}
		out = append(out, c...)
	}
	return out
}

// iccFromPNG inflates the iCCP chunk.
func iccFromPNG(b []byte) []byte {
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		if n < 0 || i+12+n > len(b) {
			return nil
		}
		data := b[i+8 : i+8+n]
		switch typ {
		case "iCCP":
			z := bytes.IndexByte(data, 0)
			if z < 0 || z+2 > len(data) {
				return nil
			}
			r, err := zlib.NewReader(bytes.NewReader(data[z+2:]))
			if err != nil {
				return nil
			}
			icc, err := io.ReadAll(io.LimitReader(r, 4<<20))
			if err != nil {
				return nil
			}
			return icc
		case "IDAT", "IEND":
			return nil
		}
		i += 12 + n
	}
	return nil
}

// iccFromWebP returns the ICCP chunk of an extended WebP.
func iccFromWebP(b []byte) []byte {
	for i := 12; i+8 <= len(b); {
		n := int(binary.LittleEndian.Uint32(b[i+4:]))
		if n < 0 || i+8+n > len(b) {
			return nil
		}
		if string(b[i:i+4]) == "ICCP" {
			return b[i+8 : i+8+n]
		}
		i += 8 + n + n%2
	}
	return nil
}

// colourFromHEIF finds the first colr property (meta → iprp → ipco):
// an ICC profile, or p3 when an nclx box names the P3 primaries (code 12,
// which iPhones write).
func colourFromHEIF(b []byte) (icc []byte, p3 bool) {
	meta := childBox(b, "meta")
	if len(meta) < 4 {
		return nil, false
	}
	ipco := childBox(childBox(meta[4:], "iprp"), "ipco")
	colr := childBox(ipco, "colr")
	if len(colr) < 4 {
		return nil, false
	}
	switch string(colr[:4]) {
	case "prof", "rICC":
		return colr[4:], false
	case "nclx":
		if len(colr) >= 6 {
			return nil, binary.BigEndian.Uint16(colr[4:]) == 12
		}
	}
	return nil, false
}

// childBox returns the payload of the first box of type typ in b.
func childBox(b []byte, typ string) []byte {
	for i := 0; i+8 <= len(b); {
		size := int(binary.BigEndian.Uint32(b[i:]))
		head := 8
		switch size {
		case 0:
			size = len(b) - i
		case 1:
			if i+16 > len(b) {
				return nil
			}
			size64 := binary.BigEndian.Uint64(b[i+8:])
			if size64 > uint64(len(b)-i) {
				return nil
			}
			size, head = int(size64), 16
		}
		if size < head || i+size > len(b) {
			return nil
		}
		if string(b[i+4:i+8]) == typ {
			return b[i+head : i+size]
		}
		i += size
	}
	return nil
}

// parseICC reads an RGB matrix/TRC profile; nil for anything else.
func parseICC(b []byte) *profile {
	if len(b) < 132 || string(b[16:20]) != "RGB " || string(b[20:24]) != "XYZ " {
		return nil
	}
	n := int(binary.BigEndian.Uint32(b[128:]))
	if n > 100 || 132+12*n > len(b) {
		return nil
	}
	tags := map[string][]byte{}
	for k := range n {
		e := b[132+12*k:]
		off, size := int(binary.BigEndian.Uint32(e[4:])), int(binary.BigEndian.Uint32(e[8:]))
		if off < 0 || size < 0 || off+size > len(b) || off+size < off {
			return nil
		}
		tags[string(e[:4])] = b[off : off+size]
	}
	var p profile
	for c, sig := range []string{"rXYZ", "gXYZ", "bXYZ"} {
		t := tags[sig]
		if len(t) < 20 || string(t[:4]) != "XYZ " {
			return nil
		}
		for r := range 3 {
			p.toXYZ[r][c] = s15(t[8+4*r:])
		}
	}
	for c, sig := range []string{"rTRC", "gTRC", "bTRC"} {
		f := parseCurve(tags[sig])
		if f == nil {
			return nil
		}
		p.trc[c] = f
	}
	return &p
}

func s15(b []byte) float64 { return float64(int32(binary.BigEndian.Uint32(b))) / 65536 }

// parseCurve reads a curv or para tone curve (encoded value → linear).
func parseCurve(t []byte) func(float64) float64 {
	if len(t) < 12 {
		return nil
	}
	switch string(t[:4]) {
	case "curv":
		n := int(binary.BigEndian.Uint32(t[8:]))
		switch {
		case n == 0:
			return func(v float64) float64 { return v }
		case n == 1 && len(t) >= 14:
			g := float64(binary.BigEndian.Uint16(t[12:])) / 256
			return func(v float64) float64 { return math.Pow(v, g) }
		case n >= 2 && len(t) >= 12+2*n:
			table := make([]float64, n)
			for i := range table {
				table[i] = float64(binary.BigEndian.Uint16(t[12+2*i:])) / 65535
			}
			return func(v float64) float64 {
				x := v * float64(n-1)
				i := min(int(x), n-2)
				f := x - float64(i)
				return table[i]*(1-f) + table[i+1]*f
			}
		}
	case "para":
		typ := binary.BigEndian.Uint16(t[8:])
		count := []int{1, 3, 4, 5, 7}
		if int(typ) >= len(count) || len(t) < 12+4*count[typ] {
			return nil
		}
		var a [7]float64
		for i := range count[typ] {
			a[i] = s15(t[12+4*i:])
		}
		g := a[0]
		switch typ {
		case 0:
			return func(v float64) float64 { return math.Pow(v, g) }
		case 1:
			return func(v float64) float64 {
				if v >= -a[2]/a[1] {
					return math.Pow(a[1]*v+a[2], g)
				}
				return 0
			}
		case 2:
			return func(v float64) float64 {
				if v >= -a[2]/a[1] {
					return math.Pow(a[1]*v+a[2], g) + a[3]
				}
				return a[3]
			}
		case 3:
			return func(v float64) float64 {
				if v >= a[4] {
					return math.Pow(a[1]*v+a[2], g)
				}
				return a[3] * v
			}
		case 4:
			return func(v float64) float64 {
				if v >= a[4] {
					return math.Pow(a[1]*v+a[2], g) + a[5]
				}
				return a[3]*v + a[6]
			}
		}
	}
	return nil
}

// isSRGB reports whether p is (close enough to) sRGB that converting would
// change nothing visible.
func (p *profile) isSRGB() bool {
	for r := range 3 {
		for c := range 3 {
			if math.Abs(p.toXYZ[r][c]-srgbD50[r][c]) > 0.003 {
				return false
			}
		}
	}
	for _, v := range []float64{0.02, 0.2, 0.5, 0.8} {
		for c := range 3 {
			if math.Abs(p.trc[c](v)-srgbToLinear(v)) > 0.003 {
				return false
			}
		}
	}
	return true
}

// toSRGB converts img (opaque, in p's colour space) to sRGB in place.
func (p *profile) toSRGB(img *image.RGBA) {
	inv, ok := invert(srgbD50)
	if !ok {
		return
	}
	m := mul(inv, p.toXYZ)
	var lut [3][256]float64
	for c := range 3 {
		for i := range 256 {
			lut[c][i] = p.trc[c](float64(i) / 255)
		}
	}
	const steps = 4096
	var enc [steps + 1]uint8
	for i := range enc {
		enc[i] = uint8(math.Round(255 * linearToSRGB(float64(i)/steps)))
	}
	encode := func(v float64) uint8 {
		return enc[int(math.Round(min(max(v, 0), 1)*steps))]
	}
	b := img.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):img.PixOffset(b.Max.X, y)]
		for i := 0; i+3 < len(row); i += 4 {
			r, g, bl := lut[0][row[i]], lut[1][row[i+1]], lut[2][row[i+2]]
			row[i] = encode(m[0][0]*r + m[0][1]*g + m[0][2]*bl)
			row[i+1] = encode(m[1][0]*r + m[1][1]*g + m[1][2]*bl)
			row[i+2] = encode(m[2][0]*r + m[2][1]*g + m[2][2]*bl)
		}
	}
}

func mul(a, b [3][3]float64) (out [3][3]float64) {
	for r := range 3 {
		for c := range 3 {
			for k := range 3 {
				out[r][c] += a[r][k] * b[k][c]
			}
		}
	}
	return out
}

func invert(m [3][3]float64) ([3][3]float64, bool) {
	det := m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) -
		m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) +
		m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
	if math.Abs(det) < 1e-12 {
		return m, false
	}
	var out [3][3]float64
	out[0][0] = (m[1][1]*m[2][2] - m[1][2]*m[2][1]) / det
	out[0][1] = (m[0][2]*m[2][1] - m[0][1]*m[2][2]) / det
	out[0][2] = (m[0][1]*m[1][2] - m[0][2]*m[1][1]) / det
	out[1][0] = (m[1][2]*m[2][0] - m[1][0]*m[2][2]) / det
	out[1][1] = (m[0][0]*m[2][2] - m[0][2]*m[2][0]) / det
	out[1][2] = (m[0][2]*m[1][0] - m[0][0]*m[1][2]) / det
	out[2][0] = (m[1][0]*m[2][1] - m[1][1]*m[2][0]) / det
	out[2][1] = (m[0][1]*m[2][0] - m[0][0]*m[2][1]) / det
	out[2][2] = (m[0][0]*m[1][1] - m[0][1]*m[1][0]) / det
	return out, true
}
