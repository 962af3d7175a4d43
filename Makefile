# MLP Lab. A newcomer needs two commands:
#   make serve   install what is missing, then serve the app on http://127.0.0.1:8080
#   make test    install what is missing, then run every test suite
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

CHROMEDRIVER ?= /usr/bin/chromedriver
GECKODRIVER ?= $(HOME)/.cargo/bin/geckodriver
WASM_TARGET := --target wasm32-unknown-unknown
# The browser suites: wasm-bindgen-test on the page's thread (web_page) and in a dedicated
# worker (the rest: the engine's own suites, run again where the trainer runs).
WASM_TESTS := --test web_page --test web_worker --test engine --test reference --test reference_layers --test learning

.PHONY: serve test bench setup-serve setup-test setup-bench bench-native bench-wasm bench-baseline lint test-native test-chromium test-firefox dist simd e2e

serve: setup-serve
	trunk serve --offline

# Each suite in turn, with the seconds it took (so a slow CI run says where its time went).
SUITES := lint test-native test-chromium test-firefox dist simd e2e

test: setup-test
	@for suite in $(SUITES); do \
	  start=$$(date +%s); \
	  $(MAKE) --no-print-directory $$suite || exit 1; \
	  echo "== make $$suite: $$(( $$(date +%s) - start )) s"; \
	done
	@echo "All MLP Lab suites passed."

# The benchmarks (never part of `make test`): native criterion, then the browser benchmark
# (MLP Lab against TensorFlow.js in headless Chromium), which writes benches/RESULTS.md.
# `make bench BASELINE=<commit>` also times that commit's simd128 trainer in the same rounds.
bench: setup-bench
	$(MAKE) --no-print-directory bench-native bench-wasm bench-baseline dist
	node benches/browser/run.mjs

setup-serve:
	@scripts/setup.sh serve

setup-test:
	@scripts/setup.sh test

setup-bench:
	@scripts/setup.sh bench

# rustfmt, and clippy with warnings as errors: natively (engine, tests, benches), and for wasm32 (the page, the
# workers and their browser tests, plain and relaxed SIMD), where the browser adapters compile.
lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked $(WASM_TARGET) --lib --bins --test web_page --test web_worker -- -D warnings
	cargo clippy --locked $(WASM_TARGET) --features relaxed-simd --lib --bins -- -D warnings

# The engine, natively: unit tests, integration tests, doc tests.
test-native:
	cargo test --locked

# The products again with fused multiply-adds (the relaxed-SIMD worker), against the scalar reference.
test-chromium:
	env -u GECKODRIVER CHROMEDRIVER=$(CHROMEDRIVER) cargo test --locked $(WASM_TARGET) $(WASM_TESTS)
	env -u GECKODRIVER CHROMEDRIVER=$(CHROMEDRIVER) cargo test --locked $(WASM_TARGET) --features relaxed-simd --test web_worker

test-firefox:
	env -u CHROMEDRIVER GECKODRIVER=$(GECKODRIVER) cargo test --locked $(WASM_TARGET) $(WASM_TESTS)
	env -u CHROMEDRIVER GECKODRIVER=$(GECKODRIVER) cargo test --locked $(WASM_TARGET) --features relaxed-simd --test web_worker

# The release app, as users get it.
dist:
	trunk build --release --offline

# The workers' wasm must contain the SIMD products, the relaxed one fused multiply-adds.
simd: dist
	@n=$$(wasm2wat --enable-all dist/worker_bg.wasm | grep -c 'f32x4'); \
	echo "worker_bg.wasm: $$n f32x4 instructions"; test $$n -gt 0
	@n=$$(wasm2wat --enable-all dist/worker_relaxed_bg.wasm | grep -c 'f32x4.relaxed_madd'); \
	echo "worker_relaxed_bg.wasm: $$n f32x4.relaxed_madd instructions"; test $$n -gt 0

# The built app, served on localhost and used in headless Chromium.
e2e: dist
	cd tests/e2e && npm test

# The dense layer's products and a training step, natively, beside ndarray (short runs).
bench-native:
	cargo bench --locked --bench kernels -- --warm-up-time 1 --measurement-time 2

# The browser benchmark's trainer, twice: as the app's worker (simd128), and as its relaxed
# worker (the crate feature relaxed-simd: fused multiply-adds in the products).
BENCH_WEB := target/bench-web

bench-wasm:
	cargo build --locked --release $(WASM_TARGET) --bin bench_worker
	wasm-bindgen --target web --out-dir $(BENCH_WEB)/simd target/wasm32-unknown-unknown/release/bench_worker.wasm
	cargo build --locked --release $(WASM_TARGET) --features relaxed-simd --bin bench_worker
	wasm-bindgen --target web --out-dir $(BENCH_WEB)/relaxed target/wasm32-unknown-unknown/release/bench_worker.wasm

# With BASELINE=<commit>: that commit's simd128 bench_worker, built from `git archive` under
# target/baseline/ (its own target dir, so later runs reuse it), beside this one's; without, none.
bench-baseline:
	rm -rf $(BENCH_WEB)/baseline
ifneq ($(BASELINE),)
	rm -rf target/baseline/src && mkdir -p target/baseline/src
	git archive $(BASELINE) | tar -x -C target/baseline/src
	cd target/baseline/src && CARGO_TARGET_DIR=$(CURDIR)/target/baseline/target cargo build --locked --release $(WASM_TARGET) --bin bench_worker
	wasm-bindgen --target web --out-dir $(BENCH_WEB)/baseline target/baseline/target/wasm32-unknown-unknown/release/bench_worker.wasm
	git rev-parse --short $(BASELINE) > $(BENCH_WEB)/baseline/COMMIT
endif
