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

// loadDemo loads the demo county once, sets the demo password on every demo
// account and prints the logins. Without WENMING_DEMO_PASSWORD the password
// is generated once and kept in the data folder, so a second `demo` run
// prints the same one.
func loadDemo(ctx context.Context, e *env) error {
	svc := org.NewService(e.db)
	created, err := demo.Load(ctx, svc)
	if err != nil {
		return err
	}
	password, err := demoPassword(e.cfg.DemoPassword, e.cfg.DataDir)
	if err != nil {
		return err
	}
	if err := domain.ValidatePassword("demo-password", password, ""); err != nil {
		return fmt.Errorf("WENMING_DEMO_PASSWORD: %s", err.(*domain.Error).Message)
	}
	if err := demo.SetPasswords(ctx, svc, password); err != nil {
		return err
	}
	if created {
		fmt.Fprintf(e.stdout, "已载入演示县：甘肃省白银市会宁县（%d 个乡镇、%d 个单位）。\n", demo.Townships(), demo.Units())
	} else {
		fmt.Fprintln(e.stdout, "演示县已存在，未重复载入。")
	}
	fmt.Fprintf(e.stdout, "\n演示账号（统一密码：%s）\n", password)
	tw := tabwriter.NewWriter(e.stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "用户名\t姓名\t角色\t单位")
	for _, a := range demo.Accounts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.Username, a.RealName, domain.RoleName(string(a.Role)), a.Unit)
	}
	tw.Flush()
	fmt.Fprintln(e.stdout)
	return nil
}

func demoPassword(configured, dataDir string) (string, error) {
	if configured != "" {
		return configured, nil
	}
	path := filepath.Join(dataDir, "demo-password.txt")
	b, err := os.ReadFile(path)
	if err == nil && strings.TrimSpace(string(b)) != "" {
		return strings.TrimSpace(string(b)), nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	pw := generatePassword()
	return pw, os.WriteFile(path, []byte(pw+"\n"), 0o600)
}
