package data

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Bad input and faults at the level of a whole import (data.ImportFiles),
// the way the window and "feedtakt import" run it. The readers' own bad
// input (zero bytes, truncated, 50,000² pixels, damaged HEIC, odd EXIF) is
// tested in data/mediainfo and data/thumbs; here it is what comes out of
// an import: rows, files and the reason per file.

// testPicture encodes a small picture whose pixels are noise from seed, so
// every seed is distinct content. format is "jpeg" or "png".
func testPicture(t testing.TB, format string, seed int, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			v := rng.Uint32()
			img.Set(x, y, color.RGBA{uint8(v), uint8(v >> 8), uint8(v >> 16), 255})
		}
	}
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 80})
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeFile(t testing.TB, p string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkStoreConsistent says whether every row has its file and every file
// in media/ its row: after the sweep at open and a scan, nothing may be
// missing, adopted (a file no row knew) or moved to the Papierkorb.
func checkStoreConsistent(t *testing.T, ws *Workspace, when string) {
	t.Helper()
	scan, err := ws.ScanMedia(context.Background(), nil)
	if err != nil {
		t.Fatalf("%s: scan: %v", when, err)
	}
	if len(scan.Missing)+len(scan.Changed)+len(scan.Adopted)+len(scan.Trashed)+len(scan.Recovered) != 0 {
		t.Fatalf("%s: rows and files disagree: missing %d, changed %d, adopted %d, trashed %d, recovered %d",
			when, len(scan.Missing), len(scan.Changed), len(scan.Adopted), len(scan.Trashed), len(scan.Recovered))
	}
	if files, rows := mediaFileCount(t, ws), mediaRowCount(t, ws); files != rows {
		t.Fatalf("%s: %d files in media/ for %d rows", when, files, rows)
	}
	if left := stagingLeft(t, ws); len(left) != 0 {
		t.Fatalf("%s: staging not empty: %v", when, left)
	}
}

// Names that trouble Windows or old tools are only names: the file is
// stored by its content, the name is kept as the original name, and
// content decides the kind (a PNG named .jpg).
func TestImportFilesAwkwardNames(t *testing.T) {
	ws := newTestWorkspace(t)
	src := t.TempDir()
	// A path of some 300 characters: over Windows' old MAX_PATH of 260.
	deep := src
	for len(deep) < 300 {
		deep = filepath.Join(deep, "Öffentlichkeitsarbeit Unterordner")
	}
	names := []string{
		"Übergabe Bürgerbüro Straße.jpg",
		"Sommerfest 🎉🌞.jpg",
		"CON.jpg",
		"aux.png",
		"NUL",
		"png-als.jpg",
		"jpeg-als.png",
		filepath.Join(deep, "tief verschachtelt.jpg"),
	}
	var paths []string
	for i, n := range names {
		format := "jpeg"
		if n == "aux.png" || n == "png-als.jpg" {
			format = "png"
		}
		p := n
		if !filepath.IsAbs(p) {
			p = filepath.Join(src, n)
		}
		writeFile(t, p, testPicture(t, format, i, 24, 16))
		paths = append(paths, p)
	}
	if len(paths[len(paths)-1]) <= 260 {
		t.Fatalf("test path only %d characters", len(paths[len(paths)-1]))
	}
	res, err := ws.ImportFiles(context.Background(), paths, ImportFilesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed != 0 || res.Count(ImportAdded) != len(names) {
		for _, r := range res.Results {
			t.Logf("%s: %v %v", r.Name, r.Outcome, r.Err)
		}
		t.Fatalf("added %d of %d, %d failed", res.Count(ImportAdded), len(names), res.Failed)
	}
	for i, r := range res.Results {
		if want := filepath.Base(paths[i]); r.Media.OriginalName != want {
			t.Errorf("original name %q, want %q", r.Media.OriginalName, want)
		}
		if r.Media.Kind != "image" || r.Media.Width != 24 || r.Media.Height != 16 {
			t.Errorf("%s: kind %q %d×%d", r.Name, r.Media.Kind, r.Media.Width, r.Media.Height)
		}
		// The stored name is the hash with the extension of the content.
		base := filepath.Base(r.Media.Path)
		if !strings.HasPrefix(base, r.Media.Hash) {
			t.Errorf("%s stored as %s", r.Name, r.Media.Path)
		}
	}
	byName := map[string]Media{}
	for _, r := range res.Results {
		byName[r.Name] = r.Media
	}
	if p := byName["png-als.jpg"].Path; filepath.Ext(p) != ".png" {
		t.Errorf("a PNG named .jpg stored as %s", p)
	}
	if p := byName["jpeg-als.png"].Path; filepath.Ext(p) != ".jpg" {
		t.Errorf("a JPEG named .png stored as %s", p)
	}
	// Search finds them by their awkward names.
	for _, q := range []string{"Bürgerbüro", "Sommerfest", "tief"} {
		page, err := ws.ListMedia(context.Background(), MediaQuery{Text: q})
		if err != nil || len(page.Items) != 1 {
			t.Errorf("search %q: %d items, %v", q, len(page.Items), err)
		}
	}
	checkStoreConsistent(t, ws, "after import")
}

// A folder of 5,000 files in sub-folders comes in whole, with one result
// per file, and stays quick. Under the race detector (ten times slower)
// it takes 1,000; "make test" also runs it without, at 5,000.
func TestImportFilesFolderOf5000(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000 files")
	}
	ws := newTestWorkspace(t)
	src := t.TempDir()
	n := 5000
	if raceEnabled {
		n = 1000
	}
	pic := testPicture(t, "png", 1, 8, 8)
	for i := 0; i < n; i++ {
		// Same picture, a different trailing chunk-free byte run: PNG
		// decoders ignore data after IEND, so each file is distinct
		// content and still a valid picture.
		b := append(append([]byte(nil), pic...), []byte(fmt.Sprintf("%08d", i))...)
		writeFile(t, filepath.Join(src, fmt.Sprintf("Ordner %02d", i/100), fmt.Sprintf("Unter %d", i%7), fmt.Sprintf("Bild %04d.png", i)), b)
	}
	// A system file and a hidden file are left out, not reported.
	writeFile(t, filepath.Join(src, "Ordner 00", "Thumbs.db"), []byte("x"))
	writeFile(t, filepath.Join(src, ".versteckt.png"), pic)
	start := time.Now()
	progressCalls := 0
	res, err := ws.ImportFiles(context.Background(), []string{src}, ImportFilesOptions{
		Progress: func(done, total int, _ string) {
			progressCalls++
			if total != n {
				t.Errorf("progress total %d", total)
			}
		},
	})
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if res.Count(ImportAdded) != n || res.Failed != 0 || len(res.Results) != n {
		t.Fatalf("added %d, failed %d, results %d", res.Count(ImportAdded), res.Failed, len(res.Results))
	}
	if got := mediaRowCount(t, ws); got != n {
		t.Fatalf("%d rows", got)
	}
	if progressCalls < n {
		t.Errorf("progress told %d times for %d files", progressCalls, n)
	}
	t.Logf("%d files imported in %v (%.0f files/s)", n, took, float64(n)/took.Seconds())
	checkStoreConsistent(t, ws, "after import")
}

// A link loop in a folder ends, and every file comes in once.
func TestImportFilesSymlinkLoop(t *testing.T) {
	ws := newTestWorkspace(t)
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "a", "eins.jpg"), testPicture(t, "jpeg", 1, 8, 8))
	writeFile(t, filepath.Join(src, "a", "b", "zwei.jpg"), testPicture(t, "jpeg", 2, 8, 8))
	if err := os.Symlink(filepath.Join(src, "a"), filepath.Join(src, "a", "b", "zurück")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink(filepath.Join(src, "a", "b", "zwei.jpg"), filepath.Join(src, "a", "Verknüpfung.jpg")); err != nil {
		t.Fatal(err)
	}
	done := make(chan FileImport, 1)
	go func() {
		res, err := ws.ImportFiles(context.Background(), []string{src}, ImportFilesOptions{})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	var res FileImport
	select {
	case res = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("import of a folder with a link loop did not end")
	}
	if res.Count(ImportAdded) != 2 || res.Failed != 0 {
		t.Fatalf("added %d, failed %d of %d", res.Count(ImportAdded), res.Failed, len(res.Results))
	}
	// The link to a file already taken is the same content: "already there".
	if res.Count(ImportExisting) != len(res.Results)-2 {
		t.Errorf("results: %+v", res.Results)
	}
}

// The same files dropped twice at once (two imports racing) are stored
// once: one import adds each, the other finds it there.
func TestImportFilesSameFilesTwiceAtOnce(t *testing.T) {
	ws := newTestWorkspace(t)
	src := t.TempDir()
	const n = 40
	for i := 0; i < n; i++ {
		writeFile(t, filepath.Join(src, fmt.Sprintf("Foto %02d.jpg", i)), testPicture(t, "jpeg", i, 32, 32))
	}
	var wg sync.WaitGroup
	results := make([]FileImport, 2)
	for k := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := ws.ImportFiles(context.Background(), []string{src}, ImportFilesOptions{})
			if err != nil {
				t.Error(err)
			}
			results[k] = res
		}()
	}
	wg.Wait()
	added := results[0].Count(ImportAdded) + results[1].Count(ImportAdded)
	existing := results[0].Count(ImportExisting) + results[1].Count(ImportExisting)
	if added != n || existing != n {
		t.Errorf("added %d and already there %d over both imports, want %d each", added, existing, n)
	}
	if got := mediaRowCount(t, ws); got != n {
		t.Errorf("%d rows for %d files", got, n)
	}
	checkStoreConsistent(t, ws, "after two imports")
}

// A disk that fills up during an import stops it with the full-disk
// sentence; what was stored before stays, nothing is half stored, the
// counts are right, and after freeing space the same import completes.
func TestImportFilesDiskFull(t *testing.T) {
	mnt := mountTmpfs(t, "4m")
	ctx := context.Background()
	ws, err := Create(ctx, filepath.Join(mnt, "Feedtakt"), Initial{Settings: Settings{Land: "NI"}}, Options{Actor: testActor})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	src := t.TempDir() // on the ordinary disk
	const n = 30
	var paths []string
	for i := 0; i < n; i++ {
		p := filepath.Join(src, fmt.Sprintf("Foto %02d.png", i))
		// Noise does not compress: about 190 KB each, 5.7 MB in all.
		writeFile(t, p, testPicture(t, "png", i, 256, 256))
		paths = append(paths, p)
	}
	res, err := ws.ImportFiles(ctx, paths, ImportFilesOptions{})
	if err == nil {
		t.Fatalf("an import of 5.7 MB into 4 MB succeeded: %d added", res.Count(ImportAdded))
	}
	if e := Explain(err); !strings.Contains(e.Key, "disk is full") {
		t.Errorf("error %v explained as %q", err, e.Key)
	}
	stored := mediaRowCount(t, ws)
	if stored >= n {
		t.Fatalf("%d rows after a failed import of %d", stored, n)
	}
	// Everything counted as added is a row with its file; nothing else.
	ws = reopen(t, ws)
	checkStoreConsistent(t, ws, "after the disk filled up")
	if got := mediaRowCount(t, ws); got != stored {
		t.Errorf("%d rows after reopening, %d before", got, stored)
	}
	if err := ws.checkIntegrity(ctx); err != nil {
		t.Fatalf("database damaged: %v", err)
	}
	// Give the disk room and import the same files again: the rest comes
	// in, the earlier ones are "already there".
	if out, err := exec.Command("mount", "-o", "remount,size=32m", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount: %v %s", err, out)
	}
	res, err = ws.ImportFiles(ctx, paths, ImportFilesOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Count(ImportExisting) != stored || res.Count(ImportAdded) != n-stored {
		t.Errorf("second try: %d added, %d already there; %d were stored before", res.Count(ImportAdded), res.Count(ImportExisting), stored)
	}
	checkStoreConsistent(t, ws, "after the second try")
}
