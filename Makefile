# Feedtakt — two commands for a developer on Debian/Ubuntu:
#   make run    build and open the app (on a demo workspace unless WORKSPACE=DIR)
#   make test   vet, gofmt and the whole test suite with the race detector
# Both install the Debian packages they need when they are missing.

SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
GO ?= go

# Fyne's cgo build (GLFW) for the real window.
GUI_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# The tests use Fyne's software driver (-tags ci): gcc for -race, and
# pdftotext (poppler-utils) to read back the PDFs the tests write.
TEST_PKGS := gcc poppler-utils
WIN_PKGS := gcc-mingw-w64-x86-64
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4
# Checks beyond vet, pinned so that CI and a developer see the same findings.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOCYCLO := github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.9.0
# Cyclomatic complexity of non-test functions: above WARN is listed, above
# FAIL fails the build.
CYCLO_WARN := 15
CYCLO_FAIL := 25

# The screens' tests run Fyne's software driver: under the race detector
# they took 23 minutes of a 25-minute CI run, spent drawing, not racing. The
# race detector runs over the tests whose goroutines meet: the job runner,
# results dropped after a switch, thumbnails, imports, drops, the panels'
# background loads and reminders. Every other screen test runs without it.
RACE_APP := ^Test(Runner|HandoverReplace|StatusArea|Slow|Panels|Midnight|ChangeLogPage|MissingMedia|Stale|Thumb|LibraryTile|LibraryImport|LibrarySearch|LibraryDrop|LibraryPages|SearchDrops|DropOn|ErasureReloads|Reminders|Hover|Today)

RUN_DIR := .run
DEMO_DIR := $(RUN_DIR)/demo
WORKSPACE ?=
TAGS := timetzdata

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

define ensure_packages
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: run test lint build windows deps-gui deps-test deps-win bench clean

deps-gui:
	$(call ensure_packages,$(GUI_PKGS))

deps-test:
	$(call ensure_packages,$(TEST_PKGS))

deps-win:
	$(call ensure_packages,$(WIN_PKGS))
	@command -v fyne >/dev/null || $(GO) install $(FYNE_TOOL)

build: deps-gui
	$(GO) build -tags $(TAGS) -o $(RUN_DIR)/feedtakt .

# A second "make run" reuses the demo workspace made by the first.
run: build
ifeq ($(WORKSPACE),)
	@[ -f $(DEMO_DIR)/feedtakt.db ] || $(RUN_DIR)/feedtakt demo $(DEMO_DIR)
	$(RUN_DIR)/feedtakt --workspace $(DEMO_DIR)
else
	$(RUN_DIR)/feedtakt --workspace "$(WORKSPACE)"
endif

# Fyne writes preferences and a font cache: keep them out of $HOME. Go
# derives its build cache from XDG_CACHE_HOME, so pin GOCACHE first.
test: deps-test
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	export GOCACHE=$$($(GO) env GOCACHE); \
	export XDG_CONFIG_HOME=$$tmp/config XDG_CACHE_HOME=$$tmp/cache CGO_ENABLED=1 LANG=de_DE.UTF-8; \
	set -e; \
	echo "== go vet"; $(GO) vet -tags ci ./...; \
	echo "== gofmt"; out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi; \
	echo "== data/ must not import Fyne"; if $(GO) list -deps ./data/... | grep '^fyne.io/'; then exit 1; fi; \
	$(MAKE) --no-print-directory lint; \
	echo "== go test -race (all but the screens)"; $(GO) test -race -tags ci -count=1 -timeout 30m $$($(GO) list ./... | grep -v '^feedtakt/app$$'); \
	echo "== go test app (the screens, without the race detector)"; $(GO) test -tags ci -count=1 -timeout 30m ./app/; \
	echo "== go test -race app (the screens' concurrent paths)"; $(GO) test -race -tags ci -count=1 -timeout 30m -run '$(RACE_APP)' ./app/; \
	echo "== import of 5,000 files (without the race detector's slowdown)"; \
	$(GO) test -tags ci -count=1 -run '^TestImportFilesFolderOf5000$$' ./data/

# staticcheck, the complexity limit and govulncheck against the offline
# snapshot of the Go vulnerability database in .ci/vulndb (this machine has
# no route to vuln.go.dev; refresh it with .ci/vulndb-refresh).
lint:
	@set -e; export GOCACHE=$$($(GO) env GOCACHE); bin=$$($(GO) env GOPATH)/bin; \
	for t in $(STATICCHECK) $(GOCYCLO) $(GOVULNCHECK); do \
		name=$$(basename $${t%@*}); want=$${t#*@}; \
		if ! $(GO) version -m $$bin/$$name 2>/dev/null | grep -q "mod.*$$want"; then $(GO) install $$t; fi; \
	done; \
	echo "== staticcheck"; $$bin/staticcheck -tags ci ./...; \
	echo "== gocyclo (over $(CYCLO_WARN) listed, over $(CYCLO_FAIL) fails)"; \
	$$bin/gocyclo -over $(CYCLO_WARN) -ignore '_test\.go$$' . || true; \
	if [ -n "$$($$bin/gocyclo -over $(CYCLO_FAIL) -ignore '_test\.go$$' .)" ]; then echo "functions above $(CYCLO_FAIL)"; exit 1; fi; \
	echo "== govulncheck ($$(cat .ci/vulndb/SNAPSHOT))"; \
	$$bin/govulncheck -db file://$$PWD/.ci/vulndb -tags ci,timetzdata ./...

bench: deps-test
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	GOCACHE=$$($(GO) env GOCACHE) XDG_CONFIG_HOME=$$tmp/config XDG_CACHE_HOME=$$tmp/cache LANG=de_DE.UTF-8 $(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

# Windows: GUI subsystem, icon and version info from FyneApp.toml, zone
# data built in, stripped. "fyne package" bumps Build in FyneApp.toml on
# every run; the file is put back so a build leaves the tree clean.
windows: deps-win
	@mkdir -p dist; cp FyneApp.toml $(RUN_DIR)-FyneApp.toml.keep 2>/dev/null || { mkdir -p $(RUN_DIR); cp FyneApp.toml $(RUN_DIR)-FyneApp.toml.keep; }; \
	trap 'mv $(RUN_DIR)-FyneApp.toml.keep FyneApp.toml' EXIT; \
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc fyne package --os windows --release --tags $(TAGS) --name Feedtakt && \
	for f in Feedtakt.exe feedtakt.exe; do if [ -f $$f ]; then mv -f $$f dist/Feedtakt.exe; fi; done
	@size=$$(stat -c %s dist/Feedtakt.exe); echo "dist/Feedtakt.exe: $$size bytes"; \
	if [ $$size -gt 41943040 ]; then echo "dist/Feedtakt.exe is larger than 40 MB"; exit 1; fi

clean:
	rm -rf $(RUN_DIR) dist
