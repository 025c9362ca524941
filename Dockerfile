# otelcol-custom's image: the binary `make build` made, Debian's CA bundle and config/, on
# scratch, as user 10001. The final stage (the last one below) copies only from the build
# context, so what the test suite builds and runs (test/image) is what is shipped, whichever
# way bin/ was filled:
#
#   make image                  bin/ from the host: `make build`, then `make image-rootfs`
#                               (the CA bundle of the host's ca-certificates package and the
#                               folders the configs write to), then this file with podman
#                               (docker where podman is absent)
#   podman build --target binary --output type=local,dest=bin .
#   podman build -t ghcr.io/otelcol-custom/otelcol-custom:0.1.0 .
#                               bin/ from a golang image, for builders with network access
#                               and no Go: the same two make targets, run in the image
#
# A plain `podman build .` (or docker build) builds only the final stage and never pulls
# the golang image.

FROM golang:1.26 AS source
WORKDIR /src
COPY . .
RUN make build image-rootfs

# What the source stage leaves in bin/, and nothing else, for `--output type=local,dest=bin`.
FROM scratch AS binary
COPY --from=source /src/bin/otelcol-custom /otelcol-custom
COPY --from=source /src/bin/image/ /image/

FROM scratch
# bin/image/rootfs holds etc/ssl/certs/ca-certificates.crt and var/lib/otelcol-custom with
# the folders the shipped configs write to by default (queue, errorkeep, output). Copied
# twice: first owned by root (so that /var and /var/lib are root's), then the folders
# alone again, owned by the user the collector runs as, so that a volume mounted on one
# of them needs no set-up. The folder list lives in the Makefile (image-rootfs).
COPY bin/image/rootfs/ /
COPY --chown=10001:10001 bin/image/rootfs/var/lib/ /var/lib/
COPY config/ /etc/otelcol-custom/
COPY bin/otelcol-custom /otelcol-custom
USER 10001:10001
# default.yaml's file exporter writes here; the other configs' folders default to
# /var/lib/otelcol-custom/queue and /var/lib/otelcol-custom/errorkeep.
ENV OUTPUT_DIR=/var/lib/otelcol-custom/output
# OTLP gRPC, OTLP HTTP, health check, own metrics. pprof and zpages stay on loopback.
EXPOSE 4317 4318 13133 8888
ENTRYPOINT ["/otelcol-custom"]
# default.yaml listens on loopback; in a container it must listen beyond it to be
# reachable, so the default command widens it. The shipped sidecar config keeps its
# receivers on 127.0.0.1 and the gateway's listen on all interfaces, whatever the image.
CMD ["--config", "/etc/otelcol-custom/default.yaml", \
     "--set=receivers::otlp::protocols::grpc::endpoint=0.0.0.0:4317", \
     "--set=receivers::otlp::protocols::http::endpoint=0.0.0.0:4318", \
     "--set=extensions::health_check::endpoint=0.0.0.0:13133"]
