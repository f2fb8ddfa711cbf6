// Package actiondays ships the default list of action days (Aktionstage)
// that the Redaktionsplan shows as reasons to post. The press officer edits
// a copy in the workspace; the format is described at the top of the file
// and read by calendar.ParseActionDays.
package actiondays

import _ "embed"

// Default is the shipped list, aktionstage.txt, as UTF-8 text.
//
//go:embed aktionstage.txt
var Default []byte
