package config

import (
	"io"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDefaults(t *testing.T) {
	c, err := Load("serve", nil, env(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != ":8080" || c.DataDir != "./data" || c.DatabaseURL != "" || c.LockThreshold != 5 || c.LoginAddress != 20 || c.IdleTimeout != 30*time.Minute {
		t.Fatalf("defaults wrong: %+v", c)
	}
}

func TestFlagsOverrideEnvironment(t *testing.T) {
	c, err := Load("serve", []string{"-listen", ":9000"}, env(map[string]string{"WENMING_LISTEN": ":7000", "WENMING_DATA_DIR": "/srv/wm"}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != ":9000" || c.DataDir != "/srv/wm" {
		t.Fatalf("got listen=%s data=%s", c.Listen, c.DataDir)
	}
}

func TestInvalidSettingsAreRefused(t *testing.T) {
	for name, e := range map[string]map[string]string{
		"bad database":  {"WENMING_DATABASE_URL": "mysql://x"},
		"bad duration":  {"WENMING_LOCK_DURATION": "soon"},
		"bad threshold": {"WENMING_LOCK_THRESHOLD": "0"},
		"bad blob":      {"WENMING_BLOB_URL": "ftp://x"},
		// An address would wait before any of its accounts did.
		"address threshold below account threshold": {"WENMING_LOCK_THRESHOLD": "10", "WENMING_LOGIN_ADDRESS_THRESHOLD": "5"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Load("serve", nil, env(e), io.Discard); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}

func TestSecretsMaskedWhenPrinted(t *testing.T) {
	c, err := Load("serve", nil, env(map[string]string{
		"WENMING_DATABASE_URL":  "postgres://wm:s3cret-pw@db.local:5432/wm?sslmode=disable",
		"WENMING_DEMO_PASSWORD": "Demo#2026pass",
	}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s := c.String()
	if strings.Contains(s, "s3cret-pw") || strings.Contains(s, "Demo#2026pass") {
		t.Fatalf("secret printed: %s", s)
	}
	if !strings.Contains(s, "db.local") {
		t.Fatalf("host should stay visible: %s", s)
	}
}
