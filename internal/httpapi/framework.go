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

func (s *Server) getFramework(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.Framework.Get(r.Context(), a, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, f)
	return nil
}

func (s *Server) updateFramework(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in frameworkHeader
	if err := decode(r, &in); err != nil {
		return err
	}
	f, err := s.Framework.UpdateHeader(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, f)
	return nil
}

func (s *Server) deleteFramework(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.Framework.Delete(r.Context(), a, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) copyFramework(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.Framework.Copy(r.Context(), a, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, f)
	return nil
}

func (s *Server) freezeFramework(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, err := s.Framework.Freeze(r.Context(), a, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, f)
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

func (s *Server) frameworkTree(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := s.Framework.Tree(r.Context(), a, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
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

// frameworkEdit decodes an edit of a draft's part and answers with what the
// service returns; the three kinds of part share this shape.
func frameworkIDs(r *http.Request, sub string) (int64, int64, error) {
	id, err := pathID(r, "id")
	if err != nil || sub == "" {
		return id, 0, err
	}
	subID, err := pathID(r, sub)
	return id, subID, err
}

func (s *Server) createNode(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, _, err := frameworkIDs(r, "")
	if err != nil {
		return err
	}
	var in nodeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	n, err := s.Framework.CreateNode(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, n)
	return nil
}

func (s *Server) updateNode(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, nid, err := frameworkIDs(r, "nodeId")
	if err != nil {
		return err
	}
	var in nodeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	n, err := s.Framework.UpdateNode(r.Context(), a, id, nid, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, n)
	return nil
}

func (s *Server) deleteNode(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, nid, err := frameworkIDs(r, "nodeId")
	if err != nil {
		return err
	}
	if err := s.Framework.DeleteNode(r.Context(), a, id, nid); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) createStandard(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, _, err := frameworkIDs(r, "")
	if err != nil {
		return err
	}
	var in standardInput
	if err := decode(r, &in); err != nil {
		return err
	}
	st, err := s.Framework.CreateStandard(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, st)
	return nil
}

func (s *Server) updateStandard(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, sid, err := frameworkIDs(r, "sid")
	if err != nil {
		return err
	}
	var in standardInput
	if err := decode(r, &in); err != nil {
		return err
	}
	st, err := s.Framework.UpdateStandard(r.Context(), a, id, sid, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

func (s *Server) deleteStandard(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, sid, err := frameworkIDs(r, "sid")
	if err != nil {
		return err
	}
	if err := s.Framework.DeleteStandard(r.Context(), a, id, sid); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) createNegative(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, _, err := frameworkIDs(r, "")
	if err != nil {
		return err
	}
	var in negativeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	n, err := s.Framework.CreateNegative(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, n)
	return nil
}

func (s *Server) updateNegative(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, nid, err := frameworkIDs(r, "negId")
	if err != nil {
		return err
	}
	var in negativeInput
	if err := decode(r, &in); err != nil {
		return err
	}
	n, err := s.Framework.UpdateNegative(r.Context(), a, id, nid, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, n)
	return nil
}

func (s *Server) deleteNegative(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, nid, err := frameworkIDs(r, "negId")
	if err != nil {
		return err
	}
	if err := s.Framework.DeleteNegative(r.Context(), a, id, nid); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
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
	status := q.Get("status")
	if status != "" && status != "met" && status != "not_met" && status != "not_reported" {
		return domain.Invalid("status", "状态应为 met、not_met 或 not_reported")
	}
	list, period, err := s.Framework.Targets(r.Context(), a, framework.TargetFilter{FrameworkID: int64(fid), Period: q.Get("period"), Status: status, UnitID: int64(unit), Q: q.Get("q")})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, targetList{Items: list, Total: len(list), Period: period})
	return nil
}

func (s *Server) reportTarget(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in targetInput
	if err := decode(r, &in); err != nil {
		return err
	}
	rep, err := s.Framework.Report(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, rep)
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
