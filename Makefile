# dyad — the two quick-start commands are `make demo` and `make test`.
SHARED ?= ../shared
BUILD  ?= build
JOBS   ?= $(shell nproc 2>/dev/null || echo 2)
PYTHON ?= /usr/bin/python3
DYAD   := $(BUILD)/dyad
SHARED_ABS := $(abspath $(SHARED))

.PHONY: all deps configure build demo test eval bench format clean

all: build

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Codes the bundled example articles into dyad.db and prints what was found.
demo: build
	@$(DYAD) code examples --db dyad.db --out /dev/null --summary --quiet
	@echo
	@$(DYAD) query --db dyad.db events --limit 60 --width 34
	@echo
	@$(DYAD) query --db dyad.db summary
	@echo
	@echo "More: $(DYAD) query --db dyad.db dyads | roots | days | quad,  or --sql \"SELECT ...\""

test: build
	@cd $(BUILD) && DYAD_SHARED=$(SHARED_ABS) ctest --output-on-failure -j $(JOBS)

eval: build
	@$(PYTHON) eval/scoreboard.py --shared $(SHARED_ABS) --dyad $(DYAD) --out eval/results.json

bench: build
	@$(PYTHON) bench/run_bench.py --shared $(SHARED_ABS) --dyad $(DYAD) --json bench/results.json

format:
	@clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h')

clean:
	@rm -rf $(BUILD)
