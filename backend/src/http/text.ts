/**
 * Text no field of this API takes, checked once for every request before any route sees it: C0
 * control characters other than tab and line breaks, DEL, and lone UTF-16 surrogates (they cannot
 * be stored as UTF-8 and would be silently replaced). A URL that is not valid percent-encoded
 * UTF-8 is refused too, rather than read with replacement characters.
 */
import type { RequestHandler } from "express";
import { badRequest } from "../errors.js";

// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const FORBIDDEN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u;

const MAX_DEPTH = 32;

export const rejectUnreadableUrl: RequestHandler = (req, _res, next) => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.originalUrl.replace(/\+/g, " "));
  } catch {
    throw badRequest("MALFORMED_URL", "the URL is not valid percent-encoded UTF-8");
  }
  if (FORBIDDEN_TEXT.test(decoded)) {
    throw badRequest("INVALID_INPUT", "the URL contains a control character", { path: "url" });
  }
  next();
};

export const rejectForbiddenBodyText: RequestHandler = (req, _res, next) => {
  const where = forbiddenTextIn(req.body, "body", 0);
  if (where) throw badRequest("INVALID_INPUT", `${where} contains a control character or broken text`, { path: where });
  next();
};

/** The path of the first string (or key) holding forbidden text, if any. */
function forbiddenTextIn(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === "string") return FORBIDDEN_TEXT.test(value) ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (depth > MAX_DEPTH) throw badRequest("INVALID_INPUT", "the body nests too deeply", { path });
  for (const [key, inner] of Object.entries(value)) {
    if (FORBIDDEN_TEXT.test(key)) return `${path} key`;
    const found = forbiddenTextIn(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}
