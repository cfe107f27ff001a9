/** Banks' IP-loan products: published by a bank, readable by every user (the market). */
import { pageOf } from "../../db/db.js";
import type { AppContext } from "../../context.js";
import { recordOf, saveRecord } from "../../domain/records.js";
import { forbidden, notFound, unprocessable } from "../../errors.js";
import type { Api } from "../../http/route.js";
import { Bps, IdParams, MoneyOut, PositiveMoney, Text, withTx, z } from "../../http/schemas.js";
import { readParams } from "../platform/routes.js";

const MAX_PRODUCT_AMOUNT = 10n ** 15n; // PledgeFinance.MAX_AMOUNT
const MAX_TERM_DAYS = 7300; // PledgeFinance.MAX_TERM_DAYS

const NewProduct = z
  .object({
    name: Text(200),
    description: Text(2000).optional(),
    maxAmount: PositiveMoney.refine((value) => value <= MAX_PRODUCT_AMOUNT, { message: "at most 10^15 fen" }),
    minRateBps: Bps(),
    maxRateBps: Bps(),
    maxTermDays: z.number().int().min(1).max(MAX_TERM_DAYS),
    ltvBps: Bps().refine((value) => value > 0, { message: "the LTV must be positive" }),
  })
  .strict()
  .refine((body) => body.minRateBps <= body.maxRateBps, {
    message: "minRateBps must not exceed maxRateBps",
    path: ["minRateBps"],
  })
  .openapi("NewProduct");

export const ProductOut = z
  .object({
    id: z.string(),
    bankOrgId: z.string().nullable(),
    bankName: z.string().nullable(),
    name: z.string().nullable(),
    description: z.string().nullable(),
    maxAmount: MoneyOut,
    minRateBps: z.number(),
    maxRateBps: z.number(),
    maxTermDays: z.number(),
    ltvBps: z.number(),
    active: z.boolean(),
    detailsHash: z.string(),
    createdAt: z.string(),
    txHash: z.string(),
    blockNumber: z.number(),
  })
  .openapi("Product");

const ProductQuery = z
  .object({
    bankOrgId: z
      .string()
      .regex(/^[1-9]\d{0,17}$/)
      .optional(),
    active: z.enum(["true", "false"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

const SELECT = `select p.*, o.name as bank_name from products p left join organisations o on o.id = p.bank_org_id`;

function productOut(row: Record<string, unknown>) {
  return {
    id: String(row.id),
    bankOrgId: (row.bank_org_id as string | null) ?? null,
    bankName: (row.bank_name as string | null) ?? null,
    name: (row.name as string | null) ?? null,
    description: (row.description as string | null) ?? null,
    maxAmount: String(row.max_amount),
    minRateBps: row.min_rate_bps as number,
    maxRateBps: row.max_rate_bps as number,
    maxTermDays: row.max_term_days as number,
    ltvBps: row.ltv_bps as number,
    active: row.active as boolean,
    detailsHash: `0x${(row.details_hash as Buffer).toString("hex")}`,
    createdAt: (row.created_at as Date).toISOString(),
    txHash: row.tx_hash as string,
    blockNumber: Number(row.block_number),
  };
}

export async function getProduct(ctx: AppContext, id: string) {
  const { rows } = await ctx.db.query(`${SELECT} where p.id = $1`, [id]);
  if (!rows[0]) throw notFound("product", id);
  return productOut(rows[0]);
}

export function productRoutes(api: Api, ctx: AppContext): void {
  api.add({
    method: "post",
    path: "/products",
    summary: "Publish a loan product",
    operationId: "publishProduct",
    tag: "products",
    access: ["bank"],
    body: NewProduct,
    status: 201,
    errors: [409, 422, 503],
    response: withTx(ProductOut.shape),
    handler: async ({ body, caller }) => {
      const { ltvCapBps } = await readParams(ctx);
      if (body.ltvBps > ltvCapBps) {
        throw unprocessable(
          "LTV_ABOVE_PLATFORM_CAP",
          `the product's LTV ${body.ltvBps} bps is above the platform's cap ${ltvCapBps} bps`,
          {
            ltvBps: body.ltvBps,
            ltvCapBps,
          },
        );
      }
      const details = recordOf("product", {
        bank: caller.address,
        name: body.name,
        description: body.description ?? null,
      });
      const terms = [body.maxAmount, body.minRateBps, body.maxRateBps, body.maxTermDays, body.ltvBps];
      const call = ctx.ledger.finance("createProduct", [terms, details.hash]);
      await ctx.ledger.simulate(caller.orgId, call);
      await saveRecord(ctx.db, "product", details);
      const tx = await ctx.ledger.send(caller.orgId, call);
      const { rows } = await ctx.db.query(
        "select entity_id as id from chain_events where tx_hash = $1 and kind = 'ProductCreated'",
        [tx.txHash],
      );
      return { ...(await getProduct(ctx, rows[0].id)), ...tx };
    },
  });

  api.add({
    method: "post",
    path: "/products/:id/status",
    summary: "Open or close a product to new applications",
    operationId: "setProductStatus",
    tag: "products",
    access: ["bank"],
    params: IdParams,
    body: z.object({ active: z.boolean() }).strict(),
    errors: [409, 503],
    response: withTx(ProductOut.shape),
    handler: async ({ params, body, caller }) => {
      const product = await getProduct(ctx, params.id);
      if (product.bankOrgId !== caller.orgId) throw forbidden("only the product's bank may change it");
      const tx = await ctx.ledger.send(caller.orgId, ctx.ledger.finance("setProductActive", [params.id, body.active]));
      return { ...(await getProduct(ctx, params.id)), ...tx };
    },
  });

  api.add({
    method: "get",
    path: "/products",
    summary: "List loan products",
    operationId: "listProducts",
    tag: "products",
    access: "user",
    query: ProductQuery,
    response: z.object({ items: z.array(ProductOut), total: z.number() }),
    handler: async ({ query }) => {
      const { rows, total } = await pageOf(
        ctx.db,
        `select p.*, o.name as bank_name, count(*) over () as total from products p
           left join organisations o on o.id = p.bank_org_id
          where ($1::bigint is null or p.bank_org_id = $1) and ($2::boolean is null or p.active = $2)
          order by p.id limit $3 offset $4`,
        [
          query.bankOrgId ?? null,
          query.active === undefined ? null : query.active === "true",
          query.limit,
          query.offset,
        ],
      );
      return { items: rows.map(productOut), total };
    },
  });

  api.add({
    method: "get",
    path: "/products/:id",
    summary: "Read a loan product",
    operationId: "getProduct",
    tag: "products",
    access: "user",
    params: IdParams,
    response: ProductOut,
    handler: ({ params }) => getProduct(ctx, params.id),
  });
}
