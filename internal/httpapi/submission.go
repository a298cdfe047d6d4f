package httpapi

import (
	"io"
	"net/http"

	"wenming/internal/domain"
	"wenming/internal/message"
	"wenming/internal/submission"
)

type (
	requirementView  = submission.Requirement
	requirementInput = submission.RequirementInput
	generateResult   = submission.GenerateResult
	submissionView   = submission.Submission
	submissionDetail = submission.Detail
	draftInput       = submission.Draft
	reviewInput      = submission.Review
	reviewItem       = submission.ReviewItem
	todoItem         = submission.TodoItem
	matrixView       = submission.Matrix
	openUnit         = submission.OpenUnit
	unitFigures      = submission.UnitFigures
	messageView      = message.Message
)

type generateRequest struct {
	FrameworkID int64 `json:"frameworkId"`
}

type todoList struct {
	Items  []todoItem `json:"items"`
	Period string     `json:"period"`
}

type openView struct {
	Month string     `json:"month"`
	Units []openUnit `json:"units"`
}

type figuresView struct {
	Quarter string        `json:"quarter"`
	Units   []unitFigures `json:"units"`
}

func (s *Server) listRequirements(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	fid, err := queryInt(q, "frameworkId", 0)
	if err != nil {
		return err
	}
	unit, err := queryInt(q, "unitId", 0)
	if err != nil {
		return err
	}
	list, err := s.Submission.Requirements(r.Context(), a, submission.RequirementFilter{FrameworkID: int64(fid), UnitID: int64(unit), Q: q.Get("q")})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[requirementView]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) generateRequirements(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	var in generateRequest
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.FrameworkID == 0 {
		return domain.Invalid("frameworkId", "请选择测评体系版本")
	}
	res, err := s.Submission.Generate(r.Context(), a, in.FrameworkID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) todo(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	items, period, err := s.Submission.Todo(r.Context(), a, r.URL.Query().Get("period"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, todoList{Items: items, Period: period})
	return nil
}

func (s *Server) reviewQueue(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	unit, err := queryInt(q, "unitId", 0)
	if err != nil {
		return err
	}
	status := q.Get("status")
	if status != "" && status != "draft" && status != "submitted" && status != "returned" && status != "approved" {
		return domain.Invalid("status", "状态应为 draft、submitted、returned 或 approved")
	}
	list, err := s.Submission.Queue(r.Context(), a, submission.QueueFilter{Status: status, UnitID: int64(unit), StandardQ: q.Get("q"), Period: q.Get("period")})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[reviewItem]{Items: list, Total: len(list)})
	return nil
}

func matrixFilter(r *http.Request) (submission.MatrixFilter, error) {
	q := r.URL.Query()
	fid, err := queryInt(q, "frameworkId", 0)
	if err != nil {
		return submission.MatrixFilter{}, err
	}
	unit, err := queryInt(q, "unitId", 0)
	if err != nil {
		return submission.MatrixFilter{}, err
	}
	return submission.MatrixFilter{FrameworkID: int64(fid), Month: q.Get("period"), UnitID: int64(unit), State: q.Get("state")}, nil
}

func (s *Server) matrix(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := matrixFilter(r)
	if err != nil {
		return err
	}
	m, err := s.Submission.Matrix(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, m)
	return nil
}

func (s *Server) exportMatrix(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := matrixFilter(r)
	if err != nil {
		return err
	}
	return sendFile(w, "材料报送完成情况.xlsx", xlsxType, func(out io.Writer) error { return s.Submission.ExportMatrix(r.Context(), a, f, out) })
}

func (s *Server) openItems(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	month := r.URL.Query().Get("month")
	units, err := s.Submission.OpenAtMonthEnd(r.Context(), a, month)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, openView{Month: month, Units: units})
	return nil
}

func (s *Server) figures(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	quarter := r.URL.Query().Get("quarter")
	units, err := s.Submission.Figures(r.Context(), a, quarter)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, figuresView{Quarter: quarter, Units: units})
	return nil
}

func (s *Server) archive(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	q := r.URL.Query()
	var ids [3]int
	for i, name := range []string{"frameworkId", "standardId", "unitId"} {
		v, err := queryInt(q, name, 0)
		if err != nil {
			return err
		}
		ids[i] = v
	}
	f := submission.ArchiveFilter{FrameworkID: int64(ids[0]), StandardID: int64(ids[1]), UnitID: int64(ids[2]), Year: q.Get("year")}
	return sendFile(w, "材料归档.zip", "application/zip", func(out io.Writer) error { return s.Submission.Archive(r.Context(), a, f, out) })
}

func (s *Server) listMessages(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	list, err := s.Message.List(r.Context(), a)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[messageView]{Items: list, Total: len(list)})
	return nil
}
