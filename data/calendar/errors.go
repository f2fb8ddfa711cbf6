package calendar

import (
	"strings"
	"text/template"

	"feedtakt/assets"
)

// Message is a sentence for a person: Key is an English sentence that is
// also the translation key (assets/lang/*.json), Args fill its {{.Name}}
// fields. The package words nothing in a UI language itself; the app shows
// lang.L(Key, Args), exports and the command line assets.Text.
type Message struct {
	Key  string
	Args map[string]any
}

// Text translates m into language ("de" or "en") with the same files the
// UI reads: Messages among the Args (a weekday, an ordinal) are translated
// first. For exports and the command line, which have no Fyne.
func (m Message) Text(language string) string {
	return assets.Text(language, m.Key, resolveArgs(m.Args, func(n Message) string { return n.Text(language) }))
}

// ResolveArgs returns args with every Message value replaced by tr(value),
// so that a sentence can hold translated parts; args is not changed.
func ResolveArgs(args map[string]any, tr func(Message) string) map[string]any {
	return resolveArgs(args, tr)
}

func resolveArgs(args map[string]any, tr func(Message) string) map[string]any {
	var out map[string]any
	for k, v := range args {
		if n, ok := v.(Message); ok {
			if out == nil {
				out = make(map[string]any, len(args))
				for k2, v2 := range args {
					out[k2] = v2
				}
			}
			out[k] = tr(n)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// IsZero reports whether m carries no sentence.
func (m Message) IsZero() bool { return m.Key == "" }

// String fills the English key with its arguments, for logs and tests.
func (m Message) String() string {
	if !strings.Contains(m.Key, "{{") {
		return m.Key
	}
	t, err := template.New("").Parse(m.Key)
	if err != nil {
		return m.Key
	}
	var b strings.Builder
	if err := t.Execute(&b, m.Args); err != nil {
		return m.Key
	}
	return b.String()
}

// InputError is a problem with what the user entered or chose. Key and
// Args are the sentence (see Message); Err, when set, is a sentinel such as
// ErrYearOutOfRange for errors.Is.
type InputError struct {
	Key  string
	Args map[string]any
	Err  error
}

// Error returns the English sentence with its arguments filled in.
func (e *InputError) Error() string { return e.Message().String() }

// Message returns the sentence to translate.
func (e *InputError) Message() Message { return Message{Key: e.Key, Args: e.Args} }

// Unwrap returns the sentinel, if any.
func (e *InputError) Unwrap() error { return e.Err }
