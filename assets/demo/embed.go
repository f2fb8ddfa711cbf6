// Package demoassets embeds the content of the demo workspace: a fictional
// state office for monument protection with its channels, topics, pictures
// and about forty posts. Package feedtakt/data/demo parses and validates it.
package demoassets

import _ "embed"

// JSON is demo.json: the demo workspace content, UTF-8, in the schema that
// demo.Load reads.
//
//go:embed demo.json
var JSON []byte
