/**
 * The loans list's free-text search (SPEC section 7): a loan's id ("12" or "#12"), part of its
 * pledge registration number, or part of its borrower's name. Parameterised like every filter; the
 * text's LIKE wildcards are escaped, so "%" finds a percent sign, not everything.
 */
import { containing, type SqlFilter } from "../../db/sqlFilter.js";
import { Text } from "../../http/schemas.js";

/** One line of up to 100 characters (a line break or other control character is no search). */
export const SearchText = Text(100).refine((text) => !/[\r\n\t]/.test(text), { message: "a search is one line" });

const LOAN_ID = /^#?([1-9]\d{0,17})$/;

/** The search as one SQL condition over loans `l`, its values bound in `filter`. */
export function loanSearch(text: string, filter: SqlFilter): string {
  const like = filter.bind(containing(text));
  const conditions = [
    `l.registration_no ilike ${like}`,
    `exists (select 1 from organisations o where o.id = l.enterprise_org_id and o.name ilike ${like})`,
  ];
  const id = LOAN_ID.exec(text)?.[1];
  if (id) conditions.push(`l.id = ${filter.bind(id)}`);
  return `(${conditions.join(" or ")})`;
}
