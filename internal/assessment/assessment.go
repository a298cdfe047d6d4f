// Package assessment runs the mock assessments (模拟测评): rounds that draw
// points at random from a recorded seed and share them among inspectors,
// the rates entered by hand for methods not yet collected, the
// negative-list events, and the scores — of a round, and live over the
// everyday patrols — computed by one engine (internal/score) and traceable
// to the observations behind every number.
package assessment

import (
	"sync"

	"wenming/internal/framework"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/store"
	"wenming/internal/submission"
)

// Service is the assessment service.
type Service struct {
	db     *store.DB
	org    *org.Service
	fw     *framework.Service
	patrol *patrol.Service
	sub    *submission.Service

	mu       sync.Mutex
	headline map[int64]headline // by jurisdiction, 0 the whole deployment
	periods  map[periodKey]headline
}

// NewService returns the service.
func NewService(db *store.DB, o *org.Service, fw *framework.Service, p *patrol.Service, sub *submission.Service) *Service {
	return &Service{db: db, org: o, fw: fw, patrol: p, sub: sub, headline: map[int64]headline{}, periods: map[periodKey]headline{}}
}
