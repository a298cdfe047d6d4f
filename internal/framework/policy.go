package framework

import (
	"context"

	"wenming/internal/domain"
)

// Who may read and change frameworks and targets, decided here once.
//
// A framework belongs to a jurisdiction. The office that owns it edits,
// freezes and deletes it; the jurisdictions below read it (the city adopts
// the national framework, its counties inherit it), and the offices above
// read it as they read everything of their counties. A county never reads
// a sibling county's own framework.

// editors may change drafts; everyone signed in may read.
var editors = []domain.Role{domain.RoleOfficeLeader, domain.RoleOfficeStaff}

func requireEditor(a *domain.Actor) error {
	if !a.Has(editors...) {
		return domain.Forbidden("只有创城办可以维护测评体系")
	}
	return nil
}

// readsFramework: the owner's reach (itself and the offices above it), and
// every jurisdiction below the owner, which inherits the framework. A
// version without a jurisdiction is deployment-wide.
func readsFramework(a *domain.Actor, f domain.Framework) bool {
	if f.JurisdictionID == nil || a.ReadsJurisdiction(*f.JurisdictionID, f.JurisdictionCode) {
		return true
	}
	return a != nil && domain.Within(a.JurisdictionCode, f.JurisdictionCode)
}

func requireFrameworkReader(a *domain.Actor, f domain.Framework) error {
	if !readsFramework(a, f) {
		return domain.NotFound("测评体系")
	}
	return nil
}

// requireOwner: only the owning office changes a version; an inherited or
// supervised one is read-only to everyone else.
func requireOwner(a *domain.Actor, f domain.Framework) error {
	if err := requireEditor(a); err != nil {
		return err
	}
	if f.JurisdictionID != nil && !a.GovernsJurisdiction(*f.JurisdictionID) {
		owner := f.JurisdictionName
		if owner == "" {
			owner = "其他辖区"
		}
		return domain.Forbidden("该测评体系属于" + owner + "，只有其创城办可以修改；如需调整请“复制为新版本”")
	}
	return nil
}

// home is the jurisdiction the actor works in: its own, else for the
// system acting deployment-wide the one top jurisdiction. What the actor
// creates belongs there; unit names it types are resolved there.
func (s *Service) home(ctx context.Context, a *domain.Actor) (domain.Jurisdiction, error) {
	list, err := s.org.Jurisdictions(ctx, a)
	if err != nil {
		return domain.Jurisdiction{}, err
	}
	var top []domain.Jurisdiction
	for _, j := range list {
		if j.ID == a.JurisdictionID {
			return j, nil
		}
		if j.ParentID == nil {
			top = append(top, j)
		}
	}
	if a.JurisdictionID == 0 && len(top) == 1 {
		return top[0], nil
	}
	return domain.Jurisdiction{}, domain.Forbidden("您的单位不属于任何创城办辖区，不能在此操作")
}

// jurisdictionOf finds a jurisdiction by id among those set up.
func (s *Service) jurisdictionOf(ctx context.Context, a *domain.Actor, id int64) (domain.Jurisdiction, error) {
	list, err := s.org.Jurisdictions(ctx, a)
	if err != nil {
		return domain.Jurisdiction{}, err
	}
	for _, j := range list {
		if j.ID == id {
			return j, nil
		}
	}
	return domain.Jurisdiction{}, domain.Invalid("jurisdictionId", "辖区不存在")
}

// jurisdictionCodes maps each jurisdiction to its region code, to tell
// which lie below which.
func (s *Service) jurisdictionCodes(ctx context.Context) (map[int64]string, error) {
	rows, err := s.db.Read().Query(ctx, `SELECT j.region_id, r.code FROM jurisdictions j JOIN regions r ON r.id = j.region_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return nil, err
		}
		out[id] = code
	}
	return out, rows.Err()
}

// unitUnder: a standard's units are the owning jurisdiction's own or those
// of a jurisdiction below it (the city may make a county's department
// responsible), never a sibling's.
func unitUnder(u domain.Unit, f domain.Framework, codes map[int64]string) bool {
	if f.JurisdictionID == nil {
		return true
	}
	if u.JurisdictionID == nil {
		return false
	}
	return *u.JurisdictionID == *f.JurisdictionID || domain.Within(codes[*u.JurisdictionID], f.JurisdictionCode)
}
