/** Documents stored content-addressed by SHA-256 (at most 10 MB each). */
import type { Queryable } from "../../db/db.js";
import { sha256, toBytes32 } from "../../domain/canonical.js";

export interface Upload {
  filename: string;
  contentBase64: Buffer; // decoded by the schema
  contentType?: string;
}

const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  txt: "text/plain",
  json: "application/json",
  xml: "application/xml",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export interface PreparedDocument {
  sha256: Buffer;
  hash: string; // bytes32 hex
  filename: string;
  contentType: string;
  content: Buffer;
}

export function prepareDocument(upload: Upload): PreparedDocument {
  const digest = sha256(upload.contentBase64);
  const extension = upload.filename.split(".").pop()?.toLowerCase() ?? "";
  return {
    sha256: digest,
    hash: toBytes32(digest),
    filename: upload.filename,
    contentType: upload.contentType ?? TYPES[extension] ?? "application/octet-stream",
    content: upload.contentBase64,
  };
}

export async function saveDocument(db: Queryable, document: PreparedDocument, orgId: string): Promise<void> {
  await db.query(
    `insert into documents (sha256, filename, content_type, size, content, uploaded_by_org_id)
     values ($1, $2, $3, $4, $5, $6) on conflict (sha256) do nothing`,
    [document.sha256, document.filename, document.contentType, document.content.length, document.content, orgId],
  );
}
