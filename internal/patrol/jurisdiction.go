package patrol

import (
	"context"

	"wenming/internal/domain"
	"wenming/internal/store"
)

// Points, their categories and everything judged at them belong to a
// jurisdiction (a region with its office). These helpers find it from what
// a record names, inside the caller's transaction.

// jurisdictionRow is one jurisdiction by its region's id and code.
type jurisdictionRow struct {
	id         int64
	code, name string
}

func jurisdictions(ctx context.Context, c *store.Conn) ([]jurisdictionRow, error) {
	rows, err := c.Query(ctx, `SELECT r.id, r.code, r.name FROM jurisdictions j JOIN regions r ON r.id = j.region_id ORDER BY r.code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []jurisdictionRow
	for rows.Next() {
		var j jurisdictionRow
		if err := rows.Scan(&j.id, &j.code, &j.name); err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// deepest is the innermost jurisdiction whose subtree holds code.
func deepest(list []jurisdictionRow, code string) (jurisdictionRow, bool) {
	var best jurisdictionRow
	found := false
	for _, j := range list {
		if domain.Within(code, j.code) && (!found || len(domain.SubtreePrefix(j.code)) > len(domain.SubtreePrefix(best.code))) {
			best, found = j, true
		}
	}
	return best, found
}

// regionJurisdiction is the jurisdiction a region lies in (0 if none).
func regionJurisdiction(ctx context.Context, c *store.Conn, regionID int64) (int64, error) {
	var code string
	if err := c.Get(ctx, "区域", `SELECT code FROM regions WHERE id = ?`, []any{regionID}, &code); err != nil {
		return 0, err
	}
	list, err := jurisdictions(ctx, c)
	if err != nil {
		return 0, err
	}
	j, _ := deepest(list, code)
	return j.id, nil
}

// unitJurisdiction is the jurisdiction a unit works in (0 if none).
func unitJurisdiction(ctx context.Context, c *store.Conn, unitID int64) (int64, error) {
	var j *int64
	if err := c.Get(ctx, "单位", `SELECT jurisdiction_id FROM units WHERE id = ?`, []any{unitID}, &j); err != nil || j == nil {
		return 0, err
	}
	return *j, nil
}

// HomeJurisdiction is the jurisdiction an actor creates things in: that of
// its unit. The program itself (the demo loader, the command line) has no
// unit of its own; it works in the deployment's one top jurisdiction.
func HomeJurisdiction(ctx context.Context, c *store.Conn, a *domain.Actor) (int64, error) {
	if a.JurisdictionID != 0 {
		return a.JurisdictionID, nil
	}
	if a.UnitID != 0 {
		if j, err := unitJurisdiction(ctx, c, a.UnitID); j != 0 || err != nil {
			return j, err
		}
	}
	tops, err := c.Int64s(ctx, `SELECT j.region_id FROM jurisdictions j JOIN regions r ON r.id = j.region_id WHERE r.parent_id IS NULL ORDER BY r.id`)
	if err != nil {
		return 0, err
	}
	if len(tops) != 1 {
		return 0, domain.Forbidden("您的账号不属于任何创城办辖区，不能进行此操作")
	}
	return tops[0], nil
}

// lineage is a jurisdiction and the ones above it, innermost first: the
// jurisdictions whose point categories it may use (a county uses its
// own and those its city sets for all).
func lineage(ctx context.Context, c *store.Conn, id int64) ([]int64, error) {
	list, err := jurisdictions(ctx, c)
	if err != nil {
		return nil, err
	}
	code := ""
	for _, j := range list {
		if j.id == id {
			code = j.code
		}
	}
	out := []int64{id}
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].id != id && code != "" && domain.Within(code, list[i].code) {
			out = append(out, list[i].id)
		}
	}
	return out, nil
}

// jurisdictionName names a jurisdiction for a message.
func jurisdictionName(ctx context.Context, c *store.Conn, id int64) string {
	var name string
	if err := c.Get(ctx, "辖区", `SELECT name FROM regions WHERE id = ?`, []any{id}, &name); err != nil {
		return "其他辖区"
	}
	return name
}

// inList writes "col IN (?, ?, …)" for ids.
func inList(col string, ids []int64) (string, []any) {
	if len(ids) == 0 {
		return "1=0", nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return col + " IN (" + store.Placeholders(len(ids)) + ")", args
}
