package render

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"testing"

	"feedtakt/data/upload"
)

// iccProfile builds a minimal RGB matrix/TRC ICC profile: the primaries
// (D50 XYZ columns r, g, b) and sRGB's tone curve as a para type 3.
func iccProfile(prim [3][3]float64) []byte {
	be := binary.BigEndian
	fixed := func(b []byte, v float64) []byte { return be.AppendUint32(b, uint32(int32(math.Round(v*65536)))) }
	xyz := func(c int) []byte {
		t := []byte("XYZ \x00\x00\x00\x00")
		for r := range 3 {
			t = fixed(t, prim[r][c])
		}
		return t
	}
	para := []byte("para\x00\x00\x00\x00\x00\x03\x00\x00")
	for _, v := range []float64{2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045} {
		para = fixed(para, v)
	}
	type tag struct {
		sig  string
		data []byte
	}
	tags := []tag{{"rXYZ", xyz(0)}, {"gXYZ", xyz(1)}, {"bXYZ", xyz(2)}, {"rTRC", para}, {"gTRC", para}, {"bTRC", para}}
	off := 128 + 4 + 12*len(tags)
	var table, body []byte
	table = be.AppendUint32(table, uint32(len(tags)))
	for _, t := range tags {
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
		table = append(table, t.sig...)
		table = be.AppendUint32(table, uint32(off+len(body)))
		table = be.AppendUint32(table, uint32(len(t.data)))
		body = append(body, t.data...)
	}
	head := make([]byte, 128)
	be.PutUint32(head, uint32(128+len(table)+len(body)))
	copy(head[12:], "mntr")
	copy(head[16:], "RGB ")
	copy(head[20:], "XYZ ")
	copy(head[36:], "acsp")
	return append(append(head, table...), body...)
}

// flatJPEG writes a w×h JPEG of one colour with the profile in APP2.
func flatJPEG(t *testing.T, c color.RGBA, icc []byte) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
	}
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 98}); err != nil {
		t.Fatal(err)
	}
	raw := enc.Bytes()
	out := append([]byte{}, raw[:2]...)
	if icc != nil {
		out = append(out, segment(0xE2, append([]byte("ICC_PROFILE\x00\x01\x01"), icc...))...)
	}
	out = append(out, raw[2:]...)
	p := filepath.Join(t.TempDir(), "farbe.jpg")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// p3ToSRGB is the published linear Display P3 → linear sRGB matrix (both
// D65), independent of the D50 route the code takes.
var p3ToSRGB = [3][3]float64{
	{1.2249, -0.2247, 0},
	{-0.0420, 1.0419, 0},
	{-0.0197, -0.0786, 1.0979},
}

func TestCopyConvertsDisplayP3ToSRGB(t *testing.T) {
	in := color.RGBA{200, 100, 50, 255}
	lin := [3]float64{srgbToLinear(200.0 / 255), srgbToLinear(100.0 / 255), srgbToLinear(50.0 / 255)}
	var want [3]float64
	for r := range 3 {
		v := 0.0
		for c := range 3 {
			v += p3ToSRGB[r][c] * lin[c]
		}
		want[r] = 255 * linearToSRGB(min(max(v, 0), 1))
	}
	tests := []struct {
		name      string
		icc       []byte
		want      [3]float64
		converted bool
	}{
		{"Display P3 profile", iccProfile(displayP3.toXYZ), want, true},
		{"sRGB profile", iccProfile(srgbD50), [3]float64{200, 100, 50}, false},
		{"no profile", nil, [3]float64{200, 100, 50}, false},
	}
	f := upload.Format{Name: "t", Fit: upload.FitCrop, Width: 200, Height: 150}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Copy(context.Background(), Request{Src: flatJPEG(t, in, tt.icc), Format: f})
			if err != nil {
				t.Fatal(err)
			}
			if res.Converted != tt.converted {
				t.Errorf("Converted = %v", res.Converted)
			}
			img, _ := jpeg.Decode(bytes.NewReader(res.JPEG))
			c := color.RGBAModel.Convert(img.At(100, 75)).(color.RGBA)
			got := [3]float64{float64(c.R), float64(c.G), float64(c.B)}
			for i := range 3 {
				if math.Abs(got[i]-tt.want[i]) > 4 {
					t.Errorf("got %v, want about %.0f", got, tt.want)
					break
				}
			}
			if bytes.Contains(res.JPEG, []byte("ICC_PROFILE")) {
				t.Error("the copy carries the profile")
			}
		})
	}
}

func TestColourFromHEIF(t *testing.T) {
	box := func(typ string, payload ...[]byte) []byte {
		b := binary.BigEndian.AppendUint32(nil, uint32(8+len(bytes.Join(payload, nil))))
		return append(append(b, typ...), bytes.Join(payload, nil)...)
	}
	nclx := func(prim uint16) []byte {
		return box("colr", []byte("nclx"), binary.BigEndian.AppendUint16(nil, prim), []byte{0, 13, 0, 1, 0x80})
	}
	file := func(colr []byte) []byte {
		return append(box("ftyp", []byte("heic\x00\x00\x00\x00mif1heic")),
			box("meta", []byte{0, 0, 0, 0}, box("hdlr", make([]byte, 20)), box("iprp", box("ipco", box("ispe", make([]byte, 12)), colr)))...)
	}
	if _, p3 := colourFromHEIF(file(nclx(12))); !p3 {
		t.Error("nclx P3 not recognised")
	}
	if _, p3 := colourFromHEIF(file(nclx(1))); p3 {
		t.Error("nclx BT.709 taken for P3")
	}
	icc := iccProfile(displayP3.toXYZ)
	got, _ := colourFromHEIF(file(box("colr", []byte("prof"), icc)))
	if p := parseICC(got); p == nil || p.isSRGB() {
		t.Errorf("prof colr: %v", p)
	}
	if got, p3 := colourFromHEIF(file(nil)[:30]); got != nil || p3 {
		t.Error("a cut-off file gives a profile")
	}
}
