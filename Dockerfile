# kazakhstan-api: a static-stdlib Swift binary plus its data, run as a non-root user.
# Build: docker build -t kazakhstan-api .    Run: docker run --rm -p 8080:8080 kazakhstan-api

# ---- build: the official Swift image matching our toolchain (6.3) ----
FROM swift:6.3-noble AS build
WORKDIR /src
# Manifest first, so the dependency-free resolve layer is cached across source edits.
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY Resources ./Resources
RUN swift build -c release --static-swift-stdlib --product kazakhstan-api \
    && install -D -m 0755 "$(swift build -c release --static-swift-stdlib --show-bin-path)/kazakhstan-api" /out/kazakhstan-api

# ---- run: the same Ubuntu release the build image is based on (glibc must match), nothing else added ----
FROM ubuntu:noble
RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin kazakhstan
WORKDIR /app
COPY --from=build /out/kazakhstan-api /app/kazakhstan-api
# The binary finds Resources next to itself (/app/Resources) with no flags.
COPY --from=build /src/Resources /app/Resources
USER 10001:10001
ENV HOST=0.0.0.0 PORT=8080
EXPOSE 8080
STOPSIGNAL SIGTERM
# The binary checks itself: no curl in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["/app/kazakhstan-api", "healthcheck"]
ENTRYPOINT ["/app/kazakhstan-api"]
