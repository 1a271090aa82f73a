# The two commands. Both install what is missing first (scripts/setup.sh).
#   make serve   build and serve the app on http://127.0.0.1:$(PORT)
#   make test    every test; exits non-zero on any failure
PORT ?= 8080
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test bench cli

serve:
	scripts/setup.sh serve
	trunk serve --release --offline --address 127.0.0.1 --port $(PORT)

test:
	scripts/setup.sh test
	scripts/test.sh

# Criterion benchmarks of the engine (not part of `make test`).
bench:
	cargo bench --bench engine

# The command line on the default scenario.
cli:
	cargo run --quiet --bin offer-compare -- examples/default.json
