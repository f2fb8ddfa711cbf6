package demo

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
)

// This file holds the small anti-aliased rasteriser the motifs are drawn
// with. The standard library has no polygon filler and golang.org/x/image is
// not available, so a scanline filler with four sub-rows and exact horizontal
// span coverage does the job: fast enough for 1600x1200 and smooth edges.

// vec is a point in pixel coordinates.
type vec struct{ x, y float64 }

// edge is one polygon edge prepared for scanline crossing tests.
type edge struct {
	ya, yb, xa, slope float64
	dir               int
}

// crossing is where a sub-row meets an edge.
type crossing struct {
	x   float64
	dir int
}

// paint colours a pixel: a solid colour or a linear gradient along an axis.
type paint struct {
	c0, c1 color.NRGBA
	grad   bool
	ax, ay float64 // gradient start in pixels
	dx, dy float64 // gradient axis divided by its squared length
}

func solid(c color.NRGBA) paint { return paint{c0: c} }

func (p *paint) at(x, y float64) color.NRGBA {
	if !p.grad {
		return p.c0
	}
	t := (x-p.ax)*p.dx + (y-p.ay)*p.dy
	return mix(p.c0, p.c1, t)
}

// canvas is an opaque RGBA image plus reusable scratch buffers.
type canvas struct {
	img    *image.RGBA
	w, h   int
	cov    []float32 // coverage of partly covered pixels in the current row
	acc    []float32 // coverage differences of fully covered runs
	cross  []crossing
	edges  []edge
	active []int
}

const subRows = 4

func newCanvas(w, h int) *canvas {
	return &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h)), w: w, h: h, cov: make([]float32, w+2), acc: make([]float32, w+2)}
}

// fill paints the area inside the contours (non-zero winding, so a reversed
// inner contour cuts a hole).
func (c *canvas) fill(p paint, contours ...[]vec) {
	x0, y0, x1, y1, ok := c.collectEdges(contours)
	if !ok {
		return
	}
	next := 0
	for y := y0; y <= y1; y++ {
		var lo, hi int
		next, lo, hi = c.coverRow(y, next, x0, x1)
		if hi >= lo {
			c.paintRow(p, y, lo, hi)
		}
	}
	c.active = c.active[:0]
}

// collectEdges turns the contours into edges sorted by their top and returns
// the pixel bounds they cover on the canvas.
func (c *canvas) collectEdges(contours [][]vec) (x0, y0, x1, y1 int, ok bool) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	edges := c.edges[:0]
	for _, pts := range contours {
		n := len(pts)
		for i := 0; i < n; i++ {
			a, b := pts[i], pts[(i+1)%n]
			minX, maxX = math.Min(minX, a.x), math.Max(maxX, a.x)
			minY, maxY = math.Min(minY, a.y), math.Max(maxY, a.y)
			if a.y == b.y {
				continue
			}
			dir := 1
			if a.y > b.y {
				a, b = b, a
				dir = -1
			}
			edges = append(edges, edge{ya: a.y, yb: b.y, xa: a.x, slope: (b.x - a.x) / (b.y - a.y), dir: dir})
		}
	}
	c.edges = edges
	y0 = max(0, int(math.Floor(minY)))
	y1 = min(c.h-1, int(math.Ceil(maxY)))
	x0 = max(0, int(math.Floor(minX)))
	x1 = min(c.w-1, int(math.Ceil(maxX)))
	if y0 > y1 || x0 > x1 || len(edges) < 2 {
		return 0, 0, 0, 0, false
	}
	slices.SortFunc(edges, func(a, b edge) int { return cmp.Compare(a.ya, b.ya) })
	c.active = c.active[:0]
	return x0, y0, x1, y1, true
}

// coverRow samples pixel row y at subRows heights and adds the covered spans
// to the coverage buffers. next is the first edge not yet active; it returns
// the new next and the pixel range touched (hi < lo: nothing).
func (c *canvas) coverRow(y, next, x0, x1 int) (int, int, int) {
	lo, hi := c.w, -1
	for s := 0; s < subRows; s++ {
		sy := float64(y) + (float64(s)+0.5)/subRows
		for next < len(c.edges) && c.edges[next].ya <= sy {
			c.active = append(c.active, next)
			next++
		}
		cr := c.crossings(sy)
		if len(cr) < 2 {
			continue
		}
		wind := 0
		for i := 0; i < len(cr)-1; i++ {
			wind += cr[i].dir
			if wind != 0 {
				if a, b, ok := c.span(cr[i].x, cr[i+1].x, 1.0/subRows, x0, x1); ok {
					lo, hi = min(lo, a), max(hi, b)
				}
			}
		}
	}
	return next, lo, hi
}

// crossings drops finished edges from the active list and returns where the
// others cross the scanline sy, sorted by x.
func (c *canvas) crossings(sy float64) []crossing {
	cr := c.cross[:0]
	k := 0
	for _, ei := range c.active {
		e := &c.edges[ei]
		if e.yb <= sy {
			continue // finished: drop from the active list
		}
		c.active[k] = ei
		k++
		if sy >= e.ya {
			cr = append(cr, crossing{e.xa + (sy-e.ya)*e.slope, e.dir})
		}
	}
	c.active = c.active[:k]
	for i := 1; i < len(cr); i++ { // insertion sort: few crossings per row
		for j := i; j > 0 && cr[j].x < cr[j-1].x; j-- {
			cr[j], cr[j-1] = cr[j-1], cr[j]
		}
	}
	c.cross = cr
	return cr
}

// paintRow blends paint p into row y over [lo, hi] by the coverage gathered,
// and clears the buffers for the next row.
func (c *canvas) paintRow(p paint, y, lo, hi int) {
	solidCol := !p.grad
	sr, sg, sb := uint32(p.c0.R), uint32(p.c0.G), uint32(p.c0.B)
	opaque := solidCol && p.c0.A == 255
	pix := c.img.Pix
	row := y * c.img.Stride
	fy := float64(y) + 0.5
	var run float32
	for x := lo; x <= hi; x++ {
		run += c.acc[x]
		a := c.cov[x] + run
		c.acc[x], c.cov[x] = 0, 0
		if a <= 0.001 {
			continue
		}
		i := row + x*4
		if a >= 0.999 && opaque {
			pix[i], pix[i+1], pix[i+2], pix[i+3] = uint8(sr), uint8(sg), uint8(sb), 255
			continue
		}
		if a > 1 {
			a = 1
		}
		col := p.c0
		if !solidCol {
			col = p.at(float64(x)+0.5, fy)
		}
		al := uint32(a*float32(col.A) + 0.5) // 0..255
		pix[i] = uint8((uint32(pix[i])*(255-al) + uint32(col.R)*al + 127) / 255)
		pix[i+1] = uint8((uint32(pix[i+1])*(255-al) + uint32(col.G)*al + 127) / 255)
		pix[i+2] = uint8((uint32(pix[i+2])*(255-al) + uint32(col.B)*al + 127) / 255)
		pix[i+3] = 255
	}
	c.acc[hi+1] = 0
}

// span adds coverage weight w to the pixels under [xa, xb) and reports the
// pixel range it touched. Whole pixels go into the difference buffer, so a
// span costs the same however long it is.
func (c *canvas) span(xa, xb float64, w float32, x0, x1 int) (int, int, bool) {
	xa = math.Max(xa, float64(x0))
	xb = math.Min(xb, float64(x1+1))
	if xb <= xa {
		return 0, 0, false
	}
	ia, ib := int(xa), int(xb)
	if ia == ib {
		c.cov[ia] += float32(xb-xa) * w
		return ia, ia, true
	}
	c.cov[ia] += float32(float64(ia+1)-xa) * w
	c.acc[ia+1] += w
	c.acc[ib] -= w
	if ib <= x1 {
		c.cov[ib] += float32(xb-float64(ib)) * w
	}
	return ia, min(ib, x1), true
}

func blend8(dst, src uint8, a float32) uint8 {
	return uint8(float32(dst) + (float32(src)-float32(dst))*a + 0.5)
}

// flip mirrors the image left to right in place.
func (c *canvas) flip() {
	pix, stride := c.img.Pix, c.img.Stride
	for y := 0; y < c.h; y++ {
		row := pix[y*stride : y*stride+c.w*4]
		for l, r := 0, c.w-1; l < r; l, r = l+1, r-1 {
			a, b := row[l*4:l*4+4], row[r*4:r*4+4]
			a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3] = b[0], b[1], b[2], b[3], a[0], a[1], a[2], a[3]
		}
	}
}

// finish adds a soft vignette and a little film grain so the flat shapes
// look less like clip art and JPEG encoders get some texture.
func (c *canvas) finish(seed int64, vignette float64) {
	pix, stride := c.img.Pix, c.img.Stride
	cx, cy := float64(c.w)/2, float64(c.h)/2
	inv := 1 / (cx*cx + cy*cy)
	colTerm := make([]float64, c.w)
	for x := range colTerm {
		dx := float64(x) - cx
		colTerm[x] = dx * dx
	}
	h := uint32(seed)*2654435761 + 12345
	for y := 0; y < c.h; y++ {
		dy := (float64(y) - cy) * (float64(y) - cy)
		row := pix[y*stride : y*stride+c.w*4]
		for x := 0; x < c.w; x++ {
			f := int32((1 - vignette*(colTerm[x]+dy)*inv) * 1024)
			h ^= h << 13
			h ^= h >> 17
			h ^= h << 5
			n := int32(h&7) - 4
			i := x * 4
			for k := i; k < i+3; k++ {
				v := (int32(row[k])*f)>>10 + n
				row[k] = uint8(max(0, min(255, v)))
			}
		}
	}
}

// scene maps a virtual 4:3 frame onto the canvas like a photo crop ("cover"):
// x runs 0..1 across the frame's width, y 0..1 down its height; lengths of
// round things (radii, line widths) are in frame heights.
type scene struct {
	*canvas
	r              *rand.Rand
	ox, oy, vw, vh float64

	skyTop, skyBottom color.NRGBA // set by sky
	horizon           float64
	mirror            bool // flip the finished picture left to right
}

// aspect is the width-to-height ratio of the virtual frame.
const aspect = 4.0 / 3.0

func newScene(w, h int, seed int64) *scene {
	vh := math.Max(float64(h), float64(w)/aspect)
	vw := vh * aspect
	return &scene{
		canvas: newCanvas(w, h),
		r:      rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)),
		ox:     (float64(w) - vw) / 2,
		oy:     (float64(h) - vh) / 2,
		vw:     vw, vh: vh,
	}
}

func (s *scene) p(x, y float64) vec { return vec{s.ox + x*s.vw, s.oy + y*s.vh} }

func (s *scene) pts(xy []float64) []vec {
	out := make([]vec, len(xy)/2)
	for i := range out {
		out[i] = s.p(xy[2*i], xy[2*i+1])
	}
	return out
}

// rf is a random number in [a, b).
func (s *scene) rf(a, b float64) float64 { return a + (b-a)*s.r.Float64() }

// chance is true with probability p.
func (s *scene) chance(p float64) bool { return s.r.Float64() < p }

func (s *scene) poly(c color.NRGBA, xy ...float64) { s.fill(solid(c), s.pts(xy)) }

func (s *scene) polyP(p paint, xy ...float64) { s.fill(p, s.pts(xy)) }

func (s *scene) rect(c color.NRGBA, x0, y0, x1, y1 float64) {
	s.poly(c, x0, y0, x1, y0, x1, y1, x0, y1)
}

func (s *scene) rectP(p paint, x0, y0, x1, y1 float64) {
	s.polyP(p, x0, y0, x1, y0, x1, y1, x0, y1)
}

// lin is a linear gradient from (x0,y0) in colour a to (x1,y1) in colour b.
func (s *scene) lin(x0, y0 float64, a color.NRGBA, x1, y1 float64, b color.NRGBA) paint {
	p0, p1 := s.p(x0, y0), s.p(x1, y1)
	dx, dy := p1.x-p0.x, p1.y-p0.y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return solid(a)
	}
	return paint{c0: a, c1: b, grad: true, ax: p0.x, ay: p0.y, dx: dx / l2, dy: dy / l2}
}

// ellipsePts returns the outline of an ellipse; rx and ry are in frame
// heights. from/to are angles in radians (clockwise on screen, 0 = right).
func (s *scene) arcPts(cx, cy, rx, ry, from, to float64) []vec {
	c := s.p(cx, cy)
	prx, pry := rx*s.vh, ry*s.vh
	n := int(math.Max(8, math.Min(160, math.Max(prx, pry)*math.Abs(to-from)/2)))
	out := make([]vec, 0, n+1)
	for i := 0; i <= n; i++ {
		a := from + (to-from)*float64(i)/float64(n)
		out = append(out, vec{c.x + prx*math.Cos(a), c.y + pry*math.Sin(a)})
	}
	return out
}

func (s *scene) ellipse(c color.NRGBA, cx, cy, rx, ry float64) {
	s.fill(solid(c), s.arcPts(cx, cy, rx, ry, 0, 2*math.Pi))
}

func (s *scene) circle(c color.NRGBA, cx, cy, r float64) { s.ellipse(c, cx, cy, r, r) }

// ring draws an outline circle of thickness th.
func (s *scene) ring(c color.NRGBA, cx, cy, r, th float64) {
	outer := s.arcPts(cx, cy, r, r, 0, 2*math.Pi)
	inner := s.arcPts(cx, cy, r-th, r-th, 2*math.Pi, 0)
	s.fill(solid(c), outer, inner)
}

// line draws a straight stroke of width wd (frame heights) with round caps.
func (s *scene) line(c color.NRGBA, x0, y0, x1, y1, wd float64) {
	a, b := s.p(x0, y0), s.p(x1, y1)
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	hw := wd * s.vh / 2
	nx, ny := -dy/l*hw, dx/l*hw
	s.fill(solid(c), []vec{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}})
	if hw > 1.5 {
		s.circle(c, x0, y0, wd/2)
		s.circle(c, x1, y1, wd/2)
	}
}

// polyline strokes connected segments.
func (s *scene) polyline(c color.NRGBA, wd float64, xy ...float64) {
	for i := 0; i+3 < len(xy); i += 2 {
		s.line(c, xy[i], xy[i+1], xy[i+2], xy[i+3], wd)
	}
}

// archPts is a rectangle with a semicircular top (a round-arched window or
// door) whose arc spans the full width.
func (s *scene) archPts(x0, y0, x1, y1 float64) []vec {
	r := (x1 - x0) * s.vw / 2 / s.vh // radius in frame heights
	cx := (x0 + x1) / 2
	top := y0 + r
	if top > y1 {
		top = y1
	}
	pts := s.arcPts(cx, top, r, r, math.Pi, 2*math.Pi)
	return append(pts, s.p(x1, y1), s.p(x0, y1))
}

func (s *scene) arch(c color.NRGBA, x0, y0, x1, y1 float64) {
	s.fill(solid(c), s.archPts(x0, y0, x1, y1))
}

func (s *scene) archP(p paint, x0, y0, x1, y1 float64) { s.fill(p, s.archPts(x0, y0, x1, y1)) }

// roundRect is a rectangle with corner radius r (frame heights).
func (s *scene) roundRect(c color.NRGBA, x0, y0, x1, y1, r float64) {
	rx := r / aspect
	var pts []vec
	corners := [4][4]float64{
		{x1 - rx, y0 + r, -math.Pi / 2, 0},
		{x1 - rx, y1 - r, 0, math.Pi / 2},
		{x0 + rx, y1 - r, math.Pi / 2, math.Pi},
		{x0 + rx, y0 + r, math.Pi, 3 * math.Pi / 2},
	}
	for _, k := range corners {
		pts = append(pts, s.arcPts(k[0], k[1], r, r, k[2], k[3])...)
	}
	s.fill(solid(c), pts)
}

// vgrad fills whole pixel rows between frame heights y0 and y1 with a
// vertical gradient; y0 <= 0 and y1 >= 1 extend to the image edges.
func (s *scene) vgrad(y0, y1 float64, top, bottom color.NRGBA) {
	py0 := s.oy + y0*s.vh
	py1 := s.oy + y1*s.vh
	r0, r1 := int(math.Floor(py0)), int(math.Ceil(py1))
	if y0 <= 0 {
		r0 = 0
	}
	if y1 >= 1 {
		r1 = s.h
	}
	r0, r1 = max(r0, 0), min(r1, s.h)
	pix, stride := s.img.Pix, s.img.Stride
	for y := r0; y < r1; y++ {
		t := (float64(y) + 0.5 - py0) / (py1 - py0)
		col := mix(top, bottom, t)
		// Partial coverage on the first and last row keeps the edge smooth.
		a := float32(1)
		if y0 > 0 && float64(y) < py0 {
			a = float32(float64(y+1) - py0)
		}
		if y1 < 1 && float64(y+1) > py1 {
			a = float32(py1 - float64(y))
		}
		row := y * stride
		if a >= 1 {
			for x := 0; x < s.w; x++ {
				i := row + x*4
				pix[i], pix[i+1], pix[i+2], pix[i+3] = col.R, col.G, col.B, 255
			}
			continue
		}
		for x := 0; x < s.w; x++ {
			i := row + x*4
			pix[i] = blend8(pix[i], col.R, a)
			pix[i+1] = blend8(pix[i+1], col.G, a)
			pix[i+2] = blend8(pix[i+2], col.B, a)
			pix[i+3] = 255
		}
	}
}

// glow brightens a soft round area (a lamp, the sun) towards colour c.
func (s *scene) glow(cx, cy, r float64, c color.NRGBA, strength float64) {
	ctr := s.p(cx, cy)
	pr := r * s.vh
	x0, x1 := max(0, int(ctr.x-pr)), min(s.w-1, int(ctr.x+pr))
	y0, y1 := max(0, int(ctr.y-pr)), min(s.h-1, int(ctr.y+pr))
	pix, stride := s.img.Pix, s.img.Stride
	inv := 1 / (pr * pr)
	for y := y0; y <= y1; y++ {
		dy := float64(y) - ctr.y
		for x := x0; x <= x1; x++ {
			dx := float64(x) - ctr.x
			d := (dx*dx + dy*dy) * inv
			if d >= 1 {
				continue
			}
			a := float32(strength * (1 - d) * (1 - d))
			i := y*stride + x*4
			pix[i] = blend8(pix[i], c.R, a)
			pix[i+1] = blend8(pix[i+1], c.G, a)
			pix[i+2] = blend8(pix[i+2], c.B, a)
		}
	}
}

// Colours.

func hsl(h, s, l float64) color.NRGBA {
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	s, l = clamp01(s), clamp01(l)
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g, b = c, x, 0
	case h < 120:
		r, g, b = x, c, 0
	case h < 180:
		r, g, b = 0, c, x
	case h < 240:
		r, g, b = 0, x, c
	case h < 300:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	return color.NRGBA{to8(r + m), to8(g + m), to8(b + m), 255}
}

func to8(v float64) uint8 { return uint8(clamp01(v)*255 + 0.5) }

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	if t <= 0 {
		return a
	}
	if t >= 1 {
		return b
	}
	return color.NRGBA{lerp8(a.R, b.R, t), lerp8(a.G, b.G, t), lerp8(a.B, b.B, t), lerp8(a.A, b.A, t)}
}

func lerp8(x, y uint8, t float64) uint8 {
	return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5)
}

func dark(c color.NRGBA, t float64) color.NRGBA {
	return mix(c, color.NRGBA{0, 0, 0, c.A}, t)
}

func light(c color.NRGBA, t float64) color.NRGBA {
	return mix(c, color.NRGBA{255, 255, 255, c.A}, t)
}

func alpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = to8(a)
	return c
}
