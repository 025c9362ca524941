# otelcol-custom: every tool is pinned in internal/tools/go.mod and run with `go tool`.
SHELL        := /bin/bash
GO           ?= go
TOOLS        := $(GO) tool -modfile=internal/tools/go.mod
BINARY       := bin/otelcol-custom
REFERENCE    := bin/otelcol-reference
TELEMETRYGEN := bin/telemetrygen
JAEGER       := bin/jaeger
HOTROD       := bin/hotrod
PROMTOOL     := bin/promtool
PROMETHEUS   := bin/prometheus
GOLANGCI     := bin/golangci-lint
# The image users deploy (Dockerfile), built by podman, or docker where podman is absent.
IMAGE        ?= ghcr.io/otelcol-custom/otelcol-custom:0.1.0
ENGINE       ?= $(shell command -v podman >/dev/null 2>&1 && echo podman || echo docker)
# The CA bundle the image carries: the host's, from Debian's ca-certificates package.
CA_BUNDLE    ?= /etc/ssl/certs/ca-certificates.crt
# The folders the shipped configs write to by default, writable by the image's user.
IMAGE_DIRS   := var/lib/otelcol-custom/queue var/lib/otelcol-custom/errorkeep var/lib/otelcol-custom/output
CONFIG       ?= config/default.yaml
GOTEST_FLAGS ?= -race -count=1 -timeout 25m
# Our components, each a Go module of its own (processor/*/go.mod): `make test-unit`
# tests them without building anything else.
COMPONENTS   := processor/piiredact processor/errorkeep processor/handoff extension/shutdowndelay
FUZZTIME     ?= 30s
# Fuzz targets as package:Target. `make test` runs each for TEST_FUZZTIME; `make fuzz` for FUZZTIME.
FUZZ_TARGETS := processor/piiredact:FuzzRedactString processor/piiredact:FuzzDetectors \
                processor/piiredact:FuzzLogsPayload processor/piiredact:FuzzWordStartsGates \
                processor/piiredact/internal/detector:FuzzAPIKeyMatchesPerFormatScan \
                processor/errorkeep:FuzzConsumeTraces processor/errorkeep:FuzzEverySpanComesBack \
                processor/errorkeep/internal/otlpwire:FuzzCutOne \
                processor/handoff/internal/journal:FuzzScan processor/handoff/internal/journal:FuzzOpen
TEST_FUZZTIME ?= 15s
# Go spends up to a minute shrinking each new interesting input by default; with
# inputs that take a millisecond to run, that would use a short run's whole budget.
FUZZMINIMIZETIME ?= 3s

.PHONY: image image-from-bin image-rootfs build build-reference build-telemetrygen build-jaeger build-hotrod build-promtool build-prometheus run test test-unit test-e2e eval eval-doc holdout fieldsecrets fieldpersonal capture-shapes loadtest generate fuzz lint fmt bench tidy clean

## build: compile bin/otelcol-custom with the builder (ocb) from builder-config.yaml
build:
	$(TOOLS) builder --config builder-config.yaml
	mkdir -p bin && mv cmd/otelcol-custom/otelcol-custom $(BINARY)

## build-reference: the stock-components build the load test compares against
build-reference:
	$(TOOLS) builder --config loadtest/reference/builder-config.yaml
	mkdir -p bin && mv bin/otelcol-reference-src/otelcol-reference $(REFERENCE)

## build-telemetrygen: the pinned contrib load generator (internal/tools/go.mod)
build-telemetrygen:
	$(GO) build -modfile=internal/tools/go.mod -o $(TELEMETRYGEN) github.com/open-telemetry/opentelemetry-collector-contrib/cmd/telemetrygen

## build-jaeger: a real Jaeger v2 for the end-to-end suite (internal/jaeger/go.mod says why a module)
build-jaeger:
	cd internal/jaeger && $(GO) build -o $(CURDIR)/$(JAEGER) github.com/jaegertracing/jaeger/cmd/jaeger

## build-hotrod: Jaeger's HotROD demo (four services on the OTel Go SDK), from the same module:
## real traffic nobody here shaped, for the end-to-end suite
build-hotrod:
	cd internal/jaeger && $(GO) build -o $(CURDIR)/$(HOTROD) github.com/jaegertracing/jaeger/examples/hotrod

## build-promtool: Prometheus's promtool, for the alerting rules' unit tests (internal/tools/promtool says why a module)
build-promtool:
	$(GO) build -modfile=internal/tools/promtool/go.mod -o $(PROMTOOL) github.com/prometheus/prometheus/cmd/promtool

## build-prometheus: a real Prometheus server (same pin as promtool), for the end-to-end
## test of the RED metrics and Jaeger's Monitor tab (its OTLP receiver takes the gateway's span metrics)
build-prometheus:
	$(GO) build -modfile=internal/tools/promtool/go.mod -o $(PROMETHEUS) github.com/prometheus/prometheus/cmd/prometheus

## image: build, then the image users deploy from that binary, the host's CA bundle and
## config/ (Dockerfile; IMAGE=name:tag, ENGINE=podman|docker). docs/deploy.md has its size,
## its layers and the one-time podman set-up of a Debian machine.
image: build
	$(MAKE) --no-print-directory image-from-bin

## image-from-bin: the image from the bin/otelcol-custom already built (test/image builds its
## own this way, under a tag of its own)
image-from-bin: image-rootfs
	@test -x $(BINARY) || { echo "$(BINARY) is missing: run make build" >&2; exit 1; }
	$(ENGINE) build --tag $(IMAGE) --file Dockerfile .

## image-rootfs: stage in bin/image/rootfs what the image holds besides the binary and
## config/: the CA bundle and the folders the configs write to
image-rootfs:
	@test -s $(CA_BUNDLE) || { echo "no CA bundle at $(CA_BUNDLE): apt-get install ca-certificates" >&2; exit 1; }
	rm -rf bin/image/rootfs
	install -d -m 0755 bin/image/rootfs/etc/ssl/certs $(addprefix bin/image/rootfs/,$(IMAGE_DIRS))
	install -m 0644 $(CA_BUNDLE) bin/image/rootfs/etc/ssl/certs/ca-certificates.crt

## run: build, then run on $(CONFIG) (default: no backend needed; output in ./data)
run: build
	mkdir -p data
	$(BINARY) --config $(CONFIG)

## test: the whole suite, as CI runs it: the alerting rules (promtool), every component's
## unit, golden and fuzz-seed tests (test-unit), then the binaries and everything that runs
## them (test-e2e), then each fuzz target for TEST_FUZZTIME
test: build-promtool
	$(PROMTOOL) check rules deploy/monitoring/prometheus/rules.yaml
	$(PROMTOOL) test rules deploy/monitoring/prometheus/rules_test.yaml
	$(MAKE) --no-print-directory test-unit
	$(MAKE) --no-print-directory test-e2e
	$(MAKE) --no-print-directory fuzz FUZZTIME=$(TEST_FUZZTIME)

## test-unit: each component module's own tests with -race; builds no binary (a minute or two)
test-unit:
	set -e; for m in $(COMPONENTS); do (cd $$m && $(GO) test $(GOTEST_FLAGS) ./...); done

## test-e2e: build the binaries, then run what drives them: end-to-end through
## otelcol-custom, the image, the manifests, a short load test (the distribution's module).
## One package at a time (-p 1): the load test and the e2e suite measure rates and time,
## and on two cores they would share them with each other and with the image's containers.
test-e2e: build build-reference build-telemetrygen build-jaeger build-hotrod build-prometheus
	OTELCOL_CUSTOM_BINARY=$(CURDIR)/$(BINARY) OTELCOL_REFERENCE_BINARY=$(CURDIR)/$(REFERENCE) \
	TELEMETRYGEN_BINARY=$(CURDIR)/$(TELEMETRYGEN) JAEGER_BINARY=$(CURDIR)/$(JAEGER) HOTROD_BINARY=$(CURDIR)/$(HOTROD) \
	PROMETHEUS_BINARY=$(CURDIR)/$(PROMETHEUS) \
	$(GO) test -p 1 $(GOTEST_FLAGS) ./...

## eval: piiredact on its labelled corpus (processor/piiredact/internal/eval): recall and
## precision per detector and per place, and the worst examples. test-unit runs the same
## test, which fails below the threshold; docs/piiredact-evaluation.md has the last table.
EVAL_FLAGS ?= -eval.examples=25
eval:
	cd processor/piiredact && $(GO) test -count=1 -run '^TestEvaluation$$' -v ./internal/eval -args $(EVAL_FLAGS)

## holdout: piiredact on its second, independent corpus (processor/piiredact/internal/holdout),
## written without reading internal/eval: recall and precision by class, kind, place and signal,
## and the worst examples. test-unit runs it too, at the same thresholds.
HOLDOUT_FLAGS ?= -holdout.tables -holdout.examples=25
holdout:
	cd processor/piiredact && $(GO) test -count=1 -run '^TestHoldout$$' -v ./internal/holdout -args $(HOLDOUT_FLAGS)

## fieldsecrets: piiredact on its third, independent corpus of secrets and credentials
## (processor/piiredact/internal/fieldsecrets: command lines, statements, connection strings,
## headers, URLs, token formats, dumps and their look-alikes): recall and precision by class,
## kind, place and signal, and the worst examples. test-unit runs it too, at the same thresholds.
FIELDSECRETS_FLAGS ?= -fieldsecrets.tables -fieldsecrets.examples=25
fieldsecrets:
	cd processor/piiredact && $(GO) test -count=1 -run '^TestFieldSecrets$$' -v ./internal/fieldsecrets -args $(FIELDSECRETS_FLAGS)

## fieldpersonal: piiredact on its third, independent corpus (processor/piiredact/internal/fieldpersonal):
## personal data (e-mail, phones, cards, IBANs, national ids, passports, names, addresses...) and the
## look-alikes beside them, through the factory's defaults; test-unit runs it too, at the same thresholds.
FIELDPERSONAL_FLAGS ?= -fieldpersonal.tables -fieldpersonal.examples=25
fieldpersonal:
	cd processor/piiredact && $(GO) test -count=1 -run '^TestFieldPersonal$$' -v ./internal/fieldpersonal -args $(FIELDPERSONAL_FLAGS)

## eval-doc: rewrite docs/piiredact-evaluation.md from a run of make eval
eval-doc:
	$(MAKE) --no-print-directory eval EVAL_FLAGS="-eval.doc -eval.examples=0"

## capture-shapes: record what real instrumentations send (Go's net/http, gRPC, database/sql and
## Redis instrumentations against a real redis-server, the Node.js auto-instrumentations, HotROD)
## into the evaluation corpus's testdata/shapes. Needs redis-server (Debian: apt-get install
## redis-server) and node; the tool's modules are pinned in internal/tools/capture.
REDIS_SERVER ?= $(shell command -v redis-server)
capture-shapes: build-hotrod
	cd internal/tools/capture/node && npm ci --no-audit --no-fund
	cd internal/tools/capture && $(GO) run . -out $(CURDIR)/processor/piiredact/internal/eval/testdata/shapes \
		-redis-server "$(REDIS_SERVER)" -hotrod $(CURDIR)/$(HOTROD) -node node

## loadtest: otelcol-custom against the stock-components build, every scenario (about 40 min;
## LOADTEST_FLAGS="-scenarios redaction -max=false" for a subset). See docs/benchmarks.md.
loadtest: build build-reference build-telemetrygen
	bash loadtest/run.sh $(LOADTEST_FLAGS)

## generate: regenerate cmd/otelcol-custom and the components' internal/metadata
generate:
	$(TOOLS) builder --config builder-config.yaml --skip-compilation
	set -e; for m in $(COMPONENTS); do (cd $$m && $(GO) tool -modfile=$(CURDIR)/internal/tools/go.mod mdatagen metadata.yaml); done

## fuzz: run each fuzz target for FUZZTIME; a failing input is saved under testdata/fuzz
fuzz:
	GO=$(GO) FUZZTIME=$(FUZZTIME) FUZZMINIMIZETIME=$(FUZZMINIMIZETIME) bash test/fuzz.sh $(FUZZ_TARGETS)

## bench: each component's own benchmarks, then ours against the stock components in one run
bench:
	set -e; for m in $(COMPONENTS); do (cd $$m && $(GO) test ./... -run '^$$' -bench . -benchmem -count=1); done
	$(GO) test ./test/compare -run '^$$' -bench . -benchmem -count=1

## lint: golangci-lint v2 with the linters the collector core runs (.golangci.yml; pinned in
## internal/tools/golangci-lint), vet and formatting included
lint:
	$(GO) build -modfile=internal/tools/golangci-lint/go.mod -o $(GOLANGCI) github.com/golangci/golangci-lint/v2/cmd/golangci-lint
	$(GOLANGCI) run ./...
	set -e; for m in $(COMPONENTS); do (cd $$m && $(CURDIR)/$(GOLANGCI) run ./...); done

fmt:
	gofmt -w $$(git ls-files '*.go' | grep -v '^cmd/otelcol-custom/')

tidy:
	set -e; for m in $(COMPONENTS); do (cd $$m && $(GO) mod tidy); done
	$(GO) mod tidy
	cd internal/tools && $(GO) mod tidy
	cd internal/jaeger && $(GO) mod tidy

clean:
	rm -rf bin data
