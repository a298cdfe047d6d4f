# wenming — the two commands a newcomer needs are `make demo` and `make test`.

GO        ?= go
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X wenming/internal/app.Version=$(VERSION)
BIN       := bin/wenming
PG_URL    ?= postgres://postgres@127.0.0.1:5432/test?sslmode=disable

export WENMING_TEST_POSTGRES_URL ?= $(PG_URL)
export WENMING_TEST_REQUIRE_BROWSER ?= 1

.PHONY: all build web api-types demo test test-go test-web test-e2e bench lint clean

all: build

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## web: build the console into web/dist/app (embedded by the Go build), after checking that
## web/src/api/schema.d.ts is what the OpenAPI document gives (it fails when they drift)
web: web/node_modules/.installed
	cd web && GO="$(GO)" npm run api:check
	cd web && npm run build

## api-types: regenerate web/src/api/schema.d.ts from the OpenAPI document (then commit it)
api-types: web/node_modules/.installed
	cd web && GO="$(GO)" npm run api:types

## build: the console and the single binary
build: web
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/wenming

## demo: build, load the demo county into ./data and serve it on :8080
demo: build
	./$(BIN) demo

## test: Go on SQLite and PostgreSQL, UI unit tests, browser end-to-end tests
test: web test-go test-web

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 20m ./...

test-web: web/node_modules/.installed
	cd web && npm test

## test-e2e: only the end-to-end tests (API and browser)
test-e2e: web
	$(GO) test -count=1 -v -run . ./e2e/

## bench: measure the app against the raw database on a synthetic city (SCALE=small|medium, DB=postgres://… for PostgreSQL)
SCALE ?= small
bench: build
	./$(BIN) bench -scale $(SCALE) $(if $(DB),-db $(DB)) -out docs/performance.md

clean:
	rm -rf bin web/dist/app
