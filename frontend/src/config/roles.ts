/** Organisation kinds (SPEC section 1), as the API names them; a user's role is the kind of their organisation. */
import { everyValueOf, type Schemas } from "@/types/api";

export type Role = Schemas["Organisation"]["kind"];
/** Every role, in the order the web app lists them. */
export const ROLES = everyValueOf<Role>()([
  "enterprise",
  "bank",
  "appraiser",
  "ipoffice",
  "fund",
  "regulator",
  "admin",
]);

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
