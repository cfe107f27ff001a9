/** Patents: registration by their owner, the IP office's register, appraisals. */
import type { AppContext } from "../../context.js";
import { PATENT_KINDS } from "../../domain/ledger.js";
import { parsePatentNumber } from "../../domain/patentNumber.js";
import { recordOf, saveRecord } from "../../domain/records.js";
import { badRequest, conflict, unprocessable } from "../../errors.js";
import type { PreparedCall } from "../../chain/ledgerWriter.js";
import type { Call } from "../../chain/signer.js";
import type { Api } from "../../http/route.js";
import { IsoDate, PositiveMoney, Reason, Text, Upload, withTx, z } from "../../http/schemas.js";
import { prepareDocument, saveDocument } from "../documents/store.js";
import { findOrganisation } from "../orgs/service.js";
import { PATENT_READERS } from "../scope.js";
import {
  encumbranceOf,
  EncumbranceOut,
  getPatent,
  getPatentDetail,
  listPatents,
  PatentDetailOut,
  PatentOut,
  PatentQuery,
} from "./repository.js";
import { dateOfSeconds } from "../../domain/time.js";

const NewPatent = z
  .object({
    number: z.string().min(1).max(40),
    title: Text(500),
    kind: z.enum(PATENT_KINDS),
    grantDate: IsoDate,
    expiryDate: IsoDate,
    certificate: Upload,
  })
  .strict()
  .openapi("NewPatent");

const Verify = z.object({ feePaidUntil: IsoDate }).strict();
const LegalStatus = z
  .object({
    feePaidUntil: IsoDate.optional(),
    preserved: z.boolean().optional(),
    invalidationPending: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: "name at least one of feePaidUntil, preserved, invalidationPending",
  });
const NewAppraisal = z
  .object({ value: PositiveMoney, validUntil: IsoDate, report: Upload })
  .strict()
  .openapi("NewAppraisal");
const RecordTransfer = z
  .object({ newOwnerOrgId: z.string().regex(/^[1-9]\d{0,17}$/), notice: Upload })
  .strict()
  .openapi("RecordTransfer");
const PatentParams = z.object({ id: z.string().min(1).max(40) });

const PatentWithTx = withTx(PatentOut.shape);

export function patentRoutes(api: Api, ctx: AppContext): void {
  api.add({
    method: "post",
    path: "/patents",
    summary: "Register a patent",
    operationId: "registerPatent",
    tag: "patents",
    access: ["enterprise"],
    body: NewPatent,
    status: 201,
    errors: [409, 413, 422, 503],
    response: PatentWithTx,
    handler: async ({ body, caller }) => {
      const parsed = parsePatentNumber(body.number);
      if (!parsed.ok) {
        throw badRequest("INVALID_PATENT_NUMBER", describeNumberProblem(parsed), {
          number: body.number,
          problem: parsed.problem,
        });
      }
      if (parsed.kind !== body.kind) {
        throw badRequest(
          "PATENT_KIND_MISMATCH",
          `${parsed.normal} is a patent of kind ${parsed.kind}, not ${body.kind}`,
          {
            number: parsed.normal,
            declared: body.kind,
            fromNumber: parsed.kind,
          },
        );
      }
      // A rejected registration does not count: the number is free again (SPEC 8).
      const existing = await ctx.db.query("select 1 from patents where id = $1 and status <> 'rejected'", [
        parsed.normal,
      ]);
      if (existing.rows[0]) {
        throw conflict("PATENT_ALREADY_REGISTERED", `patent ${parsed.normal} is already on the ledger`, {
          number: parsed.normal,
        });
      }
      const now = Number(await ctx.chain.now());
      if (!(body.grantDate <= now && now < body.expiryDate)) {
        throw unprocessable("INVALID_DATES", "a patent is registered between its grant date and its expiry date", {
          grantDate: dateOfSeconds(body.grantDate).toISOString(),
          expiryDate: dateOfSeconds(body.expiryDate).toISOString(),
        });
      }
      const certificate = prepareDocument(body.certificate);
      const metadata = recordOf("patent", {
        number: parsed.normal,
        title: body.title,
        patentKind: body.kind,
        grantDate: body.grantDate,
        expiryDate: body.expiryDate,
        certificateSha256: certificate.hash,
      });
      const call = ctx.ledger.registry("registerPatent", [
        parsed.normal,
        PATENT_KINDS.indexOf(body.kind),
        body.grantDate,
        body.expiryDate,
        metadata.hash,
        certificate.hash,
      ]);
      await ctx.ledger.simulate(caller.orgId, call);
      await ctx.db.withTransaction(async (client) => {
        await saveDocument(client, certificate, caller.orgId);
        await saveRecord(client, "patent", metadata);
      });
      const tx = await ctx.ledger.send(caller.orgId, call);
      return { ...(await getPatent(ctx, caller, parsed.normal)), ...tx };
    },
  });

  api.add({
    method: "get",
    path: "/patents",
    summary: "List patents",
    operationId: "listPatents",
    tag: "patents",
    access: PATENT_READERS,
    query: PatentQuery,
    response: z.object({ items: z.array(PatentOut), total: z.number() }),
    handler: ({ query, caller }) => listPatents(ctx, caller, query),
  });

  api.add({
    method: "get",
    path: "/patents/:id/encumbrance",
    summary: "Whether a patent is pledged or in a loan application, whichever bank's (never whose or how much)",
    operationId: "getPatentEncumbrance",
    tag: "patents",
    access: ["bank"],
    params: PatentParams,
    errors: [400, 404],
    response: EncumbranceOut,
    handler: ({ params }) => {
      const parsed = parsePatentNumber(params.id);
      if (!parsed.ok) {
        throw badRequest("INVALID_PATENT_NUMBER", describeNumberProblem(parsed), {
          number: params.id,
          problem: parsed.problem,
        });
      }
      return encumbranceOf(ctx, parsed.normal);
    },
  });

  api.add({
    method: "get",
    path: "/patents/:id",
    summary: "Read a patent with its appraisals and history",
    operationId: "getPatent",
    tag: "patents",
    access: PATENT_READERS,
    params: PatentParams,
    response: PatentDetailOut,
    handler: ({ params, caller }) => getPatentDetail(ctx, caller, params.id),
  });

  const ipOfficeAction = (
    path: string,
    operationId: string,
    summary: string,
    body: z.ZodType,
    call: (
      tokenId: bigint,
      body: never,
      current: Awaited<ReturnType<typeof getPatent>>,
    ) => Promise<PreparedCall | (() => Promise<Call>)>,
  ) =>
    api.add({
      method: "post",
      path: `/patents/:id/${path}`,
      summary,
      operationId,
      tag: "patents",
      access: ["ipoffice"],
      params: PatentParams,
      body,
      errors: [409, 422, 503],
      response: PatentWithTx,
      handler: async ({ params, body: input, caller }) => {
        const patent = await getPatent(ctx, caller, params.id);
        const tx = await ctx.ledger.send(caller.orgId, await call(BigInt(patent.tokenId), input as never, patent));
        return { ...(await getPatent(ctx, caller, patent.id)), ...tx };
      },
    });

  ipOfficeAction(
    "verify",
    "verifyPatent",
    "Verify a patent against the register",
    Verify,
    async (tokenId, body: z.infer<typeof Verify>, patent) => {
      if (patent.status !== "registered")
        throw conflict("INVALID_PATENT_STATE", `patent ${patent.id} is ${patent.status}, not registered`);
      return ctx.ledger.registry("verifyPatent", [tokenId, body.feePaidUntil]);
    },
  );
  for (const [path, method, summary, from] of [
    [
      "reject",
      "rejectPatent",
      "Reject a patent record: its token is burnt and the number is free to register again",
      ["registered"],
    ],
    ["revoke", "revokePatent", "Revoke a patent (invalidated or terminated)", ["verified"]],
  ] as const) {
    ipOfficeAction(path, method, summary, Reason, async (tokenId, body: z.infer<typeof Reason>, patent) => {
      if (!(from as readonly string[]).includes(patent.status)) {
        throw conflict(
          "INVALID_PATENT_STATE",
          `patent ${patent.id} is ${patent.status}; only a ${from.join(" or ")} patent can be ${path}ed`,
        );
      }
      const reason = recordOf("reason", { action: path, subject: patent.id, reason: body.reason });
      return { ...ctx.ledger.registry(method, [tokenId, reason.hash]), records: [{ kind: "reason", record: reason }] };
    });
  }
  ipOfficeAction(
    "legal-status",
    "updateLegalStatus",
    "Update a patent's legal status",
    LegalStatus,
    // The fields not named keep their value on chain, read in the IP office's turn and from the
    // pending state (the turn's previous transaction may be sent but not mined yet), so two partial
    // updates sent together cannot undo each other.
    async (tokenId, body: z.infer<typeof LegalStatus>) => async () => {
      const current = await ctx.chain.call(() => ctx.chain.registry.getPatent(tokenId, { blockTag: "pending" }));
      return ctx.ledger.registry("updateLegalStatus", [
        tokenId,
        body.feePaidUntil ?? current.feePaidUntil,
        body.preserved ?? current.preserved,
        body.invalidationPending ?? current.invalidationPending,
      ]);
    },
  );

  api.add({
    method: "post",
    path: "/patents/:id/transfer",
    summary:
      "Record a change of owner (著录项目变更): the patent goes to another enterprise, with the notice, and awaits verification again",
    operationId: "recordTransfer",
    tag: "patents",
    access: ["ipoffice"],
    params: PatentParams,
    body: RecordTransfer,
    errors: [409, 413, 422, 503],
    response: PatentWithTx,
    handler: async ({ params, body, caller }) => {
      const patent = await getPatent(ctx, caller, params.id);
      if (patent.status !== "registered" && patent.status !== "verified") {
        throw conflict("INVALID_PATENT_STATE", `patent ${patent.id} is ${patent.status}; it cannot change hands`);
      }
      if (patent.loanId) {
        throw conflict(
          "PATENT_IN_ACTIVE_LOAN",
          `patent ${patent.id} is in loan ${patent.loanId}; it cannot change hands until that loan ends`,
        );
      }
      const newOwner = await newOwnerOf(ctx, body.newOwnerOrgId, patent.ownerOrgId);
      const notice = prepareDocument(body.notice);
      const call = ctx.ledger.registry("recordTransfer", [BigInt(patent.tokenId), newOwner.address, notice.hash]);
      await ctx.ledger.simulate(caller.orgId, call);
      await saveDocument(ctx.db, notice, caller.orgId);
      const tx = await ctx.ledger.send(caller.orgId, call);
      return { ...(await getPatent(ctx, caller, patent.id)), ...tx };
    },
  });

  api.add({
    method: "post",
    path: "/patents/:id/appraisals",
    summary: "Record a valuation",
    operationId: "recordAppraisal",
    tag: "patents",
    access: ["appraiser"],
    params: PatentParams,
    body: NewAppraisal,
    status: 201,
    errors: [409, 413, 422, 503],
    response: PatentWithTx,
    handler: async ({ params, body, caller }) => {
      const patent = await getPatent(ctx, caller, params.id);
      const report = prepareDocument(body.report);
      const call = ctx.ledger.registry("recordAppraisal", [
        BigInt(patent.tokenId),
        body.value,
        body.validUntil,
        report.hash,
      ]);
      await ctx.ledger.simulate(caller.orgId, call);
      await saveDocument(ctx.db, report, caller.orgId);
      const tx = await ctx.ledger.send(caller.orgId, call);
      return { ...(await getPatent(ctx, caller, patent.id)), ...tx };
    },
  });
}

/** A recorded transfer goes to another enterprise of the platform. */
async function newOwnerOf(ctx: AppContext, orgId: string, currentOwnerOrgId: string | null) {
  const org = await findOrganisation(ctx, orgId).catch(() => null);
  if (!org || org.kind !== "enterprise" || org.id === currentOwnerOrgId) {
    throw unprocessable("INVALID_NEW_OWNER", `organisation ${orgId} is not another enterprise of the platform`);
  }
  return org;
}

function describeNumberProblem(parsed: { problem: string; number: string; expected?: string }): string {
  if (parsed.problem === "check_digit") return `${parsed.number}: the check digit should be ${parsed.expected}`;
  if (parsed.problem === "kind") return `${parsed.number}: the fifth digit names no patent kind`;
  return `${parsed.number} is not a patent number (CN or ZL, 12 digits, a dot and a check digit)`;
}
