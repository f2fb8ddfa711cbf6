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
	// The theme's red, orange and green are too light for small text
	// and icons on white (WCAG AA, see palette_test.go): darker ones.
	brandError   = color.NRGBA{0xC6, 0x28, 0x28, 0xFF}
	brandWarning = color.NRGBA{0xA1, 0x5C, 0x00, 0xFF}
	brandSuccess = color.NRGBA{0x2E, 0x7D, 0x32, 0xFF}
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
	case theme.ColorNameError:
		return brandError
	case theme.ColorNameWarning:
		return brandWarning
	case theme.ColorNameSuccess:
		return brandSuccess
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (feedtaktTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (feedtaktTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (feedtaktTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
