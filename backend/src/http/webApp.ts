/**
 * The web app's build (frontend/dist) on the same port. Every built file may have precompressed
 * twins (`.br`, `.gz`, written by the build): the copy sent is chosen by the request's
 * Accept-Encoding (q-values honoured; brotli first, then gzip, else the file itself), with
 * Content-Encoding and `Vary: Accept-Encoding`, and the Content-Type of the original file. Hashed
 * assets (/assets/) are cached for good; every other GET that names no built file is answered with
 * index.html (not cached without asking again), so each page is reachable by URL.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Express, Request, Response } from "express";

/** The content codings the build writes, in the server's order of preference. */
export const CODINGS = [
  { name: "br", extension: ".br" },
  { name: "gzip", extension: ".gz" },
] as const;
type Coding = (typeof CODINGS)[number]["name"] | "identity";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** Accept-Encoding as coding -> q (RFC 9110 section 12.5.3); null when the header is absent. */
export function acceptedCodings(header: string | undefined): Map<string, number> | null {
  if (header === undefined) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [token, ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    if (!token) continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(token, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  return weights;
}

function weightOf(weights: Map<string, number> | null, coding: Coding): number {
  if (weights === null) return coding === "identity" ? 1 : 0;
  const named = weights.get(coding) ?? weights.get("*");
  if (named !== undefined) return named;
  return coding === "identity" ? 1 : 0;
}

/**
 * The coding to send among those available: the highest q above 0, brotli before gzip before the
 * file itself on a tie. When the caller refuses everything (identity;q=0 and no coding it takes), it
 * gets the file itself, as RFC 9110 advises.
 */
export function chooseCoding(header: string | undefined, available: readonly Coding[]): Coding {
  const weights = acceptedCodings(header);
  let best: Coding = "identity";
  let bestWeight = 0;
  for (const coding of [...available, "identity" as const]) {
    const weight = weightOf(weights, coding);
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/** The built file a URL path names (relative to webDir), or null: no such file, or outside webDir. */
function builtFile(webDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const segments = decoded.split(/[/\\]/).filter(Boolean);
  if (segments.length === 0 || segments.some((segment) => segment.startsWith(".") || segment.includes("\0"))) {
    return null;
  }
  const relative = path.join(...segments);
  const full = path.join(webDir, relative);
  return existsSync(full) && statSync(full).isFile() ? relative : null;
}

function sendBuilt(req: Request, res: Response, webDir: string, file: string, cacheControl: string): void {
  const available = CODINGS.filter(({ extension }) => existsSync(path.join(webDir, file + extension)));
  const coding = chooseCoding(
    req.headers["accept-encoding"],
    available.map(({ name }) => name),
  );
  const extension = CODINGS.find(({ name }) => name === coding)?.extension ?? "";
  res.type(path.extname(file));
  if (available.length > 0) res.vary("Accept-Encoding");
  if (extension) res.setHeader("Content-Encoding", coding);
  res.setHeader("Cache-Control", cacheControl);
  res.sendFile(file + extension, { root: webDir, cacheControl: false });
}

export function serveWebApp(app: Express, webDir: string): void {
  if (!existsSync(path.join(webDir, "index.html"))) return;
  app.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = builtFile(webDir, req.path);
    if (file !== null && !CODINGS.some(({ extension }) => file.endsWith(extension))) {
      const hashed = file.startsWith(`assets${path.sep}`);
      return sendBuilt(
        req,
        res,
        webDir,
        file,
        hashed ? IMMUTABLE : file === "index.html" ? "no-cache" : "public, max-age=0",
      );
    }
    // A missing asset is a 404, not the page: a stale index.html must not be run as a script.
    if (req.path.startsWith("/assets/")) return next();
    sendBuilt(req, res, webDir, "index.html", "no-cache");
  });
}
