package data

import (
	"context"
	"database/sql"
)

// eachRow runs query with arg (nil for a query without one) and calls fn
// for every row.
func eachRow(ctx context.Context, q queryer, query string, arg any, fn func(*sql.Rows) error) error {
	var args []any
	if arg != nil { // nil: a query without a parameter
		args = []any{arg}
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// queryColumn runs a query of one column and returns its values in order.
func queryColumn[T any](ctx context.Context, q queryer, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
