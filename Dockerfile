# syntax=docker/dockerfile:1
# owlcms-tracker: one static Go binary on distroless (no shell, no package manager).
# Build: docker build -t owlcms-tracker .    Run: docker run -p 8096:8096 -v tracker-data:/data owlcms-tracker
# The generated *_templ.go files and the vendored htmx are committed (CI checks both), so
# the build needs neither templ generate nor npm.

FROM --platform=$BUILDPLATFORM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG TARGETOS TARGETARCH
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /tracker ./cmd/tracker
RUN mkdir -p /rootfs/data/local /rootfs/data/samples

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /tracker /tracker
# /data must exist and belong to the nonroot user (65532) in the image: a new volume
# mounted there starts as a copy of it, ownership included.
COPY --from=build --chown=65532:65532 /rootfs/data /data
ENV PORT=8096 LOCAL_DIR=/data/local DATA_DIR=/data SAMPLES_DIR=/data/samples
VOLUME /data
EXPOSE 8096
USER nonroot:nonroot
# distroless has no curl: the binary probes its own /healthz. Fly ignores this line and
# uses the checks in fly.toml.
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 CMD ["/tracker", "-healthcheck"]
ENTRYPOINT ["/tracker"]
