package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"

	"feedtakt/data"
	"feedtakt/data/calendar"
	"feedtakt/data/fsx"
)

// ErrBadPDF marks a PDF that did not pass the check after writing.
var ErrBadPDF = errors.New("the written PDF is not complete")

var (
	pdfPageObject = regexp.MustCompile(`/Type /Page\b`)
	pdfPageCount  = regexp.MustCompile(`/Type /Pages\s*/Kids \[[^\]]*\]\s*/Count (\d+)`)
)

// PDFPages checks that b is a whole PDF (header, end marker, a page tree
// whose count matches its pages) and returns its number of pages.
func PDFPages(b []byte) (int, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return 0, fmt.Errorf("%w: no PDF header", ErrBadPDF)
	}
	if !bytes.HasSuffix(bytes.TrimRight(b, "\r\n "), []byte("%%EOF")) {
		return 0, fmt.Errorf("%w: no end marker", ErrBadPDF)
	}
	n := len(pdfPageObject.FindAll(b, -1))
	m := pdfPageCount.FindSubmatch(b)
	if n == 0 || m == nil {
		return 0, fmt.Errorf("%w: no pages", ErrBadPDF)
	}
	if c, _ := strconv.Atoi(string(m[1])); c != n {
		return 0, fmt.Errorf("%w: %d pages announced, %d found", ErrBadPDF, c, n)
	}
	return n, nil
}

// WriteHandoverReportFile writes the handover report to the file at path
// and returns its summary and number of pages. The PDF is checked before
// it is written, goes to path+".part", is synced and renamed over path
// only when complete (fsx.Create), and is read back and compared after;
// an existing file at path stays whole when anything fails before the
// rename. A failure of the file itself wraps ErrWriteFile.
func WriteHandoverReportFile(ctx context.Context, ws *data.Workspace, from, to calendar.Date, path string) (Summary, int, error) {
	if err := ValidateReportPeriod(from, to); err != nil {
		return Summary{}, 0, err // before any file is touched
	}
	var buf bytes.Buffer
	sum, err := WriteHandoverReport(ctx, ws, from, to, &buf)
	if err != nil {
		return sum, 0, err
	}
	pages, err := PDFPages(buf.Bytes())
	if err != nil {
		return sum, 0, err
	}
	f, err := fsx.Create(path)
	if err != nil {
		return sum, 0, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	defer f.Abort()
	if _, err := f.Write(buf.Bytes()); err != nil {
		return sum, 0, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	if err := f.Commit(); err != nil {
		return sum, 0, fmt.Errorf("%w: %w", ErrWriteFile, err)
	}
	back, err := os.ReadFile(path)
	if err != nil {
		return sum, 0, fmt.Errorf("%w: read back: %w", ErrWriteFile, err)
	}
	if !bytes.Equal(back, buf.Bytes()) {
		return sum, 0, fmt.Errorf("%w: %s differs from what was written", ErrWriteFile, path)
	}
	return sum, pages, nil
}
