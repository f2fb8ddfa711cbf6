package demo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"slices"
)

// ErrUnknownKind is returned by Picture for a motif it cannot draw.
var ErrUnknownKind = errors.New("demo: unknown picture kind")

// maxPixels caps a requested picture so a typo cannot allocate gigabytes.
const maxPixels = 40_000_000

var motifs = map[string]func(*scene){
	"fachwerk":   drawFachwerk,
	"kirche":     drawKirche,
	"burg":       drawBurg,
	"ausgrabung": drawAusgrabung,
	"werkstatt":  drawWerkstatt,
	"saeulen":    drawSaeulen,
	"team":       drawTeam,
	"plakat":     drawPlakat,
}

// Kinds lists the motifs Picture can draw, sorted by name.
func Kinds() []string {
	out := make([]string, 0, len(motifs))
	for k := range motifs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Picture draws a procedurally generated demo photo of the given kind
// ("fachwerk", "kirche", "burg", "ausgrabung", "werkstatt", "saeulen",
// "team", "plakat") at w x h pixels. The same kind and seed always give the
// same picture; another seed varies colours and proportions. The scene is
// composed in a 4:3 frame and cropped to fill other aspect ratios.
func Picture(kind string, seed int64, w, h int) (image.Image, error) {
	draw, ok := motifs[kind]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownKind, kind)
	}
	if w <= 0 || h <= 0 || w*h > maxPixels {
		return nil, fmt.Errorf("demo: invalid picture size %dx%d", w, h)
	}
	s := newScene(w, h, seed)
	draw(s)
	if s.mirror {
		s.flip()
	}
	s.finish(seed, 0.28)
	return s.img, nil
}

// EncodeJPEG encodes img as a JPEG at quality 85, good enough for demo
// photos and small enough for the workspace.
func EncodeJPEG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		return nil, fmt.Errorf("demo: encode jpeg: %w", err)
	}
	return buf.Bytes(), nil
}

// Shared scenery.

// sky fills the frame down to the horizon and returns the colour near the
// horizon, which distant things fade into.
func (s *scene) sky(horizon float64, evening bool) color.NRGBA {
	var top, bottom color.NRGBA
	switch {
	case evening:
		top = hsl(s.rf(210, 225), 0.45, 0.52)
		bottom = hsl(s.rf(25, 40), 0.8, 0.8)
	case s.chance(0.3):
		top = hsl(s.rf(195, 205), 0.4, 0.66)
		bottom = hsl(s.rf(190, 200), 0.3, 0.9)
	default:
		top = hsl(s.rf(200, 214), 0.62, 0.56)
		bottom = hsl(s.rf(195, 205), 0.5, 0.87)
	}
	s.vgrad(0, horizon, top, bottom)
	s.skyTop, s.skyBottom, s.horizon = top, bottom, horizon
	return bottom
}

// skyAt is the sky colour at frame height y, for holes one can see
// the sky through.
func (s *scene) skyAt(y float64) color.NRGBA {
	return mix(s.skyTop, s.skyBottom, y/s.horizon)
}

// clouds scatters n soft clouds between heights y0 and y1.
func (s *scene) clouds(n int, y0, y1 float64, tint color.NRGBA) {
	for range n {
		cx, cy := s.rf(0.05, 0.95), s.rf(y0, y1)
		size := s.rf(0.035, 0.07)
		col := mix(color.NRGBA{255, 255, 255, 255}, tint, 0.15)
		shadow := mix(col, tint, 0.35)
		parts := 4 + s.r.IntN(3)
		for i := range parts {
			t := float64(i)/float64(parts-1) - 0.5
			r := size * (1 - 0.55*math.Abs(t)) * s.rf(0.8, 1.1)
			x := cx + t*size*5/aspect
			s.ellipse(shadow, x, cy+0.006-r*0.25, r, r*0.85)
		}
		for i := range parts {
			t := float64(i)/float64(parts-1) - 0.5
			r := size * (1 - 0.55*math.Abs(t)) * s.rf(0.8, 1.05)
			x := cx + t*size*5/aspect
			s.ellipse(col, x, cy-r*0.3, r*0.92, r*0.78)
		}
	}
}

// hills draws a rolling horizon band from base upwards with amplitude amp.
func (s *scene) hills(c color.NRGBA, base, amp float64) {
	ph1, ph2, ph3 := s.rf(0, 6), s.rf(0, 6), s.rf(0, 6)
	f1, f2 := s.rf(2, 4), s.rf(5, 9)
	xy := []float64{-0.02, 1.05}
	for i := 0; i <= 60; i++ {
		x := -0.02 + 1.04*float64(i)/60
		y := base - amp*(0.55+0.3*math.Sin(x*f1+ph1)+0.15*math.Sin(x*f2+ph2)+0.05*math.Sin(x*17+ph3))
		xy = append(xy, x, y)
	}
	xy = append(xy, 1.02, 1.05)
	s.poly(c, xy...)
}

// tree draws a deciduous tree standing at (x, base) with the given height.
func (s *scene) tree(x, base, height float64, leaf color.NRGBA) {
	trunk := hsl(25, 0.3, 0.25)
	tw := height * 0.06
	s.poly(trunk, x-tw/aspect, base, x+tw/aspect, base, x+tw*0.5/aspect, base-height*0.55, x-tw*0.5/aspect, base-height*0.55)
	r := height * 0.32
	cy := base - height + r
	dk := dark(leaf, 0.25)
	lt := light(leaf, 0.15)
	for i := range 6 {
		a := float64(i) / 6 * 2 * math.Pi
		s.circle(dk, x+math.Cos(a)*r*0.55/aspect, cy+math.Sin(a)*r*0.4+r*0.1, r*0.6)
	}
	s.circle(leaf, x, cy, r*0.8)
	s.circle(leaf, x-r*0.35/aspect, cy+r*0.15, r*0.6)
	s.circle(lt, x-r*0.25/aspect, cy-r*0.25, r*0.45)
}

// conifer draws a fir tree standing at (x, base).
func (s *scene) conifer(x, base, height float64, leaf color.NRGBA) {
	s.rect(hsl(25, 0.3, 0.22), x-height*0.025/aspect, base-height*0.2, x+height*0.025/aspect, base)
	for i := range 3 {
		t := float64(i) / 3
		w := height * (0.32 - 0.08*float64(i)) / aspect
		yb := base - height*0.12 - t*height*0.3
		yt := yb - height*0.45
		s.poly(mix(leaf, color.NRGBA{0, 0, 0, 255}, 0.1*float64(2-i)), x-w, yb, x+w, yb, x, yt)
	}
}

// birds draws a few distant birds as small V shapes.
func (s *scene) birds(n int, y0, y1 float64) {
	col := hsl(220, 0.15, 0.25)
	for range n {
		x, y := s.rf(0.1, 0.9), s.rf(y0, y1)
		w := s.rf(0.008, 0.014)
		s.polyline(col, 0.0025, x-w, y-w*0.6, x-w*0.4, y-w*0.9, x, y, x+w*0.4, y-w*0.9, x+w, y-w*0.6)
	}
}

// window draws a mullioned window with a white frame.
func (s *scene) window(x0, y0, x1, y1 float64, frame color.NRGBA, flowers bool) {
	fw := (x1 - x0) * 0.12
	fh := fw * aspect
	s.rect(frame, x0, y0, x1, y1)
	glass := s.lin(x0, y0, hsl(205, 0.3, 0.55), x1, y1, hsl(215, 0.35, 0.22))
	s.rectP(glass, x0+fw, y0+fh, x1-fw, y1-fh)
	s.poly(alpha(color.NRGBA{255, 255, 255, 255}, 0.18), x0+fw, y0+fh, x0+(x1-x0)*0.55, y0+fh, x0+fw, y0+(y1-y0)*0.55)
	mx := (x0 + x1) / 2
	my := y0 + (y1-y0)*0.4
	s.rect(frame, mx-fw*0.35, y0, mx+fw*0.35, y1)
	s.rect(frame, x0, my-fh*0.35, x1, my+fh*0.35)
	if flowers {
		by := y1 + fh*0.6
		s.rect(hsl(25, 0.45, 0.3), x0-fw*0.3, y1, x1+fw*0.3, by+fh*1.4)
		hue := []float64{355, 330, 10, 45}[s.r.IntN(4)]
		for i := range 7 {
			fx := x0 + (x1-x0)*float64(i)/6
			s.circle(hsl(110, 0.4, 0.3), fx, y1-fh*0.2, (x1-x0)*0.12)
			s.circle(hsl(hue, 0.75, 0.55), fx+s.rf(-0.003, 0.003), y1-fh*0.5+s.rf(-0.005, 0.005), (x1-x0)*0.08)
		}
	}
}
