/**
 * No party can freeze a loan (SPEC section 8): an organisation's chain key is rotated through the
 * platform (POST /api/orgs/:id/rotate-key) without losing its patents, products or loans, and the
 * old key can do nothing afterwards. A regulator rotates any organisation's key (a lost or stolen
 * key: the regulator's key proposes), the operator those of enterprises and banks (a routine
 * rotation: the organisation's own key proposes); the new key accepts. The indexer switches the
 * key from the chain's KeyRotated event, the integrity check proves the switch, and a crash
 * between the proposal and the acceptance is resumed by a retry.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { JsonRpcProvider, Wallet, ZeroHash } from "ethers";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PledgeFinance__factory } from "../../typechain-types/index.js";
import { decodeRevert } from "../src/chain/revert.js";
import { rebuildProjections } from "../src/indexer/apply.js";
import {
  ADMIN_PASSWORD,
  Client,
  createDatabase,
  deployTestContracts,
  expectStatus,
  startTestPlatform,
  type TestPlatform,
} from "./support/platform.js";
import { freePort } from "./support/ports.js";
import { spawnServer, stopServer, type ServerProcess } from "./support/server.js";
import {
  document,
  isoDaysFrom,
  newPatentNumber,
  onboardCast,
  onboardOrganisation,
  publishProduct,
  verifiedPatent,
  type World,
} from "./support/world.js";

interface KeyRow {
  address: string;
  org_id: string;
  state: string;
  encrypted_key: Buffer | null;
}

describe("key rotation through the platform", () => {
  let platform: TestPlatform;
  let world: World;
  let db: pg.Client;
  let now: number;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
    now = Math.floor(Date.parse(expectStatus(await platform.anonymous.get("/health"), 200).body.chain.time) / 1000);
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const finance = () => platform.platform.ctx.chain.finance;
  const rotate = (client: Client, orgId: string, body: unknown = { reason: "scheduled rotation" }) =>
    client.post(`/orgs/${orgId}/rotate-key`, body);
  const keysOf = async (orgId: string) =>
    (
      await db.query<KeyRow>(
        "select address, org_id::text, state, encrypted_key from organisation_keys where org_id = $1 order by created_at, address",
        [orgId],
      )
    ).rows;
  const privateKeyOf = async (address: string) => {
    const { rows } = await db.query<KeyRow>("select * from organisation_keys where address = $1", [address]);
    return platform.platform.ctx.vault.open(rows[0].encrypted_key!, address);
  };

  const patentOf = (owner: Client) =>
    verifiedPatent(owner, world.clients, now, { title: "A patent that outlives a key", appraisal: "200000000" });

  it("a regulator rotates a bank's key mid-loan: the loan goes on, the old key can do nothing", async () => {
    const { ent1, bank1, ipoffice1, regulator1 } = world.clients;
    const patentId = await patentOf(ent1);
    const productId = await publishProduct(bank1, "a loan across a key rotation");
    const loanId = expectStatus(
      await ent1.post("/loans", {
        productId,
        patentIds: [patentId],
        amount: "50000000",
        termDays: 365,
        purpose: "r&d",
      }),
      201,
    ).body.id as string;
    expectStatus(
      await bank1.post(`/loans/${loanId}/approve`, { amount: "50000000", rateBps: 600, termDays: 365 }),
      200,
    );
    expectStatus(await ipoffice1.post(`/loans/${loanId}/pledge`, { registrationNo: "Y-ROTATE-1" }), 200);
    expectStatus(await bank1.post(`/loans/${loanId}/disburse`, { reference: "ROTATE-DISBURSE" }), 200);

    const before = expectStatus(await bank1.get(`/orgs/${world.orgIds.bank1}`), 200).body;
    expect(before.signingAddress).toBe(before.address);
    const oldKey = await privateKeyOf(before.address);

    const rotated = expectStatus(await rotate(regulator1, world.orgIds.bank1, { reason: "key reported stolen" }), 200);
    const body = rotated.body;
    expect(body).toMatchObject({ id: world.orgIds.bank1, kind: "bank", address: before.address, roleGranted: true });
    expect(body.signingAddress).toMatch(/^0x[0-9a-f]{40}$/);
    expect(body.signingAddress).not.toBe(before.address);
    expect(body.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(body.proposalTxHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(body.rotation).toMatchObject({
      reason: "key reported stolen",
      newKey: body.signingAddress,
      proposalTxHash: body.proposalTxHash,
      acceptTxHash: body.txHash,
    });
    expect(body.rotation.completedAt).not.toBeNull();

    // The chain and the database agree: the new key signs, the old one is retired and erased.
    expect((await finance().keyOf(before.address)).toLowerCase()).toBe(body.signingAddress);
    expect(await finance().isRetiredKey(before.address)).toBe(true);
    const keys = await keysOf(world.orgIds.bank1);
    expect(keys.map(({ address, state }) => ({ address, state }))).toEqual([
      { address: before.address, state: "retired" },
      { address: body.signingAddress, state: "current" },
    ]);
    expect(keys[0].encrypted_key).toBeNull();
    expect(keys[1].encrypted_key).not.toBeNull();
    // The regulator's key proposed it.
    const regulatorAddress = expectStatus(await regulator1.get(`/orgs/${world.orgIds.regulator1}`), 200).body.address;
    const proposed = expectStatus(
      await regulator1.get(`/audit/events?kind=KeyRotationProposed&entityId=${before.address}`),
      200,
    ).body.items;
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({ entity: "organisation", actor: regulatorAddress });
    expect(proposed[0].data).toMatchObject({ newKey: expect.stringMatching(/^0x/) });
    expect(proposed[0].data.newKey.toLowerCase()).toBe(body.signingAddress);

    // Repayment through the API, signed with the new key, on the same loan of the same bank.
    const repaid = expectStatus(
      await bank1.post(`/loans/${loanId}/repayments`, { amount: "1000000", reference: "AFTER-ROTATION" }),
      201,
    ).body;
    expect(repaid).toMatchObject({ id: loanId, bankOrgId: world.orgIds.bank1, enterpriseOrgId: world.orgIds.ent1 });
    expect(repaid.repaid).toBe("1000000");
    const repayment = expectStatus(await regulator1.get(`/audit/events?kind=RepaymentRecorded&entityId=${loanId}`), 200)
      .body.items[0];
    expect(repayment.actor).toBe(before.address);
    expect(repayment.orgId).toBe(world.orgIds.bank1);

    // A transaction signed with the old key, straight to the chain, reverts with KeyRetired.
    const provider = new JsonRpcProvider(platform.rpcUrl, undefined, { cacheTimeout: -1 });
    try {
      const old = new Wallet(oldKey, provider);
      const contract = PledgeFinance__factory.connect(await finance().getAddress(), old);
      const terms = { maxAmount: 1_000_000n, minRateBps: 300, maxRateBps: 900, maxTermDays: 365, ltvBps: 4000 };
      const sent = await contract.createProduct(terms, ZeroHash, { gasLimit: 500_000 });
      const receipt = await provider.waitForTransaction(sent.hash);
      expect(receipt?.status).toBe(0);
      const reason = await provider
        .call({ from: old.address, to: await finance().getAddress(), data: sent.data, blockTag: receipt!.blockNumber })
        .then(
          () => null,
          (error: { data?: string }) => decodeRevert(error.data),
        );
      expect(reason?.name).toBe("PledgeFinanceKeyRetired");
      expect((reason?.args[0] as string).toLowerCase()).toBe(before.address);
    } finally {
      provider.destroy();
    }

    // The bank's products, the loan and the pledged patent still name the same organisations.
    const products = expectStatus(await bank1.get("/products?limit=200"), 200).body.items;
    expect(products.find((product: { id: string }) => product.id === productId)).toMatchObject({
      bankOrgId: world.orgIds.bank1,
    });
    const patent = expectStatus(await ent1.get(`/patents/${patentId}`), 200).body;
    expect(patent).toMatchObject({ ownerOrgId: world.orgIds.ent1, status: "pledged" });
    const loan = expectStatus(await bank1.get(`/loans/${loanId}`), 200).body;
    expect(loan).toMatchObject({ bankOrgId: world.orgIds.bank1, status: "disbursed" });

    // The bank is told, and sees both events; another organisation sees neither.
    const notes = expectStatus(await bank1.get("/notifications?limit=200"), 200).body.items;
    expect(notes.filter((n: { topic: string }) => n.topic === "key_rotated")).toHaveLength(1);
    const own = expectStatus(await bank1.get(`/audit/events?entityId=${before.address}`), 200).body.items;
    expect(own.map((event: { kind: string }) => event.kind)).toEqual(
      expect.arrayContaining(["KeyRotationProposed", "KeyRotated"]),
    );
    const others = expectStatus(await world.clients.ent2.get(`/audit/events?kind=KeyRotated`), 200).body.items;
    expect(others).toEqual([]);
  });

  it("the operator rotates an enterprise's key with its own key, and it then borrows against its patents", async () => {
    const { admin, ent2, bank2 } = world.clients;
    const patentId = await patentOf(ent2);
    const identity = expectStatus(await ent2.get(`/orgs/${world.orgIds.ent2}`), 200).body.address;
    const rotated = expectStatus(await rotate(admin, world.orgIds.ent2, { reason: "staff change" }), 200).body;
    expect(rotated).toMatchObject({ address: identity, rotation: { reason: "staff change" } });
    expect(rotated.signingAddress).not.toBe(identity);
    const proposed = expectStatus(
      await world.clients.regulator1.get(`/audit/events?kind=KeyRotationProposed&entityId=${identity}`),
      200,
    ).body.items;
    expect(proposed[0].actor).toBe(identity); // a routine rotation: its own key proposed it

    const listed = expectStatus(await ent2.get("/orgs?kind=enterprise&limit=200"), 200).body.items;
    expect(listed.find((org: { id: string }) => org.id === world.orgIds.ent2)).toMatchObject({
      address: identity,
      signingAddress: rotated.signingAddress,
    });

    const productId = await publishProduct(bank2, "after a routine rotation");
    const loan = expectStatus(
      await ent2.post("/loans", {
        productId,
        patentIds: [patentId],
        amount: "30000000",
        termDays: 180,
        purpose: "ops",
      }),
      201,
    ).body;
    expect(loan).toMatchObject({ enterpriseOrgId: world.orgIds.ent2, status: "applied", patentIds: [patentId] });
    const applied = expectStatus(
      await world.clients.regulator1.get(`/audit/events?kind=LoanApplied&entityId=${loan.id}`),
      200,
    ).body.items[0];
    expect(applied.actor).toBe(identity);
    const history = expectStatus(await admin.get(`/orgs/${world.orgIds.ent2}/key-rotations`), 200).body.items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ reason: "staff change", newKey: rotated.signingAddress });
  });

  it("only the operator (enterprises, banks) and a regulator (any but the operator) rotate; refusals change nothing", async () => {
    const { admin, ent1, bank1, regulator1 } = world.clients;
    const snapshot = async () => ({
      keys: (await db.query("select address, state from organisation_keys order by address")).rows,
      rotations: (await db.query("select count(*)::int as n from key_rotations")).rows[0].n,
    });
    const before = await snapshot();
    for (const member of ["ipoffice1", "regulator1", "appraiser1", "fund1"] as const) {
      const refused = expectStatus(await rotate(admin, world.orgIds[member]), 403).body;
      expect(refused.error.code).toBe("FORBIDDEN");
    }
    expectStatus(await rotate(ent1, world.orgIds.ent1), 403);
    expectStatus(await rotate(bank1, world.orgIds.ent1), 403);
    for (const body of [
      {},
      { reason: "" },
      { reason: "   " },
      { reason: "x".repeat(501) },
      { reason: 7 },
      { reason: "ok", extra: 1 },
    ]) {
      expectStatus(await rotate(regulator1, world.orgIds.ent1, body), 400);
    }
    expectStatus(await rotate(regulator1, "999999"), 404);
    expectStatus(await rotate(regulator1, "abc"), 400);
    for (const client of [admin, regulator1]) {
      const refused = expectStatus(await rotate(client, world.orgIds.admin), 422).body;
      expect(refused.error.code).toBe("OPERATOR_KEY_NOT_ROTATED");
    }
    // An authority still awaiting a regulator's approval holds no role: nothing to rotate.
    const office = expectStatus(
      await admin.post("/orgs", { name: "An office not yet approved", kind: "ipoffice" }),
      201,
    );
    const notMember = expectStatus(await rotate(regulator1, office.body.id), 409).body;
    expect(notMember.error.code).toBe("NOT_A_MEMBER");
    const after = await snapshot();
    expect(after.rotations).toBe(before.rotations);
    expect(after.keys).toEqual(
      [...before.keys, { address: office.body.address, state: "current" }].sort((a, b) =>
        a.address.localeCompare(b.address),
      ),
    );
    expect((await finance().keyOf(office.body.address)).toLowerCase()).toBe(office.body.address);
  });

  it("the integrity check proves the keys, reports a hand edit of them, and a re-index keeps them", async () => {
    const { regulator1 } = world.clients;
    const verify = async () => expectStatus(await regulator1.get("/audit/verify"), 200).body;
    const clean = await verify();
    expect(clean.mismatches).toEqual([]);
    expect(clean.ok).toBe(true);
    expect(clean.checkedByKind.organisation_keys).toBeGreaterThan(Object.keys(world.orgIds).length);

    const [retired, current] = await keysOf(world.orgIds.bank1);
    expect([retired.state, current.state]).toEqual(["retired", "current"]);
    // Someone makes the platform sign with the retired key again.
    await db.query("update organisation_keys set state = 'pending' where address = $1", [current.address]);
    await db.query("update organisation_keys set state = 'current' where address = $1", [retired.address]);
    const tampered = await verify();
    expect(tampered.ok).toBe(false);
    expect(tampered.mismatches).toEqual(
      [
        { table: "organisation_keys", key: retired.address, field: "state", expected: "retired", found: "current" },
        { table: "organisation_keys", key: current.address, field: "row", expected: "present", found: "absent" },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    await db.query("update organisation_keys set state = 'retired' where address = $1", [retired.address]);
    await db.query("update organisation_keys set state = 'current' where address = $1", [current.address]);
    // Or moves a key to another organisation.
    await db.query("update organisation_keys set org_id = $2 where address = $1", [retired.address, world.orgIds.ent1]);
    expect((await verify()).mismatches).toEqual([
      {
        table: "organisation_keys",
        key: retired.address,
        field: "org_id",
        expected: world.orgIds.bank1,
        found: world.orgIds.ent1,
      },
    ]);
    await db.query("update organisation_keys set org_id = $2 where address = $1", [
      retired.address,
      world.orgIds.bank1,
    ]);
    expect((await verify()).ok).toBe(true);

    // A full re-index applies the rotations again and leaves every key as it was.
    const all = "select address, org_id, state, encrypted_key from organisation_keys order by address";
    const keys = (await db.query(all)).rows;
    await db.query("begin");
    try {
      await rebuildProjections(db);
      expect((await db.query(all)).rows).toEqual(keys);
    } finally {
      await db.query("rollback");
    }
  });
});

describe("key rotation: a crash between the proposal and the acceptance", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ipledge-rotation-"));
  let env: Record<string, string>;
  let server: ServerProcess | undefined;
  let provider: JsonRpcProvider;
  let pool: pg.Pool;

  beforeAll(async () => {
    const rpcUrl = inject("rpcUrl");
    const deploymentFile = path.join(dataDir, "deployment.json");
    const databaseUrl = await createDatabase(inject("databaseUrl"));
    await deployTestContracts(rpcUrl, deploymentFile);
    env = {
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      RPC_URL: rpcUrl,
      DEPLOYMENT_FILE: deploymentFile,
      PORT: String(await freePort()),
      ADMIN_PASSWORD,
      INDEXER_POLL_MS: "200",
      LOGIN_RATE_LIMIT: "1000",
      LOG_LEVEL: "error",
    };
    provider = new JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1 });
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }, 120_000);
  afterAll(async () => {
    if (server) await stopServer(server);
    await pool?.end();
    provider?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a retry after SIGKILL resumes: it only accepts, and the organisation signs with the new key", async () => {
    server = await spawnServer(env);
    let anonymous = new Client(server.url);
    const enterprise = await onboardOrganisation(
      { anonymous, admin: await anonymous.login("admin", ADMIN_PASSWORD) },
      "crashrotate",
      "enterprise",
    );
    const identity = expectStatus(await enterprise.client.get(`/orgs/${enterprise.orgId}`), 200).body.address;
    await stopServer(server);

    server = await spawnServer({ ...env, IPLEDGE_CRASH_AT: "rotation-proposed:1" });
    anonymous = new Client(server.url);
    let admin = await anonymous.login("admin", ADMIN_PASSWORD);
    const idempotencyKey = randomUUID();
    const request = (client: Client) =>
      client.request(
        "POST",
        `/orgs/${enterprise.orgId}/rotate-key`,
        { reason: "staff change" },
        {
          "Idempotency-Key": idempotencyKey,
        },
      );
    await expect(request(admin)).rejects.toThrow();
    expect((await server.exited).signal).toBe("SIGKILL");

    // Killed after the proposal: the chain names the pending key, which is sealed in the database.
    const financeAddress = JSON.parse(readFileSync(env.DEPLOYMENT_FILE, "utf8")).contracts.PledgeFinance
      .address as string;
    const finance = PledgeFinance__factory.connect(financeAddress, provider);
    const { rows: pending } = await pool.query<KeyRow>(
      "select address, state, encrypted_key from organisation_keys where org_id = $1 and state = 'pending'",
      [enterprise.orgId],
    );
    expect(pending).toHaveLength(1);
    expect(pending[0].encrypted_key).not.toBeNull();
    expect((await finance.proposedKeyOf(identity)).toLowerCase()).toBe(pending[0].address);
    expect((await finance.keyOf(identity)).toLowerCase()).toBe(identity);

    server = await spawnServer(env);
    anonymous = new Client(server.url);
    admin = await anonymous.login("admin", ADMIN_PASSWORD);
    const resumed = expectStatus(await request(admin), 200);
    expect(resumed.headers.get("Idempotent-Replayed")).toBeNull();
    expect(resumed.body).toMatchObject({ address: identity, signingAddress: pending[0].address });
    expect(resumed.body.rotation.completedAt).not.toBeNull();
    expect((await finance.keyOf(identity)).toLowerCase()).toBe(pending[0].address);
    expect(await finance.isRetiredKey(identity)).toBe(true);
    // The proposal was not sent again: one on the ledger.
    const proposals = await finance.queryFilter(finance.filters.KeyRotationProposed(identity));
    expect(proposals).toHaveLength(1);
    const again = expectStatus(await request(admin), 200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(resumed.body);

    // The enterprise signs with its new key.
    const user = await anonymous.login("crashrotate", "correct horse battery staple");
    const now = (await provider.getBlock("latest"))!.timestamp;
    const patent = expectStatus(
      await user.post("/patents", {
        number: newPatentNumber(),
        title: "Registered with the new key",
        kind: "invention",
        grantDate: isoDaysFrom(now, -30),
        expiryDate: isoDaysFrom(now, 3000),
        certificate: document(),
      }),
      201,
    ).body;
    expect(patent.ownerOrgId).toBe(enterprise.orgId);
    const receipt = await provider.getTransaction(patent.txHash);
    expect(receipt!.from.toLowerCase()).toBe(pending[0].address);
  });
});
