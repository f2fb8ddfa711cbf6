package app

// showWithdrawal opens the withdrawal page of a person: every post and
// channel where their pictures were or will be used, the removal checklist
// and the erasure. Called after a withdrawal is recorded.
// SEAM (issue 8): a helper fills this page.
func (u *UI) showWithdrawal(personID int64) {}
