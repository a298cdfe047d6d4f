package app

import (
	"log/slog"

	"wenming/internal/assessment"
	"wenming/internal/audit"
	"wenming/internal/auth"
	"wenming/internal/blob"
	"wenming/internal/cases"
	"wenming/internal/files"
	"wenming/internal/framework"
	"wenming/internal/httpapi"
	"wenming/internal/message"
	"wenming/internal/org"
	"wenming/internal/patrol"
	"wenming/internal/plan"
	"wenming/internal/ranking"
	"wenming/internal/store"
	"wenming/internal/submission"
	"wenming/internal/webhook"
)

// Services are every area's service over one database, built once, in
// dependency order, each handed what it needs. The server, the demo loader,
// the benchmark and the tests build them here, so none of them can leave a
// part out.
type Services struct {
	Org        *org.Service
	Auth       *auth.Service
	Audit      *audit.Service
	Message    *message.Service
	Files      *files.Service
	Framework  *framework.Service
	Plan       *plan.Service
	Submission *submission.Service
	Cases      *cases.Service
	Webhooks   *webhook.Service
	Patrol     *patrol.Service
	Assessment *assessment.Service
	Ranking    *ranking.Service
}

// Options are what the services take from the configuration.
type Options struct {
	Blobs blob.Store
	Auth  auth.Policy
	// Webhooks are the internal receivers webhooks may post to.
	Webhooks webhook.Allowlist
	// DecodePixelsPerMinute bounds the photo decoding of a minute (0: the
	// files service's default, negative: no bound).
	DecodePixelsPerMinute int
	// PDFFont is the TrueType font bulletins are printed in ("" = the usual places).
	PDFFont string
}

// NewServices builds every service. Each area that keeps files with its
// records registers who may read them here; a file of a kind no area
// guards is refused.
func NewServices(db *store.DB, o Options) *Services {
	s := &Services{Org: org.NewService(db), Auth: auth.NewService(db, o.Auth), Audit: audit.NewService(db, cases.EventNames()),
		Message: message.NewService(db), Webhooks: webhook.NewService(db, o.Webhooks)}
	s.Files = files.NewService(db, o.Blobs)
	switch {
	case o.DecodePixelsPerMinute < 0:
		s.Files.SetDecodeBudget(0)
	case o.DecodePixelsPerMinute > 0:
		s.Files.SetDecodeBudget(o.DecodePixelsPerMinute)
	}
	s.Framework = framework.NewService(db, s.Org)
	s.Plan = plan.NewService(db, s.Org, s.Framework)
	s.Submission = submission.NewService(db, s.Org, s.Framework, s.Files)
	s.Cases = cases.NewService(db, s.Org, s.Files)
	s.Patrol = patrol.NewService(db, s.Org, s.Cases, s.Framework, s.Files, assessment.RoundPatrols{})
	s.Assessment = assessment.NewService(db, s.Org, s.Framework, s.Patrol, s.Submission)
	s.Ranking = ranking.NewService(db, ranking.Deps{Org: s.Org, Cases: s.Cases, Submissions: s.Submission, Plans: s.Plan,
		Patrols: s.Patrol, Scores: s.Assessment, FontPath: o.PDFFont})
	s.Framework.GuardFiles(s.Files)
	s.Plan.GuardFiles(s.Files)
	s.Ranking.GuardFiles(s.Files)
	return s
}

// HTTP hands the services to the HTTP API; the caller adds what the
// configuration says of the server itself.
func (s *Services) HTTP(db *store.DB, log *slog.Logger) httpapi.Deps {
	return httpapi.Deps{Log: log, DB: db, Auth: s.Auth, Org: s.Org, Audit: s.Audit, Framework: s.Framework, Plan: s.Plan,
		Files: s.Files, Ranking: s.Ranking, Submission: s.Submission, Message: s.Message, Cases: s.Cases, Webhooks: s.Webhooks,
		Patrol: s.Patrol, Assessment: s.Assessment}
}
