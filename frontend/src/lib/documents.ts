/**
 * A document's bytes and its ledger check, as the API serves them (GET /api/documents/:sha256 and
 * /verify). The bytes need the session's token, so the browser cannot simply follow a link: they are
 * fetched and kept as a blob. Only what the server marks `inline` (a PDF or raster image whose bytes
 * it checked) keeps its type, so the page can show it; anything else becomes an opaque blob that
 * can only be saved.
 */
import { api, ApiError } from "./apiClient";
import { getSession } from "./session";

export interface DocumentCheck {
  sha256: string;
  filename: string;
  size: number;
  storedBytesMatch: boolean;
  anchors: { kind: string; patentId: string; onChainHash: string | null; match: boolean }[];
  ok: boolean;
}

export interface FetchedDocument {
  blob: Blob;
  filename: string;
  /** "pdf" and "image" are shown in the page; "file" is only saved. */
  view: "pdf" | "image" | "file";
}

const documentPath = (sha256: string) => `/documents/${encodeURIComponent(sha256)}`;

export const verifyDocument = (sha256: string, signal?: AbortSignal) =>
  api.get<DocumentCheck>(`${documentPath(sha256)}/verify`, undefined, signal);

/** The exact UTF-8 name of RFC 6266's filename*, else its plain filename, else `fallback`. */
export function filenameOf(contentDisposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition ?? "");
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // a malformed name: the plain one below
    }
  }
  return /filename="([^"]*)"/i.exec(contentDisposition ?? "")?.[1] ?? fallback;
}

export function viewOf(contentType: string, contentDisposition: string | null): FetchedDocument["view"] {
  if (!/^inline\b/i.test(contentDisposition ?? "")) return "file";
  if (contentType === "application/pdf") return "pdf";
  return /^image\/(png|jpeg|gif|webp)$/.test(contentType) ? "image" : "file";
}

export async function fetchDocument(sha256: string, signal?: AbortSignal): Promise<FetchedDocument> {
  const token = getSession()?.token;
  const response = await fetch(`/api${documentPath(sha256)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(
      response.status,
      body.error?.code ?? `HTTP_${response.status}`,
      body.error?.message ?? response.statusText,
    );
  }
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const disposition = response.headers.get("content-disposition");
  const view = viewOf(contentType, disposition);
  const bytes = await response.arrayBuffer();
  return {
    blob: new Blob([bytes], { type: view === "file" ? "application/octet-stream" : contentType }),
    filename: filenameOf(disposition, sha256),
    view,
  };
}

/**
 * Object URLs of the documents shown lately, one per SHA-256 (a document never changes under its
 * name, so its URL can be reused). The oldest is revoked once more than a few are kept, which frees
 * its bytes without a page's effect having to (React may run an effect's cleanup and then the
 * effect again, which would revoke a URL still on screen).
 */
const KEPT_URLS = 4;
const objectUrls = new Map<string, string>();

export function objectUrlOf(sha256: string, blob: Blob): string {
  const kept = objectUrls.get(sha256);
  if (kept) return kept;
  const url = URL.createObjectURL(blob);
  objectUrls.set(sha256, url);
  for (const [name, old] of objectUrls) {
    if (objectUrls.size <= KEPT_URLS) break;
    URL.revokeObjectURL(old);
    objectUrls.delete(name);
  }
  return url;
}
