// Command feedtakt is the Feedtakt desktop app, and with a command word
// (demo, check, backup) its command line for support and automation.
package main

import (
	// First, before Fyne's packages are initialised: see package quiet.
	_ "feedtakt/app/cli/quiet"

	_ "embed"
	"flag"
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"feedtakt/app"
	"feedtakt/app/cli"
	"feedtakt/data"
	"feedtakt/data/bundle"
)

// fyneAppToml holds the app's version; handover bundles name it.
//
//go:embed FyneApp.toml
var fyneAppToml string

// appID is the Fyne application ID; it also names the preferences folder.
const appID = "de.feedtakt.app"

func main() {
	bundle.AppVersion = bundle.VersionFromToml(fyneAppToml)
	args := os.Args[1:]
	if cli.IsCommand(args) {
		cli.AttachConsole()
		os.Exit(cli.Run(args, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Lang: cli.Language(), Actor: data.CurrentActor()}))
	}

	fs := flag.NewFlagSet("feedtakt", flag.ContinueOnError)
	workspace := fs.String("workspace", "", "open the workspace in this folder")
	demo := fs.Bool("demo", false, "open the demo workspace (made on first use)")
	language := fs.String("lang", "", "UI language: de or en")
	if err := fs.Parse(args); err != nil {
		os.Exit(2)
	}
	if *language != "" && *language != "de" && *language != "en" {
		fmt.Fprintln(os.Stderr, "--lang: de oder en")
		os.Exit(2)
	}
	a := fyneapp.NewWithID(appID)
	app.Run(a, app.Config{Workspace: *workspace, Demo: *demo, Lang: *language})
}
