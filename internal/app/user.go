package app

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"wenming/internal/config"
	"wenming/internal/domain"
	"wenming/internal/org"
)

const userUsage = `用法：
  wenming user create -username U -name 姓名 -unit 单位全称 -role 角色[,角色] [-scope unit|region|all] [-region 区划代码] [-phone 手机号] [-password P]
  wenming user reset-password -username U [-password P]
未给出密码时读取 WENMING_USER_PASSWORD，仍为空则生成并打印一次。新账号首次登录须修改密码。
单位不存在且数据库中还没有任何单位时，会先以该名称建立单位（用于首次部署）。
`

func userCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, userUsage)
		return errors.New("缺少子命令")
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("user "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	username := fs.String("username", "", "用户名")
	name := fs.String("name", "", "姓名")
	unit := fs.String("unit", "", "所属单位全称")
	roles := fs.String("role", "", "角色代码或中文名，逗号分隔")
	scope := fs.String("scope", "unit", "数据范围 unit|region|all")
	region := fs.String("region", "", "范围区划代码（scope=region 时）")
	phone := fs.String("phone", "", "手机号")
	password := fs.String("password", "", "密码")
	data := fs.String("data", getenvOr(getenv, "WENMING_DATA_DIR", "./data"), "数据目录")
	dbURL := fs.String("database-url", getenv("WENMING_DATABASE_URL"), "数据库 URL")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Load("user", []string{"-data", *data, "-database-url", *dbURL}, getenv, stderr)
	if err != nil {
		return err
	}
	pw := *password
	if pw == "" {
		pw = getenv("WENMING_USER_PASSWORD")
	}
	generated := pw == ""
	if generated {
		pw = generatePassword()
	}
	return withEnv(ctx, cfg, stdout, io.Discard, func(ctx context.Context, e *env) error {
		svc := org.NewService(e.db)
		// The command line acts as the administrator each step needs: the
		// system admin makes the first unit, the security admin, who alone
		// grants the administrators' roles, makes accounts and sets passwords.
		admin, security := domain.System("命令行", domain.RoleSysAdmin), domain.System("命令行", domain.RoleSecurityAdmin)
		switch sub {
		case "create":
			in, err := userInput(ctx, svc, admin, *username, *name, *unit, *roles, *scope, *region, *phone)
			if err != nil {
				return err
			}
			in.Password = pw
			if _, err := svc.CreatePerson(ctx, security, in); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "已创建账号 %s。\n", *username)
		case "reset-password":
			if err := svc.SetPassword(ctx, security, *username, pw, true); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "已重置 %s 的密码，下次登录须修改。\n", *username)
		default:
			fmt.Fprint(stderr, userUsage)
			return fmt.Errorf("未知子命令 %q", sub)
		}
		if generated {
			fmt.Fprintf(stdout, "初始密码：%s\n", pw)
		}
		return nil
	})
}

func userInput(ctx context.Context, svc *org.Service, actor *domain.Actor, username, name, unit, roles, scope, region, phone string) (org.PersonInput, error) {
	in := org.PersonInput{Username: username, RealName: name, Phone: phone, ScopeKind: scope}
	for _, r := range strings.Split(roles, ",") {
		role, ok := domain.RoleByName(strings.TrimSpace(r))
		if !ok {
			return in, fmt.Errorf("未知角色 %q", r)
		}
		in.Roles = append(in.Roles, role)
	}
	id, err := svc.UnitID(ctx, actor, unit)
	if errors.Is(err, domain.ErrNotFound) {
		units, _, lerr := svc.Units(ctx, actor, org.UnitFilter{Page: 1, Size: 1})
		if lerr != nil || len(units) > 0 {
			return in, fmt.Errorf("单位 %q 不存在", unit)
		}
		u, err := svc.CreateUnit(ctx, actor, org.UnitInput{Name: unit, Kind: "department", Class: "A"})
		if err != nil {
			return in, err
		}
		id = u.ID
	} else if err != nil {
		return in, err
	}
	in.UnitID = id
	if region != "" {
		rid, err := svc.RegionID(ctx, region)
		if err != nil {
			return in, fmt.Errorf("区划 %q 不存在", region)
		}
		in.ScopeRegionID = &rid
	}
	return in, nil
}

func getenvOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// generatePassword makes a password that meets the rules: upper, lower,
// digits and a symbol, without look-alike characters.
func generatePassword() string {
	const (
		upper = "ABCDEFGHJKLMNPQRSTUVWXYZ"
		lower = "abcdefghijkmnpqrstuvwxyz"
		digit = "23456789"
	)
	pick := func(set string, n int) string {
		b := make([]byte, n)
		rand.Read(b)
		for i := range b {
			b[i] = set[int(b[i])%len(set)]
		}
		return string(b)
	}
	return pick(upper, 3) + pick(lower, 4) + "-" + pick(digit, 4)
}
