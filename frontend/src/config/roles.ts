/** Organisation kinds (SPEC section 1); a user's role is the kind of their organisation. */
export const ROLES = ["enterprise", "bank", "appraiser", "ipoffice", "fund", "regulator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
