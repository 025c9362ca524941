# otelcol-custom: every tool is pinned in internal/tools/go.mod and run with `go tool`.
SHELL        := /bin/bash
GO           ?= go
TOOLS        := $(GO) tool -modfile=internal/tools/go.mod
BINARY       := bin/otelcol-custom
CONFIG       ?= config/default.yaml
GOTEST_FLAGS ?= -race -count=1 -timeout 25m
FUZZTIME     ?= 30s

.PHONY: build run test generate fuzz lint fmt bench tidy clean

## build: compile bin/otelcol-custom with the builder (ocb) from builder-config.yaml
build:
	$(TOOLS) builder --config builder-config.yaml
	mkdir -p bin && mv cmd/otelcol-custom/otelcol-custom $(BINARY)

## run: build, then run on $(CONFIG) (default: no backend needed; output in ./data)
run: build
	mkdir -p data
	$(BINARY) --config $(CONFIG)

## test: build the binary, then run every test (unit, golden, fuzz seeds, e2e) with -race
test: build
	OTELCOL_CUSTOM_BINARY=$(CURDIR)/$(BINARY) $(GO) test $(GOTEST_FLAGS) ./...

## generate: regenerate cmd/otelcol-custom and the components' internal/metadata
generate:
	$(TOOLS) builder --config builder-config.yaml --skip-compilation
	cd processor/piiredact && $(TOOLS) mdatagen metadata.yaml
	cd processor/errorkeep && $(TOOLS) mdatagen metadata.yaml

## fuzz: run each fuzz target for FUZZTIME
fuzz:
	for t in FuzzRedactString FuzzDetectors FuzzLogsPayload; do \
		$(GO) test ./processor/piiredact -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) || exit 1; done

## bench: our processors against the stock components, in one run
bench:
	$(GO) test ./processor/... -run '^$$' -bench . -benchmem -count=1

## lint: vet and formatting (generated sources excluded)
lint:
	$(GO) vet ./...
	test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '^cmd/otelcol-custom/'))"

fmt:
	gofmt -w $$(git ls-files '*.go' | grep -v '^cmd/otelcol-custom/')

tidy:
	$(GO) mod tidy
	cd internal/tools && $(GO) mod tidy

clean:
	rm -rf bin data
