package httpapi

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
)

var caseQuery = []param{{"view", "string", "pool（创城办案件池）或 inbox（本单位）"}, {"state", "string", "状态"}, {"source", "string", "来源"},
	{"categoryId", "integer", "类别（含下级）"}, {"regionId", "integer", "区域（含下级）"}, {"unitId", "integer", "主办或协办单位"},
	{"overdue", "boolean", "仅超期（督办清单）"}, {"from", "string", "上报起始日期 YYYY-MM-DD"}, {"to", "string", "上报截止日期（含）"},
	{"q", "string", "编号、描述、地址或工单号关键字"}}

// caseFilter reads the filters shared by the case list, map and export.
func caseFilter(r *http.Request) (cases.Filter, error) {
	q := r.URL.Query()
	if err := cleanQuery(q); err != nil {
		return cases.Filter{}, err
	}
	f := cases.Filter{View: q.Get("view"), State: q.Get("state"), Source: q.Get("source"), From: q.Get("from"), To: q.Get("to"), Q: q.Get("q")}
	for name, dst := range map[string]*int64{"categoryId": &f.CategoryID, "regionId": &f.RegionID, "unitId": &f.UnitID} {
		n, err := queryInt(q, name, 0)
		if err != nil {
			return f, err
		}
		*dst = int64(n)
	}
	switch q.Get("overdue") {
	case "", "false", "0":
	case "true", "1":
		f.Overdue = true
	default:
		return f, domain.Invalid("overdue", "overdue 只能是 true 或 false")
	}
	p, err := readPage(q)
	f.Page, f.PageSize = p.Page, p.Size
	return f, err
}

func (s *Server) listCases(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := caseFilter(r)
	if err != nil {
		return err
	}
	list, total, err := s.Cases.List(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pageOf[cases.Case]{Items: list, Total: total, Page: f.Page, PageSize: f.PageSize})
	return nil
}

func (s *Server) exportCases(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := caseFilter(r)
	if err != nil {
		return err
	}
	return sendFile(w, "案件.xlsx", xlsxType, func(out io.Writer) error { return s.Cases.Export(r.Context(), a, f, out) })
}

func (s *Server) caseMap(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := caseFilter(r)
	if err != nil {
		return err
	}
	list, err := s.Cases.Map(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[cases.MapItem]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) caseStats(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	st, err := s.Cases.Stats(r.Context(), a, r.URL.Query().Get("view"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// createCase answers 201 for a new case and 200 with the first one when the
// client key was seen before.
func (s *Server) createCase(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	var in cases.IntakeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	d, created, err := s.Cases.Intake(r.Context(), a, in)
	if err != nil {
		return err
	}
	writeJSON(w, createdOr(created), d)
	return nil
}

func createdOr(created bool) int {
	if created {
		return http.StatusCreated
	}
	return http.StatusOK
}

func (s *Server) listNotices(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	unit, err := queryInt(q, "unitId", 0)
	if err != nil {
		return err
	}
	list, err := s.Cases.Notices(r.Context(), a, int64(unit), q.Get("open") == "true")
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[cases.Notice]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) calendar(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	year, err := queryInt(r.URL.Query(), "year", 0)
	if err != nil {
		return err
	}
	out, err := s.Cases.CalendarOf(r.Context(), a, year)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) setCalendarDay(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	var in cases.CalendarDay
	if err := decode(r, &in); err != nil {
		return err
	}
	out, err := s.Cases.SetCalendarDay(r.Context(), a, r.PathValue("date"), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) deleteCalendarDay(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	if err := s.Cases.DeleteCalendarDay(r.Context(), a, r.PathValue("date")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// The public pages of residents: no account, the token is the key.

// snapForm is what a resident's report may add to its photos: the case
// JSON and the multipart framing.
const snapForm = 1 << 20

// snapBody bounds a resident's report: the photos' total, or six photos at
// the file limit.
func (s *Server) snapBody() int64 {
	if s.ReportPhotos.Bytes > 0 {
		return s.ReportPhotos.Bytes + snapForm
	}
	return 6*files.MaxSize + snapForm
}

func (s *Server) snapByResident(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	r.Body = http.MaxBytesReader(w, r.Body, s.snapBody())
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		if _, ok := err.(*http.MaxBytesError); ok {
			return &domain.Error{Code: domain.CodeTooLarge, Field: "photos",
				Message: fmt.Sprintf("照片总大小超过限制：合计不超过 %d MB，每张不超过 %d MB，最多 6 张", (s.snapBody()-snapForm)>>20, files.MaxSize>>20)}
		}
		return domain.Invalid("case", "请以 multipart/form-data 提交：字段 case（JSON）与 photos（照片）")
	}
	defer r.MultipartForm.RemoveAll()
	var in cases.ResidentInput
	if err := decodeField(r.FormValue("case"), &in); err != nil {
		return err
	}
	if err := s.ReportPhotos.Check("photos", r.MultipartForm.File["photos"]); err != nil {
		return err
	}
	var uploads []cases.Upload
	for _, h := range r.MultipartForm.File["photos"] {
		f, err := h.Open()
		if err != nil {
			return err
		}
		defer f.Close()
		uploads = append(uploads, cases.Upload{Name: h.Filename, Body: f})
	}
	receipt, created, err := s.Cases.SnapByResident(r.Context(), in, uploads)
	if err != nil {
		return err
	}
	writeJSON(w, createdOr(created), receipt)
	return nil
}

// decodeField reads a JSON form field as strictly as a JSON body.
func decodeField(raw string, dst any) error {
	if raw == "" {
		return domain.Invalid("case", "缺少字段 case（案件内容 JSON）")
	}
	r, _ := http.NewRequest("POST", "/", nil)
	r.Body = io.NopCloser(strings.NewReader(raw))
	return decode(r, dst)
}

func (s *Server) followCase(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	out, err := s.Cases.FollowCase(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) rateCase(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	var in cases.RatingInput
	if err := decode(r, &in); err != nil {
		return err
	}
	out, err := s.Cases.Rate(r.Context(), r.PathValue("token"), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) reopenCase(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	var in cases.ReasonInput
	if err := decode(r, &in); err != nil {
		return err
	}
	out, err := s.Cases.Reopen(r.Context(), r.PathValue("token"), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) publicPhoto(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	id, err := pathID(r, "fileId")
	if err != nil {
		return err
	}
	f, body, err := s.Cases.PublicPhoto(r.Context(), r.PathValue("token"), id, r.URL.Query().Get("size"))
	if err != nil {
		return err
	}
	return serveFile(w, f, body)
}

func (s *Server) caseForm(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	out, err := s.Cases.Form(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
