# Wederkerig as a container image (docs/deploy.md). Builds from the lockfile; runs as a non-root user on a read-only
# file system (mount a tmpfs on /tmp: tsx keeps its compile cache there) against a PostgreSQL server given by
# DATABASE_URL and DATABASE_OWNER_URL — the embedded PostgreSQL is for one machine, not for containers.
#
#   docker build -t wederkerig .
#   docker run --read-only --tmpfs /tmp -p 3000:3000 --env-file wederkerig.env wederkerig
#
# Pinned to the Node 20 release the tests run on (the engines field, ADR 0001).
FROM node:20.20.2-bookworm-slim AS afhankelijkheden
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only, exactly as locked; no install scripts (the native parts ship prebuilt binaries).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production \
    WEDERKERIG_MODE=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=afhankelijkheden /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY public ./public
COPY assets ./assets
COPY data/pc4-centroids.json data/README.md ./data/
# The image's files belong to root and are read-only for the app's user.
USER node
EXPOSE 3000
# /healthz answers 200 when PostgreSQL answers and the pool has room (503 "busy" or "down" otherwise).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "bin/wederkerig.js", "serve"]
