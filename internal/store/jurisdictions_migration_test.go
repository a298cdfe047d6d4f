package store_test

import (
	"fmt"
	"slices"
	"testing"

	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// A one-county database from before jurisdictions upgrades with its
// office's county as its one jurisdiction, and everything in it
// assigned to the county; the migration also undoes cleanly.
func TestOneCountyDatabaseUpgradesIntoItsCounty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := t.Context()
		if err := db.Rollback(ctx, 16); err != nil {
			t.Fatal(err)
		}
		var county int64
		err := db.Write(ctx, func(c *store.Conn) error {
			city, err := c.Insert(ctx, `INSERT INTO regions (code, name, level, created_at, updated_at) VALUES ('620400', '白银市', 'county', ?, ?)`, c.Now, c.Now)
			if err != nil {
				return err
			}
			county, err = c.Insert(ctx, `INSERT INTO regions (code, name, level, parent_id, created_at, updated_at) VALUES ('620422', '会宁县', 'county', ?, ?, ?)`, city, c.Now, c.Now)
			if err != nil {
				return err
			}
			office, err := c.Insert(ctx, `INSERT INTO units (name, kind, class, region_id, path, created_at, updated_at) VALUES ('县文明办', 'department', 'A', ?, '/1/', ?, ?)`, county, c.Now, c.Now)
			if err != nil {
				return err
			}
			staff, err := c.Insert(ctx, `INSERT INTO users (username, real_name, unit_id, scope_kind, scope_region_id, password_hash, created_at, updated_at) VALUES ('staff', '李娜', ?, 'region', ?, 'x', ?, ?)`, office, county, c.Now, c.Now)
			if err != nil {
				return err
			}
			for _, q := range []struct {
				sql  string
				args []any
			}{
				{`INSERT INTO user_roles (user_id, role) VALUES (?, 'office_staff')`, []any{staff}},
				{`INSERT INTO case_settings (id, min_lat, min_lng, max_lat, max_lng, updated_at) VALUES (1, 35, 104, 36, 106, ?)`, []any{c.Now}},
				{`INSERT INTO ranking_settings (id, settings, updated_at) VALUES (1, '{}', ?)`, []any{c.Now}},
				{`INSERT INTO bulletins (kind, period, title, status, content, created_at) VALUES ('month', '2026-11', '十一月通报', 'published', '{}', ?)`, []any{c.Now}},
				{`INSERT INTO plans (year, name, created_at, updated_at) VALUES (2026, '2026 年方案', ?, ?)`, []any{c.Now, c.Now}},
				{`INSERT INTO case_categories (id, code, name, kind, created_at, updated_at) VALUES (1, '01', '市容环境', 'campaign', ?, ?)`, []any{c.Now, c.Now}},
				{`INSERT INTO point_categories (id, name, created_at, updated_at) VALUES (1, '主次干道', ?, ?)`, []any{c.Now, c.Now}},
				{`INSERT INTO point_checks (category_id, seq, text, severity, case_category_id, standard_codes) VALUES (1, 1, '路面无垃圾', 'minor', 1, '')`, nil},
			} {
				if _, err := c.Exec(ctx, q.sql, q.args...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		r := db.Read()
		ids, err := r.Int64s(ctx, `SELECT j.region_id FROM jurisdictions j JOIN regions r ON r.id = j.region_id ORDER BY r.code`)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != 1 || ids[0] != county {
			t.Fatalf("jurisdictions %v, want only the office's county %d", ids, county)
		}
		for _, q := range []string{
			`SELECT jurisdiction_id FROM units`,
			`SELECT jurisdiction_id FROM case_settings`,
			`SELECT jurisdiction_id FROM ranking_settings`,
			`SELECT jurisdiction_id FROM bulletins`,
			`SELECT jurisdiction_id FROM plans`,
			`SELECT jurisdiction_id FROM point_categories`,
			`SELECT jurisdiction_id FROM case_categories`,
		} {
			got, err := r.Int64s(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0] != county {
				t.Errorf("%s = %v, want the county %d", q, got, county)
			}
		}
		// Rebuilding a category's table must not cascade into its checks.
		if n, err := r.Count(ctx, `SELECT COUNT(*) FROM point_checks`); err != nil || n != 1 {
			t.Errorf("point checks after the upgrade: %d (%v), want 1", n, err)
		}
	})
}

// Point codes are unique within a jurisdiction: two counties may both have
// a point 001. Undoing that keeps the first and puts the region code before
// the others, so the single list of old is unique again.
func TestPointCodesAreEachJurisdictionsOwn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := t.Context()
		point := func(c *store.Conn, county int64, token string) error {
			unit, err := c.Insert(ctx, `INSERT INTO units (name, kind, class, region_id, jurisdiction_id, path, created_at, updated_at) VALUES ('县住建局', 'department', 'A', ?, ?, '/', ?, ?)`, county, county, c.Now, c.Now)
			if err != nil {
				return err
			}
			category, err := c.Insert(ctx, `INSERT INTO point_categories (jurisdiction_id, name, created_at, updated_at) VALUES (?, '主次干道', ?, ?)`, county, c.Now, c.Now)
			if err != nil {
				return err
			}
			_, err = c.Exec(ctx, `INSERT INTO points (jurisdiction_id, code, name, category_id, lat, lng, unit_id, qr_token, created_at, updated_at) VALUES (?, '001', '人民路', ?, 35.7, 105.0, ?, ?, ?, ?)`,
				county, category, unit, token, c.Now, c.Now)
			return err
		}
		err := db.Write(ctx, func(c *store.Conn) error {
			for i, code := range []string{"620422", "620421"} {
				county, err := c.Insert(ctx, `INSERT INTO regions (code, name, level, created_at, updated_at) VALUES (?, ?, 'county', ?, ?)`, code, code, c.Now, c.Now)
				if err != nil {
					return err
				}
				if _, err := c.Exec(ctx, `INSERT INTO jurisdictions (region_id, created_at, updated_at) VALUES (?, ?, ?)`, county, c.Now, c.Now); err != nil {
					return err
				}
				if err := point(c, county, code+"-token"); err != nil {
					return fmt.Errorf("point %d: %w", i, err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		codes := func() []string {
			rows, err := db.Read().Query(ctx, `SELECT code FROM points ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var out []string
			for rows.Next() {
				var s string
				rows.Scan(&s)
				out = append(out, s)
			}
			return out
		}
		if got := codes(); !slices.Equal(got, []string{"001", "001"}) {
			t.Fatalf("codes %v, want 001 in each county", got)
		}
		if err := db.Rollback(ctx, 18); err != nil {
			t.Fatal(err)
		}
		if got := codes(); !slices.Equal(got, []string{"001", "620421-001"}) {
			t.Errorf("codes after undoing %v, want the second prefixed by its region code", got)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if n, err := db.Read().Count(ctx, `SELECT COUNT(*) FROM points`); err != nil || n != 2 {
			t.Errorf("%d points after migrating again (%v)", n, err)
		}
	})
}
