package files

import (
	"wenming/internal/blob"
	"wenming/internal/store"
)

// NewLazyService returns a service without the copy worker, so a test sees
// the copies made by the first request that asks for one.
func NewLazyService(db *store.DB, blobs blob.Store) *Service { return newService(db, blobs, 0) }
