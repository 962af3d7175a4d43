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
WASM_TESTS := --test web_page --test web_worker --test engine --test reference --test learning

.PHONY: serve test bench setup-serve setup-test test-native test-chromium test-firefox dist simd e2e

serve: setup-serve
	trunk serve --offline

test: setup-test
	$(MAKE) --no-print-directory test-native test-chromium test-firefox dist simd e2e
	@echo "All MLP Lab suites passed."

bench:
	cargo bench --bench kernels

setup-serve:
	@scripts/setup.sh serve

setup-test:
	@scripts/setup.sh test

# The engine, natively: unit tests, integration tests, doc tests.
test-native:
	cargo test --locked

test-chromium:
	env -u GECKODRIVER CHROMEDRIVER=$(CHROMEDRIVER) cargo test --locked $(WASM_TARGET) $(WASM_TESTS)

test-firefox:
	env -u CHROMEDRIVER GECKODRIVER=$(GECKODRIVER) cargo test --locked $(WASM_TARGET) $(WASM_TESTS)

# The release app, as users get it.
dist:
	trunk build --release --offline

# The worker's wasm must contain the SIMD products.
simd: dist
	@n=$$(wasm2wat --enable-all dist/worker_bg.wasm | grep -c 'f32x4'); \
	echo "worker_bg.wasm: $$n f32x4 instructions"; test $$n -gt 0

# The built app, served on localhost and used in headless Chromium.
e2e: dist
	cd tests/e2e && npm test
