/**
 * createApp(ctx): the Express application without listen(), so tests drive it directly. JSON
 * bodies up to 15 MB (a 10 MB document in base64), one error handler, OpenAPI at
 * /api/openapi.json and Swagger UI at /api/docs, the security headers on every answer
 * (http/securityHeaders.ts).
 */
import { OpenApiGeneratorV3 } from "@asteasolutions/zod-to-openapi";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import swaggerUi from "swagger-ui-express";
import type { AppContext } from "./context.js";
import { ApiError, errorBody, internalError } from "./errors.js";
import { IdempotencyKeys } from "./http/idempotency.js";
import { apiTags } from "./http/apiTags.js";
import { Api } from "./http/route.js";
import { securityHeaders } from "./http/securityHeaders.js";
import { rejectForbiddenBodyText, rejectUnreadableUrl } from "./http/text.js";
import { serveWebApp } from "./http/webApp.js";
import { auditRoutes } from "./modules/audit/routes.js";
import { authRoutes } from "./modules/auth/routes.js";
import { documentRoutes } from "./modules/documents/routes.js";
import { loanRoutes } from "./modules/loans/routes.js";
import { notificationRoutes } from "./modules/notifications/routes.js";
import { orgRoutes } from "./modules/orgs/routes.js";
import { patentRoutes } from "./modules/patents/routes.js";
import { platformRoutes } from "./modules/platform/routes.js";
import { productRoutes } from "./modules/products/routes.js";
import { systemRoutes } from "./modules/system/routes.js";

export const BODY_LIMIT = "15mb";

export function createApi(ctx: AppContext): Api {
  const api = new Api(ctx.tokens, new IdempotencyKeys(ctx.db, ctx.fingerprintSecret));
  for (const register of [
    systemRoutes,
    authRoutes,
    orgRoutes,
    platformRoutes,
    patentRoutes,
    productRoutes,
    loanRoutes,
    documentRoutes,
    notificationRoutes,
    auditRoutes,
  ]) {
    register(api, ctx);
  }
  return api;
}

export function openApiDocument(api: Api) {
  return new OpenApiGeneratorV3(api.registry.definitions).generateDocument({
    openapi: "3.0.3",
    info: {
      title: "iPledge API",
      version: "0.1.0",
      description:
        "The iPledge IP-pledge financing platform (知识产权质押融资服务平台). Money is integer fen (a JSON integer or a decimal string in, a decimal string out); dates are ISO 8601; errors are {error: {code, message, details}}. Every signed-in write takes an optional Idempotency-Key header that makes a retry safe.",
      contact: { name: "The platform operator running this instance" },
    },
    servers: [{ url: "/", description: "This instance: the API answers under /api on the web app's own origin" }],
    tags: apiTags(),
  });
}

export function createApp(ctx: AppContext) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  const api = createApi(ctx);
  const document = openApiDocument(api);

  app.use(securityHeaders);
  app.use(
    "/api",
    noStore,
    rejectUnreadableUrl,
    requireJsonBody,
    express.json({ limit: BODY_LIMIT, strict: false }),
    rejectForbiddenBodyText,
  );
  app.get("/api/openapi.json", (_req, res) => void res.json(document));
  app.use("/api/docs", swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: "iPledge API" }));
  app.use("/api", api.router);
  app.use("/api", (req) => {
    throw new ApiError(404, "NOT_FOUND", `no endpoint ${req.method} ${req.originalUrl.split("?")[0]}`);
  });
  serveWebApp(app, ctx.config.webDir);
  // Not Express's own 404 page, which would replace the security headers with its own.
  app.use((req) => {
    throw new ApiError(404, "NOT_FOUND", `nothing at ${req.method} ${req.path}`);
  });
  app.use(errorHandler(ctx));
  return { app, api, document };
}

/** API answers are never kept by a browser or a proxy: they carry what only their caller may see. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};

/** A body must be JSON: anything else is a 415 before it is read. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
  if (hasBody && !req.is("application/json")) {
    throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
  }
  next();
};

function errorHandler(ctx: AppContext): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) {
      ctx.logger.error("request failed", {
        method: req.method,
        path: req.path,
        status: apiError.status,
        code: apiError.code,
        error: apiError === error ? undefined : { name: (error as Error)?.name, message: (error as Error)?.message },
      });
    }
    if (apiError.status === 429)
      res.setHeader("Retry-After", String((apiError.details as { retryAfterSeconds: number }).retryAfterSeconds));
    if (res.headersSent) return;
    res.status(apiError.status).json(errorBody(apiError));
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const typed = error as { type?: string; status?: number; statusCode?: number };
  if (typed?.type === "entity.parse.failed") return new ApiError(400, "MALFORMED_JSON", "the body is not valid JSON");
  if (typed?.type === "entity.too.large")
    return new ApiError(413, "PAYLOAD_TOO_LARGE", `the body is over the ${BODY_LIMIT} limit`);
  if (typed?.type === "encoding.unsupported" || typed?.type === "charset.unsupported") {
    return new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as UTF-8 JSON");
  }
  const status = typed?.status ?? typed?.statusCode;
  if (status === 404) return new ApiError(404, "NOT_FOUND", "not found");
  if (status && status >= 400 && status < 500)
    return new ApiError(status, "BAD_REQUEST", "the request could not be read");
  return internalError();
}
