// Package patrol keeps the field points (实地考察点位) the campaign is judged
// at: their categories and checklists, the points themselves with their
// units and QR codes, and the patrols (巡查) that judge them. Every failed
// check becomes a case for the point's unit through the cases service.
package patrol

import (
	"context"

	"wenming/internal/cases"
	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/store"
)

// Rounds is what a patrol needs of the mock-assessment rounds: whether a
// point may be judged in a round, and marking it done in the patrol's own
// transaction. The assessment service implements it.
type Rounds interface {
	CheckPatrol(ctx context.Context, c *store.Conn, actor *domain.Actor, roundID, pointID int64) error
	MarkDone(ctx context.Context, c *store.Conn, roundID, pointID, patrolID int64) error
}

// Service is the points and patrols service.
type Service struct {
	db     *store.DB
	org    *org.Service
	cases  *cases.Service
	fw     *framework.Service
	rounds Rounds
	// FarMeters is how far from its point a patrol may stand before it is flagged.
	FarMeters float64
}

// NewService returns the service and guards the photos patrols keep; a
// patrol made for a mock assessment asks rounds whether its inspector may
// judge the point, and tells it the point is done.
func NewService(db *store.DB, o *org.Service, k *cases.Service, fw *framework.Service, f *files.Service, rounds Rounds) *Service {
	s := &Service{db: db, org: o, cases: k, fw: fw, rounds: rounds, FarMeters: 200}
	f.GuardOwner("patrol", s.canReadPhotos)
	return s
}

// Severities of a check.
var Severities = []domain.Named{{Code: "minor", Name: "一般"}, {Code: "major", Name: "较重"}, {Code: "critical", Name: "严重"}}

// Results of judging a check.
var Results = []domain.Named{{Code: "pass", Name: "合格"}, {Code: "fail", Name: "不合格"}, {Code: "na", Name: "不适用"}}
