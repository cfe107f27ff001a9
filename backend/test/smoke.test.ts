import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { document, isoDaysFrom, newPatentNumber, onboardCast, type World } from "./support/world.js";

describe("smoke", () => {
  let platform: TestPlatform;
  let world: World;
  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
  });
  afterAll(() => platform?.stop());

  it("registers a patent", async () => {
    const health = expectStatus(await platform.anonymous.get("/health"), 200).body;
    const now = Math.floor(Date.parse(health.chain.time) / 1000);
    const reply = await world.clients.ent1.post("/patents", {
      number: newPatentNumber(),
      title: "A method",
      kind: "invention",
      grantDate: isoDaysFrom(now, -100),
      expiryDate: isoDaysFrom(now, 3000),
      certificate: document(),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const verify = expectStatus(await world.clients.regulator1.get("/audit/verify"), 200).body;
    expect(verify.mismatches).toEqual([]);
  });
});
