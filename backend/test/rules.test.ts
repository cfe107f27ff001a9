/**
 * The business rules over HTTP (SPEC sections 2, 3 and 5): each refusal answers with its
 * documented status and error code, and changes nothing: the resources it touches read the same,
 * no transaction is mined, the audit trail has no new event and no table gains a row (not even an
 * off-chain document or record). Positive controls show that each refusal is the rule at work and
 * not a route that refuses everything.
 *
 * The tests share one platform and run in order; only the last ones move chain time, forward.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus, startTestPlatform, type Client, type Reply, type TestPlatform } from "./support/platform.js";
import { DAY, document, isoDaysFrom, newPatentNumber, onboardCast, type World } from "./support/world.js";

const PRODUCT = {
  name: "IP loan",
  maxAmount: "1000000000",
  minRateBps: 300,
  maxRateBps: 1200,
  maxTermDays: 730,
  // Below the platform's 50% cap, so the product's own LTV is the one that binds.
  ltvBps: 4000,
};

describe("business rules", () => {
  let platform: TestPlatform;
  let world: World;
  let ent1: Client;
  let ent2: Client;
  let bank1: Client;
  let ipoffice: Client;
  let regulator: Client;
  let productId: string;
  let database: pg.Pool;

  beforeAll(async () => {
    platform = await startTestPlatform();
    database = new pg.Pool({ connectionString: platform.databaseUrl, max: 1 });
    world = await onboardCast(platform);
    ({ ent1, ent2, bank1, ipoffice1: ipoffice, regulator1: regulator } = world.clients);
    expectStatus(
      await platform.admin.put("/params", {
        ltvCapBps: 5000,
        graceDays: 90,
        fundShareBps: 5000,
        fundCapacity: "100000000000",
      }),
      200,
    );
    productId = expectStatus(await bank1.post("/products", PRODUCT), 201).body.id;
  });
  afterAll(async () => {
    await database?.end();
    await platform?.stop();
  });

  // ---- helpers ----

  const chainSeconds = async () => {
    const health = expectStatus(await platform.anonymous.get("/health"), 200).body;
    return Math.floor(Date.parse(health.chain.time) / 1000);
  };

  /** The body of a patent registration, valid unless overridden. */
  const patentBody = async (overrides: Record<string, unknown> = {}) => {
    const now = await chainSeconds();
    return {
      number: newPatentNumber(),
      title: "A method of pledging",
      kind: "invention",
      grantDate: isoDaysFrom(now, -100),
      expiryDate: isoDaysFrom(now, 3000),
      certificate: document(),
      ...overrides,
    };
  };

  /** A patent of `owner`, verified by the IP office and appraised: ready to be pledged. */
  const collateral = async (
    owner: Client,
    {
      value = 10_000_000,
      expiryDays = 3000,
      feeDays = 2000,
    }: { value?: number; expiryDays?: number; feeDays?: number } = {},
  ): Promise<string> => {
    const now = await chainSeconds();
    const body = await patentBody({ expiryDate: isoDaysFrom(now, expiryDays) });
    const id = expectStatus(await owner.post("/patents", body), 201).body.id;
    expectStatus(await ipoffice.post(`/patents/${id}/verify`, { feePaidUntil: isoDaysFrom(now, feeDays) }), 200);
    expectStatus(
      await world.clients.appraiser1.post(`/patents/${id}/appraisals`, {
        value,
        validUntil: isoDaysFrom(now, 1000),
        report: document("r.pdf"),
      }),
      201,
    );
    return id;
  };

  const apply = async (owner: Client, patentIds: string[], amount: number, termDays: number) => {
    const loan = expectStatus(
      await owner.post("/loans", { productId, patentIds, amount, termDays, purpose: "working capital" }),
      201,
    ).body;
    expect(loan.status).toBe("applied");
    return loan.id as string;
  };

  const approve = async (loanId: string, amount: number, termDays: number) => {
    const loan = expectStatus(
      await bank1.post(`/loans/${loanId}/approve`, { amount, rateBps: 600, termDays }),
      200,
    ).body;
    expect(loan.status).toBe("approved");
  };

  const pledge = async (loanId: string) => {
    const loan = expectStatus(
      await ipoffice.post(`/loans/${loanId}/pledge`, { registrationNo: `ZY-${loanId}` }),
      200,
    ).body;
    expect(loan.status).toBe("pledged");
  };

  const disburse = async (loanId: string) => {
    const loan = expectStatus(await bank1.post(`/loans/${loanId}/disburse`, { reference: `wire ${loanId}` }), 200).body;
    expect(loan.status).toBe("disbursed");
    return loan;
  };

  /** Rows in the tables a write adds to, the off-chain ones (documents, records) included. */
  const rowCounts = async () => {
    const tables = ["documents", "records", "chain_events", "patents", "appraisals", "products", "loans"];
    const { rows } = await database.query(
      `select ${tables.map((table) => `(select count(*) from ${table})::int as ${table}`).join(", ")}`,
    );
    return rows[0] as Record<string, number>;
  };

  /**
   * What a refused request must leave alone: the resources at `paths` as the regulator reads them
   * (details carry their history), the newest audit event, the chain's head block and the number
   * of rows in every table a write adds to.
   */
  const snapshot = async (paths: string[]) => {
    const events = expectStatus(await regulator.get("/audit/events?limit=1"), 200).body;
    const health = expectStatus(await platform.anonymous.get("/health"), 200).body;
    const resources: Record<string, { status: number; body: unknown }> = {};
    for (const path of paths) {
      const reply = await regulator.get(path);
      resources[path] = { status: reply.status, body: reply.body };
    }
    return {
      newestEventId: events.items[0]?.id ?? null,
      headBlock: health.chain.head,
      rows: await rowCounts(),
      resources,
    };
  };

  /** Sends a request that must be refused with `status` and `code`, and checks that nothing changed. */
  const expectRefused = async (
    send: () => Promise<Reply>,
    status: number,
    code: string,
    watch: string[],
  ): Promise<Reply> => {
    const before = await snapshot(watch);
    const reply = await send();
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(reply.body.error.code, JSON.stringify(reply.body)).toBe(code);
    expect(typeof reply.body.error.message).toBe("string");
    expect(reply.body.error).toHaveProperty("details");
    expect(await snapshot(watch)).toEqual(before);
    return reply;
  };

  /** A refused registration leaves no orphan certificate behind, not even for its uploader. */
  const expectNoDocument = async (client: Client, certificate: { contentBase64: string }) => {
    const sha256 = createHash("sha256").update(Buffer.from(certificate.contentBase64, "base64")).digest("hex");
    expectStatus(await client.get(`/documents/${sha256}`), 404);
  };

  // ---- patents (SPEC section 2) ----

  describe("a patent is registered once", () => {
    let number: string;
    let patentId: string;

    beforeAll(async () => {
      const body = await patentBody();
      number = body.number;
      patentId = expectStatus(await ent1.post("/patents", body), 201).body.id;
      expect(patentId).toBe(number);
    });

    const watch = () => [`/patents/${patentId}`, "/patents?limit=200"];

    it("refuses the same number twice", async () => {
      const body = await patentBody({ number });
      const reply = await expectRefused(() => ent1.post("/patents", body), 409, "PATENT_ALREADY_REGISTERED", watch());
      expect(reply.body.error.details.number).toBe(number);
      await expectNoDocument(ent1, body.certificate);
    });

    it("refuses the number written as `zl 2021 1 0123456.7`", async () => {
      // CN202110123456.7 -> zl 2021 1 0123456.7: the ZL prefix, spaces, lower case.
      const written = `zl ${number.slice(2, 6)} ${number.slice(6, 7)} ${number.slice(7)}`.toLowerCase();
      expect(written).toMatch(/^zl \d{4} \d \d{7}\.[0-9x]$/);
      const body = await patentBody({ number: written });
      const reply = await expectRefused(() => ent1.post("/patents", body), 409, "PATENT_ALREADY_REGISTERED", watch());
      expect(reply.body.error.details.number).toBe(number);
      await expectNoDocument(ent1, body.certificate);
    });

    it("refuses it from another enterprise", async () => {
      const body = await patentBody({ number });
      await expectRefused(() => ent2.post("/patents", body), 409, "PATENT_ALREADY_REGISTERED", watch());
      await expectNoDocument(ent2, body.certificate);
      const patent = expectStatus(await regulator.get(`/patents/${patentId}`), 200).body;
      expect(patent.ownerOrgId).toBe(world.orgIds.ent1);
    });
  });

  describe("a rejected registration frees its number (SPEC 8)", () => {
    it("ent2 registers ent1's number, the IP office rejects it, and ent1 registers it as its own", async () => {
      const squatted = await patentBody();
      const number = squatted.number;
      expectStatus(await ent2.post("/patents", squatted), 201);
      expectStatus(await ipoffice.post(`/patents/${number}/reject`, { reason: "not the holder of record" }), 200);

      const rightful = await patentBody({ number, title: "The holder's own record" });
      const registered = expectStatus(await ent1.post("/patents", rightful), 201).body;
      expect(registered).toMatchObject({
        id: number,
        status: "registered",
        ownerOrgId: world.orgIds.ent1,
        title: "The holder's own record",
      });
      // The squatter keeps nothing, and sees nothing of the holder's record.
      expect((await ent2.get(`/patents/${number}`)).status).toBe(404);
      expect(expectStatus(await ent1.get(`/patents/${number}`), 200).body.ownerOrgId).toBe(world.orgIds.ent1);
      expect(expectStatus(await regulator.get("/audit/verify"), 200).body.mismatches).toEqual([]);
    });
  });

  describe("a malformed patent number is a 400", () => {
    const watch = ["/patents?limit=200"];

    it("refuses a wrong check digit", async () => {
      const valid = newPatentNumber();
      const check = valid.slice(-1) === "X" ? 10 : Number(valid.slice(-1));
      const wrong = `${valid.slice(0, -1)}${(check + 1) % 11 === 10 ? "X" : (check + 1) % 11}`;
      const body = await patentBody({ number: wrong });
      const reply = await expectRefused(() => ent1.post("/patents", body), 400, "INVALID_PATENT_NUMBER", watch);
      expect(reply.body.error.details.problem).toBe("check_digit");
      expect(reply.body.error.message).toContain(`should be ${valid.slice(-1)}`);
      expectStatus(await regulator.get(`/patents/${wrong}`), 404);
      await expectNoDocument(ent1, body.certificate);
    });

    it("refuses a kind that does not match the fifth digit", async () => {
      for (const [digit, kind] of [
        ["2", "invention"],
        ["9", "design"],
        ["3", "utility_model"],
        ["1", "design"],
        ["8", "utility_model"],
      ]) {
        const number = newPatentNumber(digit);
        const body = await patentBody({ number, kind });
        const reply = await expectRefused(() => ent1.post("/patents", body), 400, "PATENT_KIND_MISMATCH", watch);
        expect(reply.body.error.details).toMatchObject({ number, declared: kind });
        expectStatus(await regulator.get(`/patents/${number}`), 404);
      }
      // The same numbers with their own kind are fine (positive control).
      for (const [digit, kind] of [
        ["2", "utility_model"],
        ["3", "design"],
      ]) {
        expectStatus(await ent1.post("/patents", await patentBody({ number: newPatentNumber(digit), kind })), 201);
      }
    });

    it("refuses garbage", async () => {
      for (const garbage of [
        "hello",
        "CN2021101234567",
        "CN20211012345.6",
        "CN2021101234567.89",
        "US202110123456.7",
        "CN20211O123456.7",
        "CN202140123456.7", // the fifth digit names no kind
        "CN202110123456.7; drop table patents",
        "🙂",
      ]) {
        const body = await patentBody({ number: garbage });
        await expectRefused(() => ent1.post("/patents", body), 400, "INVALID_PATENT_NUMBER", watch);
      }
      for (const garbage of ["", 202110123456, null, ["CN202110123456.7"], "C".repeat(41)]) {
        const body = await patentBody({ number: garbage });
        const reply = await expectRefused(() => ent1.post("/patents", body), 400, "VALIDATION_FAILED", watch);
        expect(reply.body.error.details.issues[0].path).toBe("body.number");
      }
    });
  });

  // ---- loans (SPEC section 3) ----

  describe("a patent is pledged once", () => {
    it("refuses a patent whose loan is applied", async () => {
      const patentId = await collateral(ent1);
      const first = await apply(ent1, [patentId], 1_000_000, 180);
      const other = await collateral(ent1);
      for (const patentIds of [[patentId], [other, patentId]]) {
        const reply = await expectRefused(
          () => ent1.post("/loans", { productId, patentIds, amount: 1_000_000, termDays: 180, purpose: "again" }),
          409,
          "PATENT_IN_ACTIVE_LOAN",
          [`/loans/${first}`, `/patents/${patentId}`, `/patents/${other}`, "/loans?limit=200"],
        );
        expect(reply.body.error.details).toEqual({ patentId, loanId: first });
      }
      // The other patent alone is free (positive control).
      await apply(ent1, [other], 1_000_000, 180);
    });

    it("refuses a patent whose loan is pledged", async () => {
      const patentId = await collateral(ent1);
      const first = await apply(ent1, [patentId], 1_000_000, 180);
      await approve(first, 1_000_000, 180);
      await pledge(first);
      expect(expectStatus(await regulator.get(`/patents/${patentId}`), 200).body.status).toBe("pledged");
      const reply = await expectRefused(
        () =>
          ent1.post("/loans", { productId, patentIds: [patentId], amount: 1_000_000, termDays: 180, purpose: "again" }),
        409,
        "PATENT_IN_ACTIVE_LOAN",
        [`/loans/${first}`, `/patents/${patentId}`, "/loans?limit=200"],
      );
      expect(reply.body.error.details).toEqual({ patentId, loanId: first });
    });
  });

  describe("approval", () => {
    // 40% of 1,000,003 fen is 400,001.2: the limit rounds down to 400,001.
    const APPRAISED = 1_000_003;
    const LIMIT = 400_001;
    let loanId: string;
    const watch = () => [`/loans/${loanId}`];

    beforeAll(async () => {
      const patentId = await collateral(ent1, { value: APPRAISED });
      loanId = await apply(ent1, [patentId], 450_000, 365);
    });

    const approveWith = (terms: { amount: number | string; rateBps: number; termDays: number }) => () =>
      bank1.post(`/loans/${loanId}/approve`, terms);

    it("refuses a rate outside the product", async () => {
      for (const rateBps of [PRODUCT.minRateBps - 1, PRODUCT.maxRateBps + 1, 0]) {
        const reply = await expectRefused(
          approveWith({ amount: LIMIT, rateBps, termDays: 365 }),
          422,
          "RATE_OUT_OF_RANGE",
          watch(),
        );
        expect(reply.body.error.details).toMatchObject({
          rateBps,
          min: PRODUCT.minRateBps,
          max: PRODUCT.maxRateBps,
        });
      }
    });

    it("refuses a term above the product's", async () => {
      const reply = await expectRefused(
        approveWith({ amount: LIMIT, rateBps: 600, termDays: PRODUCT.maxTermDays + 1 }),
        422,
        "TERM_OUT_OF_RANGE",
        watch(),
      );
      expect(reply.body.error.details).toMatchObject({ termDays: PRODUCT.maxTermDays + 1, max: PRODUCT.maxTermDays });
    });

    it("refuses an amount above the one requested", async () => {
      const reply = await expectRefused(
        approveWith({ amount: 450_001, rateBps: 600, termDays: 365 }),
        422,
        "AMOUNT_OUT_OF_RANGE",
        watch(),
      );
      expect(reply.body.error.details).toMatchObject({ amount: "450001", max: "450000" });
    });

    it("refuses the LTV limit plus one fen, then approves exactly at the limit", async () => {
      const reply = await expectRefused(
        approveWith({ amount: String(LIMIT + 1), rateBps: 600, termDays: 365 }),
        422,
        "LTV_EXCEEDED",
        watch(),
      );
      expect(reply.body.error.details).toMatchObject({
        maxAmount: String(LIMIT),
        appraisedTotal: String(APPRAISED),
        ltvBps: PRODUCT.ltvBps,
      });
      const approved = expectStatus(
        await bank1.post(`/loans/${loanId}/approve`, { amount: LIMIT, rateBps: 600, termDays: 365 }),
        200,
      ).body;
      expect(approved).toMatchObject({ status: "approved", amount: String(LIMIT), rateBps: 600, termDays: 365 });
      expect(approved.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    });

    it("refuses to withdraw the approved loan", async () => {
      const reply = await expectRefused(
        () => ent1.post(`/loans/${loanId}/withdraw`),
        409,
        "INVALID_LOAN_STATE",
        watch(),
      );
      expect(reply.body.error.details).toMatchObject({ loanId, current: "approved", expected: ["applied"] });
    });
  });

  describe("pledge registration runs the IP office's refusal rules", () => {
    const refusedFor = async (patent: { expiryDays: number; feeDays: number }, failing: string) => {
      const patentId = await collateral(ent1, patent);
      const loanId = await apply(ent1, [patentId], 1_000_000, 365);
      await approve(loanId, 1_000_000, 365);
      const watch = [`/loans/${loanId}`, `/patents/${patentId}`];

      const checks = expectStatus(await ipoffice.get(`/loans/${loanId}/pledge-checks`), 200).body;
      expect(checks.ok).toBe(false);
      const failed = checks.checks.filter((check: { ok: boolean }) => !check.ok);
      expect(failed.map((check: { check: string }) => check.check)).toEqual([failing]);
      expect(failed[0].patentId).toBe(patentId);

      const reply = await expectRefused(
        () => ipoffice.post(`/loans/${loanId}/pledge`, { registrationNo: `ZY-${loanId}` }),
        422,
        "PLEDGE_REFUSED",
        watch,
      );
      expect(reply.body.error.details.failed).toEqual(failed);
      return { loanId, patentId };
    };

    it("refuses a patent that expires before the loan's maturity", async () => {
      // Expires in 200 days; the fee is paid past the maturity, so only the expiry rule fails.
      await refusedFor({ expiryDays: 200, feeDays: 400 }, "outlives_maturity");
    });

    it("refuses a patent whose annual fee is not paid through maturity", async () => {
      const { loanId, patentId } = await refusedFor({ expiryDays: 3000, feeDays: 100 }, "fee_paid");
      // Once the register shows the fee paid, the same pledge goes through (positive control).
      const now = await chainSeconds();
      expectStatus(
        await ipoffice.post(`/patents/${patentId}/legal-status`, { feePaidUntil: isoDaysFrom(now, 800) }),
        200,
      );
      expect(expectStatus(await ipoffice.get(`/loans/${loanId}/pledge-checks`), 200).body.ok).toBe(true);
      await pledge(loanId);
    });

    it("runs the legal-status rules again at disbursement: a court's preservation after the pledge stops it", async () => {
      const patentId = await collateral(ent1);
      const loanId = await apply(ent1, [patentId], 1_000_000, 365);
      await approve(loanId, 1_000_000, 365);
      await pledge(loanId);
      expectStatus(await ipoffice.post(`/patents/${patentId}/legal-status`, { preserved: true }), 200);
      await expectRefused(
        () => bank1.post(`/loans/${loanId}/disburse`, { reference: `wire ${loanId}` }),
        422,
        "PLEDGE_REFUSED_PRESERVED",
        [`/loans/${loanId}`, `/patents/${patentId}`],
      );
      expectStatus(await ipoffice.post(`/patents/${patentId}/legal-status`, { preserved: false }), 200);
      await disburse(loanId);
    });
  });

  describe("state transitions", () => {
    it("refuses to disburse an applied loan", async () => {
      const loanId = await apply(ent1, [await collateral(ent1)], 1_000_000, 180);
      const reply = await expectRefused(
        () => bank1.post(`/loans/${loanId}/disburse`, { reference: "wire" }),
        409,
        "INVALID_LOAN_STATE",
        [`/loans/${loanId}`],
      );
      expect(reply.body.error.details).toMatchObject({ loanId, current: "applied", expected: ["pledged"] });
    });
  });

  describe("malformed bodies", () => {
    let loanId: string;
    const watch = () => [`/loans/${loanId}`];

    beforeAll(async () => {
      loanId = await apply(ent1, [await collateral(ent1)], 1_000_000, 180);
    });

    it("refuses an extra field", async () => {
      const reply = await expectRefused(
        () => bank1.post(`/loans/${loanId}/approve`, { amount: 1_000_000, rateBps: 600, termDays: 180, note: "x" }),
        400,
        "VALIDATION_FAILED",
        watch(),
      );
      expect(JSON.stringify(reply.body.error.details.issues)).toContain("note");
      await expectRefused(
        async () => ent1.post("/patents", { ...(await patentBody()), owner: world.orgIds.ent2 }),
        400,
        "VALIDATION_FAILED",
        ["/patents?limit=200"],
      );
    });

    it("refuses an amount that is not a positive integer of fen", async () => {
      for (const amount of ["12.5", 12.5, -1, "-1", 0, "0", "1e6", "", "0x10", "twelve", null, true]) {
        const reply = await expectRefused(
          () => bank1.post(`/loans/${loanId}/approve`, { amount, rateBps: 600, termDays: 180 }),
          400,
          "VALIDATION_FAILED",
          watch(),
        );
        expect(reply.body.error.details.issues[0].path, JSON.stringify(amount)).toBe("body.amount");
        await expectRefused(
          () =>
            ent1.post("/loans", { productId, patentIds: ["CN202110123456.7"], amount, termDays: 180, purpose: "x" }),
          400,
          "VALIDATION_FAILED",
          ["/loans?limit=200"],
        );
      }
    });

    it("refuses broken JSON", async () => {
      for (const text of ['{"amount": 1000000, "rateBps": 600,', "{amount: 1}", "'x'"]) {
        await expectRefused(
          () => bank1.request("POST", `/loans/${loanId}/approve`, text),
          400,
          "MALFORMED_JSON",
          watch(),
        );
      }
    });

    it("refuses a body that is not JSON", async () => {
      for (const [contentType, text] of [
        ["application/x-www-form-urlencoded", "amount=1000000&rateBps=600&termDays=180"],
        ["text/plain", '{"amount": 1000000, "rateBps": 600, "termDays": 180}'],
        ["multipart/form-data; boundary=x", '--x\r\ncontent-disposition: form-data; name="amount"\r\n\r\n1\r\n--x--'],
      ]) {
        await expectRefused(
          () =>
            bank1.request("POST", `/loans/${loanId}/approve`, text, {
              "content-type": contentType,
            }),
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          watch(),
        );
      }
      // The same terms as JSON are accepted (positive control).
      expectStatus(
        await bank1.post(`/loans/${loanId}/approve`, { amount: 1_000_000, rateBps: 600, termDays: 180 }),
        200,
      );
    });
  });

  // ---- repayment and default: these move chain time, so they come last ----

  describe("a disbursed loan", () => {
    const TERM_DAYS = 30;
    let loanId: string;
    let maturity: number;
    const watch = () => [`/loans/${loanId}`];

    beforeAll(async () => {
      const patentId = await collateral(ent1);
      loanId = await apply(ent1, [patentId], 2_000_000, TERM_DAYS);
      await approve(loanId, 2_000_000, TERM_DAYS);
      await pledge(loanId);
      const loan = await disburse(loanId);
      maturity = Date.parse(loan.maturityAt) / 1000;
      expect(loan.defaultableAt).toBe(new Date((maturity + 90 * DAY) * 1000).toISOString());
    });

    it("refuses a repayment of more than is owed", async () => {
      const owed = expectStatus(await bank1.get(`/loans/${loanId}`), 200).body.owed.total;
      expect(BigInt(owed)).toBeGreaterThanOrEqual(2_000_000n);
      for (const amount of [String(BigInt(owed) + 1n), "100000000"]) {
        const reply = await expectRefused(
          () => bank1.post(`/loans/${loanId}/repayments`, { amount, reference: "too much" }),
          422,
          "OVERPAYMENT",
          watch(),
        );
        expect(reply.body.error.details).toEqual({ amount, owed });
      }
      // A repayment within what is owed goes through (positive control).
      const repaid = expectStatus(
        await bank1.post(`/loans/${loanId}/repayments`, { amount: 1000, reference: "first instalment" }),
        201,
      ).body;
      expect(repaid).toMatchObject({ status: "disbursed", repaid: "1000" });
    });

    it("refuses a default before maturity plus the grace period ends, then accepts it after", async () => {
      const now = await chainSeconds();
      // Ten days past maturity: overdue, but well inside the 90 days' grace.
      expectStatus(await platform.admin.post("/dev/advance-time", { seconds: maturity - now + 10 * DAY }), 200);
      const overdue = expectStatus(await bank1.get(`/loans/${loanId}`), 200).body;
      expect(overdue.overdue).toBe(true);
      const reply = await expectRefused(
        () => bank1.post(`/loans/${loanId}/default`),
        422,
        "NOT_YET_DEFAULTABLE",
        watch(),
      );
      expect(reply.body.error.details).toEqual({ defaultableAt: overdue.defaultableAt });

      // Past the grace period the same request succeeds (positive control).
      expectStatus(await platform.admin.post("/dev/advance-time", { seconds: 81 * DAY }), 200);
      const defaulted = expectStatus(await bank1.post(`/loans/${loanId}/default`), 200).body;
      expect(defaulted.status).toBe("defaulted");
      expect(BigInt(defaulted.outstandingAtDefault)).toBeGreaterThan(0n);
      const events = expectStatus(
        await regulator.get(`/audit/events?entity=loan&entityId=${loanId}&limit=1`),
        200,
      ).body;
      expect(events.items[0]).toMatchObject({ kind: "LoanDefaulted", txHash: defaulted.txHash });
    });

    it("waits for the fund within its window (30 days), then lets the bank dispose without compensation", async () => {
      const loan = expectStatus(await bank1.get(`/loans/${loanId}`), 200).body;
      expect(loan.status).toBe("defaulted");
      expect(Date.parse(loan.fundDecisionBy)).toBe(Date.parse(loan.defaultedAt) + 30 * DAY * 1000);
      const dispose = () =>
        bank1.post(`/loans/${loanId}/dispose`, {
          buyerOrgId: world.orgIds.ent2,
          recoveredAmount: 500_000,
          reference: "auction",
        });
      const reply = await expectRefused(dispose, 409, "NOT_COMPENSATED", watch());
      expect(reply.body.error.details).toEqual({ fundDecisionBy: loan.fundDecisionBy });

      const now = await chainSeconds();
      const wait = Date.parse(loan.fundDecisionBy) / 1000 - now + 1;
      expectStatus(await platform.admin.post("/dev/advance-time", { seconds: wait }), 200);
      const disposed = expectStatus(await dispose(), 200).body;
      expect(disposed).toMatchObject({
        status: "disposed",
        compensationPaid: false,
        fundRecovery: "0",
        bankRecovery: "500000",
      });
    });
  });

  describe("only a patent's 8 newest appraisals count, as on chain (SPEC 8)", () => {
    it("8 newer appraisals, expired, supersede a valid older one: no current value, and it needs appraising", async () => {
      const crowded = await collateral(ent1);
      const now = await chainSeconds();
      for (let i = 0; i < 8; i++) {
        expectStatus(
          await world.clients.appraiser1.post(`/patents/${crowded}/appraisals`, {
            value: 1,
            validUntil: isoDaysFrom(now, 1),
            report: document(`short-${i}.pdf`, 64),
          }),
          201,
        );
      }
      expectStatus(await platform.admin.post("/dev/advance-time", { seconds: 2 * DAY }), 200);
      const patent = expectStatus(await regulator.get(`/patents/${crowded}`), 200).body;
      expect(patent.appraisals).toHaveLength(9);
      expect(patent.currentValue).toBeNull();
      expect(patent.appraisals.filter((appraisal: { current: boolean }) => appraisal.current)).toEqual([]);
      const queue = expectStatus(
        await world.clients.appraiser1.get("/patents?needsAppraisal=true&limit=200"),
        200,
      ).body;
      expect(queue.items.map((item: { id: string }) => item.id)).toContain(crowded);
    });
  });
});
