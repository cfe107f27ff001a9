/**
 * The platform under attack and under failure: many clients at once (SPEC sections 3 and 5). The
 * same approval sent 100 times is approved once; 100 repayments racing on one loan never pay more
 * than it owes; 1,000 writes from 10 organisations at once are each mined exactly once with no
 * nonce error and no 5xx; and across all of it, refusals and a database failure included, no
 * private key, password hash, JWT secret or master key appears in a response or a log line.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { JsonRpcProvider, type Interface, type Log } from "ethers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PatentRegistry__factory, PledgeFinance__factory, type PledgeFinance } from "../../typechain-types/index.js";
import { KeyVault } from "../src/chain/keyVault.js";
import { LOAN_STATUSES } from "../src/domain/ledger.js";
import {
  ADMIN_PASSWORD,
  chainTime,
  Client,
  expectStatus,
  type Reply,
  startTestPlatform,
  type TestPlatform,
} from "./support/platform.js";
import {
  CAST,
  DAY,
  document,
  isoDaysFrom,
  patentBodies,
  onboardCast,
  PASSWORD,
  type World,
  publishProduct,
} from "./support/world.js";

const APPROVALS = 100;
const REPAYMENTS = 100;
const WRITERS = { enterprises: 8, banks: 2 };
const WRITES_PER_ORGANISATION = 100;

const FINANCE = PledgeFinance__factory.createInterface();
const REGISTRY = PatentRegistry__factory.createInterface();

/** Every reply a client of this file received, for the secrets check. */
const replies: Reply[] = [];

/** A client that keeps every reply it receives. */
class RecordingClient extends Client {
  override async request<T = any>(method: string, route: string, body?: unknown, headers?: Record<string, string>) {
    const reply = await super.request<T>(method, route, body, headers);
    replies.push(reply);
    return reply;
  }
}
const recording = (client: Client) => new RecordingClient(client.baseUrl, client.token, client.user);

/** The reply, or one with status 0 naming the connection failure, so a reset connection is counted, not thrown. */
const answerOf = (pending: Promise<Reply>) =>
  pending.catch((error: Error): Reply => ({
    status: 0,
    body: `${error.message}: ${String(error.cause)}`,
    headers: new Headers(),
  }));

const isErrorShape = (body: any) =>
  typeof body?.error?.code === "string" && typeof body.error.message === "string" && "details" in body.error;

const statusOf = (loan: { status: bigint }) => LOAN_STATUSES[Number(loan.status)];

/** Status -> how many replies had it. */
const tally = (list: Reply[]) =>
  list.reduce<Record<number, number>>(
    (counts, reply) => ({ ...counts, [reply.status]: (counts[reply.status] ?? 0) + 1 }),
    {},
  );

describe("races: many clients at once", () => {
  let platform: TestPlatform;
  let c: World["clients"];
  let db: pg.Client;
  let provider: JsonRpcProvider;
  let finance: PledgeFinance;
  let productId: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ env: { LOG_LEVEL: "debug" }, logSink: (line) => logLines.push(line) });
    const world = await onboardCast(platform);
    c = Object.fromEntries(
      Object.entries(world.clients).map(([name, client]) => [name, recording(client)]),
    ) as World["clients"];
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
    provider = new JsonRpcProvider(platform.rpcUrl, undefined, { cacheTimeout: -1 });
    finance = PledgeFinance__factory.connect(platform.platform.ctx.chain.addresses.finance, provider);
    productId = await publishProduct(c.bank1, "知识产权质押贷 races");
  });
  afterAll(async () => {
    provider?.destroy();
    await db?.end();
    await platform?.stop();
  });

  const chainNow = () => chainTime(platform.anonymous);

  const patentBody = patentBodies();

  /** A loan of ent1's on bank1's product, applied for on a verified patent appraised at `value`. */
  async function appliedLoan(value: string, amount: string) {
    const now = await chainNow();
    const patent = expectStatus(await c.ent1.post("/patents", patentBody(now)), 201).body;
    expectStatus(await c.ipoffice1.post(`/patents/${patent.id}/verify`, { feePaidUntil: isoDaysFrom(now, 3000) }), 200);
    expectStatus(
      await c.appraiser1.post(`/patents/${patent.id}/appraisals`, {
        value,
        validUntil: isoDaysFrom(now, 365),
        report: document("valuation.pdf", 256),
      }),
      201,
    );
    return expectStatus(
      await c.ent1.post("/loans", { productId, patentIds: [patent.id], amount, termDays: 365, purpose: "races" }),
      201,
    ).body;
  }

  /** The contract's logs of `event` from the deployment on, decoded. */
  async function chainEvents(contract: "finance" | "registry", event: string) {
    const abi: Interface = contract === "finance" ? FINANCE : REGISTRY;
    const logs: Log[] = await provider.getLogs({
      address: platform.platform.ctx.chain.addresses[contract],
      topics: [abi.getEvent(event)!.topicHash],
      fromBlock: platform.platform.ctx.chain.deployment.startBlock,
      toBlock: "latest",
    });
    return logs.map((log) => ({ log, event: abi.parseLog(log)! }));
  }

  it(`${APPROVALS} identical approvals of one loan at once: one 200, ${APPROVALS - 1} × 409, one LoanApproved`, async () => {
    const loan = await appliedLoan("100000000", "10000000");
    const terms = { amount: "10000000", rateBps: 600, termDays: 365 };

    const answers = await Promise.all(
      Array.from({ length: APPROVALS }, () => answerOf(c.bank1.post(`/loans/${loan.id}/approve`, terms))),
    );

    expect(tally(answers)).toEqual({ 200: 1, 409: APPROVALS - 1 });
    const approved = answers.find((answer) => answer.status === 200)!;
    expect(approved.body).toMatchObject({ id: loan.id, status: "approved", amount: terms.amount });
    for (const refusal of answers.filter((answer) => answer.status === 409)) {
      expect(isErrorShape(refusal.body), JSON.stringify(refusal.body)).toBe(true);
      expect(refusal.body.error.code).toBe("INVALID_LOAN_STATE");
    }
    const byLedger = answers.filter((answer) => answer.body?.error?.details?.contractError).length;
    console.log(
      `${APPROVALS} identical approvals: ${JSON.stringify(tally(answers))}; ${byLedger} of the 409s refused by the ` +
        `ledger's simulation in the bank's turn, ${APPROVALS - 1 - byLedger} by the projection`,
    );
    const onChain = (await chainEvents("finance", "LoanApproved")).filter(
      ({ event }) => event.args.loanId.toString() === loan.id,
    );
    expect(onChain.map(({ log }) => log.transactionHash)).toEqual([approved.body.txHash]);
    const mirrored = await db.query("select tx_hash from chain_events where kind = 'LoanApproved' and entity_id = $1", [
      loan.id,
    ]);
    expect(mirrored.rows.map((row) => row.tx_hash)).toEqual([approved.body.txHash]);
    expect(statusOf(await finance.getLoan(loan.id))).toBe("approved");
  });

  it(`${REPAYMENTS} repayments racing on one loan never pay more than it owes`, async () => {
    const principal = 100_000_000n;
    const chunk = 2_000_000n; // 100 of them are twice the principal
    const loan = await appliedLoan("300000000", principal.toString());
    expectStatus(
      await c.bank1.post(`/loans/${loan.id}/approve`, { amount: principal.toString(), rateBps: 1200, termDays: 365 }),
      200,
    );
    expectStatus(await c.ipoffice1.post(`/loans/${loan.id}/pledge`, { registrationNo: "Y-RACES-1" }), 200);
    expectStatus(await c.bank1.post(`/loans/${loan.id}/disburse`, { reference: "disbursed for the race" }), 200);
    // A month of interest, so what is owed is well above the principal and keeps accruing.
    expectStatus(await c.admin.post("/dev/advance-time", { seconds: 30 * DAY }), 200);

    const answers = await Promise.all(
      Array.from({ length: REPAYMENTS }, (_, i) =>
        answerOf(
          c.bank1.post(`/loans/${loan.id}/repayments`, { amount: chunk.toString(), reference: `race payment ${i}` }),
        ),
      ),
    );

    const accepted = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status !== 201);
    for (const refusal of refused) {
      expect([409, 422], JSON.stringify(refusal.body)).toContain(refusal.status);
      expect(isErrorShape(refusal.body), JSON.stringify(refusal.body)).toBe(true);
      expect(["OVERPAYMENT", "INVALID_LOAN_STATE"]).toContain(refusal.body.error.code);
    }
    const acceptedSum = accepted.reduce((sum, answer) => sum + BigInt(answer.body.repayment.amount), 0n);
    for (const answer of accepted) expect(BigInt(answer.body.repayment.amount)).toBe(chunk);

    // Each recorded repayment, against what the chain owed just before its block.
    const recorded = (await chainEvents("finance", "RepaymentRecorded"))
      .filter(({ event }) => event.args.loanId.toString() === loan.id)
      .sort((a, b) => a.log.blockNumber - b.log.blockNumber || a.log.index - b.log.index);
    expect(recorded.map(({ log }) => log.transactionHash).sort()).toEqual(
      accepted.map((answer) => answer.body.txHash).sort(),
    );
    expect(new Set(recorded.map(({ log }) => log.blockNumber)).size).toBe(recorded.length);
    let principalPaid = 0n;
    for (const { log, event } of recorded) {
      const block = await provider.getBlock(log.blockNumber);
      const owedBefore = await finance.owedAt(loan.id, block!.timestamp, { blockTag: log.blockNumber - 1 });
      const { paid, remaining } = event.args;
      expect(paid.amount).toBeLessThanOrEqual(owedBefore.total);
      expect(paid.amount + remaining.total).toBe(owedBefore.total);
      principalPaid += paid.principal;
    }

    const onChain = await finance.getLoan(loan.id);
    expect(onChain.repaid).toBe(acceptedSum);
    expect(onChain.principalOutstanding).toBe(principal - principalPaid);
    const now = (await provider.getBlock("latest"))!.timestamp;
    const owedNow = await finance.owedAt(loan.id, now);
    const last = recorded.at(-1)!.event.args;
    if (statusOf(onChain) === "repaid") {
      // Repaid: nothing owed, and every later repayment was refused for the loan's state.
      expect(owedNow.total).toBe(0n);
      expect(last.remaining.total).toBe(0n);
    } else {
      // Still disbursed: what remains is less than one more payment, or it would have been accepted.
      expect(statusOf(onChain)).toBe("disbursed");
      expect(last.remaining.total).toBeGreaterThan(0n);
      expect(last.remaining.total).toBeLessThan(chunk);
      expect(owedNow.total).toBeGreaterThanOrEqual(last.remaining.total);
      expect(refused.every((answer) => answer.body.error.code === "OVERPAYMENT")).toBe(true);
    }
    console.log(
      `${REPAYMENTS} racing repayments of ${chunk} fen: ${accepted.length} accepted (${acceptedSum} fen), ` +
        `${refused.length} refused ${JSON.stringify(tally(refused))} ` +
        `(${refused.filter((answer) => answer.body.error.details?.contractError).length} by the ledger); ` +
        `${owedNow.total} fen still owed`,
    );

    // The API reads what the chain says, and a payoff settles the rest exactly.
    const read = expectStatus(await c.bank1.get(`/loans/${loan.id}`), 200).body;
    expect(read.repaid).toBe(acceptedSum.toString());
    if (owedNow.total > 0n) {
      const payoff = expectStatus(
        await c.bank1.post(`/loans/${loan.id}/repayments`, { payoff: true, reference: "race payoff" }),
        201,
      ).body;
      expect(payoff).toMatchObject({ status: "repaid", owed: { total: "0" } });
      expect(BigInt(payoff.repaid)).toBe(acceptedSum + BigInt(payoff.repayment.amount));
      expect((await finance.getLoan(loan.id)).principalOutstanding).toBe(0n);
    }
  });

  it(
    `${WRITERS.enterprises * WRITES_PER_ORGANISATION + WRITERS.banks * WRITES_PER_ORGANISATION} writes from ` +
      `${WRITERS.enterprises + WRITERS.banks} organisations at once: each mined once, no nonce error, no 5xx`,
    async () => {
      const enterprises = [c.ent1, c.ent2];
      for (let i = enterprises.length + 1; i <= WRITERS.enterprises; i++) {
        const org = expectStatus(await c.admin.post("/orgs", { name: `ent${i} org`, kind: "enterprise" }), 201).body;
        expectStatus(await c.admin.post("/users", { username: `ent${i}`, password: PASSWORD, orgId: org.id }), 201);
        enterprises.push(recording(await recording(platform.anonymous).login(`ent${i}`, PASSWORD)));
      }
      const writers = [...enterprises, c.bank1, c.bank2];
      const addresses = await Promise.all(
        writers.map(async (writer) => expectStatus(await writer.get("/me"), 200).body.organisation.address as string),
      );
      const noncesBefore = await Promise.all(addresses.map((address) => provider.getTransactionCount(address)));
      const now = await chainNow();
      const writes = writers.flatMap((writer, w) =>
        Array.from({ length: WRITES_PER_ORGANISATION }, (_, i) =>
          w < enterprises.length
            ? () => writer.post("/patents", patentBody(now))
            : () =>
                writer.post("/products", {
                  name: `product ${w}-${i}`,
                  maxAmount: "100000000",
                  minRateBps: 300,
                  maxRateBps: 1000,
                  maxTermDays: 365,
                  ltvBps: 5000,
                }),
        ),
      );
      const logLinesBefore = logLines.length;

      const started = performance.now();
      const answers = await Promise.all(writes.map((write) => answerOf(write())));
      const elapsedMs = performance.now() - started;
      console.log(
        `${writes.length} concurrent writes from ${writers.length} organisations: ${(elapsedMs / 1000).toFixed(1)} s ` +
          `(${((writes.length * 1000) / elapsedMs).toFixed(1)} writes/s); ${JSON.stringify(tally(answers))}`,
      );

      const failures = answers.filter((answer) => answer.status !== 201);
      expect(failures.map((answer) => `${answer.status} ${JSON.stringify(answer.body)}`)).toEqual([]);
      const nonceTrouble = logLines.slice(logLinesBefore).filter((line) => /nonce/i.test(line));
      expect(nonceTrouble).toEqual([]);
      const hashes = answers.map((answer) => answer.body.txHash as string);
      expect(new Set(hashes).size).toBe(writes.length);

      // Each write's transaction emitted its event exactly once, on chain and in the mirror.
      const emitted = [
        ...(await chainEvents("registry", "PatentRegistered")),
        ...(await chainEvents("finance", "ProductCreated")),
      ];
      const perTx = new Map<string, number>();
      for (const { log } of emitted) perTx.set(log.transactionHash, (perTx.get(log.transactionHash) ?? 0) + 1);
      expect(hashes.filter((hash) => perTx.get(hash) !== 1)).toEqual([]);
      const mirrored = await db.query<{ tx_hash: string; events: string }>(
        `select tx_hash, count(*) as events from chain_events
          where tx_hash = any($1) and kind in ('PatentRegistered', 'ProductCreated') group by tx_hash`,
        [hashes],
      );
      expect(mirrored.rows.length).toBe(writes.length);
      expect(mirrored.rows.filter((row) => Number(row.events) !== 1)).toEqual([]);
      // Every organisation sent exactly its writes: no nonce skipped, none used twice.
      const noncesAfter = await Promise.all(addresses.map((address) => provider.getTransactionCount(address)));
      expect(noncesAfter).toEqual(noncesBefore.map((nonce) => nonce + WRITES_PER_ORGANISATION));
      const integrity = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
      expect(integrity.mismatches).toEqual([]);
    },
    600_000,
  );

  it("no private key, password hash, JWT secret, master key or password in any reply or log line", async () => {
    // Some refusals too, for their bodies and log lines.
    const loan = (await appliedLoan("100000000", "1000000")).id as string;
    const errors = [
      await recording(platform.anonymous).post("/auth/login", { username: "ent1", password: "wrong password" }),
      await recording(platform.anonymous).request("POST", "/auth/login", "{not json", {
        "content-type": "application/json",
      }),
      await c.ent2.get(`/loans/${loan}`),
      await c.ent1.post(`/loans/${loan}/approve`, { amount: "1", rateBps: 600, termDays: 30 }),
      await c.bank1.post(`/loans/${loan}/repayments`, { amount: "1", reference: "too late" }),
      await recording(c.bank1.withToken(`${c.bank1.token!.slice(0, -4)}AAAA`)).get("/me"),
      await c.ent1.post("/patents", { ...patentBody(await chainNow()), number: "CN202110000000.0" }),
    ];
    expect(errors.map((reply) => reply.status)).toEqual([401, 400, 404, 403, 409, 401, 400]);

    // And a failure: the server's database connections are cut while requests are in flight. Each is
    // answered (200, or 503 in the error shape), and once the pool reconnects the platform writes again.
    const inFlight = Array.from({ length: 20 }, () => answerOf(c.bank1.get("/loans?limit=50")));
    await db.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    const duringFailure = [...(await Promise.all(inFlight)), await answerOf(c.bank1.get("/loans?limit=50"))];
    expect(
      duringFailure
        .filter((reply) => !(reply.status === 200 || (reply.status === 503 && isErrorShape(reply.body))))
        .map((reply) => `${reply.status} ${JSON.stringify(reply.body)}`),
    ).toEqual([]);
    const afterFailure = expectStatus(await c.ent1.post("/patents", patentBody(await chainNow())), 201).body;
    expect(afterFailure.status).toBe("registered");
    console.log(`a database failure mid-run: ${JSON.stringify(tally(duringFailure))}, then a write succeeded`);

    const secretsDir = path.join(platform.dataDir, "secrets");
    const masterKey = readFileSync(path.join(secretsDir, "master.key"), "utf8").trim();
    const jwtSecret = readFileSync(path.join(secretsDir, "jwt.key"), "utf8").trim();
    const vault = new KeyVault(Buffer.from(masterKey, "hex"));
    const orgs = await db.query<{ address: string; encrypted_key: Buffer }>(
      "select address, encrypted_key from organisation_keys where encrypted_key is not null",
    );
    const privateKeys = orgs.rows.map((org) => vault.open(org.encrypted_key, org.address).slice(2));
    const passwordHashes = (await db.query<{ password_hash: string }>("select password_hash from users")).rows.map(
      (user) => user.password_hash,
    );
    const secrets: Record<string, string[]> = {
      "a private key": privateKeys,
      "a password hash": passwordHashes,
      "the JWT secret": [jwtSecret, Buffer.from(jwtSecret, "hex").toString("base64")],
      "the master key": [masterKey, Buffer.from(masterKey, "hex").toString("base64")],
      "a password": [PASSWORD, ADMIN_PASSWORD],
    };
    expect(privateKeys.length).toBe(orgs.rows.length);
    expect(privateKeys.length).toBeGreaterThan(Object.keys(CAST).length); // the cast and the operator, at least
    for (const key of [...privateKeys, masterKey, jwtSecret]) expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(passwordHashes.every((hash) => hash.startsWith("$2"))).toBe(true);

    /** Which secrets `text` holds (hex compared case-insensitively). */
    const leaked = (text: string) =>
      Object.entries(secrets).flatMap(([what, values]) =>
        values.some((value) => text.includes(value) || text.toLowerCase().includes(value.toLowerCase())) ? [what] : [],
      );
    expect(leaked(`x${privateKeys[0].toUpperCase()}x`)).toEqual(["a private key"]); // the search finds what it seeks

    const texts = [
      ...replies.map((reply, i) => ({
        where: `reply ${i} (${reply.status})`,
        text: `${[...reply.headers].map(([name, value]) => `${name}: ${value}`).join("\n")}\n${
          typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body)
        }`,
      })),
      ...logLines.map((line, i) => ({ where: `log line ${i}`, text: line })),
    ];
    expect(replies.length).toBeGreaterThan(errors.length + duringFailure.length);
    expect(logLines.length).toBeGreaterThan(0);
    const leaks = texts.flatMap(({ where, text }) => leaked(text).map((what) => `${where}: ${what}`));
    expect(leaks).toEqual([]);
    console.log(`secrets: ${replies.length} replies and ${logLines.length} log lines checked, no secret found`);
  });
});
