// Package auth signs people in and out, keeps sessions in the database (so
// any app server can serve any request), slows down password guessing by
// the address it comes from, and issues API tokens for integrations.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// Policy holds the account rules a deployment may tune.
type Policy struct {
	// LockThreshold is how many sign-ins to one account from one client
	// address may fail before that address must wait to try the account
	// again. Other addresses never wait for it, so nobody can lock another
	// person out.
	LockThreshold int
	// LockDuration is the longest such wait: waits start at FirstWait and
	// double with each further failure.
	LockDuration time.Duration
	// AddressThreshold is how many sign-ins from one address, whatever the
	// accounts, may fail before the address waits (0: 4 × LockThreshold).
	AddressThreshold int
	// FirstWait is the first wait (0: a minute, or LockDuration if shorter).
	FirstWait   time.Duration
	IdleTimeout time.Duration // a session unused this long ends
	MaxAge      time.Duration // a session ends this long after login
}

// Service is the sign-in service.
type Service struct {
	db     *store.DB
	policy Policy
}

// NewService returns the sign-in service.
func NewService(db *store.DB, p Policy) *Service { return &Service{db: db, policy: p.withDefaults()} }

// Client is where a request came from, for the session and the audit log.
type Client struct {
	IP        string
	UserAgent string
	RequestID string
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func newSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

type credentials struct {
	id       int64
	realName string
	hash     string
	disabled bool
}

// badCredentials is the one answer to a wrong password, whether or not the
// user name exists, so the answer does not tell which names do.
func badCredentials() error {
	return &domain.Error{Code: domain.CodeBadCredentials, Message: "用户名或密码错误"}
}

// Login checks the password and opens a session, returning its token. An
// unknown user name costs the same work and gets the same answer as a
// wrong password. Failures are audited and make the address they come from
// wait (see throttle.go); the password is checked outside any transaction,
// so slow hashing holds no lock.
func (s *Service) Login(ctx context.Context, username, password string, cl Client) (_ string, err error) {
	defer domain.Wrap(&err, "auth.Login")
	username = strings.TrimSpace(username)
	if username == "" {
		return "", domain.Invalid("username", "请输入用户名")
	}
	if err := domain.CleanText("username", "用户名", username); err != nil {
		return "", err
	}
	if password == "" {
		return "", domain.Invalid("password", "请输入密码")
	}
	at := newAttempt(username, cl.IP)
	var cr credentials
	var tries int
	known := true
	err = s.db.Write(ctx, func(c *store.Conn) error {
		var err error
		if tries, err = s.policy.admit(ctx, c, at); err != nil {
			return err
		}
		err = c.Get(ctx, "用户", `SELECT id, real_name, password_hash, disabled FROM users WHERE username = ?`,
			[]any{username}, &cr.id, &cr.realName, &cr.hash, &cr.disabled)
		if errors.Is(err, domain.ErrNotFound) {
			known, cr.hash = false, dummyHash
			return nil
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("login: %w", err)
	}
	if !CheckPassword(cr.hash, password) || !known {
		return "", s.recordFailure(ctx, at, username, cr, known, tries, cl)
	}
	return s.openSession(ctx, at, username, cr, cl)
}

// recordFailure counts a wrong password against the address and audits it.
func (s *Service) recordFailure(ctx context.Context, at attempt, username string, cr credentials, known bool, tries int, cl Client) error {
	actor := &domain.Actor{IP: cl.IP, RequestID: cl.RequestID}
	summary := "未知用户名“" + username + "”登录失败"
	if known {
		actor.UserID, actor.Username, actor.RealName = cr.id, username, cr.realName
		summary = fmt.Sprintf("密码错误（本地址第 %d 次）", tries)
	}
	err := s.db.Write(ctx, func(c *store.Conn) error {
		wait, err := s.policy.failed(ctx, c, at)
		if err != nil {
			return err
		}
		if tries >= s.policy.LockThreshold {
			wait = max(wait, s.policy.wait(tries, s.policy.LockThreshold))
		}
		if wait > 0 {
			summary += fmt.Sprintf("，该地址须等待 %d 秒后再试", waitSeconds(wait))
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "login_failed", Entity: "session", EntityID: cr.id, Summary: summary})
	})
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	return badCredentials()
}

// openSession signs in a person whose password was right.
func (s *Service) openSession(ctx context.Context, at attempt, username string, cr credentials, cl Client) (string, error) {
	var token string
	var loginErr error
	err := s.db.Write(ctx, func(c *store.Conn) error {
		if err := succeeded(ctx, c, at); err != nil {
			return err
		}
		if cr.disabled {
			loginErr = domain.Forbidden("账号已停用，请联系管理员")
			return nil
		}
		token = newSecret()
		if _, err := c.Exec(ctx, `UPDATE users SET last_login_at = ? WHERE id = ?`, c.Now, cr.id); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			hashToken(token), cr.id, c.Now, c.Now, c.Now.Add(s.policy.MaxAge), cl.IP, truncate(cl.UserAgent, 255)); err != nil {
			return err
		}
		actor := &domain.Actor{UserID: cr.id, Username: username, RealName: cr.realName, IP: cl.IP, RequestID: cl.RequestID}
		return audit.Record(ctx, c, actor, audit.Change{Action: "login", Entity: "session", EntityID: cr.id, Summary: "登录成功"})
	})
	if err != nil {
		return "", fmt.Errorf("login: %w", err)
	}
	return token, loginErr
}

// Logout ends the session behind token.
func (s *Service) Logout(ctx context.Context, actor *domain.Actor, token string) (err error) {
	defer domain.Wrap(&err, "auth.Logout")
	return s.db.Write(ctx, func(c *store.Conn) error {
		if _, err := c.Exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, hashToken(token)); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "logout", Entity: "session", EntityID: actor.UserID, Summary: "退出登录"})
	})
}

// Authenticate resolves a session token to its actor, ending sessions that
// idled or aged out. It refreshes last_seen_at at most once a minute so
// reads do not turn into writes.
func (s *Service) Authenticate(ctx context.Context, token string, cl Client) (_ *domain.Actor, _ bool, err error) {
	defer domain.Wrap(&err, "auth.Authenticate")
	if token == "" {
		return nil, false, unauthenticated()
	}
	h := hashToken(token)
	c := s.db.Read()
	// The session and the person behind it in one read.
	var lastSeen, expires time.Time
	a, mustChange, err := s.readActor(ctx, c, cl, `s.last_seen_at, s.expires_at, `, `FROM sessions s JOIN users u ON u.id = s.user_id`+actorJoins+` WHERE s.token_hash = ?`, h, &lastSeen, &expires)
	if err != nil {
		return nil, false, err
	}
	now := s.db.Now()
	if now.After(expires) || now.Sub(lastSeen) > s.policy.IdleTimeout {
		s.db.Write(ctx, func(c *store.Conn) error {
			_, err := c.Exec(ctx, `DELETE FROM sessions WHERE token_hash = ?`, h)
			return err
		})
		return nil, false, &domain.Error{Code: domain.CodeUnauthenticated, Message: "登录已超时，请重新登录"}
	}
	if now.Sub(lastSeen) > time.Minute {
		if err := s.db.Write(ctx, func(c *store.Conn) error {
			_, err := c.Exec(ctx, `UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?`, c.Now, h)
			return err
		}); err != nil {
			return nil, false, err
		}
	}
	return a, mustChange, nil
}

func unauthenticated() error {
	return &domain.Error{Code: domain.CodeUnauthenticated, Message: "请先登录"}
}

// actorJoins bring a person's unit, scope region and roles to users u.
const actorJoins = ` JOIN units un ON un.id = u.unit_id LEFT JOIN regions r ON r.id = u.scope_region_id LEFT JOIN regions jr ON jr.id = un.jurisdiction_id LEFT JOIN user_roles ur ON ur.user_id = u.id`

// loadActor reads everything a scope check needs in one query: the
// person, their unit and scope, and their roles, one row per role.
func (s *Service) loadActor(ctx context.Context, c *store.Conn, userID int64, cl Client) (*domain.Actor, bool, error) {
	return s.readActor(ctx, c, cl, ``, `FROM users u`+actorJoins+` WHERE u.id = ?`, userID)
}

// readActor reads the person that fromWhere names by key, one row per
// role; leadCols (each followed by a comma) are selected first, into lead.
func (s *Service) readActor(ctx context.Context, c *store.Conn, cl Client, leadCols, fromWhere string, key any, lead ...any) (*domain.Actor, bool, error) {
	a := &domain.Actor{IP: cl.IP, RequestID: cl.RequestID}
	rows, err := c.Query(ctx, `SELECT `+leadCols+`u.id, u.username, u.real_name, u.unit_id, un.path, u.scope_kind, u.scope_region_id, r.code, un.jurisdiction_id, jr.code, u.disabled, u.must_change_password, ur.role
		`+fromWhere+` ORDER BY ur.role`, key)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var disabled, mustChange, found bool
	var regionID, jurisdictionID sql.NullInt64
	var regionCode, jurisdictionCode, role sql.NullString
	for rows.Next() {
		if err := rows.Scan(append(lead, &a.UserID, &a.Username, &a.RealName, &a.UnitID, &a.UnitPath, &a.Scope, &regionID, &regionCode, &jurisdictionID, &jurisdictionCode, &disabled, &mustChange, &role)...); err != nil {
			return nil, false, err
		}
		found = true
		if role.Valid {
			a.Roles = append(a.Roles, domain.Role(role.String))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if !found {
		return nil, false, unauthenticated()
	}
	if disabled {
		return nil, false, &domain.Error{Code: domain.CodeUnauthenticated, Message: "账号已停用"}
	}
	a.RegionID, a.RegionCode = regionID.Int64, domain.SubtreePrefix(regionCode.String)
	a.JurisdictionID, a.JurisdictionCode = jurisdictionID.Int64, jurisdictionCode.String
	return a, mustChange, nil
}

// ChangePassword sets the actor's own password after checking the old one.
// It revokes every API token of the actor and ends every other session,
// keeping only the one behind currentSession (the caller's session token,
// "" when the caller came with an API token).
func (s *Service) ChangePassword(ctx context.Context, actor *domain.Actor, currentSession, oldPassword, newPassword string) (err error) {
	defer domain.Wrap(&err, "auth.ChangePassword")
	if oldPassword == "" {
		return domain.Invalid("oldPassword", "请输入原密码")
	}
	if err := domain.ValidatePassword("newPassword", newPassword, actor.Username); err != nil {
		return err
	}
	if oldPassword == newPassword {
		return domain.Invalid("newPassword", "新密码不能与原密码相同")
	}
	return s.db.Write(ctx, func(c *store.Conn) error {
		var hash string
		if err := c.Get(ctx, "用户", `SELECT password_hash FROM users WHERE id = ?`, []any{actor.UserID}, &hash); err != nil {
			return err
		}
		if !CheckPassword(hash, oldPassword) {
			return domain.Invalid("oldPassword", "原密码不正确")
		}
		if _, err := c.Exec(ctx, `UPDATE users SET password_hash = ?, must_change_password = FALSE, password_changed_at = ?, updated_at = ? WHERE id = ?`,
			HashPassword(newPassword), c.Now, c.Now, actor.UserID); err != nil {
			return err
		}
		if err := RevokeAllTokens(ctx, c, actor.UserID); err != nil {
			return err
		}
		if _, err := c.Exec(ctx, `DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?`, actor.UserID, hashToken(currentSession)); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "password_change", Entity: "person", EntityID: actor.UserID,
			Summary: "修改本人密码（其他会话已退出，API 令牌已全部吊销）"})
	})
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
