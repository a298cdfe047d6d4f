package domain

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Region is one node of the administrative tree. Its code follows digital
// city management: 6-digit administrative code + 3 street + 3 community +
// 3 grid, so a subtree is every code sharing a prefix.
type Region struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Level    string `json:"level"`
	ParentID *int64 `json:"parentId"`
	SortKey  string `json:"sortKey"`
	// HasBoundary tells whether the region has an outline; the outline
	// itself (GeoJSON) is read on its own, being large.
	HasBoundary bool   `json:"hasBoundary"`
	Boundary    string `json:"-"`
}

// RegionLevels names the levels by code length.
var RegionLevels = []struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Digits int    `json:"digits"`
}{
	{"county", "市/区县", 6},
	{"street", "街道/乡镇", 9},
	{"community", "社区/村", 12},
	{"grid", "网格", 15},
}

// RegionLevel returns the level of a valid code.
func RegionLevel(code string) string {
	for _, l := range RegionLevels {
		if len(code) == l.Digits {
			return l.Code
		}
	}
	return ""
}

// ValidateRegionCode checks the shape of a code and, when the parent is
// known, that the code continues the parent's.
func ValidateRegionCode(code, parentCode string) error {
	if code == "" {
		return Invalid("code", "区划代码不能为空")
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return Invalid("code", "区划代码只能由数字组成")
		}
	}
	if RegionLevel(code) == "" {
		return Invalid("code", "区划代码应为 6、9、12 或 15 位数字（区县 6 位，街道 +3，社区 +3，网格 +3）")
	}
	if parentCode == "" {
		return nil
	}
	if len(code) == 6 && len(parentCode) == 6 {
		if code == parentCode || !strings.HasPrefix(code, strings.TrimRight(parentCode, "0")) {
			return Invalid("code", "区划代码“"+code+"”不在上级区划“"+parentCode+"”之下")
		}
		return nil
	}
	if len(code) != len(parentCode)+3 || !strings.HasPrefix(code, parentCode) {
		return Invalid("code", "区划代码应为上级代码“"+parentCode+"”后加 3 位数字")
	}
	return nil
}

// UnitKinds lists the kinds of unit with their Chinese names.
var UnitKinds = []Named{
	{"department", "部门单位"},
	{"township", "乡镇/街道"},
	{"community", "社区/村"},
	{"school", "学校"},
	{"enterprise", "企业"},
	{"other", "其他"},
}

// UnitClasses are the two ranking classes.
var UnitClasses = []Named{{"A", "A类"}, {"B", "B类"}}

// UnitKindByName finds a kind by Chinese name or code.
func UnitKindByName(s string) (string, bool) { return codeOf(UnitKinds, s) }

// UnitClassByName accepts "A", "A类", "B", "B类".
func UnitClassByName(s string) (string, bool) {
	return codeOf(UnitClasses, strings.ToUpper(strings.TrimSpace(s)))
}

// Unit is a responsible unit: a department, a township, a community, ...
type Unit struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Class      string `json:"class"`
	ParentID   *int64 `json:"parentId"`
	ParentName string `json:"parentName"`
	RegionID   *int64 `json:"regionId"`
	RegionName string `json:"regionName"`
	RegionCode string `json:"-"`
	// JurisdictionID is the jurisdiction the unit works in: that of its
	// region, else of its parent unit. Unit names are unique within it.
	JurisdictionID *int64 `json:"jurisdictionId"`
	Path           string `json:"-"`
	SortKey        string `json:"sortKey"`
	PeopleCount    int    `json:"peopleCount"`
}

// Validate checks a unit's own fields.
func (u *Unit) Validate() error {
	u.Name = strings.TrimSpace(u.Name)
	if err := RequireText("name", "单位名称", u.Name, 64); err != nil {
		return err
	}
	if nameOf(UnitKinds, u.Kind) == "" {
		return Invalid("kind", "单位类型无效，应为：部门单位、乡镇/街道、社区/村、学校、企业、其他")
	}
	if u.Class != "A" && u.Class != "B" {
		return Invalid("class", "单位分类应为 A 或 B")
	}
	return TextLimit("sortKey", "排序键", u.SortKey, 64)
}

// RequireText checks a required text field and its length in characters.
func RequireText(field, label, v string, max int) error {
	if strings.TrimSpace(v) == "" {
		return Invalid(field, label+"不能为空")
	}
	return TextLimit(field, label, v, max)
}

// TextLimit checks an optional text field's length in characters, and that
// it holds no control characters.
func TextLimit(field, label, v string, max int) error {
	if err := CleanText(field, label, v); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(v); n > max {
		return Invalid(field, label+"不能超过 "+itoa(max)+" 个字")
	}
	return nil
}

// CleanText refuses text that is not valid UTF-8 or that holds control
// characters other than line breaks and tabs: a NUL, for one, cannot be
// stored by PostgreSQL.
func CleanText(field, label, v string) error {
	if !utf8.ValidString(v) {
		return Invalid(field, label+"含有无效字符")
	}
	if HasControl(v) {
		return Invalid(field, label+"不能包含控制字符")
	}
	return nil
}

// HasControl tells whether s holds a control character other than \n, \r
// and \t.
func HasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return true
		}
	}
	return false
}

// Person is an account with its unit, roles and scope.
type Person struct {
	ID          int64     `json:"id"`
	Username    string    `json:"username"`
	RealName    string    `json:"realName"`
	Phone       string    `json:"-"`
	PhoneMasked string    `json:"phoneMasked"`
	UnitID      int64     `json:"unitId"`
	UnitName    string    `json:"unitName"`
	UnitPath    string    `json:"-"`
	UnitRegion  string    `json:"-"`
	Roles       []Role    `json:"roles"`
	Scope       ScopeView `json:"scope"`
	Disabled    bool      `json:"disabled"`
	// LoginLimit is set while failed sign-ins make some address wait before
	// trying this account again: someone is guessing at it. The account is
	// not locked; its holder signs in from anywhere else.
	LoginLimit  *LoginLimit `json:"loginLimit"`
	LastLoginAt *time.Time  `json:"lastLoginAt"`
	CreatedAt   time.Time   `json:"createdAt"`
	MustChange  bool        `json:"mustChangePassword"`
	// JurisdictionID is the jurisdiction of the person's unit: whose office
	// they work for or under (JurisdictionName, e.g. 会宁县).
	JurisdictionID   *int64 `json:"jurisdictionId"`
	JurisdictionName string `json:"jurisdictionName"`
}

// LoginLimit is how an account's sign-ins are held up: the addresses that
// must wait before trying it again, and when the last of those waits ends.
type LoginLimit struct {
	Until     time.Time `json:"until"`
	Addresses int       `json:"addresses"`
}

// ScopeView is a scope as the UI shows it.
type ScopeView struct {
	Kind       ScopeKind `json:"kind"`
	UnitID     int64     `json:"unitId"`
	RegionID   *int64    `json:"regionId"`
	RegionName string    `json:"regionName"`
	RegionCode string    `json:"regionCode"`
}

// ValidateUsername allows letters, digits, '.', '_' and '-', 3–32 long.
func ValidateUsername(s string) error {
	if len(s) < 3 || len(s) > 32 {
		return Invalid("username", "用户名长度应为 3–32 个字符")
	}
	for _, c := range s {
		if !(c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '.' || c == '_' || c == '-')) {
			return Invalid("username", "用户名只能包含字母、数字、点、下划线和连字符")
		}
	}
	return nil
}

// ValidatePhone accepts an empty phone or an 11-digit mainland mobile number,
// or a landline with area code.
func ValidatePhone(s string) error {
	if s == "" {
		return nil
	}
	digits := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '-':
		default:
			return Invalid("phone", "手机号只能包含数字")
		}
	}
	if digits < 7 || digits > 12 || (len(s) == 11 && s[0] != '1' && !strings.Contains(s, "-")) {
		return Invalid("phone", "手机号格式不正确，应为 11 位手机号或带区号的固定电话")
	}
	return nil
}

// MaskPhone keeps the first three and last four digits: 138****5678.
func MaskPhone(s string) string {
	r := []rune(s)
	if len(r) < 7 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// ValidatePassword applies the password rules: at least 8 characters, at
// least three of upper case, lower case, digits and symbols, and not
// containing the username.
func ValidatePassword(field, password, username string) error {
	if utf8.RuneCountInString(password) < 8 {
		return Invalid(field, "密码至少 8 位")
	}
	if len(password) > 128 {
		return Invalid(field, "密码不能超过 128 位")
	}
	var upper, lower, digit, symbol int
	for _, c := range password {
		switch {
		case unicode.IsUpper(c):
			upper = 1
		case unicode.IsLower(c):
			lower = 1
		case unicode.IsDigit(c):
			digit = 1
		default:
			symbol = 1
		}
	}
	if upper+lower+digit+symbol < 3 {
		return Invalid(field, "密码须包含大写字母、小写字母、数字、符号中的至少三类")
	}
	if username != "" && strings.Contains(strings.ToLower(password), strings.ToLower(username)) {
		return Invalid(field, "密码不能包含用户名")
	}
	return nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// SubtreePrefix is the code prefix every region under a region shares. A
// street, community or grid code is its own prefix; a 6-digit code drops
// its trailing "00" pairs, so the city 620400 covers the county 620422 and
// the province 620000 covers them all.
func SubtreePrefix(code string) string {
	if len(code) != 6 {
		return code
	}
	for strings.HasSuffix(code, "00") && len(code) > 2 {
		code = code[:len(code)-2]
	}
	return code
}
