package httpapi

import (
	"io"
	"maps"
	"net/http"
	"time"

	"wenming/internal/audit"
	"wenming/internal/domain"
)

type auditEntry = audit.Entry

// auditFilter reads the filters; dates are Beijing calendar days and "to"
// includes its whole day.
func auditFilter(r *http.Request) (audit.Filter, error) {
	q := r.URL.Query()
	f := audit.Filter{Actor: q.Get("actor"), Action: q.Get("action"), Entity: q.Get("entity"), Q: q.Get("q")}
	for _, d := range []struct {
		name string
		dst  *time.Time
		add  int
	}{{"from", &f.From, 0}, {"to", &f.To, 1}} {
		v := q.Get(d.name)
		if v == "" {
			continue
		}
		t, err := time.ParseInLocation("2006-01-02", v, domain.Beijing)
		if err != nil {
			return f, domain.Invalid(d.name, "日期“"+v+"”格式应为 YYYY-MM-DD")
		}
		*d.dst = t.AddDate(0, 0, d.add)
	}
	return f, nil
}

func (s *Server) listAudit(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := auditFilter(r)
	if err != nil {
		return err
	}
	p, err := readPage(r.URL.Query())
	if err != nil {
		return err
	}
	f.Page, f.Size = p.Page, p.Size
	list, total, err := s.Audit.List(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pageOf[auditEntry]{Items: list, Total: total, Page: p.Page, PageSize: p.Size})
	return nil
}

func (s *Server) exportAudit(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := auditFilter(r)
	if err != nil {
		return err
	}
	return sendFile(w, "审计日志.xlsx", xlsxType, func(out io.Writer) error { return s.Audit.Export(r.Context(), a, f, out) })
}

func auditEntities() map[string]string { return maps.Clone(audit.EntityNames) }
