/**
 * Shared request and response schemas (zod, so validation and the OpenAPI document come from the
 * same source). Money is integer fen, accepted as a JSON integer or a string of digits, returned as
 * a string; dates are ISO 8601; ids are strings.
 */
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { UINT32_MAX, UINT96_MAX } from "../domain/ledger.js";

extendZodWithOpenApi(z);

export { z };

/** Integer fen, 0 <= value < 2^96 (what the ledger can hold). */
export const Money = z
  .union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,29}$/)], {
    error: "an amount is integer fen: a non-negative JSON integer or a string of digits",
  })
  .transform((value) => BigInt(value))
  .refine((value) => value <= UINT96_MAX, { message: "the amount is too large" })
  .openapi({ description: "Integer fen as a JSON integer or a decimal string", example: "50000000" });

export const PositiveMoney = Money.refine((value) => value > 0n, { message: "the amount must be positive" });

/** An ISO 8601 date or date-time, as unix seconds within the ledger's uint32 range. */
export const IsoDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: "a date is ISO 8601: 2030-12-31 or 2030-12-31T00:00:00Z",
  })
  .transform((value) => Math.floor(Date.parse(value) / 1000))
  .refine((seconds) => Number.isFinite(seconds) && seconds >= 0 && seconds <= UINT32_MAX, {
    message: "the date is outside 1970-01-01 .. 2106-02-07",
  })
  .openapi({ example: "2031-06-30", description: "ISO 8601 date or date-time" });

export const Bps = (max = 10_000) => z.number().int().min(0).max(max);

/** A decimal id (loans, products, organisations, users), at most 18 digits so it fits a bigint. */
export const NumericId = z
  .string()
  .regex(/^[1-9]\d{0,17}$/, { message: "an id is a positive decimal number" })
  .openapi({ example: "1" });

export const IdParams = z.object({ id: NumericId.openapi({ description: "The resource's id" }) });

/** A new password, wherever one is set (a new user, a change, a reset): one rule for all. */
export const NewPassword = z.string().min(10, { message: "a password has at least 10 characters" }).max(200);

export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // Control characters (other than tab and newlines) have no place in names, reasons or references.
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), {
      message: "control characters are not allowed",
    });

export const Reason = z.object({ reason: Text(2000) }).strict();

/** A file sent inline: at most 10 MB once decoded. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const Upload = z
  .object({
    filename: Text(255).refine((name) => !/[\\/]/.test(name), { message: "a file name has no path" }),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 + 4, { message: "a document is at most 10 MB" })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "contentBase64 is not base64" })
      .transform((value) => Buffer.from(value, "base64"))
      .refine((bytes) => bytes.length > 0 && bytes.length <= MAX_DOCUMENT_BYTES, {
        message: "a document is 1 byte to 10 MB",
      }),
    contentType: z
      .string()
      .regex(/^[\w.+-]+\/[\w.+-]+$/)
      .max(100)
      .optional(),
  })
  .strict();

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "How many items at most" }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ description: "How many items to skip" }),
});

export const ErrorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
  })
  .openapi("Error");

export const TxInfo = { txHash: z.string().nullable(), blockNumber: z.number().int().nullable() };

/** The resource a write returns: the resource plus the transaction that made the change. */
export const withTx = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, ...TxInfo });

export const MoneyOut = z.string().openapi({ example: "50000000", description: "Integer fen as a decimal string" });
export const DateOut = z.string().nullable().openapi({ example: "2031-06-30T00:00:00.000Z" });
