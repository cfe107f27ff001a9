/**
 * The one way to call the API: JSON in and out under /api, the session's bearer token, and a typed
 * ApiError for every failure. No UI side effects: callers (react-query's caches, forms) decide what
 * an error means on screen.
 */
import { getSession } from "./session";
import { idempotencyKeyFor, outcomeIsOpen, settleIntent } from "./writeIntents";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** sent as JSON */
  body?: unknown;
  /** undefined, null and "" are left out */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const qs = search.toString();
  return `/api${path}${qs ? `?${qs}` : ""}`;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  try {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (error && typeof error.code === "string") {
      return new ApiError(
        response.status,
        error.code,
        typeof error.message === "string" ? error.message : error.code,
        error.details ?? {},
      );
    }
  } catch {
    // not the API's error shape: a proxy or gateway answered
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`, {
    body: text.slice(0, 500),
  });
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const write = method !== "GET";
  try {
    const result = await send<T>(path, method, options);
    if (write) settleIntent(method, path, options.body);
    return result;
  } catch (error) {
    if (write && error instanceof ApiError && !outcomeIsOpen(error.status, error.code)) {
      settleIntent(method, path, options.body);
    }
    throw error;
  }
}

async function send<T>(path: string, method: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = getSession()?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && token) headers["Idempotency-Key"] = idempotencyKeyFor(method, path, options.body);

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", "the server could not be reached", {
      cause: cause instanceof Error ? cause.message : String(cause),
    });
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, "BAD_RESPONSE", "the server's answer is not JSON", {
      body: text.slice(0, 500),
    });
  }
}

export const api = {
  get: <T>(path: string, query?: RequestOptions["query"], signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>(path, { method: "POST", body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: "PUT", body }),
};
