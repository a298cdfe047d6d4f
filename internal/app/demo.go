package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"wenming/internal/demo"
	"wenming/internal/domain"
	"wenming/internal/org"
)

// loadDemo loads the demo county once and prints the logins. Only the run
// that creates the county sets the demo password on the demo accounts, so a
// later run never re-enables an account an administrator disabled nor undoes
// a password change. The password set at creation (WENMING_DEMO_PASSWORD,
// or one generated) is kept in the data folder, and later runs print it
// from there.
func loadDemo(ctx context.Context, e *env, all *Services) error {
	svc := org.NewService(e.db)
	path := filepath.Join(e.cfg.DataDir, "demo-password.txt")
	password, err := demoPassword(e.cfg.DemoPassword, path)
	if err != nil {
		return err
	}
	created, err := demo.Load(ctx, svc)
	if err != nil {
		return err
	}
	if created {
		if err := os.MkdirAll(e.cfg.DataDir, 0o750); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(password+"\n"), 0o600); err != nil {
			return err
		}
		if err := demo.SetPasswords(ctx, svc, password); err != nil {
			return err
		}
		if err := demo.LoadCampaign(ctx, svc, all.Framework, all.Plan, all.Submission, all.Files); err != nil {
			return err
		}
		if err := demo.LoadCases(ctx, e.db, svc, all.Cases, all.Files); err != nil {
			return err
		}
		if err := demo.LoadPoints(ctx, e.db, svc, all.Cases, all.Framework, all.Patrol, all.Assessment, all.Files); err != nil {
			return err
		}
		rankings := all.Ranking
		if err := demo.LoadRanking(ctx, svc, rankings); err != nil {
			return err
		}
		if err := demo.LoadSecondCounty(ctx, e.db, svc, demo.Services{Framework: all.Framework, Plan: all.Plan, Cases: all.Cases,
			Patrol: all.Patrol, Assessment: all.Assessment, Ranking: all.Ranking, Files: all.Files}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已载入演示城市：甘肃省白银市（市创城办，%d 个市直单位）及其下辖两县，各有创城办。\n", demo.CityUnits())
		fmt.Fprintf(e.stdout, "  会宁县：%d 个乡镇、%d 个单位，测评体系与 %d 年度方案（24 项任务），近半年的 %d 个案件，%d 个实地考察点位与两轮模拟测评。\n", demo.Townships(), demo.Units(), demo.PlanYear, demo.Cases, demo.Points)
		fmt.Fprintf(e.stdout, "  靖远县：%d 个单位（单位名称与会宁县有同名，各归本县），%d 年度方案（%d 项任务），近四个月的 %d 个案件，%d 个点位与一轮模拟测评，上月通报；案件参数沿用上级。\n",
			demo.SecondCountyUnits(), demo.SecondPlanYear, demo.SecondTasks, demo.SecondCases, demo.SecondPoints)
		fmt.Fprintln(e.stdout, "市民随手拍（手机打开）：/snap；督查员移动巡查（手机打开）：/patrol")
		fmt.Fprintf(e.stdout, "\n演示账号（统一密码：%s）\n", password)
	} else {
		fmt.Fprintln(e.stdout, "演示城市已存在，未重复载入，演示账号的密码和状态均未改动。")
		stored, err := storedDemoPassword(path)
		if err != nil {
			return err
		}
		if stored != "" {
			fmt.Fprintf(e.stdout, "\n演示账号（统一密码：%s）\n", stored)
		} else {
			fmt.Fprintf(e.stdout, "\n演示账号（载入时的统一密码未保存在 %s 中）\n", path)
		}
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "用户名\t姓名\t角色\t辖区\t单位")
	for _, a := range demo.Accounts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Username, a.RealName, domain.RoleName(string(a.Role)), demo.Names[a.Jurisdiction], a.Unit)
	}
	tw.Flush()
	fmt.Fprintln(e.stdout)
	return nil
}

// demoPassword is the password a new demo county gets: the configured one,
// else the one kept from an earlier load, else a new one.
func demoPassword(configured, path string) (string, error) {
	if configured != "" {
		if err := domain.ValidatePassword("demo-password", configured, ""); err != nil {
			return "", fmt.Errorf("WENMING_DEMO_PASSWORD: %s", err.(*domain.Error).Message)
		}
		return configured, nil
	}
	stored, err := storedDemoPassword(path)
	if err != nil {
		return "", err
	}
	if stored != "" && domain.ValidatePassword("demo-password", stored, "") == nil {
		return stored, nil
	}
	return generatePassword(), nil
}

// storedDemoPassword reads the password kept in the data folder, or "".
func storedDemoPassword(path string) (string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	return strings.TrimSpace(string(b)), err
}
