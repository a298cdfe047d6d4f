package auth

import (
	"strings"
	"testing"
)

func TestPasswordHash(t *testing.T) {
	h := HashPassword("Right-Pass-2026")
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not argon2id with the chosen parameters", h)
	}
	if h == HashPassword("Right-Pass-2026") {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	if !CheckPassword(h, "Right-Pass-2026") {
		t.Fatal("right password refused")
	}
	for _, bad := range []string{"right-pass-2026", "", "Right-Pass-2026 "} {
		if CheckPassword(h, bad) {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, broken := range []string{"", "plain", "$argon2id$v=19$m=x$a$b", strings.Replace(h, "argon2id", "argon2i", 1)} {
		if CheckPassword(broken, "Right-Pass-2026") {
			t.Errorf("broken hash %q accepted", broken)
		}
	}
}

// A sign-in with an unknown name checks its password against dummyHash, so
// it costs what a real check costs: the same algorithm and parameters as
// every stored hash, and a real comparison that fails.
func TestDummyHashCostsARealCheck(t *testing.T) {
	params := func(h string) string {
		parts := strings.Split(h, "$")
		if len(parts) != 6 {
			t.Fatalf("hash %q is not self-describing", h)
		}
		return strings.Join(parts[:4], "$")
	}
	if got, want := params(dummyHash), params(HashPassword("Some-Pass-2026")); got != want {
		t.Fatalf("dummy hash parameters %s, stored hashes %s", got, want)
	}
	if CheckPassword(dummyHash, "not-a-real-password-either") {
		t.Fatal("the dummy hash accepted a password")
	}
}
