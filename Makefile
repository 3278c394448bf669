# dyad — the two quick-start commands are `make demo` and `make test`.
SHARED ?= ../shared
BUILD  ?= build
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
PYTHON ?= /usr/bin/python3
DYAD   := $(BUILD)/dyad
SHARED_ABS := $(abspath $(SHARED))

.PHONY: all deps configure build web demo test eval bench format clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@# GeoNames and the other gazetteer sources: again when the lockfile is newer than the install
	@[ geo/node_modules/.package-lock.json -nt geo/package-lock.json ] || npm ci --prefix geo --no-audit --no-fund
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure web
	@cmake --build $(BUILD) -j $(JOBS)

# The dashboard (web/): npm ci when web/node_modules is missing or older than the lockfile,
# npm run build when a source is newer than web/dist; `dyad serve` serves web/dist.
WEB_SOURCES := $(wildcard web/index.html web/package.json web/vite.config.ts web/tsconfig.json web/src/*)
web: web/dist/index.html
web/node_modules/.package-lock.json: web/package-lock.json | deps
	@npm ci --prefix web --no-audit --no-fund --loglevel=error
web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	@npm run --silent --prefix web build

# Codes the bundled example articles into dyad.db and prints what was found.
demo: build
	@$(DYAD) code examples --db dyad.db --out /dev/null --summary --quiet
	@echo
	@$(DYAD) query --db dyad.db events --limit 60 --width 34
	@echo
	@$(DYAD) query --db dyad.db summary
	@echo
	@echo "More: $(DYAD) query --db dyad.db dyads | roots | days | quad,  or --sql \"SELECT ...\""
	@echo "Export: $(DYAD) export --db dyad.db --format jsonl | csv | gdelt | plover"
	@echo
	@echo "Dashboard: run  $(DYAD) serve --db dyad.db  then open http://127.0.0.1:8080"

test: build
	@cd $(BUILD) && DYAD_SHARED=$(SHARED_ABS) ctest --output-on-failure -j $(JOBS)

eval: build
	@$(PYTHON) eval/scoreboard.py --shared $(SHARED_ABS) --dyad $(DYAD) --out eval/results.json

bench: build
	@$(PYTHON) bench/run_bench.py --shared $(SHARED_ABS) --dyad $(DYAD) --json bench/results.json

format:
	@clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'python/*.cc' 'python/*.h' 'bench/*.cc')

clean:
	@rm -rf $(BUILD)
