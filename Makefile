# p4rtd: the two commands a user needs are `make run` and `make test` (see README.md).

SWIFT        ?= swift
BUILD_FLAGS  ?= --disable-index-store
LISTEN       ?= 127.0.0.1:9559
# What `make run` serves: the node datapath (programs/node) on the software target, in-memory ports 0-7.
RUN_ARGS     ?= --p4info p4info/node.p4info.txt --spec programs/node/node.spec --context programs/node/context.json
APT_PACKAGES := libmicrohttpd-dev libjansson-dev libpcap-dev libcurl4-openssl-dev pkg-config python3 python3-venv
VENV         := .venv
PY_PACKAGES  := p4runtime==1.6.0 jsonschema

.PHONY: deps pydeps build release run test bench clean

# Installs the Debian packages the build needs, only when one is missing (as root; sudo otherwise).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift not found: install Swift 6 (https://swift.org) and put it on PATH"; exit 1; }

# The Python side of the contract tests: P4Runtime's own bindings and a JSON Schema validator.
pydeps: deps
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV)
	@PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python $(VENV)/bin/python -c 'import p4.v1.p4runtime_pb2, jsonschema' 2>/dev/null || \
	  $(VENV)/bin/pip install -q $(PY_PACKAGES)

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

run: release
	.build/release/p4rtd --listen $(LISTEN) $(RUN_ARGS)

# Test builds keep the index store: SwiftPM's test discovery on Linux reads it (docs/decisions/0002-index-store.md).
test: deps pydeps
	$(SWIFT) build --build-tests
	P4RTD_PYTHON=$(CURDIR)/$(VENV)/bin/python $(SWIFT) test --skip-build

# Benchmarks (docs/benchmarks.md): never part of `make test`. Needs wrk for the single-update figure.
bench: release
	@command -v wrk >/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get install -y -qq wrk >/dev/null; }
	@echo "machine: $$(nproc) cores, $$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
	.build/release/p4rtd-bench swx
	.build/release/p4rtd-bench swx-scale
	.build/release/p4rtd-bench binding
	.build/release/p4rtd-bench node
	.build/release/p4rtd-bench idle
	.build/release/p4rtd-bench write-batch
	.build/release/p4rtd-bench learner-events
	python3 bench/http_bench.py
	python3 bench/lb_apply_bench.py
	python3 bench/metrics_scrape_bench.py

clean:
	rm -rf .build
