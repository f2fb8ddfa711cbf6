package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestConsentFormTextDefaultsSaveAndRefuse(t *testing.T) {
	ctx := context.Background()
	ws := newTestWorkspace(t)
	got, err := ws.ConsentFormText(ctx)
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultConsentFormText()
	if got != def || !strings.Contains(def.Withdrawal, "widerrufen") || !strings.Contains(def.GuardianIntro, "Erziehungsberechtigte") {
		t.Fatalf("a new workspace reads %+v", got)
	}
	// She rewrites the withdrawal notice and empties the closing: the
	// closing prints the default again.
	edit := def
	edit.Withdrawal = "  Widerruf jederzeit an presse@stadt.example.\r\nOhne Nachteile.  "
	edit.Closing = ""
	if err := ws.SaveConsentFormText(ctx, edit); err != nil {
		t.Fatal(err)
	}
	got, err = ws.ConsentFormText(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Withdrawal != "Widerruf jederzeit an presse@stadt.example.\nOhne Nachteile." || got.Closing != def.Closing || got.Intro != def.Intro {
		t.Errorf("read back %+v", got)
	}
	for name, bad := range map[string]ConsentFormText{
		"too long": {Intro: strings.Repeat("x", maxConsentFormText+1)},
		"control":  {Title: "Einwilligung\x07"},
	} {
		var inv *InvalidError
		if err := ws.SaveConsentFormText(ctx, bad); !errors.As(err, &inv) || inv.Field != "consentform" {
			t.Errorf("%s: err %v, want an InvalidError for consentform", name, err)
		}
	}
	if again, _ := ws.ConsentFormText(ctx); again != got {
		t.Errorf("a refused save changed the text: %+v", again)
	}
}
