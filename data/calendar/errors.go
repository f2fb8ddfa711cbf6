package calendar

import "fmt"

// InputError is a problem with what the user entered or chose, worded in
// German so the UI can show Error() unchanged. Err, when set, is a sentinel
// such as ErrYearOutOfRange for errors.Is.
type InputError struct {
	Msg string
	Err error
}

// Error returns the German message.
func (e *InputError) Error() string { return e.Msg }

// Unwrap returns the sentinel, if any.
func (e *InputError) Unwrap() error { return e.Err }

func inputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}
