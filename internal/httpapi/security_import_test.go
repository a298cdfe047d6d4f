package httpapi_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"wenming/internal/store"
	"wenming/internal/store/storetest"
)

// inflate rewrites a workbook so that its first worksheet unzips to more
// than size bytes (padding whitespace, harmless to an XML reader) while the
// file itself stays small: the shape of a zip bomb.
func inflate(t *testing.T, book []byte, size int) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			i := bytes.LastIndex(b, []byte("</worksheet>"))
			b = append(b[:i:i], append(bytes.Repeat([]byte(" "), size), b[i:]...)...)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// Defect 7: a small upload that unzips to a huge workbook is refused
// before it is read.
func TestImportRefusesZipBomb(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t, store.SQLite)
	f := newFixture(t, db)
	c := f.login("a_staff")
	good := []any{"imp_bomb", "炸弹", "", "甲单位", "督查员", "本单位", "", "Import-Pass-2026"}
	bomb := inflate(t, workbook(t, "人员", [][]any{peopleHeader, good}), 80<<20)
	if len(bomb) > 1<<20 {
		t.Fatalf("bomb is %d bytes; it should be small", len(bomb))
	}
	res := c.upload("/api/v1/people/import", "人员.xlsx", bomb).want(400)
	if e := res.apiError(); e.Error.Field != "file" || !hasChinese(e.Error.Message) {
		t.Fatalf("got %s", res.body)
	}
	if n, _ := db.Read().Count(t.Context(), `SELECT COUNT(*) FROM users WHERE username = 'imp_bomb'`); n != 0 {
		t.Fatal("the zip bomb was imported")
	}
	// A workbook of ordinary size still imports.
	c.upload("/api/v1/people/import", "人员.xlsx", inflate(t, workbook(t, "人员", [][]any{peopleHeader, good}), 1<<20)).want(200)
}

// Defect 8: a row whose statement fails (here a conflict with a unique
// index) is reported as that row's problem, and the rows after it are still
// checked; on PostgreSQL the failed statement no longer poisons the
// transaction into an internal error.
func TestImportRowFailureDoesNotAbortTheImport(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		ctx := context.Background()
		if err := db.Write(ctx, func(c *store.Conn) error {
			for _, q := range []string{
				`CREATE UNIQUE INDEX test_users_lower ON users (lower(username))`,
				`CREATE UNIQUE INDEX test_regions_name ON regions (name)`,
				`CREATE UNIQUE INDEX test_units_sort ON units (sort_key)`,
			} {
				if _, err := c.Exec(ctx, q); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		c := f.login("county_staff")
		before := countRows(t, db)
		check := func(what string, res *response, row int, col string) {
			t.Helper()
			res.want(422)
			d := res.apiError().Error.Details
			if len(d) != 2 || d[0].Row != row || d[0].Column != col || d[1].Row != row+1 {
				t.Fatalf("%s: want a conflict on row %d column %s and the bad row after it: %s", what, row, col, res.body)
			}
		}
		// People: "A_Member" is new to the exact lookup but clashes with
		// a_member in the index; the next row names a missing unit.
		check("people", c.upload("/api/v1/people/import", "人员.xlsx", workbook(t, "人员", [][]any{peopleHeader,
			{"A_Member", "大写", "", "甲单位", "督查员", "", "", "Import-Pass-2026"},
			{"imp_after", "其后", "", "不存在的单位", "督查员", "", "", "Import-Pass-2026"},
		})), 2, "A")
		// Regions: a new code under a name already taken.
		check("regions", c.upload("/api/v1/regions/import", "区划.xlsx", workbook(t, "区划", [][]any{{"*区划代码", "*名称", "拼音排序键"},
			{"620422102", "会师镇", ""},
			{"620422103", "", ""},
		})), 2, "A")
		// Units: a new unit whose sort key is already taken.
		var sortKey string
		if err := db.Read().QueryRow(ctx, `SELECT sort_key FROM units WHERE id = ?`, f.unitA).Scan(&sortKey); err != nil {
			t.Fatal(err)
		}
		check("units", c.upload("/api/v1/units/import", "单位.xlsx", workbook(t, "单位", [][]any{{"*单位名称", "*类型", "*分类", "上级单位", "所属区划代码", "拼音排序键"},
			{"撞键单位", "部门单位", "B", "", "620422100", sortKey},
			{"其后单位", "国王", "B", "", "620422100", ""},
		})), 2, "A")
		if after := countRows(t, db); after != before {
			t.Fatalf("refused imports changed the database: %s → %s", before, after)
		}
	})
}

// Defect 9: control characters in an imported cell are refused with the
// cell named, not stored (or, on PostgreSQL, turned into an internal error).
func TestImportRefusesControlCharacters(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login("a_staff")
		book := workbook(t, "人员", [][]any{peopleHeader, {"imp_nul", "空字符", "", "甲单位", "督查员", "", "", "Import-Pass-2026"}})
		// Excel writes a control character as _xHHHH_; the reader decodes it.
		book = rezip(t, book, "空字符", "空_x0000_字符")
		res := c.upload("/api/v1/people/import", "人员.xlsx", book).want(422)
		d := res.apiError().Error.Details
		if len(d) != 1 || d[0].Row != 2 || d[0].Column != "B" || !strings.Contains(d[0].Reason, "控制字符") {
			t.Fatalf("got %s", res.body)
		}
	})
}

// rezip replaces text inside the parts of a workbook.
func rezip(t *testing.T, book []byte, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		w, _ := zw.Create(f.Name)
		w.Write(bytes.ReplaceAll(b, []byte(old), []byte(new)))
	}
	zw.Close()
	return out.Bytes()
}
