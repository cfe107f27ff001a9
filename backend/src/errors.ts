/**
 * Typed errors thrown anywhere and turned into `{"error": {code, message, details}}` by the one
 * error handler (SPEC section 5). 5xx internals are never sent to the client.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The body of every error response. */
export const errorBody = (error: ApiError) => ({
  error: { code: error.code, message: error.message, details: error.details },
});

/** Anything that is not an ApiError: the client learns only that it happened. */
export const internalError = () =>
  new ApiError(500, "INTERNAL", "something went wrong on our side; the incident is logged");

export const badRequest = (code: string, message: string, details?: unknown) =>
  new ApiError(400, code, message, details);
export const unauthorized = (message = "a valid bearer token is required", code = "UNAUTHORIZED") =>
  new ApiError(401, code, message);
export const forbidden = (message: string, details?: unknown) => new ApiError(403, "FORBIDDEN", message, details);
export const notFound = (what: string, id: string) =>
  new ApiError(404, "NOT_FOUND", `${what} ${id} was not found`, { [what]: id });
export const conflict = (code: string, message: string, details?: unknown) => new ApiError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new ApiError(422, code, message, details);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new ApiError(429, "RATE_LIMITED", message, { retryAfterSeconds });
export const unavailable = (code: string, message: string) => new ApiError(503, code, message);
