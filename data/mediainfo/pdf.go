package mediainfo

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
)

// PDF page counting reads the file in bounded windows and looks for the
// root of the page tree: a /Type /Pages dictionary without /Parent. Its
// /Count is the number of pages; the last one in the file wins, since
// incremental updates append newer versions. Object streams (PDF 1.5+,
// where these dictionaries usually hide) are inflated under a cap.
//
// A full PDF reader (pdfcpu) would follow the cross-reference table
// instead; it is much larger and parses far more than a count needs, and
// a count that is occasionally unknown costs nothing.
const (
	maxPDFScan     = 256 << 20 // bytes of a PDF scanned for the page tree
	maxPDFInflate  = 16 << 20  // bytes inflated from object streams, in total
	maxPDFStreams  = 4096      // object streams inflated
	maxPDFDict     = 64 << 10  // bytes of one page tree dictionary
	maxPDFDictScan = 32 << 20  // bytes looked at around candidates, in total
)

var (
	pdfCount   = regexp.MustCompile(`/Count\s+(\d{1,9})`)
	pdfTypeEnd = regexp.MustCompile(`/Type\s*$`)
)

// readPDF sets info.Pages; 0 when the page tree was not found (encrypted
// object streams, an unusual writer). Never an error: a PDF's page count
// is a convenience, the document imports either way.
func readPDF(rd *reader, info *Info) {
	const window = 1 << 20
	var p pdfScan
	limit := min(rd.size, maxPDFScan)
	for off := int64(0); off < limit; off += window - 8192 {
		// Windows overlap so a dictionary on a boundary is seen whole.
		b := rd.upTo(off, window)
		p.pages(b)
		for i := 0; p.streams < maxPDFStreams && p.inflated < maxPDFInflate; {
			j := bytes.Index(b[i:], []byte("/ObjStm"))
			if j < 0 {
				break
			}
			i += j + 7
			p.objStm(rd, off+int64(i))
		}
		if int64(len(b)) < window {
			break
		}
	}
	info.Pages = p.count
}

type pdfScan struct {
	count    int
	inflated int64
	streams  int
	budget   int64
}

// pages finds /Type /Pages dictionaries without /Parent in b. Each
// candidate costs a look back for its "<<" and forward for its ">>";
// these are charged to a budget so a file made of nothing but "/Pages"
// costs linear time, not quadratic.
func (p *pdfScan) pages(b []byte) {
	for i := 0; p.budget < maxPDFDictScan; {
		j := bytes.Index(b[i:], []byte("/Pages"))
		if j < 0 {
			return
		}
		at := i + j
		i = at + 6
		if i < len(b) && isPDFRegular(b[i]) {
			continue // "/PagesX", another name
		}
		if !pdfTypeEnd.Match(b[max(0, at-16):at]) {
			continue // /Pages as a key (/Root's catalogue), not a type
		}
		from := max(0, at-maxPDFDict)
		s := bytes.LastIndex(b[from:at], []byte("<<"))
		p.budget += int64(at - from)
		if s < 0 {
			continue
		}
		s += from
		e := dictEnd(b, s, maxPDFDict)
		p.budget += int64(min(len(b), s+maxPDFDict) - s)
		if e < 0 {
			continue
		}
		dict := b[s:e]
		if bytes.Contains(dict, []byte("/Parent")) {
			continue
		}
		if c := pdfCount.FindSubmatch(dict); c != nil {
			if n, err := strconv.Atoi(string(c[1])); err == nil {
				p.count = n
			}
		}
	}
}

// dictEnd returns the end of the dictionary opening at s (its matching
// ">>", nested dictionaries counted), or -1 when it is not closed within
// limit bytes.
func dictEnd(b []byte, s, limit int) int {
	depth := 0
	end := min(len(b), s+limit)
	for k := s; k+1 < end; k++ {
		switch {
		case b[k] == '<' && b[k+1] == '<':
			depth++
			k++
		case b[k] == '>' && b[k+1] == '>':
			depth--
			k++
			if depth == 0 {
				return k + 1
			}
		}
	}
	return -1
}

// objStm inflates the object stream whose dictionary continues at off and
// scans it.
func (p *pdfScan) objStm(rd *reader, off int64) {
	head := rd.upTo(off, 4096)
	i := bytes.Index(head, []byte("stream"))
	if i < 0 || !bytes.Contains(head[:i], []byte("/FlateDecode")) {
		return
	}
	start := off + int64(i) + 6
	for _, c := range rd.upTo(start, 2) {
		if c != '\r' && c != '\n' {
			break
		}
		start++
	}
	if start >= rd.size {
		return
	}
	p.streams++
	z, err := zlib.NewReader(bufio.NewReader(io.NewSectionReader(rd.r, start, rd.size-start)))
	if err != nil {
		return
	}
	defer z.Close()
	out, _ := io.ReadAll(io.LimitReader(z, maxPDFInflate-p.inflated))
	p.inflated += int64(len(out))
	p.pages(out)
}

// isPDFRegular reports whether c continues a PDF name.
func isPDFRegular(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '\f', 0, '/', '<', '>', '[', ']', '(', ')', '{', '}', '%':
		return false
	}
	return true
}
