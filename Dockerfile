# The iPledge app image: the API and the web app plus the contracts' build, used by
# docker-compose.yml for both the one-shot deployer and the app. Node 20, as everywhere else.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
# Dev dependencies are included: Hardhat compiles the contracts and runs the deploy script.
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN npx hardhat compile --quiet && npm run build -w frontend
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
EXPOSE 3000
# node itself, not npm: `docker stop` sends SIGTERM to PID 1, and npm would exit at once instead of
# letting the platform finish its requests and close the indexer and the database pool.
CMD ["node", "--import", "tsx", "backend/src/start.ts"]
