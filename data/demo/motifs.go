package demo

import (
	"image/color"
	"math"
)

var white = color.NRGBA{255, 255, 255, 255}

// drawFachwerk draws a street of half-timbered houses.
func drawFachwerk(s *scene) {
	ground := 0.82
	tint := s.sky(ground, s.chance(0.2))
	s.clouds(2+s.r.IntN(2), 0.05, 0.22, tint)
	s.hills(hsl(s.rf(100, 130), 0.25, 0.55), 0.7, 0.1)
	s.tree(0.5, 0.68, 0.35, hsl(s.rf(95, 120), 0.4, 0.38))
	// Street with cobbles.
	stone := hsl(s.rf(25, 40), 0.08, s.rf(0.55, 0.65))
	s.vgrad(ground, 1, light(stone, 0.1), dark(stone, 0.15))
	s.rect(light(stone, 0.35), -0.1, ground-0.005, 1.1, ground+0.012)
	prev := ground + 0.012
	for i := range 9 {
		y := ground + 0.02 + math.Pow(float64(i)/8, 1.4)*0.2
		s.line(alpha(dark(stone, 0.35), 0.5), -0.1, y, 1.1, y, 0.002+0.002*float64(i)/8)
		step := (y - prev) * 1.6 / aspect
		for x := s.rf(0, step); x < 1.05; x += step * s.rf(0.8, 1.2) {
			s.line(alpha(dark(stone, 0.3), 0.4), x, prev, x, y, 0.0015+0.002*float64(i)/8)
		}
		prev = y
	}

	n := 3 + s.r.IntN(2)
	weights := make([]float64, n)
	sum := 0.0
	for i := range weights {
		weights[i] = s.rf(0.8, 1.2)
		sum += weights[i]
	}
	plasters := []color.NRGBA{hsl(45, 0.55, 0.88), hsl(30, 0.5, 0.82), hsl(5, 0.45, 0.85), hsl(50, 0.7, 0.78), hsl(200, 0.2, 0.88), hsl(40, 0.2, 0.93)}
	timbers := []color.NRGBA{hsl(20, 0.45, 0.2), hsl(5, 0.55, 0.28), hsl(25, 0.2, 0.12), hsl(210, 0.25, 0.2)}
	roofs := []color.NRGBA{hsl(10, 0.55, 0.38), hsl(15, 0.45, 0.3), hsl(220, 0.08, 0.3)}
	off := s.r.IntN(len(plasters))
	x := -0.03
	span := 1.06
	gap := 0.012
	s.rect(hsl(30, 0.15, 0.25), -0.1, ground-2*storeyH-0.02, 1.1, ground)
	for i := range n {
		w := span * weights[i] / sum
		plaster := plasters[(off+i*2)%len(plasters)]
		timber := timbers[s.r.IntN(len(timbers))]
		roof := roofs[s.r.IntN(len(roofs))]
		storeys := 2 + s.r.IntN(2)
		if s.chance(0.6) || i == n/2 {
			s.gableHouse(x+gap, x+w-gap, ground, storeys, plaster, timber, roof)
		} else {
			s.eavesHouse(x+gap, x+w-gap, ground, storeys, plaster, timber, roof)
		}
		x += w
	}
	// A street lamp in front.
	lx := s.rf(0.2, 0.8)
	lampCol := hsl(200, 0.1, 0.18)
	s.rect(lampCol, lx-0.003, 0.55, lx+0.003, 0.95)
	s.rect(lampCol, lx-0.008, 0.93, lx+0.008, 0.96)
	s.poly(lampCol, lx-0.014, 0.54, lx+0.014, 0.54, lx+0.008, 0.5, lx-0.008, 0.5)
	s.poly(hsl(48, 0.7, 0.85), lx-0.011, 0.54, lx+0.011, 0.54, lx+0.008, 0.575, lx-0.008, 0.575)
	s.rect(lampCol, lx-0.012, 0.575, lx+0.012, 0.582)
}

// storeyH is the height of one storey in frame heights.
const storeyH = 0.15

// timberStorey draws one storey: plaster, posts, braces, windows.
func (s *scene) timberStorey(l, r, yt, yb float64, ground bool, plaster, timber color.NRGBA) {
	tw := 0.011
	twx := tw / aspect
	s.rect(plaster, l, yt, r, yb)
	fields := max(3, int((r-l)/0.055))
	fw := (r - l) / float64(fields)
	door := -1
	if ground {
		door = fields / 2
	}
	for k := range fields {
		fx0, fx1 := l+float64(k)*fw, l+float64(k+1)*fw
		win := k%2 == 1 || (fields%2 == 1 && k == fields/2)
		switch {
		case k == door:
			dx0, dx1 := fx0+fw*0.18, fx1-fw*0.18
			s.arch(dark(timber, 0.2), dx0-0.004, yt+0.025, dx1+0.004, yb)
			s.archP(s.lin(dx0, yt, hsl(25, 0.45, 0.35), dx1, yb, hsl(20, 0.5, 0.22)), dx0, yt+0.03, dx1, yb)
			s.rect(alpha(timber, 0.6), (dx0+dx1)/2-0.001, yt+0.06, (dx0+dx1)/2+0.001, yb)
			s.circle(hsl(45, 0.6, 0.6), dx1-0.008, yt+0.095, 0.004)
		case win:
			s.window(fx0+fw*0.22, yt+storeyH*0.22, fx1-fw*0.22, yb-storeyH*0.3, white, !ground && s.chance(0.4))
		default:
			// Braces: a "Mann" figure or a St Andrew's cross.
			if s.chance(0.5) {
				s.line(timber, fx0, yb-tw, fx1, yt+tw, tw*0.8)
				s.line(timber, fx0, yt+tw, fx1, yb-tw, tw*0.8)
			} else {
				s.line(timber, fx0+twx, (yt+yb)/2, fx0+fw/2, yt+tw, tw*0.8)
				s.line(timber, fx1-twx, (yt+yb)/2, fx0+fw/2, yt+tw, tw*0.8)
				s.line(timber, fx0+twx, yb-tw, fx0+fw/2, (yt+yb)/2, tw*0.8)
				s.line(timber, fx1-twx, yb-tw, fx0+fw/2, (yt+yb)/2, tw*0.8)
			}
		}
		// Breast rail under the windows.
		if win && !ground {
			s.rect(timber, fx0, yb-storeyH*0.3+0.012, fx1, yb-storeyH*0.3+0.012+tw*0.8)
		}
	}
	for k := 0; k <= fields; k++ {
		px := l + float64(k)*fw
		s.rect(timber, px-twx/2, yt, px+twx/2, yb)
	}
	s.rect(timber, l, yb-tw, r, yb)
	s.rect(timber, l, yt, r, yt+tw)
	// Shadow under the jetty.
	s.rect(alpha(color.NRGBA{0, 0, 0, 255}, 0.18), l, yt+tw, r, yt+tw+0.008)
}

// gableHouse draws a house with its gable to the street.
func (s *scene) gableHouse(x0, x1, base float64, storeys int, plaster, timber, roof color.NRGBA) {
	jet := 0.006
	s.rect(hsl(35, 0.15, 0.55), x0-0.004, base-0.02, x1+0.004, base)
	l, r := x0, x1
	top := base - 0.02
	for i := range storeys {
		l, r = x0-float64(i)*jet, x1+float64(i)*jet
		yb := top
		yt := yb - storeyH
		s.timberStorey(l, r, yt, yb, i == 0, plaster, timber)
		top = yt
	}
	mid := (l + r) / 2
	half := (r - l) / 2 * aspect
	apex := top - half*s.rf(1.05, 1.3)
	ov := 0.012
	s.poly(dark(roof, 0.2), l-ov, top+0.012, mid, apex-0.022, r+ov, top+0.012)
	s.poly(roof, l-ov+0.004, top+0.006, mid, apex-0.016, r+ov-0.004, top+0.006)
	s.poly(plaster, l, top, mid, apex, r, top)
	tw := 0.011
	s.line(timber, l, top, mid, apex, tw)
	s.line(timber, r, top, mid, apex, tw)
	cy := top - (top-apex)*0.45
	cl := l + (mid-l)*0.45
	cr := r - (r-mid)*0.45
	s.rect(timber, cl, cy, cr, cy+tw)
	s.rect(timber, l, top, r, top+tw)
	s.rect(timber, mid-tw/aspect/2, apex, mid+tw/aspect/2, top)
	s.line(timber, l+(r-l)*0.12, top, cl+0.01, cy+tw, tw*0.8)
	s.line(timber, r-(r-l)*0.12, top, cr-0.01, cy+tw, tw*0.8)
	ww := (r - l) * 0.09
	s.window(mid-ww-0.012, cy+0.025, mid-0.012, top-0.015, white, false)
	s.window(mid+0.012, cy+0.025, mid+ww+0.012, top-0.015, white, false)
	s.circle(dark(plaster, 0.5), mid, cy-(cy-apex)*0.4, 0.012)
}

// eavesHouse draws a house with its eaves to the street and a dormer.
func (s *scene) eavesHouse(x0, x1, base float64, storeys int, plaster, timber, roof color.NRGBA) {
	s.rect(hsl(35, 0.15, 0.55), x0-0.004, base-0.02, x1+0.004, base)
	top := base - 0.02
	l, r := x0, x1
	for i := range storeys {
		l, r = x0-float64(i)*0.006, x1+float64(i)*0.006
		s.timberStorey(l, r, top-storeyH, top, i == 0, plaster, timber)
		top -= storeyH
	}
	rh := s.rf(0.16, 0.22)
	ov := 0.012
	in := rh / aspect * 0.6
	s.poly(roof, l-ov, top+0.01, r+ov, top+0.01, r-in, top-rh, l+in, top-rh)
	for k := 1; k < 6; k++ {
		y := top + 0.01 - rh*float64(k)/6
		t := float64(k) / 6
		s.line(alpha(dark(roof, 0.3), 0.6), l-ov+in*t, y, r+ov-in*t, y, 0.003)
	}
	// Dormer and chimney.
	dm := (l + r) / 2
	dw := 0.035
	s.rect(plaster, dm-dw, top-rh*0.62, dm+dw, top-rh*0.12)
	s.poly(dark(roof, 0.15), dm-dw-0.01, top-rh*0.6, dm+dw+0.01, top-rh*0.6, dm, top-rh*0.9)
	s.window(dm-dw*0.6, top-rh*0.5, dm+dw*0.6, top-rh*0.16, white, false)
	cx := l + (r-l)*0.8
	s.rect(hsl(10, 0.4, 0.35), cx-0.012, top-rh-0.04, cx+0.012, top-rh*0.4)
	s.rect(hsl(10, 0.3, 0.25), cx-0.015, top-rh-0.045, cx+0.015, top-rh-0.035)
}

// drawKirche draws a village church with a tower, trees and a churchyard.
func drawKirche(s *scene) {
	horizon := 0.7
	tint := s.sky(horizon, s.chance(0.25))
	s.clouds(2+s.r.IntN(3), 0.04, 0.3, tint)
	s.hills(mix(hsl(120, 0.2, 0.45), tint, 0.4), horizon+0.02, 0.08)
	s.vgrad(horizon, 1, hsl(s.rf(85, 100), 0.45, 0.5), hsl(s.rf(90, 110), 0.4, 0.32))
	for range 5 {
		s.tree(s.rf(0, 1), horizon+0.02, s.rf(0.08, 0.12), mix(hsl(110, 0.3, 0.4), tint, 0.35))
	}

	var wall, roofCol color.NRGBA
	switch s.r.IntN(3) {
	case 0: // brick gothic, common in the north
		wall, roofCol = hsl(s.rf(8, 16), 0.5, 0.42), hsl(200, 0.1, 0.3)
	case 1:
		wall, roofCol = hsl(s.rf(35, 42), 0.35, 0.72), hsl(10, 0.5, 0.38)
	default:
		wall, roofCol = hsl(45, 0.25, 0.9), hsl(205, 0.12, 0.3)
	}
	shade := dark(wall, 0.25)
	left := s.chance(0.5)
	base := 0.82
	tw := s.rf(0.11, 0.14)
	nw := s.rf(0.4, 0.46)
	tx0 := 0.5 - (tw+nw)/2
	nx0 := tx0 + tw
	if !left {
		nx0 = tx0
		tx0 = nx0 + nw
	}
	nx1 := nx0 + nw
	// Choir at the far end, lower than the nave.
	cw := 0.08
	cx0, cx1 := nx1, nx1+cw
	if !left {
		cx0, cx1 = nx0-cw, nx0
	}
	ny := s.rf(0.5, 0.55)
	s.rect(shade, cx0, ny+0.05, cx1, base)
	s.poly(dark(roofCol, 0.1), cx0-0.01, ny+0.05, cx1+0.01, ny+0.05, (cx0+cx1)/2, ny-0.03)
	// Nave.
	s.rect(wall, nx0, ny, nx1, base)
	rh := 0.16
	s.poly(roofCol, nx0-0.015, ny+0.005, nx1+0.015, ny+0.005, nx1-0.05, ny-rh, nx0+0.05, ny-rh)
	s.rect(dark(roofCol, 0.25), nx0-0.015, ny+0.002, nx1+0.015, ny+0.012)
	nwin := 4
	glass := s.lin(0, ny+0.05, hsl(215, 0.35, 0.35), 0, base-0.08, hsl(260, 0.25, 0.22))
	for k := range nwin {
		wx := nx0 + nw*(float64(k)+0.5)/float64(nwin)
		s.arch(dark(wall, 0.35), wx-0.022, ny+0.045, wx+0.022, base-0.075)
		s.archP(glass, wx-0.017, ny+0.05, wx+0.017, base-0.08)
		s.rect(alpha(dark(wall, 0.4), 0.7), wx-0.0015, ny+0.06, wx+0.0015, base-0.08)
		if k > 0 {
			bx := nx0 + nw*float64(k)/float64(nwin)
			s.poly(shade, bx-0.01, base, bx+0.01, base, bx+0.01, ny+0.09, bx, ny+0.06, bx-0.01, ny+0.06)
		}
	}
	s.rect(dark(wall, 0.3), nx0, base-0.02, nx1, base)
	// Tower.
	tx1 := tx0 + tw
	ty := s.rf(0.22, 0.28)
	s.rect(wall, tx0, ty, tx1, base)
	s.rect(shade, tx1-tw*0.3, ty, tx1, base)
	for _, y := range []float64{ty + 0.12, ny} {
		s.rect(dark(wall, 0.35), tx0-0.005, y, tx1+0.005, y+0.01)
	}
	s.rect(dark(wall, 0.35), tx0-0.005, ty-0.012, tx1+0.005, ty)
	// Belfry openings.
	bw := tw * 0.16
	for _, bx := range []float64{tx0 + tw*0.3, tx0 + tw*0.7} {
		s.arch(hsl(220, 0.2, 0.12), bx-bw/2, ty+0.025, bx+bw/2, ty+0.1)
		for k := 1; k < 5; k++ {
			y := ty + 0.035 + 0.065*float64(k)/5
			s.rect(hsl(30, 0.3, 0.3), bx-bw/2, y, bx+bw/2, y+0.005)
		}
	}
	// Clock.
	cm := tx0 + tw/2
	cyy := ty + 0.17
	cr := tw * aspect * 0.24
	s.circle(hsl(45, 0.6, 0.5), cm, cyy, cr+0.006)
	s.circle(hsl(45, 0.15, 0.95), cm, cyy, cr)
	for k := range 12 {
		a := float64(k) / 12 * 2 * math.Pi
		s.circle(hsl(0, 0, 0.2), cm+math.Cos(a)*cr*0.8/aspect, cyy+math.Sin(a)*cr*0.8, cr*0.06)
	}
	ha := s.rf(0, 2*math.Pi)
	s.line(hsl(0, 0, 0.1), cm, cyy, cm+math.Cos(ha)*cr*0.5/aspect, cyy+math.Sin(ha)*cr*0.5, 0.004)
	s.line(hsl(0, 0, 0.1), cm, cyy, cm+math.Cos(ha*7)*cr*0.8/aspect, cyy+math.Sin(ha*7)*cr*0.8, 0.003)
	// Tower door.
	s.arch(dark(wall, 0.4), cm-tw*0.24, base-0.12, cm+tw*0.24, base)
	s.archP(s.lin(cm, base-0.11, hsl(25, 0.45, 0.32), cm, base, hsl(20, 0.5, 0.18)), cm-tw*0.18, base-0.11, cm+tw*0.18, base)
	// Spire.
	gold := hsl(45, 0.7, 0.55)
	var top float64
	if s.chance(0.6) {
		top = ty - s.rf(0.17, 0.22)
		s.poly(roofCol, tx0-0.008, ty, tx1+0.008, ty, cm, top)
		s.poly(dark(roofCol, 0.25), cm, top, tx1+0.008, ty, cm+tw*0.15, ty)
	} else {
		// Baroque onion dome with a lantern.
		s.rect(roofCol, tx0+tw*0.05, ty-0.03, tx1-tw*0.05, ty)
		s.ellipse(roofCol, cm, ty-0.07, tw*aspect*0.45, 0.055)
		s.poly(roofCol, cm-tw*0.2, ty-0.11, cm+tw*0.2, ty-0.11, cm, ty-0.16)
		s.rect(roofCol, cm-tw*0.12, ty-0.19, cm+tw*0.12, ty-0.14)
		s.ellipse(roofCol, cm, ty-0.2, tw*aspect*0.17, 0.02)
		top = ty - 0.23
		s.poly(roofCol, cm-0.006, ty-0.21, cm+0.006, ty-0.21, cm, top)
	}
	s.line(gold, cm, top+0.005, cm, top-0.05, 0.004)
	s.line(gold, cm-0.012, top-0.033, cm+0.012, top-0.033, 0.004)
	s.circle(gold, cm, top-0.004, 0.006)

	// Churchyard: a low wall, gravestones, a path.
	s.poly(hsl(35, 0.2, 0.72), cm-0.04, base, cm+0.04, base, cm+0.14, 1.02, cm-0.14, 1.02)
	stoneCol := hsl(200, 0.05, 0.55)
	for k := range 7 {
		gx := 0.04 + float64(k)*0.14 + s.rf(-0.02, 0.02)
		if math.Abs(gx-cm) < 0.1 {
			continue
		}
		gy := s.rf(0.86, 0.9)
		s.arch(dark(stoneCol, 0.3), gx-0.014, gy-0.06, gx+0.016, gy)
		s.arch(stoneCol, gx-0.014, gy-0.06, gx+0.012, gy)
	}
	wallStone := hsl(30, 0.15, 0.6)
	s.rect(wallStone, -0.1, 0.92, cm-0.14, 1.1)
	s.rect(wallStone, cm+0.14, 0.92, 1.1, 1.1)
	s.rect(light(wallStone, 0.3), -0.1, 0.915, cm-0.14, 0.93)
	s.rect(light(wallStone, 0.3), cm+0.14, 0.915, 1.1, 0.93)
	for k := range 30 {
		bx := float64(k)/29*1.2 - 0.1
		if math.Abs(bx-cm) < 0.15 {
			continue
		}
		s.line(alpha(dark(wallStone, 0.3), 0.5), bx, 0.93, bx, 0.96, 0.002)
	}
	leaf := hsl(s.rf(90, 125), 0.4, 0.36)
	s.tree(0.06, 0.95, 0.5, leaf)
	s.tree(0.95, 0.96, 0.42, dark(leaf, 0.1))
}

// drawBurg draws a castle (or its ruin) on a hill.
func drawBurg(s *scene) {
	evening := s.chance(0.4)
	horizon := 0.66
	tint := s.sky(horizon, evening)
	if evening {
		s.glow(s.rf(0.15, 0.85), 0.5, 0.28, hsl(40, 0.9, 0.75), 0.6)
	}
	s.clouds(1+s.r.IntN(3), 0.05, 0.25, tint)
	s.birds(3+s.r.IntN(4), 0.1, 0.3)
	s.hills(mix(hsl(210, 0.2, 0.55), tint, 0.35), horizon, 0.1)
	s.hills(mix(hsl(150, 0.2, 0.4), tint, 0.25), horizon+0.06, 0.08)
	ruin := s.chance(0.55)
	// Castle hill.
	hc := s.rf(0.42, 0.58)
	hillTop := 0.6
	grass := hsl(s.rf(85, 105), 0.4, 0.42)
	xy := []float64{-0.05, 1.05}
	for i := 0; i <= 40; i++ {
		x := -0.05 + 1.1*float64(i)/40
		d := (x - hc) / 0.45
		y := hillTop + 0.3*(1-math.Exp(-d*d*1.6)*1.0) - 0.004*math.Sin(x*40)
		if math.Abs(x-hc) < 0.25 {
			y = math.Min(y, hillTop+0.01)
		}
		xy = append(xy, x, y)
	}
	xy = append(xy, 1.05, 1.05)
	s.polyP(s.lin(0, hillTop, grass, 0, 1, dark(grass, 0.35)), xy...)

	stone := hsl(s.rf(25, 40), s.rf(0.08, 0.2), s.rf(0.58, 0.68))
	if s.chance(0.3) {
		stone = hsl(12, 0.3, 0.52)
	}
	sh := dark(stone, 0.22)
	dk := hsl(220, 0.2, 0.15)
	base := hillTop + 0.02
	x0, x1 := hc-0.24, hc+0.24
	// Palas (hall) on the right.
	px0, px1 := hc+0.03, hc+0.21
	pt := base - 0.27
	if ruin {
		s.poly(stone, px0, base, px1, base, px1, pt+0.05, px1-0.03, pt+0.08, px1-0.06, pt+0.02, px0+0.05, pt+0.07, px0+0.02, pt)
		for k := range 4 {
			wx := px0 + 0.03 + float64(k)*0.04
			s.arch(s.skyAt(pt+0.13), wx-0.01, pt+0.1, wx+0.01, pt+0.17)
		}
	} else {
		s.rect(stone, px0, pt, px1, base)
		s.poly(hsl(10, 0.45, 0.35), px0-0.01, pt, px1+0.01, pt, px1-0.04, pt-0.1, px0+0.04, pt-0.1)
		for k := range 4 {
			wx := px0 + 0.03 + float64(k)*0.04
			s.arch(dk, wx-0.01, pt+0.05, wx+0.01, pt+0.11)
			s.arch(dk, wx-0.01, pt+0.15, wx+0.01, pt+0.21)
		}
	}
	s.rect(alpha(sh, 0.6), px1-0.04, pt+0.02, px1, base)
	// Keep (Bergfried).
	kx0, kx1 := hc-0.08, hc+0.0
	kt := base - s.rf(0.44, 0.5)
	if ruin {
		s.poly(stone, kx0, base, kx1, base, kx1, kt+0.06, kx1-0.02, kt+0.03, kx0+0.045, kt+0.05, kx0+0.02, kt, kx0, kt+0.02)
		s.poly(sh, kx1-0.025, base, kx1, base, kx1, kt+0.06, kx1-0.02, kt+0.03, kx1-0.025, kt+0.04)
	} else {
		s.rect(stone, kx0, kt, kx1, base)
		s.rect(sh, kx1-0.025, kt, kx1, base)
		s.rect(light(stone, 0.1), kx0-0.008, kt-0.02, kx1+0.008, kt+0.01)
		s.merlons(stone, kx0-0.008, kx1+0.008, kt-0.02, 5)
		if s.chance(0.6) {
			fx := (kx0 + kx1) / 2
			s.line(dk, fx, kt-0.04, fx, kt-0.13, 0.004)
			s.poly(hsl(s.rf(0, 360), 0.6, 0.5), fx, kt-0.13, fx+0.05, kt-0.11, fx, kt-0.09)
		}
	}
	for k := range 3 {
		y := kt + 0.08 + float64(k)*0.1
		s.rect(dk, (kx0+kx1)/2-0.004, y, (kx0+kx1)/2+0.004, y+0.04)
	}
	// Round tower on the left.
	rx0, rx1 := x0, x0+0.075
	rt := base - 0.3
	towerPaint := s.lin(rx0, 0, light(stone, 0.1), rx1, 0, dark(stone, 0.3))
	if ruin {
		s.polyP(towerPaint, rx0, base, rx1, base, rx1, rt+0.045, rx1-0.02, rt+0.025, rx0+0.035, rt+0.06, rx0+0.015, rt+0.03, rx0, rt+0.02)
	} else {
		s.rectP(towerPaint, rx0, rt, rx1, base)
		s.poly(hsl(205, 0.12, 0.32), rx0-0.01, rt, rx1+0.01, rt, (rx0+rx1)/2, rt-0.13)
	}
	s.rect(dk, (rx0+rx1)/2-0.004, rt+0.07, (rx0+rx1)/2+0.004, rt+0.11)
	// Curtain wall with gate.
	wt := base - 0.12
	if ruin {
		s.poly(stone, rx1, base, px0, base, px0, wt+0.02, px0-0.04, wt, kx1+0.02, wt+0.04, kx0-0.01, wt+0.03, rx1+0.04, wt+0.01, rx1, wt+0.03)
		s.poly(stone, px1, base, x1, base, x1, wt+0.05, px1+0.01, wt+0.02)
	} else {
		s.rect(stone, rx1, wt, px0, base)
		s.merlons(stone, rx1, px0, wt-0.02, 6)
		s.rect(stone, px1, wt, x1, base)
		s.merlons(stone, px1, x1, wt-0.02, 1)
	}
	gx := (rx1 + kx0) / 2
	s.arch(dk, gx-0.025, base-0.09, gx+0.025, base)
	if ruin {
		// Ivy climbing up from the foot of the walls.
		for range 4 {
			ix := s.rf(x0+0.02, x1-0.02)
			for k := range 7 {
				s.circle(hsl(s.rf(90, 120), 0.45, s.rf(0.24, 0.34)), ix+s.rf(-0.02, 0.02), base-0.01-float64(k)*0.012-s.rf(0, 0.01), s.rf(0.008, 0.015))
			}
		}
	}
	// Trees on the slope and a path.
	path := hsl(40, 0.3, 0.7)
	s.polyline(path, 0.012, gx, base, gx-0.05, base+0.06, gx+0.08, base+0.14, gx-0.02, base+0.25, gx+0.12, 1.05)
	leaf := hsl(s.rf(95, 130), 0.4, 0.3)
	for k := range 9 {
		tx := float64(k)/8*1.1 - 0.05
		if math.Abs(tx-gx) < 0.06 {
			continue
		}
		ty := hillTop + 0.3*(1-math.Exp(-math.Pow((tx-hc)/0.45, 2)*1.6)) + 0.05
		if s.chance(0.4) {
			s.conifer(tx, ty+0.08, s.rf(0.14, 0.2), leaf)
		} else {
			s.tree(tx, ty+0.08, s.rf(0.12, 0.18), leaf)
		}
	}
}

// merlons draws the crenellation along a wall top.
func (s *scene) merlons(c color.NRGBA, x0, x1, y float64, n int) {
	step := (x1 - x0) / float64(2*n+1)
	for k := 0; k < 2*n+1; k += 2 {
		s.rect(c, x0+float64(k)*step, y, x0+float64(k+1)*step, y+0.022)
	}
}

// drawAusgrabung draws an excavation trench with a grid, a wall foundation,
// finds with labels and the tools of the trade.
func drawAusgrabung(s *scene) {
	horizon := 0.16
	tint := s.sky(horizon, false)
	s.clouds(2, 0.02, 0.1, tint)
	s.hills(mix(hsl(110, 0.3, 0.35), tint, 0.3), horizon+0.01, 0.04)
	s.vgrad(horizon, 0.26, hsl(s.rf(75, 95), 0.45, 0.5), hsl(s.rf(80, 100), 0.4, 0.42))
	soil := hsl(s.rf(24, 34), s.rf(0.35, 0.5), s.rf(0.42, 0.5))
	s.vgrad(0.26, 1, light(soil, 0.1), dark(soil, 0.1))
	s.poly(light(soil, 0.05), -0.1, 0.26, 1.1, 0.26, 1.1, 0.275, -0.1, 0.285)
	// Tent and spoil heap.
	tent := hsl(0, 0, 0.96)
	s.rect(tent, 0.04, 0.17, 0.2, 0.26)
	s.poly(light(tent, 0.5), 0.025, 0.175, 0.215, 0.175, 0.12, 0.12)
	s.rect(hsl(210, 0.1, 0.78), 0.1, 0.19, 0.14, 0.26)
	s.poly(dark(soil, 0.15), 0.74, 0.29, 0.8, 0.22, 0.9, 0.19, 1.02, 0.2, 1.05, 0.3)
	// Bucket on the edge.
	bk := hsl(s.rf(0, 360), 0.1, 0.15)
	if s.chance(0.5) {
		bk = hsl(25, 0.85, 0.5)
	}
	s.poly(bk, 0.8, 0.28, 0.86, 0.28, 0.853, 0.35, 0.807, 0.35)
	s.ellipse(dark(bk, 0.4), 0.83, 0.28, 0.04, 0.008)

	// The trench: outline at ground level, walls, floor.
	o := [8]float64{0.3, 0.3, 0.7, 0.3, 1.0, 1.02, 0.0, 1.02}
	f := [8]float64{0.315, 0.37, 0.685, 0.37, 0.93, 1.02, 0.07, 1.02}
	wallCol := dark(soil, 0.2)
	s.poly(wallCol, o[:]...)
	// Layers (Befund) in the far wall.
	layers := []color.NRGBA{hsl(30, 0.4, 0.28), hsl(38, 0.45, 0.48), hsl(25, 0.3, 0.38), hsl(45, 0.35, 0.6), hsl(20, 0.35, 0.33)}
	ys := []float64{0.3, 0.31 + s.rf(0, 0.01), 0.33, 0.345 + s.rf(0, 0.005), 0.36, 0.37}
	for k := range 5 {
		a, b := ys[k], ys[k+1]
		la := 0.3 + (0.315-0.3)*(a-0.3)/0.07
		lb := 0.3 + (0.315-0.3)*(b-0.3)/0.07
		s.poly(layers[k], la, a, 1-la, a+0.003*math.Sin(float64(k)), 1-lb, b, lb, b)
	}
	floor := light(soil, 0.12)
	s.polyP(s.lin(0, 0.37, dark(floor, 0.1), 0, 1, floor), f[:]...)
	// Side wall shading.
	s.poly(alpha(color.NRGBA{0, 0, 0, 255}, 0.25), o[0], o[1], f[0], f[1], f[6], f[7], o[6], o[7])
	s.poly(alpha(color.NRGBA{255, 255, 255, 255}, 0.06), o[2], o[3], o[4], o[5], f[4], f[5], f[2], f[3])
	// Floor coordinates: u across, v from far (0) to near (1).
	fp := func(u, v float64) (float64, float64) {
		vv := math.Pow(v, 1.35)
		y := f[1] + (f[7]-f[1])*vv
		l := f[0] + (f[6]-f[0])*vv
		r := f[2] + (f[4]-f[2])*vv
		return l + (r-l)*u, y
	}
	scale := func(v float64) float64 { return 0.35 + 1.6*math.Pow(v, 1.35) }
	// Discoloured soil where a pit was dug long ago.
	for range 4 {
		u, v := s.rf(0.1, 0.9), s.rf(0.15, 0.85)
		x, y := fp(u, v)
		r := s.rf(0.04, 0.08) * scale(v)
		s.ellipse(alpha(dark(soil, 0.3), 0.35), x, y, r, r*0.45)
	}
	// Foundation of a wall crossing the trench: packed field stones.
	stoneCol := hsl(s.rf(30, 45), 0.1, 0.62)
	wu0, wu1 := s.rf(0.05, 0.25), s.rf(0.55, 0.8)
	for k := range 26 {
		t := float64(k) / 25
		v := 0.02 + t*0.98
		for j := range 3 {
			u := wu0 + (wu1-wu0)*t + float64(j)*0.05 + s.rf(-0.012, 0.012)
			x, y := fp(u, v+s.rf(-0.01, 0.01))
			r := 0.016 * scale(v) * s.rf(0.8, 1.2)
			var xy, sh []float64
			for a := range 7 {
				ang := float64(a) / 7 * 2 * math.Pi
				rr := r * s.rf(0.75, 1.1)
				px, py := x+math.Cos(ang)*rr/aspect, y+math.Sin(ang)*rr*0.62
				xy = append(xy, px, py)
				sh = append(sh, px+0.002, py+r*0.22)
			}
			s.poly(dark(stoneCol, 0.45), sh...)
			s.poly(mix(stoneCol, soil, s.rf(0, 0.35)), xy...)
			s.ellipse(alpha(white, 0.12), x-r*0.2/aspect, y-r*0.15, r*0.45, r*0.22)
		}
	}
	// Post holes.
	for k := range 3 {
		x, y := fp(0.85, 0.2+float64(k)*0.22)
		r := 0.02 * scale(0.2+float64(k)*0.22)
		s.ellipse(dark(soil, 0.45), x, y, r, r*0.6)
	}
	// Grid strings with pegs.
	str := alpha(hsl(50, 0.2, 0.95), 0.85)
	peg := hsl(20, 0.6, 0.45)
	for k := 0; k <= 4; k++ {
		u := float64(k) / 4
		xa, ya := fp(u, 0)
		xb, yb := fp(u, 1)
		s.line(str, xa, ya, xb, yb, 0.0025)
	}
	for k := 0; k <= 5; k++ {
		v := float64(k) / 5
		xa, ya := fp(0, v)
		xb, yb := fp(1, v)
		s.line(str, xa, ya, xb, yb, 0.0015+0.002*v)
		for _, u := range []float64{0, 1} {
			x, y := fp(u, v)
			sc := scale(v)
			s.rect(peg, x-0.004*sc, y-0.02*sc, x+0.004*sc, y+0.004*sc)
		}
	}
	// Finds: sherds, a coin, a bone, each with a label.
	cells := [][2]float64{{0.12, 0.3}, {0.42, 0.5}, {0.3, 0.82}, {0.62, 0.25}, {0.88, 0.68}, {0.58, 0.74}, {0.15, 0.65}}
	s.r.Shuffle(len(cells), func(i, j int) { cells[i], cells[j] = cells[j], cells[i] })
	for k, c := range cells[:5+s.r.IntN(2)] {
		x, y := fp(c[0], c[1])
		sc := scale(c[1])
		switch k % 3 {
		case 0, 1:
			sherd := hsl(s.rf(12, 25), 0.6, s.rf(0.4, 0.5))
			var xy []float64
			for a := range 6 {
				ang := float64(a)/6*2*math.Pi + s.rf(-0.3, 0.3)
				rr := 0.022 * sc * s.rf(0.6, 1.1)
				xy = append(xy, x+math.Cos(ang)*rr/aspect, y+math.Sin(ang)*rr*0.6)
			}
			s.poly(sherd, xy...)
			s.line(light(sherd, 0.3), xy[0], xy[1], xy[2], xy[3], 0.002*sc)
			if k == 1 {
				s.line(dark(sherd, 0.35), x-0.012*sc, y, x+0.012*sc, y-0.004*sc, 0.0025*sc)
			}
		case 2:
			if c[1] > 0.5 {
				s.circle(hsl(45, 0.75, 0.5), x, y, 0.011*sc)
				s.circle(hsl(45, 0.6, 0.65), x-0.002*sc, y-0.002*sc, 0.007*sc)
			} else {
				bone := hsl(45, 0.35, 0.85)
				s.line(bone, x-0.02*sc, y+0.004*sc, x+0.02*sc, y-0.004*sc, 0.008*sc)
				s.circle(bone, x-0.02*sc, y+0.004*sc, 0.007*sc)
				s.circle(bone, x+0.02*sc, y-0.004*sc, 0.007*sc)
			}
		}
		// Label card on a little stick.
		lx, ly := x+0.03*sc/aspect, y-0.03*sc
		s.line(hsl(30, 0.3, 0.3), lx, ly, lx, ly+0.03*sc, 0.002*sc)
		s.rect(white, lx-0.012*sc, ly-0.018*sc, lx+0.012*sc, ly)
		s.rect(hsl(0, 0.7, 0.5), lx-0.012*sc, ly-0.018*sc, lx+0.012*sc, ly-0.013*sc)
	}
	// Measuring rod, trowel.
	for k := range 8 {
		v0, v1 := 0.4+float64(k)*0.07, 0.4+float64(k+1)*0.07
		xa, ya := fp(0.06+float64(k)*0.006, v0)
		xb, yb := fp(0.06+float64(k+1)*0.006, v1)
		col := white
		if k%2 == 0 {
			col = hsl(0, 0.75, 0.48)
		}
		s.line(col, xa, ya, xb, yb, 0.01*scale(v1))
	}
	tx, ty := 0.74, 0.86
	ang := s.rf(-0.5, 0.2)
	ca, sa := math.Cos(ang), math.Sin(ang)
	rot := func(dx, dy float64) (float64, float64) { return tx + (dx*ca-dy*sa)/aspect, ty + dx*sa + dy*ca }
	var blade []float64
	for _, p := range [][2]float64{{0, -0.028}, {0.035, -0.036}, {0.17, 0}, {0.035, 0.036}, {0, 0.028}} {
		x, y := rot(p[0], p[1])
		blade = append(blade, x, y)
	}
	shadow := make([]float64, len(blade))
	for i := range blade {
		shadow[i] = blade[i] + []float64{0.004, 0.012}[i%2]
	}
	s.poly(alpha(dark(soil, 0.6), 0.6), shadow...)
	s.polyP(s.lin(blade[2], blade[3], hsl(210, 0.05, 0.82), blade[6], blade[7], hsl(210, 0.05, 0.5)), blade...)
	hx0, hy0 := rot(-0.01, 0)
	hx1, hy1 := rot(-0.1, 0)
	s.line(hsl(25, 0.5, 0.38), hx0, hy0, hx1, hy1, 0.022)
	s.line(hsl(25, 0.4, 0.5), hx0, hy0-0.004, hx1, hy1-0.004, 0.006)
	s.mirror = s.chance(0.5)
}

// drawWerkstatt draws a restorer's workbench with brushes in a jar, a paint
// palette, a gilded frame and a work lamp.
func drawWerkstatt(s *scene) {
	wallTop := hsl(s.rf(80, 200), s.rf(0.08, 0.2), s.rf(0.78, 0.86))
	s.vgrad(0, 0.62, wallTop, dark(wallTop, 0.15))
	// Pegboard with tools.
	pb := hsl(32, 0.35, 0.68)
	s.rect(dark(pb, 0.3), 0.06, 0.06, 0.55, 0.5)
	s.rect(pb, 0.065, 0.065, 0.545, 0.495)
	for i := range 16 {
		for j := range 14 {
			s.circle(dark(pb, 0.35), 0.08+float64(i)*0.03, 0.08+float64(j)*0.03, 0.0035)
		}
	}
	metal := hsl(210, 0.05, 0.55)
	// Hammer.
	s.rect(hsl(30, 0.5, 0.45), 0.11, 0.14, 0.12, 0.34)
	s.rect(metal, 0.09, 0.12, 0.14, 0.15)
	// Scissors.
	s.ring(hsl(0, 0.6, 0.45), 0.2, 0.32, 0.02, 0.007)
	s.ring(hsl(0, 0.6, 0.45), 0.23, 0.32, 0.02, 0.007)
	s.line(metal, 0.205, 0.3, 0.225, 0.13, 0.01)
	s.line(metal, 0.225, 0.3, 0.205, 0.13, 0.01)
	// Spatulas and a ruler.
	for k := range 4 {
		x := 0.28 + float64(k)*0.035
		s.rect(hsl(30, 0.4, 0.4), x-0.004, 0.12, x+0.004, 0.24)
		s.poly(metal, x-0.01, 0.24, x+0.01, 0.24, x+0.006+float64(k)*0.002, 0.33, x-0.006-float64(k)*0.002, 0.33)
	}
	s.rect(hsl(50, 0.7, 0.6), 0.44, 0.09, 0.465, 0.46)
	for k := range 18 {
		y := 0.1 + float64(k)*0.02
		s.line(hsl(0, 0, 0.2), 0.44, y, 0.448+0.006*float64(k%2), y, 0.0015)
	}
	// Window light at the right.
	s.rect(hsl(210, 0.1, 0.9), 0.68, 0.05, 0.98, 0.5)
	s.rectP(s.lin(0.7, 0.07, hsl(200, 0.5, 0.82), 0.96, 0.48, hsl(200, 0.3, 0.93)), 0.7, 0.07, 0.96, 0.48)
	s.rect(hsl(210, 0.1, 0.9), 0.825, 0.05, 0.835, 0.5)
	s.rect(hsl(210, 0.1, 0.9), 0.68, 0.27, 0.98, 0.28)
	s.tree(0.77, 0.5, 0.25, hsl(s.rf(90, 130), 0.3, 0.6))
	// Table.
	wood := hsl(s.rf(25, 35), s.rf(0.35, 0.5), s.rf(0.45, 0.55))
	s.vgrad(0.62, 1, light(wood, 0.1), dark(wood, 0.15))
	s.rect(dark(wood, 0.3), -0.1, 0.6, 1.1, 0.63)
	for k := range 12 {
		y := 0.65 + float64(k)*0.03 + s.rf(-0.005, 0.005)
		xy := []float64{}
		for i := 0; i <= 20; i++ {
			x := float64(i) / 20 * 1.2
			xy = append(xy, x-0.1, y+0.004*math.Sin(x*s.rf(8, 12)+float64(k)))
		}
		s.polyline(alpha(dark(wood, 0.25), 0.35), 0.0025, xy...)
	}
	// Lamp glow on the table.
	lx := s.rf(0.55, 0.65)
	s.glow(lx, 0.8, 0.35, hsl(45, 0.9, 0.85), 0.35)

	// Gilded frame leaning on the wall, with a small landscape.
	gold := hsl(42, 0.7, 0.5)
	fx0, fx1, fy0, fy1 := 0.57, 0.8, 0.36, 0.7
	s.rect(alpha(color.NRGBA{0, 0, 0, 255}, 0.2), fx0+0.01, fy0+0.015, fx1+0.015, fy1+0.01)
	s.rectP(s.lin(fx0, fy0, light(gold, 0.3), fx1, fy1, dark(gold, 0.35)), fx0, fy0, fx1, fy1)
	s.rect(dark(gold, 0.3), fx0+0.025, fy0+0.033, fx1-0.025, fy1-0.033)
	ix0, ix1, iy0, iy1 := fx0+0.03, fx1-0.03, fy0+0.04, fy1-0.04
	s.rectP(s.lin(0, iy0, hsl(200, 0.4, 0.65), 0, iy1, hsl(45, 0.4, 0.8)), ix0, iy0, ix1, iy1)
	s.poly(hsl(100, 0.3, 0.4), ix0, iy1, ix0, iy0+0.17, ix0+0.05, iy0+0.15, ix0+0.1, iy0+0.18, ix1, iy0+0.14, ix1, iy1)
	s.poly(hsl(90, 0.3, 0.3), ix0+0.09, iy0+0.18, ix0+0.1, iy0+0.08, ix0+0.11, iy0+0.18)
	// A half-cleaned area: the restorer's test window shows the varnish.
	s.rect(alpha(hsl(35, 0.8, 0.3), 0.45), ix0+(ix1-ix0)*0.45, iy0, ix1, iy1)
	for k := 0; k < 5; k++ {
		s.circle(light(gold, 0.35), fx0+0.0125, fy0+0.03+float64(k)*0.07, 0.006)
		s.circle(light(gold, 0.35), fx1-0.0125, fy0+0.03+float64(k)*0.07, 0.006)
	}

	// Jar with brushes.
	jx := s.rf(0.2, 0.3)
	jy0, jy1 := 0.6, 0.86
	jw := 0.085
	hues := []float64{0, 210, 45, 130, 20, 280}
	for k := range 6 {
		a := (float64(k) - 2.5) * 0.09
		bx := jx + (float64(k)-2.5)*0.01
		tipX := bx + math.Sin(a)*0.32/aspect
		tipY := jy1 - 0.05 - math.Cos(a)*0.32
		hue := hues[(k+s.r.IntN(3))%len(hues)]
		handle := hsl(hue, 0.6, 0.45)
		if k%3 == 2 {
			handle = hsl(30, 0.5, 0.55)
		}
		s.line(handle, bx, jy1-0.02, bx+(tipX-bx)*0.72, jy1-0.02+(tipY-jy1+0.02)*0.72, 0.016)
		fx, fy := bx+(tipX-bx)*0.72, jy1-0.02+(tipY-jy1+0.02)*0.72
		mx, my := bx+(tipX-bx)*0.84, jy1-0.02+(tipY-jy1+0.02)*0.84
		s.line(hsl(210, 0.05, 0.78), fx, fy, mx, my, 0.02)
		s.line(hsl(210, 0.05, 0.6), fx+0.002, fy, mx+0.002, my, 0.006)
		bristle := hsl(35, 0.35, 0.4)
		tip := bristle
		if k%2 == 0 {
			tip = hsl(hues[k%len(hues)]+60, 0.6, 0.5)
		}
		nx, ny := (tipY-my)*0.35, -(tipX-mx)*aspect*0.35
		s.poly(bristle, mx-0.008, my, mx+0.008, my, tipX+nx/aspect*0.5, tipY+ny*0.5, tipX-nx/aspect*0.5, tipY-ny*0.5)
		s.line(tip, mx+(tipX-mx)*0.6, my+(tipY-my)*0.6, tipX, tipY, 0.014)
	}
	s.roundRect(alpha(hsl(190, 0.3, 0.85), 0.45), jx-jw/2, jy0, jx+jw/2, jy1, 0.02)
	s.rect(alpha(white, 0.5), jx-jw/2+0.008, jy0+0.02, jx-jw/2+0.016, jy1-0.03)
	s.ellipse(alpha(hsl(190, 0.2, 0.7), 0.7), jx, jy0, jw/2*aspect, 0.01)
	s.ellipse(alpha(hsl(190, 0.2, 0.9), 0.8), jx, jy0, jw/2*aspect-0.005, 0.006)

	// Paint palette with dabs.
	pcx, pcy := 0.42, 0.84
	s.ellipse(alpha(color.NRGBA{0, 0, 0, 255}, 0.2), pcx+0.01, pcy+0.015, 0.16, 0.065)
	pal := hsl(35, 0.45, 0.72)
	s.fill(solid(pal), s.arcPts(pcx, pcy, 0.16, 0.065, 0, 2*math.Pi), s.arcPts(pcx+0.07, pcy+0.01, 0.02, 0.012, 2*math.Pi, 0))
	dabs := []float64{0, 45, 210, 120, 20, 0}
	for k, hue := range dabs {
		a := float64(k)/6*2*math.Pi + 2.4
		ll := 0.5
		sat := 0.7
		if k == len(dabs)-1 {
			ll, sat = 0.97, 0
		}
		dx, dy := math.Cos(a)*0.085, math.Sin(a)*0.035
		if dx > 0.04 && dy > -0.01 {
			continue // keep the thumb hole free
		}
		s.ellipse(hsl(hue, sat, ll), pcx+dx, pcy+dy, 0.022, 0.012)
	}
	// Paint pots.
	for k := range 3 {
		px := 0.86 + float64(k)*0.05
		py := 0.78 + float64(k%2)*0.06
		hue := s.rf(0, 360)
		s.rect(hsl(hue, 0.5, 0.45), px-0.02, py-0.06, px+0.02, py)
		s.ellipse(hsl(hue, 0.5, 0.35), px, py, 0.02*aspect, 0.008)
		s.ellipse(hsl(0, 0, 0.85), px, py-0.06, 0.02*aspect, 0.008)
	}
	// Lamp arm and shade from the top.
	lampCol := hsl(s.rf(0, 360), 0.5, 0.35)
	s.polyline(lampCol, 0.008, 1.05, 0.02, lx+0.15, 0.12, lx+0.05, 0.32)
	s.poly(lampCol, lx-0.04, 0.4, lx+0.09, 0.37, lx+0.065, 0.3, lx+0.02, 0.31)
	s.ellipse(hsl(50, 0.9, 0.9), lx+0.025, 0.39, 0.045, 0.01)
	s.glow(lx+0.025, 0.4, 0.1, hsl(50, 1, 0.92), 0.5)
	s.mirror = s.chance(0.5)
}

// drawSaeulen draws a classical portico with columns, steps and pediment.
func drawSaeulen(s *scene) {
	horizon := 0.86
	tint := s.sky(horizon, s.chance(0.2))
	s.clouds(2+s.r.IntN(2), 0.03, 0.2, tint)
	stone := hsl(s.rf(35, 45), s.rf(0.15, 0.35), s.rf(0.78, 0.86))
	leaf := hsl(s.rf(95, 130), 0.35, 0.35)
	s.tree(0.03, 0.86, 0.55, leaf)
	s.tree(0.97, 0.86, 0.6, dark(leaf, 0.08))
	s.vgrad(horizon, 1, hsl(35, 0.2, 0.7), hsl(35, 0.15, 0.55))

	n := 4 + 2*s.r.IntN(2)
	x0, x1 := 0.14, 0.86
	steps := 3
	sy := 0.86
	for k := range steps {
		ext := float64(steps-k) * 0.02
		y := sy - float64(k+1)*0.03
		s.rect(light(stone, 0.1), x0-0.03-ext, y, x1+0.03+ext, y+0.03)
		s.rect(dark(stone, 0.22), x0-0.03-ext, y+0.022, x1+0.03+ext, y+0.03)
	}
	floor := sy - float64(steps)*0.03
	capTop := s.rf(0.34, 0.38)
	// Back wall with a door.
	s.rect(dark(stone, 0.35), x0, capTop, x1, floor)
	s.rect(dark(stone, 0.45), x0, capTop, x1, capTop+0.05)
	dm := 0.5
	s.rect(dark(stone, 0.5), dm-0.05, floor-0.2, dm+0.05, floor)
	s.rectP(s.lin(0, floor-0.19, hsl(25, 0.45, 0.3), 0, floor, hsl(20, 0.5, 0.18)), dm-0.043, floor-0.19, dm+0.043, floor)
	s.rect(hsl(20, 0.4, 0.15), dm-0.002, floor-0.19, dm+0.002, floor)
	for _, wx := range []float64{0.3, 0.7} {
		s.rect(dark(stone, 0.5), wx-0.03, floor-0.21, wx+0.03, floor-0.07)
		s.window(wx-0.024, floor-0.203, wx+0.024, floor-0.077, light(stone, 0.3), false)
	}
	// Columns.
	ionic := s.chance(0.5)
	cw := (x1 - x0) / float64(n) * 0.42
	for k := range n {
		cx := x0 + (x1-x0)*(float64(k)+0.5)/float64(n)
		s.rect(light(stone, 0.05), cx-cw*0.72, floor-0.025, cx+cw*0.72, floor)
		s.rect(dark(stone, 0.1), cx-cw*0.65, floor-0.04, cx+cw*0.65, floor-0.025)
		shaftTop := capTop + 0.045
		g := s.lin(cx-cw/2, 0, light(stone, 0.25), cx+cw/2, 0, dark(stone, 0.3))
		s.polyP(g, cx-cw/2, floor-0.04, cx+cw/2, floor-0.04, cx+cw*0.43, shaftTop, cx-cw*0.43, shaftTop)
		for f := 1; f < 6; f++ {
			t := float64(f)/6 - 0.5
			s.line(alpha(dark(stone, 0.35), 0.35), cx+t*cw, floor-0.045, cx+t*cw*0.86, shaftTop+0.005, 0.0025)
		}
		if ionic {
			s.rect(stone, cx-cw*0.75, capTop+0.012, cx+cw*0.75, capTop+0.035)
			for _, side := range []float64{-1, 1} {
				vx := cx + side*cw*0.62
				s.circle(stone, vx, capTop+0.035, 0.02)
				s.ring(dark(stone, 0.35), vx, capTop+0.035, 0.02, 0.004)
				s.circle(dark(stone, 0.35), vx, capTop+0.035, 0.005)
			}
		} else {
			s.poly(stone, cx-cw*0.45, shaftTop, cx+cw*0.45, shaftTop, cx+cw*0.7, capTop+0.022, cx-cw*0.7, capTop+0.022)
		}
		s.rect(light(stone, 0.15), cx-cw*0.75, capTop, cx+cw*0.75, capTop+0.015)
	}
	// Entablature: architrave, frieze with triglyphs, cornice.
	ey := capTop
	s.rect(light(stone, 0.1), x0-0.02, ey-0.04, x1+0.02, ey)
	s.rect(dark(stone, 0.15), x0-0.02, ey-0.005, x1+0.02, ey)
	s.rect(stone, x0-0.02, ey-0.085, x1+0.02, ey-0.04)
	for k := 0; k <= 2*n; k++ {
		tx := x0 - 0.01 + (x1-x0+0.02)*float64(k)/float64(2*n)
		for j := range 3 {
			ox := (float64(j) - 1) * 0.007
			s.rect(dark(stone, 0.3), tx+ox-0.002, ey-0.08, tx+ox+0.002, ey-0.045)
		}
	}
	s.rect(light(stone, 0.2), x0-0.035, ey-0.1, x1+0.035, ey-0.085)
	s.rect(dark(stone, 0.3), x0-0.035, ey-0.088, x1+0.035, ey-0.085)
	// Pediment.
	py := ey - 0.1
	ph := s.rf(0.15, 0.19)
	s.poly(light(stone, 0.2), x0-0.04, py, x1+0.04, py, 0.5, py-ph-0.02)
	s.poly(dark(stone, 0.15), x0+0.015, py-0.01, x1-0.015, py-0.01, 0.5, py-ph+0.015)
	s.ring(light(stone, 0.2), 0.5, py-ph*0.4, 0.04, 0.01)
	s.circle(dark(stone, 0.35), 0.5, py-ph*0.4, 0.03)
	// Acroteria.
	s.poly(stone, 0.49, py-ph-0.02, 0.51, py-ph-0.02, 0.5, py-ph-0.06)
	// Shadow cast by the portico on the floor.
	s.rect(alpha(color.NRGBA{0, 0, 0, 255}, 0.15), x0, floor-0.005, x1, floor)
}

// drawTeam draws a group photo of stylised colleagues in front of the
// office building.
func drawTeam(s *scene) {
	horizon := 0.62
	tint := s.sky(horizon, false)
	s.clouds(2, 0.03, 0.15, tint)
	// Building behind, slightly hazy.
	bw := mix(hsl(s.rf(20, 45), 0.35, 0.8), tint, 0.25)
	s.rect(bw, -0.05, 0.2, 1.05, horizon)
	s.poly(mix(hsl(10, 0.45, 0.4), tint, 0.3), -0.05, 0.21, 1.05, 0.21, 1.05, 0.12, -0.05, 0.12)
	s.rect(mix(dark(bw, 0.2), tint, 0.2), -0.05, 0.2, 1.05, 0.215)
	for i := range 8 {
		for j := range 3 {
			wx := 0.03 + float64(i)*0.135
			wy := 0.25 + float64(j)*0.13
			s.rect(mix(hsl(210, 0.25, 0.35), tint, 0.35), wx, wy, wx+0.07, wy+0.09)
			s.rect(mix(white, tint, 0.2), wx+0.033, wy, wx+0.037, wy+0.09)
		}
	}
	s.vgrad(horizon, 1, hsl(s.rf(85, 105), 0.4, 0.5), hsl(s.rf(90, 110), 0.4, 0.35))
	s.tree(0.04, 0.75, 0.5, hsl(110, 0.35, 0.35))
	s.tree(0.96, 0.74, 0.45, hsl(100, 0.35, 0.38))

	n := []int{3, 5, 5, 7}[s.r.IntN(4)]
	skins := []color.NRGBA{hsl(28, 0.55, 0.8), hsl(25, 0.45, 0.68), hsl(22, 0.4, 0.52), hsl(20, 0.45, 0.38), hsl(30, 0.5, 0.74)}
	hairs := []color.NRGBA{hsl(30, 0.4, 0.18), hsl(35, 0.55, 0.45), hsl(25, 0.2, 0.1), hsl(15, 0.6, 0.35), hsl(40, 0.08, 0.65), hsl(45, 0.6, 0.65)}
	shirts := []color.NRGBA{hsl(210, 0.5, 0.45), hsl(350, 0.5, 0.5), hsl(150, 0.35, 0.4), hsl(45, 0.7, 0.55), hsl(260, 0.25, 0.45), hsl(0, 0, 0.92), hsl(195, 0.5, 0.55), hsl(20, 0.6, 0.55)}
	s.r.Shuffle(len(shirts), func(i, j int) { shirts[i], shirts[j] = shirts[j], shirts[i] })
	// Back row first, standing in the gaps of the front row.
	front := (n + 1) / 2
	back := n - front
	spacing := 0.2
	size := 1.0
	if front > 3 {
		spacing, size = 0.17, 0.88
	}
	i := 0
	for row, count := range []int{back, front} {
		for k := range count {
			x := 0.5 + (float64(k)-float64(count-1)/2)*spacing + s.rf(-0.01, 0.01)
			y := 0.47 + float64(row)*0.13
			sz := size * (0.92 + 0.12*float64(row)) * s.rf(0.95, 1.05)
			s.person(x, y, sz, skins[s.r.IntN(len(skins))], hairs[s.r.IntN(len(hairs))], shirts[i%len(shirts)])
			i++
		}
	}
}

// person draws a friendly stylised person whose head centre is at (x, y).
func (s *scene) person(x, y, size float64, skin, hair, shirt color.NRGBA) {
	hr := 0.065 * size
	sw := 0.11 * size // half shoulder width in frame heights
	hairStyle := s.r.IntN(4)
	if hairStyle == 1 {
		// Long hair falls behind the shoulders.
		s.poly(hair, x-hr*1.05/aspect, y, x+hr*1.05/aspect, y, x+hr*1.15/aspect, y+hr*1.9, x-hr*1.15/aspect, y+hr*1.9)
	}
	// Body: rounded shoulders down out of the frame.
	top := y + hr*1.25
	s.poly(dark(shirt, 0.3), x-sw/aspect*1.05, 1.1, x+sw/aspect*1.05, 1.1, x+sw/aspect*1.02, top+0.06, x-sw/aspect*1.02, top+0.06)
	s.ellipse(shirt, x, top+0.07, sw, 0.075*size)
	s.poly(shirt, x-sw/aspect, top+0.07, x+sw/aspect, top+0.07, x+sw/aspect*0.97, 1.1, x-sw/aspect*0.97, 1.1)
	// Arms as darker edges.
	s.line(dark(shirt, 0.15), x-sw/aspect*0.8, top+0.12, x-sw/aspect*0.8, 1.1, 0.004)
	s.line(dark(shirt, 0.15), x+sw/aspect*0.8, top+0.12, x+sw/aspect*0.8, 1.1, 0.004)
	// Neck and collar.
	s.rect(dark(skin, 0.12), x-hr*0.4/aspect, y+hr*0.6, x+hr*0.4/aspect, top+0.02)
	s.poly(dark(skin, 0.12), x-hr*0.45/aspect, top, x+hr*0.45/aspect, top, x, top+0.05)
	kind := s.r.IntN(5)
	switch kind {
	case 0: // high-visibility vest for the field team
		vest := hsl(28, 0.95, 0.55)
		s.poly(vest, x-sw/aspect*0.9, top+0.05, x-hr*0.35/aspect, top+0.02, x-hr*0.2/aspect, 1.1, x-sw/aspect*0.9, 1.1)
		s.poly(vest, x+sw/aspect*0.9, top+0.05, x+hr*0.35/aspect, top+0.02, x+hr*0.2/aspect, 1.1, x+sw/aspect*0.9, 1.1)
		s.rect(hsl(0, 0, 0.85), x-sw/aspect*0.9, top+0.16, x-hr*0.25/aspect, top+0.175)
		s.rect(hsl(0, 0, 0.85), x+hr*0.25/aspect, top+0.16, x+sw/aspect*0.9, top+0.175)
	case 1: // lanyard with ID badge
		s.line(hsl(210, 0.6, 0.35), x-hr*0.3/aspect, top+0.01, x, top+0.14, 0.004)
		s.line(hsl(210, 0.6, 0.35), x+hr*0.3/aspect, top+0.01, x, top+0.14, 0.004)
		s.rect(white, x-0.015, top+0.14, x+0.015, top+0.18)
		s.rect(hsl(210, 0.5, 0.45), x-0.015, top+0.14, x+0.015, top+0.15)
	case 2: // cardigan
		cd := dark(shirt, 0.35)
		s.poly(cd, x-sw/aspect, top+0.07, x-hr*0.3/aspect, top+0.01, x-0.01, 1.1, x-sw/aspect*0.97, 1.1)
		s.poly(cd, x+sw/aspect, top+0.07, x+hr*0.3/aspect, top+0.01, x+0.01, 1.1, x+sw/aspect*0.97, 1.1)
	}
	// Head, long hair behind it.
	if hairStyle == 1 {
		s.ellipse(hair, x, y, hr*1.1, hr*1.12)
	}
	s.circle(dark(skin, 0.1), x-hr*0.95/aspect, y+hr*0.1, hr*0.22)
	s.circle(dark(skin, 0.1), x+hr*0.95/aspect, y+hr*0.1, hr*0.22)
	s.ellipse(skin, x, y, hr*0.92, hr)
	// Hair on top.
	switch hairStyle {
	case 0, 1:
		s.fill(solid(hair), s.arcPts(x, y-hr*0.05, hr*0.98, hr*1.02, math.Pi*1.05, math.Pi*1.95), s.pts([]float64{x + hr*0.5/aspect, y - hr*0.55, x - hr*0.6/aspect, y - hr*0.4}))
	case 2:
		s.fill(solid(hair), s.arcPts(x, y-hr*0.05, hr*0.98, hr*1.02, math.Pi*1.05, math.Pi*1.95))
		s.circle(hair, x, y-hr*1.05, hr*0.45)
	default:
		s.fill(solid(hair), s.arcPts(x, y-hr*0.15, hr*0.95, hr*0.9, math.Pi*1.1, math.Pi*1.9))
	}
	// Face: eyes, smile, sometimes glasses.
	eye := hsl(20, 0.3, 0.15)
	ex := hr * 0.35 / aspect
	s.circle(eye, x-ex, y+hr*0.05, hr*0.09)
	s.circle(eye, x+ex, y+hr*0.05, hr*0.09)
	if s.chance(0.35) {
		s.ring(hsl(0, 0, 0.15), x-ex, y+hr*0.05, hr*0.25, hr*0.06)
		s.ring(hsl(0, 0, 0.15), x+ex, y+hr*0.05, hr*0.25, hr*0.06)
		s.line(hsl(0, 0, 0.15), x-ex+hr*0.25/aspect, y+hr*0.05, x+ex-hr*0.25/aspect, y+hr*0.05, hr*0.06)
	}
	smile := s.arcPts(x, y+hr*0.3, hr*0.32, hr*0.22, math.Pi*0.15, math.Pi*0.85)
	inner := s.arcPts(x, y+hr*0.3, hr*0.32, hr*0.12, math.Pi*0.85, math.Pi*0.15)
	s.fill(solid(hsl(0, 0.45, 0.4)), append(smile, inner...))
	s.circle(alpha(hsl(0, 0.7, 0.6), 0.25), x-hr*0.55/aspect, y+hr*0.35, hr*0.16)
	s.circle(alpha(hsl(0, 0.7, 0.6), 0.25), x+hr*0.55/aspect, y+hr*0.35, hr*0.16)
	if kind == 0 && s.chance(0.7) {
		// Hard hat.
		hat := hsl(s.rf(0, 1)*50+5, 0.85, 0.55)
		if s.chance(0.5) {
			hat = hsl(0, 0, 0.95)
		}
		s.fill(solid(hat), s.arcPts(x, y-hr*0.45, hr*0.95, hr*0.8, math.Pi, 2*math.Pi))
		s.rect(light(hat, 0.3), x-hr*0.08/aspect, y-hr*1.22, x+hr*0.08/aspect, y-hr*0.5)
		s.ellipse(dark(hat, 0.12), x, y-hr*0.45, hr*1.25, hr*0.16)
	}
}

// drawPlakat draws a bold event poster in a Bauhaus-like style: big circle,
// a building silhouette, stripes and blocks where the text would go. The
// seed picks colours, the silhouette (church, castle or temple) and whether
// the layout is mirrored.
func drawPlakat(s *scene) {
	hue := s.rf(0, 360)
	bg := hsl(hue, 0.55, 0.5)
	acc := hsl(hue+s.rf(150, 210), 0.7, 0.55)
	ink := hsl(hue+20, 0.4, 0.15)
	paper := hsl(45, 0.35, 0.94)
	mirror := s.chance(0.5)
	// mx mirrors an x coordinate; mr a rectangle's x range.
	mx := func(x float64) float64 {
		if mirror {
			return 1 - x
		}
		return x
	}
	rect := func(c color.NRGBA, x0, y0, x1, y1 float64) {
		a, b := mx(x0), mx(x1)
		s.rect(c, min(a, b), y0, max(a, b), y1)
	}
	arch := func(c color.NRGBA, x0, y0, x1, y1 float64) {
		a, b := mx(x0), mx(x1)
		s.arch(c, min(a, b), y0, max(a, b), y1)
	}
	poly := func(c color.NRGBA, xy ...float64) {
		for i := 0; i < len(xy); i += 2 {
			xy[i] = mx(xy[i])
		}
		s.poly(c, xy...)
	}
	s.vgrad(0, 1, paper, dark(paper, 0.05))
	m := 0.035
	s.rect(bg, m/aspect, m, 1-m/aspect, 1-m)
	// Big sun circle and a stripe band.
	cx, cy := s.rf(0.58, 0.75), s.rf(0.3, 0.4)
	s.circle(acc, mx(cx), cy, s.rf(0.22, 0.28))
	s.ring(paper, mx(cx), cy, 0.33, 0.012)
	sy := s.rf(0.0, 0.06)
	poly(alpha(ink, 0.9), m/aspect, 0.72+sy, 1-m/aspect, 0.58+sy, 1-m/aspect, 0.64+sy, m/aspect, 0.78+sy)
	bx := s.rf(0.5, 0.58)
	switch s.r.IntN(3) {
	case 0: // church: nave and tower
		poly(ink, bx, 0.8, bx, 0.5, bx+0.1, 0.38, bx+0.2, 0.5, bx+0.2, 0.8)
		rect(ink, bx+0.2, 0.3, bx+0.28, 0.8)
		poly(ink, bx+0.195, 0.3, bx+0.285, 0.3, bx+0.24, 0.15)
		for k := range 3 {
			for j := range 2 {
				arch(bg, bx+0.03+float64(k)*0.05, 0.53+float64(j)*0.11, bx+0.055+float64(k)*0.05, 0.61+float64(j)*0.11)
			}
		}
		arch(acc, bx+0.225, 0.36, bx+0.255, 0.44)
	case 1: // castle: two towers and a wall
		rect(ink, bx, 0.55, bx+0.34, 0.8)
		rect(ink, bx-0.02, 0.32, bx+0.07, 0.8)
		rect(ink, bx+0.25, 0.4, bx+0.33, 0.8)
		for k := range 4 {
			rect(ink, bx-0.02+float64(k)*0.025, 0.29, bx-0.005+float64(k)*0.025, 0.33)
		}
		poly(ink, bx+0.24, 0.4, bx+0.34, 0.4, bx+0.29, 0.28)
		arch(bg, bx+0.13, 0.65, bx+0.19, 0.8)
		rect(acc, bx+0.018, 0.4, bx+0.032, 0.47)
		rect(bg, bx+0.285, 0.48, bx+0.295, 0.54)
	default: // temple front
		poly(ink, bx-0.02, 0.42, bx+0.36, 0.42, bx+0.17, 0.3)
		poly(acc, bx+0.06, 0.405, bx+0.28, 0.405, bx+0.17, 0.345)
		rect(ink, bx-0.02, 0.43, bx+0.36, 0.47)
		for k := range 5 {
			x := bx + float64(k)*0.08
			rect(ink, x, 0.48, x+0.03, 0.74)
		}
		rect(ink, bx-0.03, 0.75, bx+0.37, 0.78)
		rect(ink, bx-0.05, 0.785, bx+0.39, 0.81)
	}
	// Text blocks: headline, subline, date box, small print.
	rect(paper, 0.08, 0.1, 0.48, 0.17)
	rect(paper, 0.08, 0.2, 0.4, 0.27)
	rect(paper, 0.08, 0.3, 0.44, 0.33)
	rect(alpha(paper, 0.8), 0.08, 0.36, 0.36, 0.38)
	rect(acc, 0.08, 0.45, 0.24, 0.62)
	rect(ink, 0.1, 0.48, 0.22, 0.52)
	rect(ink, 0.1, 0.55, 0.18, 0.59)
	rect(paper, 0.27, 0.47, 0.42, 0.49)
	rect(paper, 0.27, 0.52, 0.38, 0.54)
	rect(paper, 0.27, 0.57, 0.4, 0.59)
	for k := range 3 {
		rect(alpha(paper, 0.85), 0.08, 0.86+float64(k)*0.03, 0.08+s.rf(0.3, 0.5), 0.873+float64(k)*0.03)
	}
	// Logo: a small circle and a square.
	s.circle(paper, mx(0.86), 0.9, 0.035)
	rect(ink, 0.845, 0.885, 0.875, 0.915)
	// Confetti dots.
	for range 14 {
		s.circle(alpha(paper, 0.7), s.rf(0.05, 0.95), s.rf(0.05, 0.45), s.rf(0.004, 0.01))
	}
}
