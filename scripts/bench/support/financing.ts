/**
 * Sustained financing over the API, as the organisations themselves would do it: ten of them
 * (5 enterprises, 2 banks, 2 IP offices, 1 appraiser), onboarded by the operator, and a fixed
 * number of workers each taking a patent through a whole loan, one write after the other:
 *
 *   register patent → verify → appraise → apply → approve → register pledge → disburse → pay off → release
 *
 * Every step is a signed transaction that the API answers only after its receipt and the indexer's
 * projection of its block, so each 2xx is one financing transition done end to end. A refused step
 * ends that loan and the worker starts a new one. Only completions inside the measuring window
 * (after a warm-up) count.
 */
import { checkDigit } from "../../../backend/src/domain/patentNumber.js";
import { Api, expect2xx, type Reply } from "./http.js";

export const CAST = { enterprise: 5, bank: 2, ipoffice: 2, appraiser: 1 } as const;
export const ORGANISATIONS = Object.values(CAST).reduce((sum, count) => sum + count, 0);
export const STEPS = [
  "register patent",
  "verify patent",
  "appraise patent",
  "apply for loan",
  "approve loan",
  "register pledge",
  "disburse",
  "pay off",
  "release pledge",
] as const;
type Step = (typeof STEPS)[number];

const PASSWORD = "bench-password-0123";
const DAY = 86_400;

export interface Cast {
  enterprise: Api[];
  bank: Api[];
  ipoffice: Api[];
  appraiser: Api[];
  /** One product per bank, same index as `bank`. */
  productIds: string[];
}

/** Onboards the ten organisations and a user each through the operator; each bank publishes a product. */
export async function onboardCast(admin: Api, anonymous: Api, tag = "bench"): Promise<Cast> {
  const cast: Cast = { enterprise: [], bank: [], ipoffice: [], appraiser: [], productIds: [] };
  const onboard = async (name: string, kind: string, approver?: Api) => {
    const org = expect2xx(
      await admin.post<{ id: string; roleGranted: boolean }>("/orgs", { name: `${name} org`, kind }),
      `onboarding ${name}`,
    );
    if (!org.roleGranted) {
      if (!approver) throw new Error(`${name} awaits a regulator's approval: the bench needs a platform without one`);
      expect2xx(await approver.post(`/orgs/${org.id}/approve`, {}), `approving ${name}`);
    }
    expect2xx(await admin.post("/users", { username: name, password: PASSWORD, orgId: org.id }), `user ${name}`);
    return anonymous.login(name, PASSWORD);
  };
  // The operator seats the first regulator; it approves the IP offices and the appraiser.
  const regulator = await onboard(`${tag}-regulator`, "regulator");
  for (const [kind, count] of Object.entries(CAST) as [keyof typeof CAST, number][]) {
    for (let i = 1; i <= count; i++) cast[kind].push(await onboard(`${tag}-${kind}${i}`, kind, regulator));
  }
  for (const [i, bank] of cast.bank.entries()) {
    const product = expect2xx(
      await bank.post<{ id: string }>("/products", {
        name: `${tag} IP loan ${i + 1}`,
        maxAmount: "1000000000",
        minRateBps: 300,
        maxRateBps: 1200,
        maxTermDays: 730,
        ltvBps: 5000,
      }),
      "publishing a product",
    );
    cast.productIds.push(product.id);
  }
  return cast;
}

export interface StepFigures {
  step: string;
  completed: number;
  errors: number;
  latenciesMs: number[];
}

export interface LoadResult {
  windowSeconds: number;
  /** 2xx inside the window. */
  completed: number;
  /** Anything else inside the window: 4xx, 5xx, connection failures (status 0). */
  errors: number;
  errorKinds: Record<string, number>;
  /** One error message of each kind, to say what went wrong. */
  errorSamples: Record<string, string>;
  steps: StepFigures[];
  loansClosed: number;
  /** Every answer, warm-up and the requests still in flight at the window's end included. */
  allAnswers: number;
}

/** Counts replies by step, only those that end inside [windowStart, windowEnd]. */
export class Meter {
  readonly steps = new Map<string, StepFigures>();
  readonly errorKinds: Record<string, number> = {};
  readonly errorSamples: Record<string, string> = {};
  completedTotal = 0;
  errorsTotal = 0;

  constructor(
    readonly windowStart: number,
    readonly windowEnd: number,
  ) {}

  record(step: string, started: number, reply: Reply): boolean {
    const ended = performance.now();
    const ok = reply.status >= 200 && reply.status <= 299;
    if (ok) this.completedTotal++;
    else this.errorsTotal++;
    if (ended < this.windowStart || ended > this.windowEnd) return ok;
    let figures = this.steps.get(step);
    if (!figures) this.steps.set(step, (figures = { step, completed: 0, errors: 0, latenciesMs: [] }));
    figures.latenciesMs.push(ended - started);
    if (ok) figures.completed++;
    else {
      figures.errors++;
      const code = (reply.body as { error?: { code?: string } })?.error?.code;
      const kind = `${reply.status}${code ? ` ${code}` : ""} (${step})`;
      this.errorKinds[kind] = (this.errorKinds[kind] ?? 0) + 1;
      this.errorSamples[kind] ??= (typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body)).slice(
        0,
        300,
      );
    }
    return ok;
  }

  inWindow(): { completed: number; errors: number } {
    let completed = 0;
    let errors = 0;
    for (const figures of this.steps.values()) {
      completed += figures.completed;
      errors += figures.errors;
    }
    return { completed, errors };
  }
}

export interface LoadOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** The chain's time (unix seconds) when the load begins: dates in the bodies are relative to it. */
  chainNow: number;
  /** Called when the measuring window opens and when it closes. */
  onWindow?: (event: "open" | "close") => void;
  /** Called every `tickMs` with what the window holds so far. */
  onTick?: (seconds: number, completed: number, errors: number) => void;
  tickMs?: number;
  /** Extra work run next to the writers for the same time (e.g. readers), given the same meter. */
  alongside?: (meter: Meter, running: () => boolean) => Promise<void>;
}

let serial = 0;

/** A valid invention patent number, unique in this process. */
function nextPatentNumber(): string {
  serial += 1;
  const digits = `2021${"1"}${String(serial).padStart(7, "0")}`;
  return `CN${digits}.${checkDigit(digits)}`;
}

export async function runFinancingLoad(cast: Cast, options: LoadOptions): Promise<LoadResult> {
  const begun = performance.now();
  const meter = new Meter(begun + options.warmupMs, begun + options.warmupMs + options.durationMs);
  const running = () => performance.now() < meter.windowEnd;
  const iso = (days: number) => new Date((options.chainNow + days * DAY) * 1000).toISOString();
  const certificate = {
    filename: "certificate.txt",
    contentBase64: Buffer.from("patent certificate").toString("base64"),
  };
  const report = { filename: "valuation.txt", contentBase64: Buffer.from("valuation report").toString("base64") };
  let loansClosed = 0;

  const worker = async (w: number) => {
    const enterprise = cast.enterprise[w % cast.enterprise.length];
    const bankIndex = w % cast.bank.length;
    const bank = cast.bank[bankIndex];
    const ipoffice = cast.ipoffice[w % cast.ipoffice.length];
    const appraiser = cast.appraiser[w % cast.appraiser.length];
    const productId = cast.productIds[bankIndex];
    while (running()) {
      let patentId = "";
      let loanId = "";
      const steps: [Step, () => Promise<Reply>, (body: unknown) => void][] = [
        [
          "register patent",
          () => {
            const number = nextPatentNumber();
            return enterprise.post("/patents", {
              number,
              title: `Bench patent ${number}`,
              kind: "invention",
              grantDate: iso(-400),
              expiryDate: iso(3650),
              certificate,
            });
          },
          (body) => (patentId = (body as { id: string }).id),
        ],
        ["verify patent", () => ipoffice.post(`/patents/${patentId}/verify`, { feePaidUntil: iso(3000) }), () => {}],
        [
          "appraise patent",
          () => appraiser.post(`/patents/${patentId}/appraisals`, { value: "100000000", validUntil: iso(365), report }),
          () => {},
        ],
        [
          "apply for loan",
          () =>
            enterprise.post("/loans", {
              productId,
              patentIds: [patentId],
              amount: "10000000",
              termDays: 365,
              purpose: "working capital",
            }),
          (body) => (loanId = (body as { id: string }).id),
        ],
        [
          "approve loan",
          () => bank.post(`/loans/${loanId}/approve`, { amount: "10000000", rateBps: 600, termDays: 365 }),
          () => {},
        ],
        [
          "register pledge",
          () => ipoffice.post(`/loans/${loanId}/pledge`, { registrationNo: `Y-${loanId}` }),
          () => {},
        ],
        ["disburse", () => bank.post(`/loans/${loanId}/disburse`, { reference: `DISB-${loanId}` }), () => {}],
        [
          "pay off",
          () => bank.post(`/loans/${loanId}/repayments`, { payoff: true, reference: `PAYOFF-${loanId}` }),
          () => {},
        ],
        ["release pledge", () => ipoffice.post(`/loans/${loanId}/release`, {}), () => {}],
      ];
      let closed = true;
      for (const [step, send, keep] of steps) {
        if (!running()) return;
        const started = performance.now();
        const reply = await send();
        if (!meter.record(step, started, reply)) {
          closed = false;
          break;
        }
        keep(reply.body);
      }
      if (closed && performance.now() <= meter.windowEnd) loansClosed++;
    }
  };

  const ticker = options.onTick
    ? setInterval(() => {
        const { completed, errors } = meter.inWindow();
        options.onTick!((performance.now() - begun) / 1000, completed, errors);
      }, options.tickMs ?? 5000)
    : undefined;
  const windowTimers = options.onWindow
    ? [
        setTimeout(() => options.onWindow!("open"), options.warmupMs),
        setTimeout(() => options.onWindow!("close"), options.warmupMs + options.durationMs),
      ]
    : [];
  try {
    await Promise.all([
      ...Array.from({ length: options.concurrency }, (_, w) => worker(w)),
      options.alongside?.(meter, running),
    ]);
  } finally {
    clearInterval(ticker);
    for (const timer of windowTimers) clearTimeout(timer);
  }
  const { completed, errors } = meter.inWindow();
  return {
    windowSeconds: options.durationMs / 1000,
    completed,
    errors,
    errorKinds: meter.errorKinds,
    errorSamples: meter.errorSamples,
    steps: STEPS.map((step) => meter.steps.get(step) ?? { step, completed: 0, errors: 0, latenciesMs: [] }),
    loansClosed,
    allAnswers: meter.completedTotal + meter.errorsTotal,
  };
}

/** The chain's time as the API reports it (unix seconds). */
export async function chainNow(api: Api): Promise<number> {
  const health = expect2xx(await api.get<{ chain: { time: string } }>("/health"), "health");
  return Math.floor(Date.parse(health.chain.time) / 1000);
}

/** The p-th percentile (0-100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
