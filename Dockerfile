# otelcol-custom image: the same builder-driven build as `make build`, then a
# scratch image holding only the binary, CA certificates and the default config.
FROM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 make build

FROM alpine:3.22 AS certs
RUN apk add --no-cache ca-certificates

FROM scratch
ARG USER_UID=10001
ARG USER_GID=10001
USER ${USER_UID}:${USER_GID}
COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build --chmod=755 /src/bin/otelcol-custom /otelcol-custom
COPY config/ /etc/otelcol-custom/
# A writable folder for default.yaml's file exporter and sidecar.yaml's queue; mount
# a volume here for a read-only root filesystem.
COPY --from=certs --chown=10001:10001 /tmp/ /data/
ENV OUTPUT_DIR=/data \
    QUEUE_DIR=/data/queue
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
