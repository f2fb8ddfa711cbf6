package thumbs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"

	"github.com/gen2brain/heic"
	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"
)

// Sniff recognises a picture's format from its first bytes (16 are enough).
// It returns FormatUnknown for anything else.
func Sniff(head []byte) Format {
	switch {
	case len(head) >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF:
		return FormatJPEG
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return FormatPNG
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return FormatGIF
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return FormatWebP
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return FormatTIFF
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		switch string(head[8:12]) {
		case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1":
			return FormatHEIC
		}
	}
	return FormatUnknown
}

// decodeFile reads src and decodes it for a thumbnail whose long side is at
// most target: JPEGs at the smallest DCT scale that still gives target
// pixels, the rest in full. The format is taken from the content; the
// caller's format only names the file in errors, because a PNG named .jpg
// must still come in. The pixel count is checked from the header before
// anything is decoded.
func decodeFile(ctx context.Context, src string, _ Format, target int) (img image.Image, err error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, fmt.Errorf("reading picture: %w", err)
	}
	format := Sniff(data[:min(len(data), 16)])
	if format == FormatUnknown {
		if len(data) == 0 {
			return nil, fmt.Errorf("%w: empty file", ErrDamaged)
		}
		return nil, ErrUnsupported
	}
	// Third-party decoders (and ours) must not take the process down on a
	// crafted file: a panic while decoding is a damaged picture.
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("%w: decoder failed on %s data: %v", ErrDamaged, format, r)
		}
	}()
	w, h, err := dimensions(data, format)
	if err != nil {
		return nil, err
	}
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("%w: %s header declares %d×%d pixels", ErrDamaged, format, w, h)
	}
	if int64(w)*int64(h) > MaxPixels {
		return nil, fmt.Errorf("%w: %d×%d pixels", ErrTooLarge, w, h)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if format == FormatJPEG {
		if scale := jpegScale(w, h, target); scale < 8 {
			img, err := decodeJPEGScaled(ctx, data, scale)
			if !errors.Is(err, errFallback) {
				return img, err
			}
		}
	}
	img, err = decodeFull(data, format)
	if err != nil {
		return nil, fmt.Errorf("%w: decoding %s: %v", ErrDamaged, format, err)
	}
	return img, nil
}

// dimensions reads the pixel size from the header alone.
func dimensions(data []byte, format Format) (int, int, error) {
	var cfg image.Config
	var err error
	r := bytes.NewReader(data)
	switch format {
	case FormatJPEG:
		cfg, err = jpeg.DecodeConfig(r)
	case FormatPNG:
		cfg, err = png.DecodeConfig(r)
	case FormatGIF:
		cfg, err = gif.DecodeConfig(r)
	case FormatWebP:
		cfg, err = webp.DecodeConfig(r)
	case FormatTIFF:
		cfg, err = tiff.DecodeConfig(r)
	case FormatHEIC:
		cfg, err = heic.DecodeConfig(r)
	default:
		return 0, 0, ErrUnsupported
	}
	if err != nil {
		return 0, 0, fmt.Errorf("%w: reading %s header: %v", ErrDamaged, format, err)
	}
	return cfg.Width, cfg.Height, nil
}

func decodeFull(data []byte, format Format) (image.Image, error) {
	r := bytes.NewReader(data)
	switch format {
	case FormatJPEG:
		return jpeg.Decode(r)
	case FormatPNG:
		return png.Decode(r)
	case FormatGIF:
		return gif.Decode(r)
	case FormatWebP:
		return webp.Decode(r)
	case FormatTIFF:
		return tiff.Decode(r)
	case FormatHEIC:
		return heic.Decode(r)
	}
	return nil, ErrUnsupported
}

// jpegScale picks the DCT scale (pixels per 8×8 block side: 1, 2, 4 or 8)
// whose output's long side still reaches target, so that the resampler never
// enlarges.
func jpegScale(w, h, target int) int {
	long := max(w, h)
	for _, s := range []int{1, 2, 4} {
		if (long*s+7)/8 >= target {
			return s
		}
	}
	return 8
}
