package httpapi

import (
	"net/http"

	"wenming/internal/domain"
	"wenming/internal/plan"
)

type (
	planView    = plan.Plan
	taskView    = plan.Task
	taskDetail  = plan.TaskDetail
	taskInput   = plan.TaskInput
	taskReport  = plan.Report
	reportInput = plan.ReportInput
	unitLists   = plan.Lists
)

func (s *Server) listPlans(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	list, err := s.Plan.Plans(r.Context(), a)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[planView]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) listTasks(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	unit, err := queryInt(q, "unitId", 0)
	if err != nil {
		return err
	}
	f := plan.TaskFilter{Phase: q.Get("phase"), UnitID: int64(unit), Overdue: q.Get("overdue") == "true", Q: q.Get("q")}
	list, err := s.Plan.Tasks(r.Context(), a, id, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[taskView]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) myLists(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	l, err := s.Plan.UnitLists(r.Context(), a, a.UnitID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
	return nil
}
