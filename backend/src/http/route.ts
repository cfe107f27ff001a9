/**
 * One place declares a route: its method and path, who may call it, its zod schemas and its
 * handler. From that one declaration the Express route validates and authorizes, and the OpenAPI
 * document describes it, so the two can never disagree.
 */
import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router, type Request, type Response } from "express";
import type { ZodType, z } from "zod";
import { crashPoint } from "../crashPoints.js";
import { badRequest, forbidden } from "../errors.js";
import type { OrgKind } from "../domain/ledger.js";
import { IdempotencyKeyHeader, idempotencyKeyOf, REPLAYED_HEADER, type IdempotencyKeys } from "./idempotency.js";
import { ErrorBody } from "./schemas.js";
import type { ApiTag } from "./apiTags.js";
import type { Caller } from "./auth.js";

export type Access = "public" | "user" | readonly OrgKind[];

type Output<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteDefinition<B, Q, P, Who extends Access> {
  method: "get" | "post" | "put" | "delete";
  path: string;
  summary: string;
  /**
   * The operation's name for client generators (OpenAPI operationId): a camelCase verb in the
   * domain's words, unique across the API and stable, since generated clients call it by name.
   */
  operationId: string;
  tag: ApiTag;
  access: Who;
  body?: B;
  query?: Q;
  params?: P;
  status?: 200 | 201 | 202;
  response?: ZodType;
  /** Documented error statuses beyond 400/401/403/404 (for example 409, 422). */
  errors?: number[];
  /** Produces a non-JSON body (a file download). */
  produces?: string;
  /**
   * false for a write whose body holds a password: an Idempotency-Key's fingerprint is a plain
   * SHA-256 of the body, kept 24 h, and must not become a fast hash of a password. Such a route
   * ignores the header; a retry of it is harmless anyway (it sets the same password again, or is
   * refused because the current password has changed).
   */
  idempotencyKey?: false;
  /**
   * The handler resumes an interrupted run itself (it reads from the chain what is done and sends
   * only the rest): a retry after a crash runs it again rather than answering WRITE_INTERRUPTED.
   */
  resumable?: true;
  handler: (input: {
    body: Output<B>;
    query: Output<Q>;
    params: Output<P>;
    caller: Who extends "public" ? Caller | undefined : Caller;
    req: Request;
    res: Response;
    /** For a resumable write: the transactions an interrupted first run of this request recorded. */
    resumedTxHashes: string[];
  }) => Promise<unknown>;
}

export interface Authenticator {
  optional(req: Request): Promise<Caller | undefined>;
  required(req: Request): Promise<Caller>;
}

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed or invalid input",
  401: "Missing or bad token",
  403: "Role not allowed",
  404: "Not found (or another organisation's private resource)",
  409: "Illegal state transition or duplicate",
  413: "Body over the size limit",
  422: "Business rule broken",
  429: "Rate limited",
  503: "Chain or database unavailable",
};

/** What the error statuses also mean on a write that takes an Idempotency-Key. */
const IDEMPOTENCY_ERROR_TEXT: Record<number, string> = {
  400: `${ERROR_TEXT[400]}, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY)`,
  409: `${ERROR_TEXT[409]}, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS)`,
  422: `${ERROR_TEXT[422]}, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED)`,
};

/** Every signed-in write takes an Idempotency-Key (a public route has no user to scope it to), unless it opts out. */
const acceptsIdempotencyKey = (route: { method: string; access: Access; idempotencyKey?: false }) =>
  route.method !== "get" && route.access !== "public" && route.idempotencyKey !== false;

const REPLAYED_RESPONSE_HEADER = {
  [REPLAYED_HEADER]: {
    description: "`true` when this is the kept first result of an earlier request with the same Idempotency-Key",
    schema: { type: "string", enum: ["true"] },
  },
};

export class Api {
  readonly router = Router();
  readonly registry = new OpenAPIRegistry();
  /** Every route, for the authorization matrix and the OpenAPI-driven tests. */
  readonly routes: { method: string; path: string; access: Access; operationId: string }[] = [];

  constructor(
    private readonly auth: Authenticator,
    private readonly idempotencyKeys: IdempotencyKeys,
  ) {
    this.registry.registerComponent("securitySchemes", "bearer", {
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
  }

  add<B extends ZodType | undefined, Q extends ZodType | undefined, P extends ZodType | undefined, Who extends Access>(
    route: RouteDefinition<B, Q, P, Who>,
  ): void {
    if (this.routes.some((known) => known.operationId === route.operationId)) {
      throw new Error(`two routes are named ${route.operationId}: an operationId names one operation`);
    }
    this.routes.push({ method: route.method, path: route.path, access: route.access, operationId: route.operationId });
    this.document(route);
    this.router[route.method](route.path, async (req: Request, res: Response) => {
      const caller = route.access === "public" ? await this.auth.optional(req) : await this.auth.required(req);
      if (Array.isArray(route.access) && !route.access.includes(caller!.role)) {
        throw forbidden(`a ${caller!.role} may not ${route.summary.toLowerCase()}`, { allowed: route.access });
      }
      if (acceptsIdempotencyKey(route)) {
        res.once("finish", () => {
          if (res.statusCode < 300) crashPoint("write-acknowledged");
        });
      }
      const idempotencyKey = acceptsIdempotencyKey(route) ? idempotencyKeyOf(req) : undefined;
      const params = parse(route.params, req.params, "path");
      const query = parse(route.query, req.query, "query");
      const body = parse(route.body, req.body, "body");
      const run = (resumedTxHashes: string[] = []) =>
        route.handler({
          body: body as Output<B>,
          query: query as Output<Q>,
          params: params as Output<P>,
          caller: caller as never,
          req,
          res,
          resumedTxHashes,
        });
      if (idempotencyKey === undefined) {
        const result = await run();
        if (!res.headersSent) res.status(route.status ?? 200).json(result);
        return;
      }
      const write = {
        userId: caller!.userId,
        key: idempotencyKey,
        fingerprint: this.idempotencyKeys.fingerprintOf(req),
      };
      const outcome = await this.idempotencyKeys.once(
        write,
        async (resumedTxHashes) => ({ status: route.status ?? 200, body: JSON.stringify(await run(resumedTxHashes)) }),
        route.resumable === true,
      );
      if (outcome.replayed) res.setHeader(REPLAYED_HEADER, "true");
      res.status(outcome.status).type("json").send(outcome.body);
    });
  }

  private document(route: RouteDefinition<unknown, unknown, unknown, Access>): void {
    const idempotent = acceptsIdempotencyKey(route);
    const statuses = [
      ...new Set([
        400,
        ...(route.access === "public" ? [] : [401, 403]),
        404,
        // any request that is not a GET may carry a body: too large, or not JSON
        ...(route.method === "get" ? [] : [413, 415]),
        ...(idempotent ? [409, 422] : []),
        ...(route.errors ?? []),
      ]),
    ].sort((a, b) => a - b);
    const responses: Record<string, object> = {
      [route.status ?? 200]: route.produces
        ? { description: "The file", content: { [route.produces]: { schema: { type: "string", format: "binary" } } } }
        : {
            description: "OK",
            ...(idempotent ? { headers: REPLAYED_RESPONSE_HEADER } : {}),
            ...(route.response ? { content: { "application/json": { schema: route.response } } } : {}),
          },
    };
    for (const status of statuses) {
      responses[status] = {
        description: (idempotent ? IDEMPOTENCY_ERROR_TEXT[status] : undefined) ?? ERROR_TEXT[status] ?? "Error",
        content: { "application/json": { schema: ErrorBody } },
      };
    }
    this.registry.registerPath({
      method: route.method,
      path: `/api${route.path.replace(/:(\w+)/g, "{$1}")}`,
      summary: route.summary,
      operationId: route.operationId,
      tags: [route.tag],
      description:
        route.access === "public"
          ? "Anyone"
          : route.access === "user"
            ? "Any signed-in user"
            : `Roles: ${route.access.join(", ")}`,
      security: route.access === "public" ? [] : [{ bearer: [] }],
      request: {
        ...(route.params ? { params: route.params as never } : {}),
        ...(route.query ? { query: route.query as never } : {}),
        ...(idempotent ? { headers: IdempotencyKeyHeader as never } : {}),
        ...(route.body
          ? { body: { content: { "application/json": { schema: route.body as ZodType } }, required: true } }
          : {}),
      },
      responses: responses as never,
    });
  }
}

function parse<S>(schema: S, value: unknown, where: "path" | "query" | "body"): Output<S> {
  if (!schema) {
    if (where === "body" && value !== undefined && !isEmptyObject(value)) {
      throw badRequest("VALIDATION_FAILED", "this request takes no body", {
        issues: [{ path: "body", message: "unexpected body" }],
      });
    }
    if (where === "query" && !isEmptyObject(value)) {
      throw badRequest("VALIDATION_FAILED", "this request takes no query parameters", {
        issues: Object.keys(value as object).map((name) => ({
          path: `query.${name}`,
          message: "unexpected parameter",
        })),
      });
    }
    return undefined as Output<S>;
  }
  const result = (schema as unknown as ZodType).safeParse(value ?? (where === "body" ? undefined : {}));
  if (!result.success) {
    throw badRequest("VALIDATION_FAILED", `the request's ${where} is invalid`, {
      issues: result.error.issues.map((issue) => ({
        path: [where, ...issue.path.map(String)].join("."),
        message: issue.message,
      })),
    });
  }
  return result.data as Output<S>;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
