package httpapi

import (
	"net/http"
	"time"
	"wenming/internal/cases"
	"wenming/internal/webhook"

	"wenming/internal/auth"
	"wenming/internal/domain"
)

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type passwordChange struct {
	OldPassword string `json:"oldPassword"`
	NewPassword string `json:"newPassword"`
}

type tokenRequest struct {
	Name          string `json:"name"`
	ExpiresInDays int    `json:"expiresInDays"`
}

type tokenView = auth.Token

func (s *Server) login(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	var in loginRequest
	if err := decode(r, &in); err != nil {
		return err
	}
	token, err := s.Auth.Login(r.Context(), in.Username, in.Password, s.client(r))
	if err != nil {
		return err
	}
	a, _, err := s.Auth.Authenticate(r.Context(), token, s.client(r))
	if err != nil {
		return err
	}
	me, err := s.Org.Me(r.Context(), a)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.SecureCookie, SameSite: http.SameSiteLaxMode})
	writeJSON(w, http.StatusOK, me)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	if c, err := r.Cookie(sessionCookie); err == nil && !a.ViaToken {
		if err := s.Auth.Logout(r.Context(), a, c.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, MaxAge: -1, Expires: time.Unix(0, 0)})
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) me(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	me, err := s.Org.Me(r.Context(), a)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, me)
	return nil
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	var in passwordChange
	if err := decode(r, &in); err != nil {
		return err
	}
	// The session making the change stays; every other one ends.
	current := ""
	if c, err := r.Cookie(sessionCookie); err == nil && !a.ViaToken {
		current = c.Value
	}
	if err := s.Auth.ChangePassword(r.Context(), a, current, in.OldPassword, in.NewPassword); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) listTokens(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	list, err := s.Auth.Tokens(r.Context(), a)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[tokenView]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) createToken(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	var in tokenRequest
	if err := decode(r, &in); err != nil {
		return err
	}
	t, err := s.Auth.CreateToken(r.Context(), a, in.Name, in.ExpiresInDays)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, t)
	return nil
}

type metaView struct {
	Roles         []domain.Named    `json:"roles"`
	UnitKinds     []domain.Named    `json:"unitKinds"`
	UnitClasses   []domain.Named    `json:"unitClasses"`
	ScopeKinds    []domain.Named    `json:"scopeKinds"`
	RegionLevels  any               `json:"regionLevels"`
	Actions       map[string]string `json:"auditActions"`
	Entities      map[string]string `json:"auditEntities"`
	Methods       []domain.Named    `json:"methods"`
	Comparators   []domain.Named    `json:"comparators"`
	Phases        []domain.Phase    `json:"phases"`
	CaseSources   []domain.Named    `json:"caseSources"`
	CaseStates    []domain.Named    `json:"caseStates"`
	CaseClosings  []domain.Named    `json:"caseClosings"`
	CaseEvents    map[string]string `json:"caseEvents"`
	CaseActions   map[string]string `json:"caseActions"`
	CategoryKinds []domain.Named    `json:"categoryKinds"`
	WebhookEvents []domain.Named    `json:"webhookEvents"`
	MapTiles      MapTiles          `json:"mapTiles"`
}

// MapTiles tells the console's maps where their base tiles come from; with
// no URL they draw on a plain background and need no internet.
type MapTiles struct {
	URL         string `json:"url"`
	Attribution string `json:"attribution"`
	CoordSystem string `json:"coordSystem"`
}

func (s *Server) meta(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	writeJSON(w, http.StatusOK, metaView{Roles: domain.Roles, UnitKinds: domain.UnitKinds, UnitClasses: domain.UnitClasses,
		ScopeKinds: domain.ScopeKinds, RegionLevels: domain.RegionLevels, Actions: s.Audit.ActionNames(), Entities: auditEntities(),
		Methods: domain.Methods, Comparators: domain.Comparators, Phases: domain.Phases,
		CaseSources: cases.Sources, CaseStates: cases.States, CaseClosings: cases.Closings, CaseEvents: cases.EventNames(), CaseActions: cases.ActionNames(),
		CategoryKinds: cases.CategoryKinds, WebhookEvents: webhook.Events, MapTiles: s.MapTiles})
	return nil
}
