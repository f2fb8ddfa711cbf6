package exchange

import (
	"context"
	"slices"
	"strings"

	"feedtakt/data"
)

// The final texts of the handover report: what the person covering
// copies into the platforms, for every approved post of the period and
// every post still waiting for sign-off, with its pictures named.

// reportTexts is what the texts section needs, read with the report.
type reportTexts struct {
	rc    data.RenderContext
	media map[int64][]data.Media
}

func loadReportTexts(ctx context.Context, ws *data.Workspace, posts []data.Post) (reportTexts, error) {
	rc, err := ws.RenderContext(ctx)
	if err != nil {
		return reportTexts{}, err
	}
	t := reportTexts{rc: rc, media: map[int64][]data.Media{}}
	for _, p := range posts {
		if !textsShown(p) {
			continue
		}
		if t.media[p.ID], err = ws.PostMedia(ctx, p.ID); err != nil {
			return reportTexts{}, err
		}
	}
	return t, nil
}

// textsShown reports the posts whose texts the report prints.
func textsShown(p data.Post) bool {
	return p.Status == data.StatusApproved || p.Status == data.StatusReview
}

// textsSection prints, post by post, the final text per channel (one
// text for all channels where they agree), the pictures with their
// Bildbeschreibung and the credit line.
func (d *reportDoc) textsSection() {
	d.heading("Fertige Texte zum Veröffentlichen")
	d.text("Für freigegebene Beiträge und solche, die noch auf Freigabe warten: der Text so, wie er veröffentlicht wird, "+
		"je Kanal. Die Bilder liegen im Arbeitsbereich im Ordner „media“; der Bildnachweis gehört unter den Beitrag.", 0, "", 60)
	n := 0
	for _, p := range d.r.plan.posts {
		if !textsShown(p) {
			continue
		}
		n++
		d.postTexts(p)
	}
	if n == 0 {
		d.none("Im Zeitraum ist noch kein Beitrag freigegeben oder zur Freigabe gegeben.")
	}
}

func (d *reportDoc) postTexts(p data.Post) {
	d.subheading(reportWhen(p) + " · " + p.Title)
	if p.Status == data.StatusReview {
		d.holdText("Wartet noch auf Freigabe – erst nach der Freigabe veröffentlichen.", 90)
	}
	media := d.r.texts.media[p.ID]
	finals := d.r.texts.rc.Finals(p, media)
	// Channels with the same text share it: "Instagram, Facebook".
	var texts, labels []string
	for _, f := range finals {
		if i := slices.Index(texts, f.Text); i >= 0 {
			labels[i] += ", " + f.Channel.Name
			continue
		}
		texts = append(texts, f.Text)
		labels = append(labels, f.Channel.Name)
	}
	for i, text := range texts {
		if strings.TrimSpace(text) == "" {
			text = "(kein Text)"
		}
		d.longItem(labels[i], text)
	}
	if len(finals) == 0 {
		d.longItem("Text", "(kein Kanal gewählt) "+p.Caption)
	}
	for _, m := range media {
		name := m.Title
		if name == "" {
			name = m.OriginalName
		}
		alt := "Bildbeschreibung fehlt"
		if a := strings.TrimSpace(m.AltText); a != "" {
			alt = "Bildbeschreibung: " + a
		}
		d.item("Bild", 30, name+" ("+m.OriginalName+") · "+alt, 70)
	}
	if c := data.CreditLine(media); c != "" {
		d.item("Bildnachweis", 30, c, 70)
	}
	if p.Link != "" {
		d.item("Link", 30, p.Link, 70)
	}
}

// longItem is an item whose text may run over pages (a final text is
// never cut): the label beside its first line.
func (d *reportDoc) longItem(label, text string) {
	f := d.f
	d.font("B", 9.5, 0)
	wide := f.GetStringWidth(label) > 28.5
	if wide {
		d.room(3 * repLineH)
	} else {
		d.room(2 * repLineH)
	}
	d.font("B", 9.5, 0)
	f.SetXY(repMargin, f.GetY())
	if wide {
		// Several channels: their names on a line of their own.
		f.CellFormat(repTextW, repLineH, d.fit(label+":", repTextW), "", 2, "L", false, 0, "")
	} else {
		f.CellFormat(28.5, repLineH, d.fit(label, 28.5), "", 0, "L", false, 0, "")
	}
	d.text(text, 30, "", 0)
	f.SetY(f.GetY() + 1)
}
