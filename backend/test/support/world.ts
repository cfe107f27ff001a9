/**
 * The cast of a test: one organisation and one user per role (two enterprises and two banks, so
 * every rule can be tried against a second organisation of the same kind), onboarded over HTTP by
 * the admin as a real operator would.
 */
import { randomBytes } from "node:crypto";
import { checkDigit } from "../../src/domain/patentNumber.js";
import { Client, expectStatus, type TestPlatform } from "./platform.js";

export const PASSWORD = "correct horse battery staple";

export const CAST = {
  ent1: "enterprise",
  ent2: "enterprise",
  bank1: "bank",
  bank2: "bank",
  appraiser1: "appraiser",
  ipoffice1: "ipoffice",
  fund1: "fund",
  regulator1: "regulator",
} as const;

export type Member = keyof typeof CAST;

export interface World {
  clients: Record<Member | "admin", Client>;
  orgIds: Record<Member | "admin", string>;
}

/**
 * Onboards the cast through `platform`'s admin: a platform in this process or a server run apart.
 * The regulator comes first (the operator seats the first one) and approves the authorities.
 */
export async function onboardCast(platform: Pick<TestPlatform, "admin" | "anonymous">): Promise<World> {
  const clients = { admin: platform.admin } as World["clients"];
  const orgIds = { admin: platform.admin.user!.orgId } as World["orgIds"];
  const regulatorFirst = (Object.entries(CAST) as [Member, string][]).sort(
    ([, a], [, b]) => Number(b === "regulator") - Number(a === "regulator"),
  );
  for (const [name, kind] of regulatorFirst) {
    const onboarded = await onboardOrganisation(platform, name, kind, clients.regulator1);
    clients[name] = onboarded.client;
    orgIds[name] = onboarded.orgId;
  }
  return { clients, orgIds };
}

/**
 * One organisation named `${name} org` and its user `name`, onboarded by the admin; `approver`, a
 * regulator, approves the kinds a regulator seats (every kind but enterprise and bank, and a
 * regulator once there is one).
 */
export async function onboardOrganisation(
  platform: Pick<TestPlatform, "admin" | "anonymous">,
  name: string,
  kind: string,
  approver?: Client,
): Promise<{ orgId: string; client: Client }> {
  const org = expectStatus(await platform.admin.post("/orgs", { name: `${name} org`, kind }), 201).body;
  if (!org.roleGranted) {
    if (!approver) throw new Error(`${name} (${kind}) awaits a regulator's approval and no regulator was given`);
    expectStatus(await approver.post(`/orgs/${org.id}/approve`), 200);
  }
  expectStatus(await platform.admin.post("/users", { username: name, password: PASSWORD, orgId: org.id }), 201);
  return { orgId: org.id, client: await platform.anonymous.login(name, PASSWORD) };
}

/** A valid invention patent number with a unique serial. */
export function newPatentNumber(kindDigit = "1"): string {
  const serial = String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
  const digits = `2021${kindDigit}${serial}`;
  return `CN${digits}.${checkDigit(digits)}`;
}

/**
 * Bodies for POST /patents, each with a number no other body of this maker has (the random serial
 * of newPatentNumber can repeat), valid from `now` (chain time, unix seconds).
 */
export function patentBodies() {
  const used = new Set<string>();
  return (now: number) => {
    let number = newPatentNumber();
    while (used.has(number)) number = newPatentNumber();
    used.add(number);
    return {
      number,
      title: `Patent ${number}`,
      kind: "invention",
      grantDate: isoDaysFrom(now, -400),
      expiryDate: isoDaysFrom(now, 3650),
      certificate: document("certificate.pdf", 256),
    };
  };
}

export function document(name = "certificate.pdf", size = 2048) {
  return { filename: name, contentBase64: randomBytes(size).toString("base64") };
}

export const DAY = 86_400;
export const isoDaysFrom = (seconds: number, days: number) => new Date((seconds + days * DAY) * 1000).toISOString();

/** A bank's product with wide terms (the values most tests need); `terms` overrides any of them. */
export async function publishProduct(bank: Client, name: string, terms: Record<string, unknown> = {}): Promise<string> {
  const reply = await bank.post("/products", {
    name,
    maxAmount: "200000000",
    minRateBps: 300,
    maxRateBps: 1200,
    maxTermDays: 730,
    ltvBps: 4000,
    ...terms,
  });
  return expectStatus(reply, 201).body.id;
}

/**
 * A patent of `owner`'s, registered with its certificate (granted 400 days before `now`, chain time
 * in seconds) and verified by the cast's IP office with the fee paid 3,000 days ahead; appraised by
 * the cast's appraiser for a year at `appraisal` fen when given. Returns its number.
 */
export async function verifiedPatent(
  owner: Client,
  cast: Pick<World["clients"], "ipoffice1" | "appraiser1">,
  now: number,
  { title = "A verified patent", appraisal }: { title?: string; appraisal?: string } = {},
): Promise<string> {
  const reply = await owner.post("/patents", {
    number: newPatentNumber(),
    title,
    kind: "invention",
    grantDate: isoDaysFrom(now, -400),
    expiryDate: isoDaysFrom(now, 3650),
    certificate: document(),
  });
  const id = expectStatus(reply, 201).body.id as string;
  expectStatus(await cast.ipoffice1.post(`/patents/${id}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
  if (appraisal) {
    const appraised = await cast.appraiser1.post(`/patents/${id}/appraisals`, {
      value: appraisal,
      validUntil: isoDaysFrom(now, 365),
      report: document("valuation.pdf"),
    });
    expectStatus(appraised, 201);
  }
  return id;
}
