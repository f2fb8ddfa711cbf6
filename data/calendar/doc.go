// Package calendar holds the date rules behind the Redaktionsplan: civil
// dates without a time zone, the public holidays of the 16 Länder, action
// days ("Aktionstage") read from an editable text list, weekly and monthly
// series, ISO weeks (KW) for Monday-first month views, quiet periods, and
// turning a planned wall-clock time into an instant across daylight-saving
// changes.
//
// Everything here is pure computation: no database, no UI, no clock. Messages
// meant for the user are in German.
package calendar
