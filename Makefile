# fora — the two commands a newcomer needs are `make demo` and `make test`;
# `make && sudo make install` puts fora, its man page, themes and completions under PREFIX.
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=
# Where `make install` puts things (DESTDIR is prepended, for packaging), and which build it takes.
PREFIX ?= /usr/local
DESTDIR ?=
BIN_DIR ?= .build/release
# A hard ceiling on the test run, so a hung test fails CI with a message instead of eating its
# whole budget (every end-to-end subprocess also has its own deadline).
TEST_TIMEOUT ?= 1800

.PHONY: all demo test deps test-deps build release install uninstall lint format clean bench

## make (all): fora itself, in release mode.
all: release

## make demo: install what is missing, build fora in release mode and the plain demo server in
## debug mode (half the CPU time; nothing else: no benchmarks, no TLS mode), and run fora
## against the bundled demo community server (or against FORA_SITE when set).
demo: release
	$(SWIFT) build --product fora-demo-server --disable-index-store $(SWIFT_BUILD_FLAGS)
	@scripts/demo.sh $(ARGS)

## make test: install what is missing, lint, build, and run every test suite (end-to-end included).
test: test-deps lint
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	timeout --kill-after=30 $(TEST_TIMEOUT) $(SWIFT) test --skip-build $(SWIFT_BUILD_FLAGS) \
		|| { rc=$$?; [ $$rc -eq 124 ] && echo "error: the test run exceeded $(TEST_TIMEOUT) s" >&2; exit $$rc; }

deps:
	@scripts/install-deps.sh run

test-deps:
	@scripts/install-deps.sh test

build: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release --product fora $(SWIFT_BUILD_FLAGS)

## install / uninstall: the built fora (BIN_DIR) into $(DESTDIR)$(PREFIX): bin/fora, the man
## page, the themes, and bash, zsh and fish completions. Build first (`make`), as yourself.
install:
	@BIN_DIR="$(BIN_DIR)" DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" scripts/install.sh install

uninstall:
	@DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" scripts/install.sh uninstall

## lint: swift format, strict, with the committed .swift-format.
lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests

## format: rewrite the sources in the house style.
format:
	$(SWIFT) format --in-place --recursive --parallel Package.swift Sources Tests

clean:
	rm -rf .build

## bench: the benchmarks, in a release build (figures are printed; see DECISIONS.md). They
## start the release fora and fora-demo-server beside them; ARGS="tui composer" picks some.
bench: test-deps
	$(SWIFT) build -c release --product fora-bench $(SWIFT_BUILD_FLAGS)
	$(SWIFT) build -c release --product fora $(SWIFT_BUILD_FLAGS)
	$(SWIFT) build -c release --product fora-demo-server $(SWIFT_BUILD_FLAGS)
	$(SWIFT) build -c release --product fora-demo-server-tls $(SWIFT_BUILD_FLAGS)
	.build/release/fora-bench $(ARGS)
