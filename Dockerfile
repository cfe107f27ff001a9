# The iPledge app image: the API (and, later, the web app) plus the contracts' build, used by
# docker-compose.yml for both the one-shot deployer and the app. Node 20, as everywhere else.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
COPY backend/package.json backend/
# Dev dependencies are included: Hardhat compiles the contracts and runs the deploy script.
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
RUN npx hardhat compile --quiet
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
EXPOSE 3000
CMD ["npm", "start"]
