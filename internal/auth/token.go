package auth

import (
	"context"
	"errors"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
	"wenming/internal/store"
)

// tokenPrefix marks wenming API tokens so secret scanners can find leaks.
const tokenPrefix = "wm_"

// Token is an API token as listed; the secret itself is shown once.
type Token struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	Token      string     `json:"token,omitempty"`
	CreatedAt  time.Time  `json:"createdAt"`
	ExpiresAt  *time.Time `json:"expiresAt"`
	LastUsedAt *time.Time `json:"lastUsedAt"`
}

// CreateToken issues a token acting as the actor, for integrations such as
// a hotline platform. expiresInDays 0 means it never expires.
func (s *Service) CreateToken(ctx context.Context, actor *domain.Actor, name string, expiresInDays int) (_ Token, err error) {
	defer domain.Wrap(&err, "auth.CreateToken")
	if actor.ViaToken {
		return Token{}, domain.Forbidden("API 令牌不能用于创建新令牌")
	}
	if err := domain.RequireText("name", "令牌名称", name, 64); err != nil {
		return Token{}, err
	}
	if expiresInDays < 0 || expiresInDays > 3650 {
		return Token{}, domain.Invalid("expiresInDays", "有效天数应在 0–3650 之间（0 表示永不过期）")
	}
	secret := tokenPrefix + newSecret()
	t := Token{Name: name, Prefix: secret[:10], Token: secret}
	err = s.db.Write(ctx, func(c *store.Conn) error {
		t.CreatedAt = c.Now
		if expiresInDays > 0 {
			exp := c.Now.Add(time.Duration(expiresInDays) * 24 * time.Hour)
			t.ExpiresAt = &exp
		}
		var err error
		t.ID, err = c.Insert(ctx, `INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
			actor.UserID, name, t.Prefix, hashToken(secret), c.Now, t.ExpiresAt)
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "token_create", Entity: "token", EntityID: t.ID,
			Summary: "创建 API 令牌“" + name + "”", After: map[string]any{"name": name, "prefix": t.Prefix, "expiresAt": t.ExpiresAt}})
	})
	return t, err
}

// Tokens lists the actor's live tokens.
func (s *Service) Tokens(ctx context.Context, actor *domain.Actor) (_ []Token, err error) {
	defer domain.Wrap(&err, "auth.Tokens")
	rows, err := s.db.Read().Query(ctx, `SELECT id, name, prefix, created_at, expires_at, last_used_at FROM api_tokens
		WHERE user_id = ? AND revoked_at IS NULL ORDER BY id DESC`, actor.UserID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	list := []Token{}
	for rows.Next() {
		var t Token
		if err := rows.Scan(&t.ID, &t.Name, &t.Prefix, &t.CreatedAt, &t.ExpiresAt, &t.LastUsedAt); err != nil {
			return nil, err
		}
		list = append(list, t)
	}
	return list, rows.Err()
}

// RevokeToken ends one of the actor's own tokens.
func (s *Service) RevokeToken(ctx context.Context, actor *domain.Actor, id int64) (err error) {
	defer domain.Wrap(&err, "auth.RevokeToken %d", id)
	return s.db.Write(ctx, func(c *store.Conn) error {
		var owner int64
		var name string
		if err := c.Get(ctx, "令牌", `SELECT user_id, name FROM api_tokens WHERE id = ? AND revoked_at IS NULL`, []any{id}, &owner, &name); err != nil {
			return err
		}
		if owner != actor.UserID {
			return domain.Forbidden("只能吊销本人的令牌")
		}
		if _, err := c.Exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ?`, c.Now, id); err != nil {
			return err
		}
		return audit.Record(ctx, c, actor, audit.Change{Action: "token_revoke", Entity: "token", EntityID: id, Summary: "吊销 API 令牌“" + name + "”"})
	})
}

// RevokeAllTokens revokes every live API token of a user, inside the
// caller's transaction: a password reset or change must also cut off the
// integrations acting in that person's name.
func RevokeAllTokens(ctx context.Context, c *store.Conn, userID int64) error {
	_, err := c.Exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`, c.Now, userID)
	return err
}

// AuthenticateToken resolves a bearer token to its actor, and tells, like
// Authenticate, whether its holder must first change the password.
func (s *Service) AuthenticateToken(ctx context.Context, secret string, cl Client) (_ *domain.Actor, _ bool, err error) {
	defer domain.Wrap(&err, "auth.AuthenticateToken")
	invalid := &domain.Error{Code: domain.CodeUnauthenticated, Message: "API 令牌无效、已过期或已吊销"}
	h := hashToken(secret)
	c := s.db.Read()
	var id, userID int64
	var expires, lastUsed *time.Time
	err = c.Get(ctx, "令牌", `SELECT id, user_id, expires_at, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL`,
		[]any{h}, &id, &userID, &expires, &lastUsed)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, false, invalid
	}
	if err != nil {
		return nil, false, err
	}
	now := s.db.Now()
	if expires != nil && now.After(*expires) {
		return nil, false, invalid
	}
	if lastUsed == nil || now.Sub(*lastUsed) > time.Minute {
		if err := s.db.Write(ctx, func(c *store.Conn) error {
			_, err := c.Exec(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, c.Now, id)
			return err
		}); err != nil {
			return nil, false, err
		}
	}
	a, mustChange, err := s.loadActor(ctx, c, userID, cl)
	if err != nil {
		return nil, false, err
	}
	a.ViaToken = true
	return a, mustChange, nil
}
