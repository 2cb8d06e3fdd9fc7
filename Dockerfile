# syntax=docker/dockerfile:1
# One multi-stage file for the three apps: `docker compose build` picks the target.
# The build stage runs the same `pnpm build` the local launcher uses.

FROM node:20-bookworm-slim AS build
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
RUN npm install -g pnpm@10.34.8
WORKDIR /src
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
# Self-contained production folders (bundled app + its npm dependencies).
RUN pnpm --filter @switchyard/api deploy --prod --legacy /out/api \
 && pnpm --filter @switchyard/worker deploy --prod --legacy /out/worker \
 && pnpm --filter @switchyard/web deploy --prod --legacy /out/web

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
# A fixed uid/gid (10001), so Kubernetes can check runAsNonRoot and the manifests can name it.
RUN groupadd --system --gid 10001 switchyard && useradd --system --uid 10001 --gid switchyard --home /app switchyard \
 && mkdir -p /data/blobs && chown -R switchyard:switchyard /data
WORKDIR /app
USER switchyard

FROM runtime AS api
COPY --from=build --chown=switchyard:switchyard /out/api /app
COPY --from=build --chown=switchyard:switchyard /src/apps/api/dist /app/dist
ENV PORT=4000 BLOB_DIR=/data/blobs
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server.js"]

FROM runtime AS worker
# OCR for scanned PDFs and images: the worker runs Debian's Tesseract with its English data.
USER root
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng && rm -rf /var/lib/apt/lists/*
USER switchyard
COPY --from=build --chown=switchyard:switchyard /out/worker /app
COPY --from=build --chown=switchyard:switchyard /src/apps/worker/dist /app/dist
ENV BLOB_DIR=/data/blobs
# --single-threaded-gc: see docs/architecture.md (the embedder threads already use every core).
CMD ["node", "--single-threaded-gc", "dist/main.js"]

FROM runtime AS web
COPY --from=build --chown=switchyard:switchyard /out/web /app
COPY --from=build --chown=switchyard:switchyard /src/apps/web/.next /app/.next
COPY --from=build --chown=switchyard:switchyard /src/apps/web/public /app/public
# The web app's own server: it sets X-Forwarded-For to the browser's address before Next runs.
COPY --from=build --chown=switchyard:switchyard /src/apps/web/dist /app/dist
ENV PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/').then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))"
CMD ["node", "dist/server.js"]
