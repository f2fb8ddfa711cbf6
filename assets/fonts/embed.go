// Package fonts ships the typeface of the exported PDF plan: Noto Sans
// Regular and Bold, the family Fyne's theme also uses on screen, under the
// SIL Open Font License 1.1 (OFL.txt beside this file, shipped with the
// source). Only the two weights the PDF sets are embedded.
package fonts

import _ "embed"

// NotoSansRegular is NotoSans-Regular.ttf.
//
//go:embed NotoSans-Regular.ttf
var NotoSansRegular []byte

// NotoSansBold is NotoSans-Bold.ttf.
//
//go:embed NotoSans-Bold.ttf
var NotoSansBold []byte

// License is the OFL text with the fonts' copyright notice; the OFL asks
// that it travel with every copy of the fonts.
//
//go:embed OFL.txt
var License string
