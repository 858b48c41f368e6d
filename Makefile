# Chi Bộ — build, run and test.
#
# Works as root on a fresh Debian 12 with Go and Node/npm: every target installs what it
# needs and skips what is already there. `make help` lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

ROOT       := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
BIN        := build/bin
WAILS      := .bin/wails
OUT        := test-output
# No -trimpath: the binaries then share the compiled cgo packages (SQLite) with go vet/test.
GOBUILD    := go build -buildvcs=false
XVFB_RUN   := xvfb-run -a -s "-screen 0 1366x768x24"

# Debian packages: GTK/WebKitGTK for the desktop build, Xvfb and X tools for the headless
# runs, Chromium for the end-to-end tests, mingw + NSIS for the Windows build, poppler and
# LibreOffice (headless) to read back every paper and workbook the app writes, with the
# Liberation fonts (the metrics of Times New Roman, as office PCs lay the papers out), and
# PostgreSQL for the server's second suite (a throwaway cluster; the package's own cluster
# is not used).
APT_PACKAGES := build-essential pkg-config git curl libgtk-3-dev libwebkit2gtk-4.1-dev \
	xvfb xauth xdotool x11-utils imagemagick chromium \
	gcc-mingw-w64-x86-64 nsis poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui \
	fonts-liberation2 postgresql

# The desktop database: `make run DB=/path/x.db`, else $CHIBO_DB, else the same default as
# the app (os.UserConfigDir()/ChiBo/chibo.db).
DB ?= $(or $(CHIBO_DB),$(or $(XDG_CONFIG_HOME),$(HOME)/.config)/ChiBo/chibo.db)

# The local sync server of `make run` and `make server`: demo data and one account per role.
SERVER_DATA ?= $(or $(CHIBO_SERVER_DATA),$(or $(XDG_DATA_HOME),$(HOME)/.local/share)/ChiBo/server)
SERVER_ADDR ?= 127.0.0.1:8443
# The example the local server is loaded with: kimson2018 (the article's district) or
# ninhbinh2025 (the province over the communes merged in 2025). Use a fresh SERVER_DATA.
PRESET ?= kimson2018

# (frontend/wailsjs/runtime is left out: `wails build` rewrites it, unchanged, on every run.)
FRONTEND_SRC := $(shell find frontend/src frontend/wailsjs/go frontend/public -type f 2>/dev/null) \
	frontend/index.html frontend/vite.config.js frontend/package.json frontend/package-lock.json

.PHONY: help deps sysdeps tooldeps nodedeps frontend bindings build build-dev server server-bin \
	run test vet gotest pgtest fronttest smoke e2e windows bench model clean distclean wailsjs-modes

help:
	@echo "make run        build and start the desktop app (demo data on first run)"
	@echo "make test       vet, unit tests, frontend tests, Windows build, smoke and e2e tests"
	@echo "make bench      benchmarks"
	@echo "make model      the randomized sync model test over 300 seeds"
	@echo "make windows    build/bin/chibo.exe and the NSIS installer"
	@echo "make server     build and start chibo-server"
	@echo "make build      production binary build/bin/chibo"
	@echo "make build-dev  browser-mode binary build/bin/chibo-dev (end-to-end tests)"
	@echo "make bindings   regenerate frontend/wailsjs"
	@echo "make deps       install system packages, npm packages and the Wails CLI"
	@echo "make clean      remove build output"

# ---------------------------------------------------------------- dependencies

deps: sysdeps nodedeps $(WAILS)

sysdeps:
	@command -v go >/dev/null || { echo "Go is required (https://go.dev/doc/install)"; exit 1; }
	@command -v npm >/dev/null || { echo "Node.js 20+ and npm are required"; exit 1; }
	@installed=" $$( { dpkg-query -W -f='$${Package} $${db:Status-Abbrev}\n' $(APT_PACKAGES) 2>/dev/null || true; } \
	  | awk '$$2 == "ii" { printf "%s ", $$1 }')"; \
	missing=""; \
	for p in $(APT_PACKAGES); do \
	  case "$$installed" in *" $$p "*) ;; *) missing="$$missing $$p";; esac; \
	done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "==> apt-get install$$missing"; \
	  $$sudo apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# npm ci only when node_modules is missing or package-lock.json changed since the last one.
nodedeps:
	@stamp=frontend/node_modules/.chibo-lock.sha256; \
	want=$$(sha256sum frontend/package-lock.json | cut -d' ' -f1); \
	if [ ! -f "$$stamp" ] || [ "$$(cat "$$stamp")" != "$$want" ]; then \
	  echo "==> npm ci"; \
	  (cd frontend && npm ci --no-audit --no-fund --loglevel=error); \
	  echo "$$want" > "$$stamp"; \
	fi

# The Wails CLI, pinned in its own module (build/tools/wails) so the app's go.mod stays clean.
$(WAILS): build/tools/wails/go.mod build/tools/wails/go.sum
	@echo "==> building the Wails CLI into $(WAILS)"
	@mkdir -p .bin
	cd build/tools/wails && go build -buildvcs=false -o $(ROOT)/$(WAILS) github.com/wailsapp/wails/v2/cmd/wails

tooldeps: $(WAILS)

# ---------------------------------------------------------------- build

# `wails generate` writes the bindings 0755, `wails build` rewrites the runtime 0644: keep
# them all 0644 so neither leaves the work tree dirty.
wailsjs-modes:
	@chmod -R a-x+X frontend/wailsjs

frontend: nodedeps frontend/dist/index.html

frontend/dist/index.html: $(FRONTEND_SRC)
	@echo "==> npm run build"
	cd frontend && npm run build --silent
	@touch frontend/dist/.gitkeep frontend/dist/index.html

# The generated JS bindings are committed; rerun after changing App's methods. The
# generator runs the app, so it gets a throwaway database.
bindings: $(WAILS)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	CHIBO_DB="$$tmp/bindings.db" $(WAILS) generate module -tags webkit2_41
	@$(MAKE) wailsjs-modes

build: sysdeps frontend
	@mkdir -p $(BIN)
	$(GOBUILD) -tags desktop,production,webkit2_41 -ldflags "-w -s" -o $(BIN)/chibo .

build-dev: sysdeps frontend
	@mkdir -p $(BIN)
	$(GOBUILD) -tags dev,webkit2_41 -o $(BIN)/chibo-dev .

# chibo-server needs cgo (SQLite) but no GUI library.
server-bin:
	@mkdir -p $(BIN)
	$(GOBUILD) -o $(BIN)/chibo-server ./backend/cmd/chibo-server

server: server-bin
	@mkdir -p "$(SERVER_DATA)"
	$(BIN)/chibo-server demo-accounts --data "$(SERVER_DATA)" --preset $(PRESET)
	exec $(BIN)/chibo-server serve --addr $(SERVER_ADDR) --data "$(SERVER_DATA)"

# ---------------------------------------------------------------- run

run: deps build server-bin
	@db="$(DB)"; \
	if [ ! -e "$$db" ]; then \
	  echo "==> new database $$db: loading the demo"; \
	  $(BIN)/chibo-server seed-demo --db "$$db"; \
	fi; \
	mkdir -p "$(SERVER_DATA)"; \
	if curl -fsS "http://$(SERVER_ADDR)/healthz" >/dev/null 2>&1; then \
	  echo "==> a sync server already answers on $(SERVER_ADDR)"; \
	else \
	  echo "==> sync server on http://$(SERVER_ADDR) (data in $(SERVER_DATA), log in $(SERVER_DATA)/server.log)"; \
	  $(BIN)/chibo-server demo-accounts --data "$(SERVER_DATA)" --preset $(PRESET); \
	  $(BIN)/chibo-server serve --addr $(SERVER_ADDR) --data "$(SERVER_DATA)" >>"$(SERVER_DATA)/server.log" 2>&1 & \
	  server=$$!; trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	fi; \
	echo "==> sign in under Đồng bộ with an account above (the server address is filled in)"; \
	if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  $(BIN)/chibo --db "$$db" --server "http://$(SERVER_ADDR)"; \
	else \
	  echo "==> no DISPLAY: running Chi Bộ under Xvfb (a virtual screen, nothing will appear)."; \
	  echo "    Run 'make run' from a desktop session to see the window. Stop with Ctrl+C."; \
	  $(XVFB_RUN) $(BIN)/chibo --db "$$db" --server "http://$(SERVER_ADDR)"; \
	fi

# ---------------------------------------------------------------- test

TEST_STEPS := vet gotest pgtest fronttest windows smoke e2e

test: deps
	@start=$$(date +%s); \
	for step in $(TEST_STEPS); do \
	  t=$$(date +%s); \
	  $(MAKE) $$step || { echo "==> make test: $$step FAILED"; exit 1; }; \
	  echo "==> $$step: $$(( $$(date +%s) - t )) s"; \
	done; \
	echo "==> make test: all passed in $$(( $$(date +%s) - start )) s"

# go.mod must be tidy (direct dependencies marked direct): `go mod tidy` fixes it.
vet: frontend
	go vet ./...
	go mod tidy -diff
	@# Only the app (main) touches the Wails runtime; backend packages render and store.
	@if go list -deps ./backend/... | grep -q '^github.com/wailsapp/'; then \
	  echo "a backend package imports Wails:"; go list -f '{{.ImportPath}} {{join .Imports " "}}' ./backend/... | grep wailsapp; exit 1; fi

# CHIBO_REQUIRE_TOOLS: the document tests fail, not skip, without poppler or LibreOffice.
gotest: frontend
	CHIBO_REQUIRE_TOOLS=1 go test -count=1 ./...

# The server's tests again on PostgreSQL: the store's own, the HTTP API's, the fault
# scenarios (server processes killed mid-push on --db), the randomized model test and the
# sync tests of every feature. build/scripts/pgcluster.sh starts a throwaway cluster and
# sets CHIBO_TEST_POSTGRES; each test gets its own schema (backend/serverstore/pgtest).
PG_PACKAGES := ./backend/serverstore/... ./backend/server/... ./backend/synctest/... ./backend/syncclient/... \
	./backend/fieldsync/... ./backend/desktopsync/... ./backend/session/... ./backend/scoring/...
pgtest: sysdeps
	build/scripts/pgcluster.sh go test -count=1 $(PG_PACKAGES)

fronttest: nodedeps
	cd frontend && npm test --silent -- --passWithNoTests

# Production binary under Xvfb: window mapped, page rendered, screenshot not blank.
smoke: build
	build/scripts/smoke.sh $(BIN)/chibo $(OUT)/smoke-production.png

# Browser-mode end-to-end tests: frontend/e2e/*.test.js with node's test runner.
e2e: build-dev
	@mkdir -p $(OUT)
	CHIBO_DEV_BIN=$(ROOT)/$(BIN)/chibo-dev node --test --test-concurrency=1 frontend/e2e/*.test.js

# Windows: cross-compiled with mingw by the pinned Wails CLI (icon, manifest and version
# info linked in), then the NSIS installer.
windows: sysdeps frontend $(WAILS)
	@rm -f $(BIN)/chibo.exe $(BIN)/chibo-amd64-installer.exe
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(WAILS) build -platform windows/amd64 -nsis \
		-s -m -nosyncgomod -skipbindings -trimpath -v 1
	@$(MAKE) wailsjs-modes
	@for f in $(BIN)/chibo.exe $(BIN)/chibo-amd64-installer.exe; do \
	  [ -s "$$f" ] || { echo "missing $$f"; exit 1; }; \
	  echo "==> $$f: $$(du -h "$$f" | cut -f1)"; \
	done
	@head -c2 $(BIN)/chibo.exe | grep -q MZ || { echo "$(BIN)/chibo.exe is not a Windows executable"; exit 1; }

# ---------------------------------------------------------------- bench

# Go benchmarks, then every build/scripts/bench/*.sh (further bench scripts go there).
# chibo-bench prints one JSON object per target (name, value, unit, baseline, ratio);
# BENCH_FLAGS=-quick for a run small enough for CI. Then the Go micro-benchmarks.
# Then the load generator (its own process) against chibo-server processes: the SQLite
# file with one process, PostgreSQL (a throwaway cluster) with one and with two; and the
# sync and national groups again on that PostgreSQL (postgres_…, national_postgres_…).
LOAD_FLAGS ?= --devices 1000 --duration 20s
bench: sysdeps
	go run ./backend/cmd/chibo-bench $(BENCH_FLAGS)
	go build -buildvcs=false -o $(BIN)/chibo-bench ./backend/cmd/chibo-bench
	$(BIN)/chibo-bench load $(LOAD_FLAGS)
	build/scripts/pgcluster.sh bash -c '$(BIN)/chibo-bench load $(LOAD_FLAGS) --db "$$CHIBO_TEST_POSTGRES" --procs 1 && \
	  $(BIN)/chibo-bench load $(LOAD_FLAGS) --db "$$CHIBO_TEST_POSTGRES" --procs 2 && \
	  $(BIN)/chibo-bench $(BENCH_FLAGS) -db "$$CHIBO_TEST_POSTGRES"'
	go test -run '^$$' -bench . -benchmem ./backend/...
	@for s in $(sort $(wildcard build/scripts/bench/*.sh)); do echo "==> $$s"; bash "$$s"; done

# The randomized sync model test over many seeds (docs/sync-protocol.md, "Fault
# scenarios"): MODEL_SEEDS=300 by default, CHIBO_SEED=N to start from a given seed.
MODEL_SEEDS ?= 300
model:
	CHIBO_MODEL_SEEDS=$(MODEL_SEEDS) go test -count=1 -timeout 3h -run '^TestModelRandomDevicesFaultsAndClocks$$' -v ./backend/synctest/faults \
		| grep -vE '^=== RUN|faultproxy [0-9]+ requests'

# ---------------------------------------------------------------- clean

clean:
	rm -rf $(BIN) $(OUT) build/windows/installer/tmp
	find frontend/dist -mindepth 1 ! -name .gitkeep -exec rm -rf {} +

distclean: clean
	rm -rf .bin frontend/node_modules
