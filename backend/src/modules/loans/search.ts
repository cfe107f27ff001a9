/**
 * The loans list's free-text search (SPEC section 7): a loan's id ("12" or "#12"), part of its
 * pledge registration number, or part of its borrower's name. Parameterised like every filter; the
 * text's LIKE wildcards are escaped, so "%" finds a percent sign, not everything.
 */
import { Text } from "../../http/schemas.js";

/** One line of up to 100 characters (a line break or other control character is no search). */
export const SearchText = Text(100).refine((text) => !/[\r\n\t]/.test(text), { message: "a search is one line" });

/** `%text%` for ILIKE, with the text's own `\`, `%` and `_` taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

const LOAN_ID = /^#?([1-9]\d{0,17})$/;

/** The search as one SQL condition over loans `l`; its values are appended to `params`. */
export function loanSearch(text: string, params: unknown[]): string {
  params.push(containing(text));
  const like = `$${params.length}`;
  const conditions = [
    `l.registration_no ilike ${like}`,
    `exists (select 1 from organisations o where o.id = l.enterprise_org_id and o.name ilike ${like})`,
  ];
  const id = LOAN_ID.exec(text)?.[1];
  if (id) {
    params.push(id);
    conditions.push(`l.id = $${params.length}`);
  }
  return `(${conditions.join(" or ")})`;
}
