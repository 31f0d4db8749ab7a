# gongwen — build, test, demo and benchmark. Each target installs what a fresh machine lacks.
SHELL := /bin/bash
SWIFT ?= swift
# sqlite3: the shell bench-store times SQLite's own full-text build with.
DEBS := libicu-dev libxml2-dev libsqlite3-dev libpoppler-glib-dev pkg-config sqlite3
# The browser test of `gongwen serve` (Tests/Browser): headless chromium, its WebDriver, a CJK font.
BROWSER_DEBS := chromium chromium-driver fonts-wqy-zenhei
BIN := .build/debug/gongwen
RELEASE_BIN := .build/release/gongwen
DEMO_DB := demo.sqlite

# The five seed documents at the top of corpus/; the public corpus lies below, in corpus/public/.
SEEDS := $(wildcard corpus/*.txt)

.PHONY: deps build test test-fast test-with-servers spark-deps spark-test browser-test demo bench bench-store bench-store-postgres spark-bench release clean schemas-check fuzz

# Install the system -dev packages (and the browser test's chromium) when missing (Debian/Ubuntu).
deps:
	@missing=""; \
	for p in $(DEBS) $(BROWSER_DEBS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ] || ! pkg-config --exists icu-i18n libxml-2.0 sqlite3 poppler-glib; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(DEBS) $(BROWSER_DEBS); \
	fi
	@python3 -c "import jsonschema, referencing" 2>/dev/null || python3 -m pip install --quiet "jsonschema>=4.18"
	@python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet "selenium>=4.20"

build: deps
	$(SWIFT) build

# The suite with its servers: a throwaway PostgreSQL cluster (scripts/pg-test-server.sh installs
# Debian's postgresql when missing, starts it on a loopback port, stops it after), so the store
# tests run on SQLite and PostgreSQL; GONGWEN_REQUIRE_POSTGRES makes a run without it fail.
test: deps
	$(SWIFT) build --build-tests
	GONGWEN_REQUIRE_POSTGRES=1 scripts/pg-test-server.sh $(MAKE) --no-print-directory test-with-servers
	$(MAKE) --no-print-directory browser-test

# What `test` runs beside its PostgreSQL server (GONGWEN_TEST_POSTGRES): the suite, then Spark.
test-with-servers:
	$(SWIFT) test
	$(MAKE) --no-print-directory spark-test

# scripts/spark_ingest.py over corpus/ in Spark's local mode (PySpark from PyPI, Java 17), its JSON
# lines stored by gongwen load, compared with gongwen ingest of the same files (Tests/Spark).
spark-test: spark-deps
	@test -x $(BIN) || $(SWIFT) build
	timeout 1200 python3 Tests/Spark/spark_test.py --bin $(BIN)

# Java 17 and PySpark, installed when missing.
spark-deps:
	@command -v java >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless; }
	@python3 -c "import pyspark" 2>/dev/null || python3 -m pip install --quiet "pyspark>=3.5"

# The suite without servers (the store tests on SQLite only), for quick work.
test-fast: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# gongwen serve in headless chromium (Tests/Browser/browser_test.py); screenshots in .build/browser/.
# BROWSER_FLAGS=--docs also refreshes the three in docs/screenshots/.
browser-test: build
	timeout 900 python3 Tests/Browser/browser_test.py --bin $(BIN) $(BROWSER_FLAGS)

# The demo reads the seeds only.
demo: build
	@for f in $(SEEDS); do \
	  $(BIN) parse "$$f" --format outline; echo; \
	done
	@$(BIN) parse $(SEEDS) --format summary
	@echo; $(BIN) check $(SEEDS) || test $$? -eq 1
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo; echo '$$ gongwen ingest corpus/*.txt --db $(DEMO_DB)'
	@$(BIN) ingest $(SEEDS) --db $(DEMO_DB)
	@echo; echo '$$ gongwen query --db $(DEMO_DB) --unit 人 --min 1000'
	@$(BIN) query --db $(DEMO_DB) --unit 人 --min 1000
	@echo; echo '$$ gongwen measures --db $(DEMO_DB) --match 网格'
	@$(BIN) measures --db $(DEMO_DB) --match 网格
	@echo; echo '$$ gongwen search --db $(DEMO_DB) 教育 --limit 3'
	@$(BIN) search --db $(DEMO_DB) 教育 --limit 3
	@echo; echo 'Browse it: $(BIN) serve --db $(DEMO_DB)   then open http://127.0.0.1:8080/'

# The Swift runtime and Foundation linked into the binary (PLATFORM.md: works; the system's SQLite,
# ICU, libxml2 and poppler stay shared): 57 shared libraries loaded instead of 71, each process
# starts sooner and the stream mode costs about 8% less CPU (README "Speed").
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

bench: release bench-store spark-bench
	$(RELEASE_BIN) bench corpus --megabytes 20

# Ingest throughput and query latency on corpus/ (seeds and public corpus) replicated to 10,000
# documents; the documents and the database are kept in $(BENCH_DIR) for spark-bench.
BENCH_DIR := .build/bench-store
bench-store: release
	rm -rf $(BENCH_DIR)
	$(RELEASE_BIN) bench-store corpus --documents 10000 --folder $(BENCH_DIR)

# The same on PostgreSQL (the throwaway server of the tests, loopback, without TLS).
bench-store-postgres: release
	scripts/pg-test-server.sh bash -c '$(RELEASE_BIN) bench-store corpus --documents 10000 --db "$$GONGWEN_TEST_POSTGRES?sslmode=disable"'

# The Spark pipeline (local[*]) over bench-store's 10,000 documents, then gongwen load: its
# throughput beside ingest's, and the same row counts and documents as bench-store's ingest.
spark-bench: spark-deps
	@test -f $(BENCH_DIR)/bench.sqlite || $(MAKE) --no-print-directory bench-store
	timeout 3600 python3 Tests/Spark/spark_test.py --bin $(RELEASE_BIN) --corpus $(BENCH_DIR)/documents --ingested $(BENCH_DIR)/bench.sqlite

# libFuzzer over the whole pipeline (Sources/GongwenFuzz) for FUZZ_SECONDS (default 10 minutes),
# from the corpus, the seeds of the hostile grammar and its dictionary. A crash, a document slower
# than 30 s or a broken invariant (a span outside the text, JSON with NaN) stops the run and leaves
# the input in .build/fuzz/crashes/; `.build/debug/gongwen-fuzz FILE` replays it. Not part of `test`.
FUZZ_SECONDS ?= 600
FUZZ_BUILD := .build/fuzz
fuzz: deps
	$(SWIFT) build -c release --build-path $(FUZZ_BUILD) --product gongwen-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/crashes
	@# A corpus document goes in with a first byte 0 (read as text, not as a program of the hostile grammar,
	@# which would expand it to tens of megabytes); the grammar's seeds carry their own first byte.
	@for f in $$(find corpus -type f); do n=$(FUZZ_BUILD)/corpus/$$(basename $$f); test -e $$n || { printf '\000'; cat $$f; } > $$n; done
	@cp -n Tests/Fuzz/seeds/* $(FUZZ_BUILD)/corpus/
	$(FUZZ_BUILD)/release/gongwen-fuzz $(FUZZ_BUILD)/corpus -max_total_time=$(FUZZ_SECONDS) -timeout=30 \
	  -rss_limit_mb=4096 -max_len=65536 -dict=Tests/Fuzz/hostile.dict -artifact_prefix=$(FUZZ_BUILD)/crashes/ -print_final_stats=1

clean:
	rm -rf .build
