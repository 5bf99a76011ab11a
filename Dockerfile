# syntax=docker/dockerfile:1
# convanon: a static binary on distroless, running as a non-root user.
#   docker build -t convanon:dev .
#   docker run --rm convanon:dev version

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so code changes reuse the download layer.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Static (no cgo), reproducible paths, no symbol table. Without .git in the
# context the binary carries the module version only (see `convanon version`).
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags="-s -w" -o /out/convanon ./cmd/convanon \
 && /out/convanon version

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/convanon /usr/local/bin/convanon
# uid/gid 65532; the pipeline needs no writable root file system.
USER nonroot:nonroot
EXPOSE 9090
ENTRYPOINT ["/usr/local/bin/convanon"]
CMD ["--help"]
