/**
 * The API as the demo's roles, for what a browser test needs in place before the steps it drives
 * through the pages (a loan already pledged, or defaulted; the chain's clock moved on). The steps
 * under test never go through here.
 */
import { inject } from "vitest";
import { newPatentNumber } from "./desk";

const DAY = 86_400;

export interface ApiAs {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
}

/** Signs in as `username` (a demo user, with the demo password) and answers with the API's JSON. */
export async function apiAs(username: string): Promise<ApiAs> {
  const base = inject("baseUrl");
  const send = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${base}/api${path}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} as ${username}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const { token } = await send<{ token: string }>("POST", "/auth/login", { username, password: inject("password") });
  return {
    get: (path) => send("GET", path, undefined, token),
    post: (path, body = {}) => send("POST", path, body, token),
  };
}

/** Moves the dev chain's clock (the operator's dev endpoint; never a step of the flow under test). */
export async function advanceChainTime(seconds: number): Promise<void> {
  await (await apiAs("admin")).post("/dev/advance-time", { seconds });
}

/** The chain's time, in seconds: "now" for every rule (other browser tests may have moved it on). */
export async function chainNow(): Promise<number> {
  const health = (await (await fetch(`${inject("baseUrl")}/api/health`)).json()) as { chain: { time: string } };
  return Math.floor(Date.parse(health.chain.time) / 1000);
}

export interface PlatformParams {
  graceDays: number;
  fundDecisionDays: number;
}

export async function platformParams(): Promise<PlatformParams> {
  return (await apiAs("admin")).get<PlatformParams>("/params");
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const document = (filename: string, text: string) => ({
  filename,
  contentBase64: Buffer.from(text, "utf8").toString("base64"),
  contentType: "text/plain",
});

/**
 * A loan of ¥400,000 for `termDays` on one fresh patent of ent1 (verified, appraised at
 * ¥1,000,000), from a product of bank1's, approved and with its pledge registered: ready for the
 * bank to disburse. As the demo data is made, each role acting through the API.
 */
export async function pledgedLoan(serial: number, termDays: number): Promise<{ loanId: string; patent: string }> {
  const [ent1, bank1, ipoffice1, appraiser1] = await Promise.all(
    ["ent1", "bank1", "ipoffice1", "appraiser1"].map((username) => apiAs(username)),
  );
  const now = await chainNow();
  const patent = newPatentNumber(serial);
  await ent1.post("/patents", {
    number: patent,
    title: `端到端测试专利 E2E patent ${serial}`,
    kind: "invention",
    grantDate: iso(now - 3 * 365 * DAY),
    expiryDate: iso(now + 15 * 365 * DAY),
    certificate: document(`certificate-${patent}.txt`, `专利证书 ${patent}`),
  });
  await ipoffice1.post(`/patents/${patent}/verify`, { feePaidUntil: iso(now + 3 * 365 * DAY) });
  await appraiser1.post(`/patents/${patent}/appraisals`, {
    value: "100000000",
    validUntil: iso(now + 2 * 365 * DAY),
    report: document(`valuation-${patent}.txt`, `估值报告 ${patent}`),
  });
  const product = await bank1.post<{ id: string }>("/products", {
    name: `E2E 规则测试贷 ${patent}`,
    maxAmount: "500000000",
    minRateBps: 300,
    maxRateBps: 800,
    maxTermDays: 720,
    ltvBps: 5000,
  });
  const loan = await ent1.post<{ id: string }>("/loans", {
    productId: product.id,
    patentIds: [patent],
    amount: "40000000",
    termDays,
    purpose: "研发投入 R&D",
  });
  await bank1.post(`/loans/${loan.id}/approve`, { amount: "40000000", rateBps: 450, termDays });
  await ipoffice1.post(`/loans/${loan.id}/pledge`, { registrationNo: `ZX-E2E-${loan.id}` });
  return { loanId: loan.id, patent };
}
