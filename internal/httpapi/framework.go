package httpapi

import (
	"io"
	"net/http"

	"wenming/internal/domain"
	"wenming/internal/framework"
)

type (
	frameworkHeader = framework.Header
	nodeInput       = framework.NodeInput
	standardInput   = framework.StandardInput
	negativeInput   = framework.NegativeInput
	frameworkTree   = framework.Tree
	comparison      = framework.Comparison
	standardPage    = framework.StandardPage
	targetStatus    = framework.TargetStatus
	targetReport    = framework.TargetReport
	targetInput     = framework.ReportInput
)

type checkResult struct {
	Problems []domain.ImportProblem `json:"problems"`
}

type targetList struct {
	Items  []targetStatus `json:"items"`
	Total  int            `json:"total"`
	Period string         `json:"period"`
}

func (s *Server) listFrameworks(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	list, err := s.Framework.List(r.Context(), a)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[domain.Framework]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) checkFramework(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	problems, err := s.Framework.Check(r.Context(), a, id)
	if err != nil {
		return err
	}
	if problems == nil {
		problems = []domain.ImportProblem{}
	}
	writeJSON(w, http.StatusOK, checkResult{Problems: problems})
	return nil
}

func (s *Server) getStandard(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sid, err := pathID(r, "sid")
	if err != nil {
		return err
	}
	st, err := s.Framework.Standard(r.Context(), a, id, sid)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

func (s *Server) exportFramework(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.Framework.Get(r.Context(), a, id)
	if err != nil {
		return err
	}
	name := f.Name + "-v" + itoa(f.Version) + ".xlsx"
	return sendFile(w, name, xlsxType, func(out io.Writer) error { return s.Framework.Export(r.Context(), a, id, out) })
}

func (s *Server) frameworkTemplate(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	return sendFile(w, "测评体系导入模板.xlsx", xlsxType, framework.Template)
}

func (s *Server) importFramework(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	fw, err := s.Framework.Import(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, fw)
	return nil
}

func (s *Server) compareFrameworks(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	ida, err := queryInt(q, "a", 0)
	if err != nil {
		return err
	}
	idb, err := queryInt(q, "b", 0)
	if err != nil {
		return err
	}
	if ida == 0 || idb == 0 {
		return domain.Invalid("a", "请选择要对比的两个版本（a 与 b）")
	}
	c, err := s.Framework.Compare(r.Context(), a, int64(ida), int64(idb))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}

func (s *Server) listTargets(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	fid, err := queryInt(q, "frameworkId", 0)
	if err != nil {
		return err
	}
	unit, err := queryInt(q, "unitId", 0)
	if err != nil {
		return err
	}
	jurisdiction, err := queryInt(q, "jurisdictionId", 0)
	if err != nil {
		return err
	}
	status := q.Get("status")
	if status != "" && status != "met" && status != "not_met" && status != "not_reported" {
		return domain.Invalid("status", "状态应为 met、not_met 或 not_reported")
	}
	list, period, err := s.Framework.Targets(r.Context(), a, framework.TargetFilter{JurisdictionID: int64(jurisdiction), FrameworkID: int64(fid), Period: q.Get("period"), Status: status, UnitID: int64(unit), Q: q.Get("q")})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, targetList{Items: list, Total: len(list), Period: period})
	return nil
}

func (s *Server) targetReports(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	list, err := s.Framework.Reports(r.Context(), a, id, r.URL.Query().Get("period"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[targetReport]{Items: list, Total: len(list)})
	return nil
}
