package httpapi

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"wenming/internal/domain"
	"wenming/internal/ranking"
)

// jurisdictionParam is the jurisdiction a request asks about (0: the
// actor's own).
func jurisdictionParam(r *http.Request) (int64, error) {
	n, err := queryInt(r.URL.Query(), "jurisdictionId", 0)
	return int64(n), err
}

// inJurisdiction reads ?jurisdictionId= and answers the call's result.
func inJurisdiction[Out any](w http.ResponseWriter, r *http.Request, call func(jurisdiction int64) (Out, error)) error {
	j, err := jurisdictionParam(r)
	if err != nil {
		return err
	}
	out, err := call(j)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) rankings(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	return inJurisdiction(w, r, func(j int64) (ranking.Ranking, error) {
		return s.Ranking.Rank(r.Context(), a, r.URL.Query().Get("period"), j)
	})
}

func (s *Server) jurisdictionRankings(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	return inJurisdiction(w, r, func(j int64) (ranking.JurisdictionRanking, error) {
		return s.Ranking.RankJurisdictions(r.Context(), a, r.URL.Query().Get("period"), j)
	})
}

func (s *Server) exportJurisdictionRankings(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	j, err := jurisdictionParam(r)
	if err != nil {
		return err
	}
	out, err := s.Ranking.RankJurisdictions(r.Context(), a, r.URL.Query().Get("period"), j)
	if err != nil {
		return err
	}
	return sendFile(w, out.JurisdictionName+"县区排名"+out.Period+".xlsx", xlsxType, func(w io.Writer) error { return ranking.WriteJurisdictionsXLSX(out, w) })
}

func (s *Server) exportRankings(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	j, err := jurisdictionParam(r)
	if err != nil {
		return err
	}
	out, err := s.Ranking.Rank(r.Context(), a, r.URL.Query().Get("period"), j)
	if err != nil {
		return err
	}
	b := ranking.Bulletin{Title: out.JurisdictionName + "单位排名 " + out.Period, Ranking: out}
	return sendFile(w, out.JurisdictionName+"单位排名"+out.Period+".xlsx", xlsxType, func(w io.Writer) error { return ranking.WriteXLSX(b, w) })
}

func (s *Server) bulletins(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	j, err := jurisdictionParam(r)
	if err != nil {
		return err
	}
	list, err := s.Ranking.BulletinsOf(r.Context(), a, j, q.Get("kind"), q.Get("status"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[ranking.Bulletin]{Items: list, Total: len(list)})
	return nil
}

var formatTypes = map[string]string{
	"xlsx": xlsxType,
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"pdf":  "application/pdf",
}

func (s *Server) bulletinFile(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	format := r.URL.Query().Get("format")
	var buf bytes.Buffer
	name, err := s.Ranking.BulletinFile(r.Context(), a, id, format, &buf)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", formatTypes[format])
	w.Header().Set("Content-Disposition", "attachment; filename=\"bulletin."+format+"\"; filename*=UTF-8''"+url.PathEscape(name))
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	_, err = buf.WriteTo(w)
	return err
}

func (s *Server) sanctions(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	unit, err := queryInt(q, "unitId", 0)
	if err != nil {
		return err
	}
	list, err := s.Ranking.Sanctions(r.Context(), a, int64(unit), q.Get("kind"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[ranking.Sanction]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) rankingSettings(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	return inJurisdiction(w, r, func(j int64) (ranking.SettingsView, error) { return s.Ranking.LoadSettings(r.Context(), a, j) })
}

func (s *Server) updateRankingSettings(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	var in ranking.SettingsInput
	if err := decode(r, &in); err != nil {
		return err
	}
	return inJurisdiction(w, r, func(j int64) (ranking.SettingsView, error) { return s.Ranking.UpdateSettings(r.Context(), a, j, in) })
}

func (s *Server) resetRankingSettings(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	return inJurisdiction(w, r, func(j int64) (ranking.SettingsView, error) { return s.Ranking.ResetSettings(r.Context(), a, j) })
}

func (s *Server) cockpit(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	return inJurisdiction(w, r, func(j int64) (ranking.Cockpit, error) { return s.Ranking.Cockpit(r.Context(), a, j) })
}
