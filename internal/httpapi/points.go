package httpapi

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"wenming/internal/assessment"
	"wenming/internal/domain"
	"wenming/internal/patrol"
)

// pointFilter reads the filters shared by the points list, map and export.
func pointFilter(r *http.Request) (patrol.PointFilter, error) {
	q := r.URL.Query()
	if err := cleanQuery(q); err != nil {
		return patrol.PointFilter{}, err
	}
	f := patrol.PointFilter{Q: q.Get("q")}
	for name, dst := range map[string]*int64{"categoryId": &f.CategoryID, "regionId": &f.RegionID, "unitId": &f.UnitID} {
		n, err := queryInt(q, name, 0)
		if err != nil {
			return f, err
		}
		*dst = int64(n)
	}
	switch q.Get("active") {
	case "":
	case "true", "false":
		v := q.Get("active") == "true"
		f.Active = &v
	default:
		return f, domain.Invalid("active", "active 只能是 true 或 false")
	}
	p, err := readPage(q)
	f.Page, f.PageSize = p.Page, p.Size
	return f, err
}

func (s *Server) listPoints(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := pointFilter(r)
	if err != nil {
		return err
	}
	list, total, err := s.Patrol.Points(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pageOf[patrol.Point]{Items: list, Total: total, Page: f.Page, PageSize: f.PageSize})
	return nil
}

func (s *Server) pointMap(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := pointFilter(r)
	if err != nil {
		return err
	}
	list, err := s.Patrol.Map(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[patrol.MapPoint]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) exportPoints(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := pointFilter(r)
	if err != nil {
		return err
	}
	return sendFile(w, "点位.xlsx", xlsxType, func(out io.Writer) error { return s.Patrol.ExportPoints(r.Context(), a, f, out) })
}

func (s *Server) nearbyPoints(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	lat, err1 := strconv.ParseFloat(q.Get("lat"), 64)
	lng, err2 := strconv.ParseFloat(q.Get("lng"), 64)
	if err1 != nil {
		return domain.Invalid("lat", "请提供纬度 lat")
	}
	if err2 != nil {
		return domain.Invalid("lng", "请提供经度 lng")
	}
	limit, err := queryInt(q, "limit", 20)
	if err != nil {
		return err
	}
	list, err := s.Patrol.Nearby(r.Context(), a, lat, lng, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[patrol.Point]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) pointByToken(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	d, err := s.Patrol.PointByToken(r.Context(), a, r.PathValue("token"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func (s *Server) pointQR(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	png, name, err := s.Patrol.QRCode(r.Context(), a, id, s.site(r))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Content-Disposition", "inline; filename=\"qr.png\"; filename*=UTF-8''"+url.PathEscape(name))
	_, err = w.Write(png)
	return err
}

// site is the address the client reached us at, for links printed on paper.
func (s *Server) site(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || (s.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) pointsTemplate(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	return sendFile(w, "点位导入模板.xlsx", xlsxType, patrol.PointsTemplate)
}

func (s *Server) importPoints(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := s.Patrol.ImportPoints(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) createPatrol(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	var in patrol.PatrolInput
	if err := decode(r, &in); err != nil {
		return err
	}
	p, created, err := s.Patrol.Submit(r.Context(), a, in)
	if err != nil {
		return err
	}
	writeJSON(w, createdOr(created), p)
	return nil
}

func (s *Server) listPatrols(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	if err := cleanQuery(q); err != nil {
		return err
	}
	f := patrol.PatrolFilter{From: q.Get("from"), To: q.Get("to"), Far: q.Get("far") == "true"}
	for name, dst := range map[string]*int64{"pointId": &f.PointID, "inspectorId": &f.InspectorID, "roundId": &f.RoundID, "unitId": &f.UnitID} {
		n, err := queryInt(q, name, 0)
		if err != nil {
			return err
		}
		*dst = int64(n)
	}
	p, err := readPage(q)
	if err != nil {
		return err
	}
	f.Page, f.PageSize = p.Page, p.Size
	list, total, err := s.Patrol.Patrols(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pageOf[patrol.PatrolSummary]{Items: list, Total: total, Page: p.Page, PageSize: p.Size})
	return nil
}

func (s *Server) reassignRoundPoint(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	point, err := pathID(r, "pointId")
	if err != nil {
		return err
	}
	var in assessment.ReassignInput
	if err := decode(r, &in); err != nil {
		return err
	}
	d, err := s.Assessment.Reassign(r.Context(), a, id, point, in.InspectorID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func (s *Server) liveScore(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	days, err := queryInt(r.URL.Query(), "days", 30)
	if err != nil {
		return err
	}
	jurisdiction, err := queryInt(r.URL.Query(), "jurisdictionId", 0)
	if err != nil {
		return err
	}
	sc, err := s.Assessment.LiveScoreIn(r.Context(), a, int64(jurisdiction), days)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, sc)
	return nil
}

func (s *Server) scoreObservations(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	if err := cleanQuery(q); err != nil {
		return err
	}
	in := assessment.ObservationQuery{Live: q.Get("live") == "true", StandardCode: q.Get("standardCode"), Result: q.Get("result")}
	for name, dst := range map[string]*int64{"roundId": &in.RoundID, "unitId": &in.UnitID, "regionId": &in.RegionID} {
		n, err := queryInt(q, name, 0)
		if err != nil {
			return err
		}
		*dst = int64(n)
	}
	days, err := queryInt(q, "days", 30)
	if err != nil {
		return err
	}
	p, err := readPage(q)
	if err != nil {
		return err
	}
	in.Days, in.Page, in.PageSize = days, p.Page, p.Size
	list, total, err := s.Assessment.Observations(r.Context(), a, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pageOf[patrol.ObservationRow]{Items: list, Total: total, Page: p.Page, PageSize: p.Size})
	return nil
}

func (s *Server) exportRoundScore(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	name, err := s.Assessment.ExportRound(r.Context(), a, id, &buf)
	if err != nil {
		return err
	}
	return sendFile(w, name, xlsxType, func(out io.Writer) error { _, err := buf.WriteTo(out); return err })
}

func (s *Server) negativeEvents(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	fw, err := queryInt(r.URL.Query(), "frameworkId", 0)
	if err != nil {
		return err
	}
	list, err := s.Assessment.NegativeEvents(r.Context(), a, int64(fw))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[assessment.NegativeEvent]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) setRates(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in assessment.RatesInput
	if err := decode(r, &in); err != nil {
		return err
	}
	list, err := s.Assessment.SetRates(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[assessment.Rate]{Items: list, Total: len(list)})
	return nil
}
