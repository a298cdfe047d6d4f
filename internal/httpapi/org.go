package httpapi

import (
	"context"
	"io"
	"mime/multipart"
	"net/http"

	"wenming/internal/domain"
	"wenming/internal/org"
)

type (
	regionInput = org.RegionInput
	// jurisdictionInput sets up an office over a region.
	jurisdictionInput = org.JurisdictionInput
	unitInput         = org.UnitInput
	personInput       = org.PersonInput
	importResult      = org.ImportResult
)

type passwordReset struct {
	NewPassword string `json:"newPassword"`
}

// maxUpload bounds an imported workbook.
const maxUpload = 10 << 20

// uploadedFile returns the "file" part of a multipart request.
func uploadedFile(w http.ResponseWriter, r *http.Request) (multipart.File, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	f, _, err := r.FormFile("file")
	if err != nil {
		if _, ok := err.(*http.MaxBytesError); ok {
			return nil, &domain.Error{Code: domain.CodeTooLarge, Field: "file", Message: "文件超过 10 MB，请拆分后分批导入"}
		}
		return nil, domain.Invalid("file", "请选择要导入的 .xlsx 文件（表单字段 file）")
	}
	return f, nil
}

func (s *Server) listRegions(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	list, err := s.Org.Regions(r.Context(), a, r.URL.Query().Get("q"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[domain.Region]{Items: list, Total: len(list)})
	return nil
}

// jurisdictionOffice names a jurisdiction's creation office unit.
type jurisdictionOffice struct {
	OfficeUnitID int64 `json:"officeUnitId"`
}

func (s *Server) setJurisdictionOffice(ctx context.Context, a *domain.Actor, id int64, in jurisdictionOffice) (domain.Jurisdiction, error) {
	return s.Org.SetJurisdictionOffice(ctx, a, id, in.OfficeUnitID)
}

func (s *Server) listJurisdictions(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	list, err := s.Org.Jurisdictions(r.Context(), a)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, listOf[domain.Jurisdiction]{Items: list, Total: len(list)})
	return nil
}

func (s *Server) exportRegions(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	return sendFile(w, "区划.xlsx", xlsxType, func(out io.Writer) error { return s.Org.ExportRegions(r.Context(), a, out) })
}

func (s *Server) regionTemplate(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	return sendFile(w, "区划导入模板.xlsx", xlsxType, org.RegionTemplate)
}

// regionBoundary answers a region's outline as GeoJSON (204 when none).
func (s *Server) regionBoundary(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	geo, err := s.Org.RegionBoundary(r.Context(), a, id)
	if err != nil {
		return err
	}
	if geo == "" {
		w.WriteHeader(http.StatusNoContent)
		return nil
	}
	w.Header().Set("Content-Type", geoJSONType)
	_, err = io.WriteString(w, geo)
	return err
}

const geoJSONType = "application/geo+json"

func (s *Server) importBoundaries(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := s.Org.ImportBoundaries(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (s *Server) importRegions(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := s.Org.ImportRegions(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func unitFilter(r *http.Request) (org.UnitFilter, error) {
	q := r.URL.Query()
	p, err := readPage(q)
	if err != nil {
		return org.UnitFilter{}, err
	}
	region, err := queryInt(q, "regionId", 0)
	if err != nil {
		return org.UnitFilter{}, err
	}
	return org.UnitFilter{Q: q.Get("q"), Kind: q.Get("kind"), Class: q.Get("class"), RegionID: int64(region), Page: p.Page, Size: p.Size}, nil
}

func (s *Server) listUnits(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := unitFilter(r)
	if err != nil {
		return err
	}
	list, total, err := s.Org.Units(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pageOf[domain.Unit]{Items: list, Total: total, Page: f.Page, PageSize: f.Size})
	return nil
}

func (s *Server) exportUnits(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := unitFilter(r)
	if err != nil {
		return err
	}
	return sendFile(w, "单位.xlsx", xlsxType, func(out io.Writer) error { return s.Org.ExportUnits(r.Context(), a, f, out) })
}

func (s *Server) unitTemplate(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	return sendFile(w, "单位导入模板.xlsx", xlsxType, org.UnitTemplate)
}

func (s *Server) importUnits(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := s.Org.ImportUnits(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func peopleFilter(r *http.Request) (org.PeopleFilter, error) {
	q := r.URL.Query()
	p, err := readPage(q)
	if err != nil {
		return org.PeopleFilter{}, err
	}
	unit, err := queryInt(q, "unitId", 0)
	if err != nil {
		return org.PeopleFilter{}, err
	}
	return org.PeopleFilter{Q: q.Get("q"), UnitID: int64(unit), Role: q.Get("role"), Page: p.Page, Size: p.Size}, nil
}

func (s *Server) listPeople(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := peopleFilter(r)
	if err != nil {
		return err
	}
	list, total, err := s.Org.People(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pageOf[domain.Person]{Items: list, Total: total, Page: f.Page, PageSize: f.Size})
	return nil
}

func (s *Server) resetPassword(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in passwordReset
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := s.Org.ResetPassword(r.Context(), a, id, in.NewPassword); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) exportPeople(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := peopleFilter(r)
	if err != nil {
		return err
	}
	return sendFile(w, "人员.xlsx", xlsxType, func(out io.Writer) error { return s.Org.ExportPeople(r.Context(), a, f, out) })
}

func (s *Server) peopleTemplate(w http.ResponseWriter, r *http.Request, _ *domain.Actor) error {
	return sendFile(w, "人员导入模板.xlsx", xlsxType, org.PeopleTemplate)
}

func (s *Server) importPeople(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	f, err := uploadedFile(w, r)
	if err != nil {
		return err
	}
	defer f.Close()
	res, err := s.Org.ImportPeople(r.Context(), a, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}
