/**
 * Document downloads, scoped like the patent (certificate) or appraisal (report) they belong to,
 * inline for a real PDF or image and as an attachment otherwise (delivery.ts), and /verify: the
 * stored bytes' SHA-256 against the hash the chain keeps.
 */
import type { AppContext } from "../../context.js";
import { sha256 } from "../../domain/canonical.js";
import { conflict, notFound } from "../../errors.js";
import type { Caller } from "../../http/auth.js";
import type { Api } from "../../http/route.js";
import { z } from "../../http/schemas.js";
import { patentScope } from "../scope.js";
import { contentDisposition, deliveryOf } from "./delivery.js";

const Sha256Params = z.object({
  sha256: z
    .string()
    .regex(/^(0x)?[0-9a-fA-F]{64}$/, { message: "a document is named by its SHA-256 in hex" })
    .transform((value) => Buffer.from(value.replace(/^0x/, ""), "hex")),
});

interface Anchor {
  kind: "certificate" | "report";
  patentId: string;
  tokenId: string;
  appraisalIndex: number | null;
  /** The block of the patent's registration, where its PatentRegistered event is. */
  registeredBlock: number | null;
}

/** Where the caller may see this document anchored; empty when they may not see it at all. */
async function anchorsFor(
  ctx: AppContext,
  caller: Caller,
  digest: Buffer,
): Promise<{ anchors: Anchor[]; uploader: boolean }> {
  const scope = caller.role === "regulator" ? { sql: "true", params: [] } : patentScope(caller, "p", 2);
  const { rows } = await ctx.db.query(
    `select 'certificate' as kind, p.id as patent_id, p.token_id, null::int as appraisal_index,
            (select e.block_number from chain_events e where e.kind = 'PatentRegistered' and e.entity_id = p.id) as registered_block
       from patents p
      where p.certificate_sha256 = $1 and ${scope.sql}
     union all
     select 'report', p.id, p.token_id, a.index, null from appraisals a join patents p on p.id = a.patent_id
      where a.report_sha256 = $1 and ${scope.sql}`,
    [digest, ...scope.params],
  );
  const uploaded = await ctx.db.query("select 1 from documents where sha256 = $1 and uploaded_by_org_id = $2", [
    digest,
    caller.orgId,
  ]);
  return {
    anchors: rows.map((row) => ({
      kind: row.kind,
      patentId: row.patent_id,
      tokenId: String(row.token_id),
      appraisalIndex: row.appraisal_index,
      registeredBlock: row.registered_block === null ? null : Number(row.registered_block),
    })),
    uploader: uploaded.rows.length > 0,
  };
}

export function documentRoutes(api: Api, ctx: AppContext): void {
  const load = async (caller: Caller, digest: Buffer, hex: string) => {
    const { anchors, uploader } = await anchorsFor(ctx, caller, digest);
    if (anchors.length === 0 && !uploader) throw notFound("document", hex);
    const { rows } = await ctx.db.query(
      "select filename, content_type, size, content from documents where sha256 = $1",
      [digest],
    );
    if (!rows[0]) throw notFound("document", hex);
    return { anchors, document: rows[0] };
  };

  api.add({
    method: "get",
    path: "/documents/:sha256",
    summary: "Download a document",
    operationId: "downloadDocument",
    tag: "documents",
    access: "user",
    params: Sha256Params,
    errors: [409],
    produces: "application/octet-stream",
    handler: async ({ params, caller, req, res }) => {
      const { document } = await load(caller, params.sha256, req.params.sha256 as string);
      // Never hand out bytes that no longer match their name (and the chain): say so instead.
      if (!sha256(document.content as Buffer).equals(params.sha256)) {
        throw conflict(
          "DOCUMENT_INTEGRITY_FAILED",
          "the stored document no longer matches its SHA-256; it is withheld",
          {
            sha256: `0x${params.sha256.toString("hex")}`,
          },
        );
      }
      const delivery = deliveryOf(document.content_type, document.content as Buffer);
      res.setHeader("Content-Type", delivery.contentType);
      res.setHeader("Content-Disposition", contentDisposition(delivery.disposition, document.filename));
      res.setHeader("Content-Security-Policy", delivery.policy);
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.status(200).end(document.content);
    },
  });

  api.add({
    method: "get",
    path: "/documents/:sha256/verify",
    summary: "Check a document's stored bytes against the chain",
    operationId: "verifyDocument",
    tag: "documents",
    access: "user",
    params: Sha256Params,
    errors: [503],
    response: z.object({
      sha256: z.string(),
      filename: z.string(),
      size: z.number(),
      storedBytesMatch: z.boolean(),
      anchors: z.array(
        z.object({ kind: z.string(), patentId: z.string(), onChainHash: z.string().nullable(), match: z.boolean() }),
      ),
      ok: z.boolean(),
    }),
    handler: async ({ params, caller, req }) => {
      const hex = `0x${params.sha256.toString("hex")}`;
      const { anchors, document } = await load(caller, params.sha256, req.params.sha256 as string);
      const storedBytesMatch = sha256(document.content as Buffer).equals(params.sha256);
      const checked = await Promise.all(
        anchors.map(async (anchor) => {
          const onChainHash = await chainHashOf(ctx, anchor);
          return {
            kind: anchor.kind,
            patentId: anchor.patentId,
            onChainHash,
            match: onChainHash?.toLowerCase() === hex,
          };
        }),
      );
      return {
        sha256: hex,
        filename: document.filename,
        size: document.size,
        storedBytesMatch,
        anchors: checked,
        ok: storedBytesMatch && checked.length > 0 && checked.every((anchor) => anchor.match),
      };
    },
  });
}

/** The hash the chain keeps for an anchor: the registration event's certificate hash, or the appraisal's report hash. */
export async function chainHashOf(ctx: AppContext, anchor: Anchor): Promise<string | null> {
  if (anchor.kind === "report") {
    const appraisal = await ctx.chain.call(() =>
      ctx.chain.registry.getAppraisal(anchor.tokenId, anchor.appraisalIndex!),
    );
    return appraisal.reportHash;
  }
  const registry = ctx.chain.registry;
  const from = anchor.registeredBlock ?? ctx.chain.deployment.startBlock;
  const to = anchor.registeredBlock ?? "latest";
  const logs = await ctx.chain.call(() =>
    registry.queryFilter(registry.filters.PatentRegistered(anchor.tokenId), from, to),
  );
  const event = logs[0];
  return event ? (event.args.certificateHash as string) : null;
}
