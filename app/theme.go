package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// feedtaktTheme is Fyne's default theme in its light variant with the
// Feedtakt teal as the primary colour. An office app is read in bright
// rooms and printed plans are white: light whatever the OS says.
type feedtaktTheme struct{}

var (
	brandPrimary = color.NRGBA{0x0F, 0x76, 0x6E, 0xFF}
	brandHover   = color.NRGBA{0x0F, 0x76, 0x6E, 0x22}
	brandFocus   = color.NRGBA{0x0F, 0x76, 0x6E, 0x66}
	brandSelect  = color.NRGBA{0x0F, 0x76, 0x6E, 0x33}
)

func (feedtaktTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return brandPrimary
	case theme.ColorNameFocus:
		return brandFocus
	case theme.ColorNameSelection:
		return brandSelect
	case theme.ColorNameHover:
		return brandHover
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (feedtaktTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (feedtaktTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (feedtaktTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
