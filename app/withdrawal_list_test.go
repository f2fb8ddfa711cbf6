package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"feedtakt/data"
)

// After an erasure the person is gone from the Personen list, yet Facebook
// is still to tick: Erledigte Widerrufe … on the Personen screen lists the
// proof record by number with the open line and leads back to its page.
func TestWithdrawalListLeadsBackAfterErasure(t *testing.T) {
	dir, id := withdrawalDir(t)
	u, _ := newTestUI(t, Config{Workspace: dir})
	u.Wait()
	ctx := context.Background()
	o, err := u.ws.Withdrawal(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	pub := o.Posts[0]
	if err := u.ws.SetRemoval(ctx, id, pub.Post.ID, pub.Channels[0].ChannelID, &data.Removal{On: u.ws.Today()}); err != nil {
		t.Fatal(err)
	}
	if _, err := u.ws.ErasePerson(ctx, id, nil); err != nil {
		t.Fatal(err)
	}
	u.shell.selectScreen(screenPeople)
	u.Wait()
	test.Tap(findButton(t, u.shell.people.content, "Erledigte Widerrufe …"))
	u.Wait()
	list := topOverlay(u)
	if out := os.Getenv("FEEDTAKT_SHOTS"); out != "" {
		// For a person to look at: the list over the Personen screen.
		f, err := os.Create(filepath.Join(out, "widerrufe-liste-1366x768.png"))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(f, u.win.Canvas().Capture())
		f.Close()
	}
	assertShows(t, list, "Erledigte Widerrufe", fmt.Sprintf("Person Nr. %d (gelöscht)", id), "gelöscht am ", "Noch abzuhaken: 1")
	assertNotShows(t, list, "Vogelsang")
	test.Tap(findButton(t, list, "Widerruf bearbeiten …"))
	u.Wait()
	page := strings.Join(visibleTexts(topOverlay(u)), " | ")
	for _, want := range []string{fmt.Sprintf("Widerruf: Person Nr. %d (gelöscht)", id), "Auf Facebook entfernt", "Noch abzuhaken: 1"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
}

// Without any withdrawal the list says so.
func TestWithdrawalListEmpty(t *testing.T) {
	u, _ := newTestUI(t, Config{Workspace: newTestWorkspaceDir(t)})
	u.Wait()
	u.showWithdrawals()
	u.Wait()
	assertShows(t, topOverlay(u), "Noch kein Widerruf erfasst.")
}
