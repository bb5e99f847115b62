# Plenum app image: compiled JavaScript on Node 24 LTS, no TypeScript at runtime, unprivileged,
# and nothing written outside the data directory (compose runs it with a read-only filesystem).

# Build: the client (Vite) and the server bundle (npm run build:server → server/dist).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Run: the server's production dependencies, the bundles, the client and the migrations.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --omit=dev --workspace server --no-audit --no-fund && npm cache clean --force
COPY migrations migrations
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
# The only writable place: PGlite and generated secrets when unconfigured (compose mounts a volume).
RUN mkdir -p /data && chown node:node /data
ENV HOST=0.0.0.0 PORT=3000 PLENUM_DATA_DIR=/data
EXPOSE 3000
USER node
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The operator CLI in the image: docker compose exec app node server/dist/cli.js invite --event …
CMD ["node", "--enable-source-maps", "server/dist/server.js"]
