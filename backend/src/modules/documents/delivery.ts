/**
 * How a stored document is handed to a browser. Only a PDF or a raster image whose bytes really are
 * one (its magic number, not just the uploader's claim) is offered for showing inline; anything else
 * (text, office files, HTML, SVG, a ".png" that is not a PNG) is an attachment, saved, never
 * rendered. Every document carries its own Content-Security-Policy: no script from anywhere, and
 * `sandbox` (a unique origin, no script, no forms) except on an inline PDF, which Chromium's viewer
 * will not show inside a sandbox and whose own scripting cannot reach the app.
 */

/** The types a browser may show in place, each with its magic number: PDF and raster images (never SVG, which can carry script). */
const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  "application/pdf": (bytes) => bytes.subarray(0, 5).toString("latin1") === "%PDF-",
  "image/png": (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (bytes) => bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  "image/gif": (bytes) => /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString("latin1")),
  "image/webp": (bytes) =>
    bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP",
};

const BASE_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";
export const DOCUMENT_POLICY = `${BASE_POLICY}; sandbox`;
export const INLINE_PDF_POLICY = BASE_POLICY;

export interface Delivery {
  contentType: string;
  disposition: "inline" | "attachment";
  policy: string;
}

/** The media type without parameters, in lower case ("Image/PNG; x=1" is "image/png"). */
const essence = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase();

export function deliveryOf(contentType: string, content: Buffer): Delivery {
  const type = essence(contentType);
  const inline = SIGNATURES[type]?.(content) ?? false;
  return {
    contentType: type || "application/octet-stream",
    disposition: inline ? "inline" : "attachment",
    policy: inline && type === "application/pdf" ? INLINE_PDF_POLICY : DOCUMENT_POLICY,
  };
}

/** RFC 6266: an ASCII fallback name and the exact UTF-8 name (RFC 8187 percent-encoding). */
export function contentDisposition(disposition: Delivery["disposition"], filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
