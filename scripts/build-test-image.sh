#!/usr/bin/env bash
# The image every test and example uses: FROM scratch + static busybox, built locally, never pulled.
set -euo pipefail
TAG="${NCOMPOSE_TEST_IMAGE:-ncompose-test/busybox:latest}"
if docker image inspect "$TAG" >/dev/null 2>&1; then exit 0; fi
BUSYBOX="$(command -v busybox || echo /bin/busybox)"
ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
cp "$BUSYBOX" "$ctx/busybox"
cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
DOCKERFILE
DOCKER_BUILDKIT=0 docker build -q -t "$TAG" "$ctx" >/dev/null 2>&1 || docker build -q -t "$TAG" "$ctx" >/dev/null
echo "built $TAG" >&2
