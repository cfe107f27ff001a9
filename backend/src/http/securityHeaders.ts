/**
 * The headers every answer carries (pages, API answers, errors, 404s, static files), set before
 * anything else runs. The Content-Security-Policy lets only the app's own files run: no inline or
 * injected script, no eval, no plugins, no other origin. Styles may be inline because antd writes
 * its CSS-in-JS into <style> elements and React into style attributes; a style cannot run code.
 * Frames may show blob: URLs only: the document viewer's PDF, fetched with the user's token and
 * made a blob of type application/pdf by the app itself (a blob document inherits this policy). No
 * page may frame ours (frame-ancestors, and X-Frame-Options for older browsers), so a framing page
 * cannot trick a bank officer into clicking. HSTS only over TLS: `req.secure`, which believes a
 * proxy's X-Forwarded-Proto only as far as the app's `trust proxy` setting (backend/src/app.ts).
 */
import type { RequestHandler } from "express";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "frame-src blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const HSTS = "max-age=31536000; includeSubDomains";

export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (req.secure) res.setHeader("Strict-Transport-Security", HSTS);
  next();
};
