// Package web holds the built console (web/dist/app) for embedding in the
// binary. Build it with `make web`; without it the server says so.
package web

import "embed"

// Dist is the built UI; index.html sits at dist/app/index.html.
//
//go:embed all:dist
var Dist embed.FS
