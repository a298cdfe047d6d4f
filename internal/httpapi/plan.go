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

func (s *Server) createTask(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in taskInput
	if err := decode(r, &in); err != nil {
		return err
	}
	t, err := s.Plan.CreateTask(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, t)
	return nil
}

func (s *Server) getTask(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	t, err := s.Plan.Task(r.Context(), a, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}

func (s *Server) updateTask(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in taskInput
	if err := decode(r, &in); err != nil {
		return err
	}
	t, err := s.Plan.UpdateTask(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}

func (s *Server) deleteTask(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.Plan.DeleteTask(r.Context(), a, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) reportTask(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in reportInput
	if err := decode(r, &in); err != nil {
		return err
	}
	rep, err := s.Plan.ReportProgress(r.Context(), a, id, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, rep)
	return nil
}

func (s *Server) unitLists(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, err := s.Plan.UnitLists(r.Context(), a, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, l)
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
