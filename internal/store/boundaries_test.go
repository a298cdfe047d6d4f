package store_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"wenming/internal/store"
)

// owners names the area that owns each table: its service alone writes the
// table and, but for the directory below, alone reads it; another area asks
// it through a method.
var owners = map[string]string{
	"regions": "org", "jurisdictions": "org", "units": "org", "users": "org", "user_roles": "org",
	"sessions": "auth", "api_tokens": "auth", "login_failures": "auth",
	"audit_log": "audit", "messages": "message", "files": "files", "sequences": "store",
	"frameworks": "framework", "framework_nodes": "framework", "standards": "framework", "standard_units": "framework",
	"negative_items": "framework", "target_reports": "framework",
	"plans": "plan", "plan_tasks": "plan", "task_reports": "plan", "task_standards": "plan", "task_units": "plan",
	"requirements": "submission", "submissions": "submission", "submission_files": "submission",
	"cases": "cases", "case_categories": "cases", "case_days": "cases", "case_events": "cases", "case_extensions": "cases",
	"case_photos": "cases", "case_settings": "cases", "case_timers": "cases", "case_units": "cases", "case_views": "cases",
	"calendar_days": "cases", "config_versions": "cases", "dispatch_rules": "cases", "notices": "cases",
	"unit_cases": "cases", "unit_days": "cases",
	"points": "patrol", "point_categories": "patrol", "point_checks": "patrol", "patrols": "patrol", "observations": "patrol",
	"observation_photos": "patrol", "observation_days": "patrol", "unit_observation_days": "patrol",
	"rounds": "assessment", "round_categories": "assessment", "round_inspectors": "assessment", "round_points": "assessment",
	"round_rates": "assessment", "negative_events": "assessment",
	"bulletins": "ranking", "ranking_settings": "ranking", "sanctions": "ranking",
	"webhooks": "webhook", "webhook_deliveries": "webhook",
}

// directory is what every area may join to read: the units, regions,
// jurisdictions and people a record names.
var directory = []string{"regions", "jurisdictions", "units", "users", "user_roles"}

// crossings are the reads and writes of another area's tables that remain,
// each with why; the list only shrinks. The benchmark's generator and raw
// references write every table on purpose and are not listed.
var crossings = map[string][]string{
	// A person's password and last sign-in are the sign-in's business.
	"auth": {"write users"},
	// Sessions of a disabled or deleted person end with the person.
	"org": {"write sessions"},
	// The benchmark's raw references in the bench command (to move into internal/bench).
	"app": {"read case_days", "read case_units", "read cases", "read observations", "read points", "read unit_cases", "write audit_log", "write case_days", "write case_events",
		"write case_photos", "write cases", "write files", "write unit_cases", "write unit_days"},
	// A case's photos are files; the case lists them with their names in one query.
	"cases": {"read files"},
	// Evidence files are listed with their submission in one query.
	"submission": {"read files", "read standards"},
	// A round draws points by category and scores the framework's standards.
	"assessment": {"read frameworks", "read standards", "read negative_items", "read points", "read point_categories", "read patrols"},
	// Patrols open cases in the category of a failed check, show a round's
	// name, keep a category or point a round drew from being deleted, and name
	// the standard a check serves.
	"patrol": {"read cases", "read case_categories", "read files", "read rounds", "read round_categories", "read round_points", "read standards"},
	// A framework in use by a plan is not deleted; targets are reported for the latest plan's year.
	"framework": {"read plans"},
}

var tableRef = regexp.MustCompile(`(?i)\b(FROM|JOIN|INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)`)

// Each area's SQL names only its own tables and the directory; a new
// crossing fails here and names the package, the table and the file.
func TestAreasKeepToTheirTables(t *testing.T) {
	t.Parallel()
	if err := checkOwners(); err != nil {
		t.Fatal(err)
	}
	areas, err := filepath.Glob("../*")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]map[string]string{} // area → "read|write table" → file
	for _, dir := range areas {
		area := filepath.Base(dir)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() || area == "bench" {
			continue
		}
		found[area] = map[string]string{}
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			for _, use := range tableUses(t, f) {
				found[area][use] = filepath.Base(f)
			}
		}
	}
	for area, uses := range found {
		for _, use := range slices.Sorted(maps.Keys(uses)) {
			verb, table, _ := strings.Cut(use, " ")
			owner := owners[table]
			switch {
			case owner == area, verb == "read" && slices.Contains(directory, table), slices.Contains(crossings[area], use):
				continue
			}
			t.Errorf("%s (%s) %ss %s, a table of %s: ask %s through a method", area, uses[use], verb, table, owner, owner)
		}
		for _, listed := range crossings[area] {
			if _, ok := uses[listed]; !ok {
				t.Errorf("%s no longer does %q: take it off the list of crossings", area, listed)
			}
		}
	}
}

// checkOwners holds the ownership list equal to the tables the migrations make.
func checkOwners() error {
	fsys, err := store.MigrationsFS(store.SQLite)
	if err != nil {
		return err
	}
	made := map[string]bool{}
	create := regexp.MustCompile(`CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?([a-z_]+)`)
	drop := regexp.MustCompile(`(?m)^DROP TABLE (?:IF EXISTS )?([a-z_]+);`)
	rename := regexp.MustCompile(`(?m)^ALTER TABLE ([a-z_]+) RENAME TO ([a-z_]+);`)
	names, _ := fs.Glob(fsys, "*.sql")
	for _, name := range names {
		b, _ := fs.ReadFile(fsys, name)
		up, _, _ := strings.Cut(string(b), "-- +goose Down")
		for _, m := range create.FindAllStringSubmatch(up, -1) {
			made[m[1]] = true
		}
		for _, m := range drop.FindAllStringSubmatch(up, -1) {
			delete(made, m[1])
		}
		for _, m := range rename.FindAllStringSubmatch(up, -1) {
			delete(made, m[1])
			made[m[2]] = true
		}
	}
	var missing []string
	for table := range made {
		if _, ok := owners[table]; !ok && !strings.Contains(table, "_fts") {
			missing = append(missing, table)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return &ownerError{missing}
	}
	return nil
}

type ownerError struct{ tables []string }

func (e *ownerError) Error() string {
	return "tables with no owning area (add them to owners): " + strings.Join(e.tables, ", ")
}

// tableUses lists the tables a Go file's string literals read or write.
func tableUses(t *testing.T, path string) []string {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		for _, m := range tableRef.FindAllStringSubmatch(s, -1) {
			if _, known := owners[m[2]]; !known {
				continue
			}
			verb := "read"
			if k := strings.ToUpper(m[1]); k != "FROM" && k != "JOIN" {
				verb = "write"
			}
			out = append(out, verb+" "+m[2])
		}
		return true
	})
	return out
}
