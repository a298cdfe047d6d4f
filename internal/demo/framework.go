package demo

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"strconv"
	"strings"

	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/plan"
	"wenming/internal/submission"
	"wenming/internal/xlsx"
)

// data holds the demo framework, minors' framework and plan, drawn from
// seed 001, as tab-separated sheets anyone can read and diff.
//
//go:embed data/*.tsv
var data embed.FS

// sheets maps the workbook's sheets to their files (without prefix).
var sheets = [][2]string{{"框架", "framework"}, {"指标", "nodes"}, {"测评标准", "standards"}, {"负面清单", "negatives"}}

func readTSV(name string) ([][]string, error) {
	b, err := data.ReadFile("data/" + name + ".tsv")
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		rows = append(rows, strings.Split(strings.TrimRight(line, "\r"), "\t"))
	}
	return rows, nil
}

// Workbook builds the demo framework's Excel file ("" for the main one,
// "minors_" for the minors' sub-framework): the same file a user would
// import, so the demo goes through the real importer.
func Workbook(prefix string) ([]byte, error) { return WorkbookLedBy(prefix, "") }

// WorkbookLedBy is the same framework with every standard led by one unit
// (when lead is set) and no responsible units, for an organisation other
// than the demo county's: the benchmark's synthetic city.
func WorkbookLedBy(prefix, lead string) ([]byte, error) {
	var buf bytes.Buffer
	book := xlsx.New(&buf)
	defer book.Abandon()
	for _, sh := range sheets {
		rows, err := readTSV(prefix + sh[1])
		if err != nil {
			return nil, err
		}
		if err := book.Sheet(sh[0], xlsx.Columns(16, rows[0]...)...); err != nil {
			return nil, err
		}
		for _, cells := range rows[1:] {
			line := make([]any, len(cells))
			for c, v := range cells {
				if lead != "" && sh[1] == "standards" && (c == 9 || c == 10) {
					v = map[int]string{9: lead, 10: ""}[c] // 牵头单位, 责任单位
				}
				line[c] = v
			}
			if err := book.Row(line...); err != nil {
				return nil, err
			}
		}
	}
	err := book.Close()
	return buf.Bytes(), err
}

// PlanYear is the year of the demo plan: the seed's own.
const PlanYear = 2021

// LoadCampaign imports both frameworks, links and freezes them, and lays
// out the seed's plan with its 24 tasks, progress and reported targets.
func LoadCampaign(ctx context.Context, orgs *org.Service, fw *framework.Service, plans *plan.Service, subs *submission.Service, evidence *files.Service) error {
	actor, err := officeActor(ctx, orgs)
	if err != nil {
		return err
	}
	var ids []int64
	for _, prefix := range []string{"minors_", ""} {
		book, err := Workbook(prefix)
		if err != nil {
			return err
		}
		f, err := fw.Import(ctx, actor, bytes.NewReader(book))
		if err != nil {
			return fmt.Errorf("demo framework %q: %w", prefix, err)
		}
		ids = append(ids, f.ID)
	}
	minors, main := ids[0], ids[1]
	f, err := fw.Get(ctx, actor, main)
	if err != nil {
		return err
	}
	if _, err := fw.UpdateHeader(ctx, actor, main, framework.Header{Name: f.Name, BasicTotal: f.BasicTotal, SpecialTotal: f.SpecialTotal, MinorsID: &minors}); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := fw.Freeze(ctx, actor, id); err != nil {
			return fmt.Errorf("demo framework freeze: %w", err)
		}
	}
	p, err := plans.CreatePlan(ctx, actor, PlanYear, "会宁县 2021 年度文明城市创建工作实施方案", &main)
	if err != nil {
		return err
	}
	if err := loadTasks(ctx, orgs, plans, actor, p.ID); err != nil {
		return err
	}
	if err := loadTargetReports(ctx, fw, actor, main); err != nil {
		return err
	}
	return LoadSubmissions(ctx, subs, evidence, main)
}

// officeActor is the system acting for the county's office: its
// frameworks and plan belong to the office unit's jurisdiction (会宁县).
func officeActor(ctx context.Context, orgs *org.Service) (*domain.Actor, error) {
	return CountyActor(ctx, orgs, "演示数据", domain.RoleOfficeLeader)
}

// unitIDs resolves a cell of unit names and group tokens among the units
// of one jurisdiction: names are unique there only.
func unitIDs(dir map[int64]domain.Unit, jurisdiction int64, cell string) ([]int64, error) {
	var ids []int64
	for _, name := range strings.Split(cell, "、") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		found := false
		for id, u := range dir {
			if u.JurisdictionID == nil || *u.JurisdictionID != jurisdiction {
				continue
			}
			if u.Name == name || (name == "各乡镇" && u.Kind == "township") || (name == "县直各部门" && u.Kind == "department") {
				ids, found = append(ids, id), true
			}
		}
		if !found {
			return nil, fmt.Errorf("unit %q", name)
		}
	}
	return ids, nil
}

// laggard is the demo's unit that falls behind: it has not finished one
// task, so its four lists carry a supervision item and the board puts
// that task first.
const laggard = "县住建局"

func loadTasks(ctx context.Context, orgs *org.Service, plans *plan.Service, actor *domain.Actor, planID int64) error {
	rows, err := readTSV("plan")
	if err != nil {
		return err
	}
	dir, err := orgs.Directory(ctx)
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		seq, _ := strconv.Atoi(r[0])
		in := plan.TaskInput{Seq: seq, Title: r[1], Content: r[2], Phase: r[3], Deadline: r[4], StandardCodes: strings.Split(r[7], "、")}
		if in.LeadUnitIDs, err = unitIDs(dir, actor.JurisdictionID, r[5]); err != nil {
			return fmt.Errorf("demo task %d: %w", seq, err)
		}
		if in.ResponsibleUnitIDs, err = unitIDs(dir, actor.JurisdictionID, r[6]); err != nil {
			return fmt.Errorf("demo task %d: %w", seq, err)
		}
		t, err := plans.CreateTask(ctx, actor, planID, in)
		if err != nil {
			return fmt.Errorf("demo task %d: %w", seq, err)
		}
		// Every unit finished its part, except the laggard on the tasks
		// whose number is a multiple of 7, and everyone on task 24, which
		// runs to the year's end.
		for _, u := range append(t.LeadUnits, t.ResponsibleUnits...) {
			pct, text := 100, "已按方案完成本单位任务，台账资料已归档。"
			if (u.Name == laggard && seq%7 == 0) || seq == 24 {
				pct, text = 60, "正在推进，部分点位整改尚未完成。"
			}
			if _, err := plans.ReportProgress(ctx, actor, t.ID, plan.ReportInput{Percent: pct, Text: text, UnitID: u.ID}); err != nil {
				return fmt.Errorf("demo progress %d: %w", seq, err)
			}
		}
	}
	return nil
}

// loadTargetReports has each target's first lead unit report a value for
// the plan year: most meet their target, every sixth falls short.
func loadTargetReports(ctx context.Context, fw *framework.Service, actor *domain.Actor, frameworkID int64) error {
	targets, _, err := fw.Targets(ctx, actor, framework.TargetFilter{FrameworkID: frameworkID, Period: strconv.Itoa(PlanYear)})
	if err != nil {
		return err
	}
	for i, t := range targets {
		if i%5 == 4 {
			continue // not reported yet
		}
		v := *t.Threshold
		short := i%6 == 5
		switch t.Comparator {
		case ">=":
			v = v * map[bool]float64{true: 0.9, false: 1.02}[short]
		case "<=":
			v = v * map[bool]float64{true: 1.1, false: 0.95}[short]
		case "between":
			v = (*t.Threshold + *t.Threshold2) / 2
		}
		v = float64(int64(v*100+0.5)) / 100
		in := framework.ReportInput{Period: strconv.Itoa(PlanYear), Value: v, Evidence: "统计部门年度数据", UnitID: t.LeadUnits[0].ID}
		if _, err := fw.Report(ctx, actor, t.StandardID, in); err != nil {
			return fmt.Errorf("demo target %s: %w", t.Code, err)
		}
	}
	return nil
}
