# Kept for Cloud Run: compiled once, run by node itself as PID 1, so SIGTERM reaches the app.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Read at run time: the bot scopes the OAuth install asks for.
COPY slack-manifest.yml ./
USER node
# Cloud Run sets PORT (8080); Kept reads it.
EXPOSE 8080
CMD ["node", "dist/main.js"]
