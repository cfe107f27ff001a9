/**
 * How much a set of patents can secure: the frontend's copy of the ledger's rule (SPEC section 3,
 * contracts PatentRegistry.appraisedTotal and PledgeFinance.approveLoan), so a form can show the
 * limit before the chain refuses an amount. The chain stays the judge.
 */
import { unixSeconds } from "./dates";

export interface AppraisalForLtv {
  index: number;
  /** fen, decimal string */
  value: string;
  validUntil: string;
}

export interface PatentForLtv {
  status: string;
  expiryDate: string;
  appraisals: readonly AppraisalForLtv[];
}

const BPS = 10_000n;
const STANDING = new Set(["verified", "pledged"]);

/** PatentRegistry.APPRAISAL_WINDOW: only a patent's newest appraisals count. */
export const APPRAISAL_WINDOW = 8;

/**
 * The newest appraisal still valid at `now` (seconds) among the patent's APPRAISAL_WINDOW newest, as
 * the chain reads it: valid while now <= validUntil.
 */
export function currentAppraisal(patent: PatentForLtv, now: number): AppraisalForLtv | undefined {
  const newestIndex = Math.max(-1, ...patent.appraisals.map((appraisal) => appraisal.index));
  let newest: AppraisalForLtv | undefined;
  for (const appraisal of patent.appraisals) {
    if (appraisal.index <= newestIndex - APPRAISAL_WINDOW) continue;
    if (unixSeconds(appraisal.validUntil) >= now && (!newest || appraisal.index > newest.index)) newest = appraisal;
  }
  return newest;
}

/** The sum of the current appraisals of the verified or pledged patents that have not expired at `now`. */
export function appraisedTotal(patents: readonly PatentForLtv[], now: number): bigint {
  let total = 0n;
  for (const patent of patents) {
    if (!STANDING.has(patent.status) || now > unixSeconds(patent.expiryDate)) continue;
    const appraisal = currentAppraisal(patent, now);
    if (appraisal) total += BigInt(appraisal.value);
  }
  return total;
}

/** The LTV that applies: the product's, but never above the platform's cap. */
export function effectiveLtvBps(productLtvBps: number, ltvCapBps: number): number {
  return Math.min(productLtvBps, ltvCapBps);
}

/** floor(appraised x min(product LTV, platform cap) / 10000), in fen. */
export function maxLoanAmount(input: {
  patents: readonly PatentForLtv[];
  productLtvBps: number;
  ltvCapBps: number;
  /** chain time in seconds; the chain's clock, not the browser's, decides what has expired */
  now: number;
}): bigint {
  const ltv = BigInt(effectiveLtvBps(input.productLtvBps, input.ltvCapBps));
  return (appraisedTotal(input.patents, input.now) * ltv) / BPS;
}
