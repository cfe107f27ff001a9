/**
 * Documents (SPEC sections 4 and 5): stored content-addressed by SHA-256 in PostgreSQL, at most
 * 10 MB each, their hash anchored on chain. Downloads are scoped like the patent they belong to,
 * /verify recomputes the stored bytes' hash and reads the anchors from the chain, and a document
 * changed by hand in the database shows up in the regulator's integrity check.
 */
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainTime, Client, expectStatus, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { isoDaysFrom, newPatentNumber, onboardCast, type World } from "./support/world.js";

const MB = 1024 * 1024;
const sha256Hex = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("documents", () => {
  let platform: TestPlatform;
  let world: World;
  let c: World["clients"];
  let db: pg.Client;

  beforeAll(async () => {
    platform = await startTestPlatform();
    world = await onboardCast(platform);
    c = world.clients;
    db = new pg.Client(platform.databaseUrl);
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const chainNow = () => chainTime(platform.anonymous);
  const documentCount = async () => Number((await db.query("select count(*) as n from documents")).rows[0].n);

  function patentBody(now: number, filename: string, content: Buffer | string) {
    const number = newPatentNumber();
    return {
      number,
      title: `Patent ${number}`,
      kind: "invention",
      grantDate: isoDaysFrom(now, -200),
      expiryDate: isoDaysFrom(now, 3000),
      certificate: { filename, contentBase64: typeof content === "string" ? content : content.toString("base64") },
    };
  }

  async function register(owner: Client, filename: string, content: Buffer) {
    const body = patentBody(await chainNow(), filename, content);
    return expectStatus(await owner.post("/patents", body), 201).body;
  }

  /** A raw download: the Client reads bodies as text, which would mangle binary content. */
  async function download(client: Client, digest: string) {
    const response = await fetch(`${client.baseUrl}/api/documents/${digest}`, {
      headers: { authorization: `Bearer ${client.token}` },
    });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  function fileNameOf(contentDisposition: string | null): string | undefined {
    const extended = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition ?? "");
    if (extended) return decodeURIComponent(extended[1]);
    return /filename="([^"]*)"/i.exec(contentDisposition ?? "")?.[1];
  }

  describe("a patent's certificate", () => {
    const certificate = randomBytes(4096);
    const filename = "专利证书 certificate (2021).pdf";
    const digest = sha256Hex(certificate);
    let patent: any;

    beforeAll(async () => {
      patent = await register(c.ent1, filename, certificate);
    });

    it("is stored once, under the SHA-256 of its bytes, and the patent names that hash", async () => {
      expect(patent.certificateSha256).toBe(`0x${digest}`);
      const { rows } = await db.query(
        "select filename, content_type, size, content, uploaded_by_org_id from documents where sha256 = $1",
        [Buffer.from(digest, "hex")],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        filename,
        content_type: "application/pdf",
        size: certificate.length,
        uploaded_by_org_id: world.orgIds.ent1,
      });
      expect(Buffer.compare(rows[0].content, certificate)).toBe(0);
    });

    it("downloads for its owner: the exact bytes, the content type and the file name", async () => {
      const reply = await download(c.ent1, digest);
      expect(reply.status).toBe(200);
      expect(Buffer.compare(reply.bytes, certificate)).toBe(0);
      expect(reply.headers.get("content-type")).toMatch(/^application\/pdf/);
      expect(reply.headers.get("content-disposition")).toMatch(/^attachment/);
      expect(fileNameOf(reply.headers.get("content-disposition"))).toBe(filename);
      expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
    });

    it("also answers to its hash with a 0x prefix or in upper case", async () => {
      for (const name of [`0x${digest}`, digest.toUpperCase()]) {
        const reply = await download(c.ent1, name);
        expect(reply.status, name).toBe(200);
        expect(Buffer.compare(reply.bytes, certificate)).toBe(0);
      }
    });

    it("downloads for the IP office and the regulator", async () => {
      for (const reader of [c.ipoffice1, c.regulator1]) {
        const reply = await download(reader, digest);
        expect(reply.status, reader.user!.username).toBe(200);
        expect(Buffer.compare(reply.bytes, certificate)).toBe(0);
      }
    });

    it("is a 404 for another enterprise and for a bank with no loan on the patent, download and verify alike", async () => {
      for (const outsider of [c.ent2, c.bank1]) {
        const file = await download(outsider, digest);
        expect(file.status, outsider.user!.username).toBe(404);
        expect(JSON.parse(file.bytes.toString("utf8")).error.code).toBe("NOT_FOUND");
        expect(file.bytes.includes(certificate)).toBe(false);
        const verify = await outsider.get(`/documents/${digest}/verify`);
        expect(verify.status, outsider.user!.username).toBe(404);
        expect(verify.body.error.code).toBe("NOT_FOUND");
      }
    });

    it("is a 401 without a token", async () => {
      const reply = await platform.anonymous.get(`/documents/${digest}`);
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe("UNAUTHORIZED");
    });

    it("verifies for its owner: stored bytes and the certificate anchor match the chain", async () => {
      const verify = expectStatus(await c.ent1.get(`/documents/${digest}/verify`), 200).body;
      expect(verify).toEqual({
        sha256: `0x${digest}`,
        filename,
        size: certificate.length,
        storedBytesMatch: true,
        anchors: [{ kind: "certificate", patentId: patent.id, onChainHash: `0x${digest}`, match: true }],
        ok: true,
      });
    });

    it("verifies an appraisal report against the report anchor the chain keeps", async () => {
      const now = await chainNow();
      expectStatus(
        await c.ipoffice1.post(`/patents/${patent.id}/verify`, { feePaidUntil: isoDaysFrom(now, 900) }),
        200,
      );
      const report = randomBytes(3000);
      const reportDigest = sha256Hex(report);
      const appraised = expectStatus(
        await c.appraiser1.post(`/patents/${patent.id}/appraisals`, {
          value: "5000000",
          validUntil: isoDaysFrom(now, 365),
          report: { filename: "valuation.txt", contentBase64: report.toString("base64") },
        }),
        201,
      ).body;
      expect(appraised.appraisals.map((appraisal: any) => appraisal.reportSha256)).toEqual([`0x${reportDigest}`]);

      for (const reader of [c.ent1, c.appraiser1, c.regulator1]) {
        const verify = expectStatus(await reader.get(`/documents/${reportDigest}/verify`), 200).body;
        expect(verify, reader.user!.username).toMatchObject({
          storedBytesMatch: true,
          ok: true,
          anchors: [{ kind: "report", patentId: patent.id, onChainHash: `0x${reportDigest}`, match: true }],
        });
      }
      const file = await download(c.ent1, reportDigest);
      expect(file.status).toBe(200);
      expect(Buffer.compare(file.bytes, report)).toBe(0);
      expect(file.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(fileNameOf(file.headers.get("content-disposition"))).toBe("valuation.txt");
      expect((await download(c.ent2, reportDigest)).status).toBe(404);
    });
  });

  it("the same bytes registered twice are stored once and anchored twice", async () => {
    const shared = randomBytes(1500);
    const digest = sha256Hex(shared);
    const first = await register(c.ent1, "shared.pdf", shared);
    const second = await register(c.ent2, "shared.pdf", shared);
    const { rows } = await db.query("select count(*) as n from documents where sha256 = $1", [
      Buffer.from(digest, "hex"),
    ]);
    expect(Number(rows[0].n)).toBe(1);
    const verify = expectStatus(await c.regulator1.get(`/documents/${digest}/verify`), 200).body;
    expect(verify.ok).toBe(true);
    expect(verify.anchors.map((anchor: any) => anchor.patentId).sort()).toEqual([first.id, second.id].sort());
    // Each owner sees its own anchor only.
    const ent2View = expectStatus(await c.ent2.get(`/documents/${digest}/verify`), 200).body;
    expect(ent2View.anchors.map((anchor: any) => anchor.patentId)).toEqual([second.id]);
  });

  it("an unknown SHA-256 is a 404 and a malformed one a 400", async () => {
    const unknown = sha256Hex(randomBytes(32));
    for (const path of [`/documents/${unknown}`, `/documents/${unknown}/verify`]) {
      const reply = await c.regulator1.get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.error).toMatchObject({ code: "NOT_FOUND", message: expect.any(String) });
    }
    for (const malformed of ["abc", "z".repeat(64), "0".repeat(63), "0".repeat(65), `0x${"0".repeat(62)}`]) {
      for (const path of [`/documents/${malformed}`, `/documents/${malformed}/verify`]) {
        const reply = await c.regulator1.get(path);
        expect(reply.status, path).toBe(400);
        expect(reply.body.error.code, path).toBe("VALIDATION_FAILED");
      }
    }
  });

  describe("what a browser is told to do with it", () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = Buffer.from("<!doctype html><script>alert(document.domain)</script>");

    async function served(filename: string, content: Buffer, contentType?: string) {
      const body = patentBody(await chainNow(), filename, content);
      expectStatus(await c.ent1.post("/patents", { ...body, certificate: { ...body.certificate, contentType } }), 201);
      return (await download(c.ent1, sha256Hex(content))).headers;
    }
    const cspOf = (headers: Headers) =>
      new Map(
        headers
          .get("content-security-policy")!
          .split(";")
          .map((directive) => {
            const [name, ...values] = directive.trim().split(/\s+/);
            return [name, values.join(" ")] as const;
          }),
      );

    it("shows a real PDF and a real image inline, with their own types and no script allowed", async () => {
      for (const [filename, content, type] of [
        ["证书 certificate.pdf", pdf, "application/pdf"],
        ["scan.png", png, "image/png"],
      ] as const) {
        const headers = await served(filename, content);
        expect(headers.get("content-type"), filename).toBe(type);
        expect(headers.get("content-disposition"), filename).toMatch(/^inline; filename="/);
        expect(fileNameOf(headers.get("content-disposition")), filename).toBe(filename);
        expect(headers.get("x-content-type-options")).toBe("nosniff");
        const csp = cspOf(headers);
        expect(csp.get("default-src"), filename).toBe("'none'");
        expect(csp.has("script-src"), filename).toBe(false);
        expect(csp.get("frame-ancestors"), filename).toBe("'none'");
      }
    });

    it("sandboxes an image but not a PDF (Chromium's viewer shows no PDF in a sandbox)", async () => {
      expect(cspOf(await served("again.png", Buffer.concat([png, Buffer.from("x")]))).has("sandbox")).toBe(true);
      expect(cspOf(await served("again.pdf", Buffer.concat([pdf, Buffer.from("x")]))).has("sandbox")).toBe(false);
    });

    it("hands SVG, HTML and text over as a sandboxed attachment, never to be rendered", async () => {
      for (const [filename, content, contentType] of [
        ["drawing.svg", svg, "image/svg+xml"],
        ["page.html", html, "text/html"],
        ["notes.txt", Buffer.from("plain notes"), undefined],
      ] as const) {
        const headers = await served(filename, content, contentType);
        expect(headers.get("content-disposition"), filename).toMatch(/^attachment;/);
        expect(headers.get("x-content-type-options"), filename).toBe("nosniff");
        const csp = cspOf(headers);
        expect(csp.get("default-src"), filename).toBe("'none'");
        expect(csp.has("sandbox"), filename).toBe(true);
      }
    });

    it("does not show inline a file whose bytes are not what its name or type claims", async () => {
      const headers = await served("not-really.png", html, "image/png");
      expect(headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(cspOf(headers).has("sandbox")).toBe(true);
    });
  });

  describe("size limits", () => {
    it("accepts a document of exactly 10 MB and returns it byte for byte", async () => {
      const big = randomBytes(10 * MB);
      const before = await documentCount();
      const patent = await register(c.ent1, "big.pdf", big);
      expect(await documentCount()).toBe(before + 1);
      const digest = sha256Hex(big);
      expect(patent.certificateSha256).toBe(`0x${digest}`);
      const file = await download(c.ent1, digest);
      expect(file.status).toBe(200);
      expect(file.bytes.length).toBe(10 * MB);
      expect(Buffer.compare(file.bytes, big)).toBe(0);
      const verify = expectStatus(await c.ent1.get(`/documents/${digest}/verify`), 200).body;
      expect(verify).toMatchObject({ size: 10 * MB, storedBytesMatch: true, ok: true });
    });

    it("refuses a certificate of 10 MB + 1 byte and stores nothing, neither the file nor the patent", async () => {
      const before = await documentCount();
      const body = patentBody(await chainNow(), "too-big.pdf", randomBytes(10 * MB + 1));
      const reply = await c.ent1.post("/patents", body);
      expect([400, 413], JSON.stringify(reply.body).slice(0, 300)).toContain(reply.status);
      if (reply.status === 400) expect(reply.body.error.code).toBe("VALIDATION_FAILED");
      else expect(reply.body.error.code).toBe("PAYLOAD_TOO_LARGE");
      expect(await documentCount()).toBe(before);
      expect((await c.ent1.get(`/patents/${body.number}`)).status).toBe(404);
    });

    it("refuses an appraisal report of 10 MB + 1 byte and stores nothing", async () => {
      const now = await chainNow();
      const patent = await register(c.ent1, "small.pdf", randomBytes(100));
      expectStatus(
        await c.ipoffice1.post(`/patents/${patent.id}/verify`, { feePaidUntil: isoDaysFrom(now, 900) }),
        200,
      );
      const before = await documentCount();
      const reply = await c.appraiser1.post(`/patents/${patent.id}/appraisals`, {
        value: "1000000",
        validUntil: isoDaysFrom(now, 365),
        report: { filename: "too-big.pdf", contentBase64: randomBytes(10 * MB + 1).toString("base64") },
      });
      expect([400, 413]).toContain(reply.status);
      expect(await documentCount()).toBe(before);
      expect(expectStatus(await c.ent1.get(`/patents/${patent.id}`), 200).body.appraisals).toEqual([]);
    });

    it("answers a JSON body over the 15 MB limit with 413 PAYLOAD_TOO_LARGE and stores nothing", async () => {
      const before = await documentCount();
      const body = patentBody(await chainNow(), "huge.pdf", "A".repeat(16 * MB));
      const reply = await c.ent1.post("/patents", body);
      expect(reply.status).toBe(413);
      expect(reply.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.any(String) });
      expect(await documentCount()).toBe(before);
      expect((await c.ent1.get(`/patents/${body.number}`)).status).toBe(404);
    });
  });

  // Last, since it changes a stored document by hand (and puts it back at the end).
  it("a document changed by hand in the database fails /verify and is the one mismatch of the integrity check", async () => {
    const baseline = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
    expect(baseline.mismatches).toEqual([]);
    expect(baseline.ok).toBe(true);

    const original = randomBytes(2048);
    const digest = sha256Hex(original);
    const patent = await register(c.ent1, "tampered.pdf", original);
    const key = Buffer.from(digest, "hex");
    const tampered = Buffer.from(original);
    tampered[100] ^= 0xff; // same size, different bytes
    const updated = await db.query("update documents set content = $1 where sha256 = $2", [tampered, key]);
    expect(updated.rowCount).toBe(1);

    try {
      const verify = expectStatus(await c.ent1.get(`/documents/${digest}/verify`), 200).body;
      expect(verify).toMatchObject({ ok: false, storedBytesMatch: false });
      // The tampered bytes are withheld rather than served under the original hash.
      const download = await c.ent1.get(`/documents/${digest}`);
      expect(download.status).toBe(409);
      expect(download.body.error.code).toBe("DOCUMENT_INTEGRITY_FAILED");
      // The chain still holds the original hash: the anchor is fine, the stored bytes are not.
      expect(verify.anchors).toEqual([
        { kind: "certificate", patentId: patent.id, onChainHash: `0x${digest}`, match: true },
      ]);

      const integrity = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
      expect(integrity.ok).toBe(false);
      expect(integrity.mismatches).toEqual([
        {
          table: "documents",
          key: `0x${digest}`,
          field: "content",
          expected: `0x${digest}`,
          found: `0x${sha256Hex(tampered)}`,
        },
      ]);
    } finally {
      await db.query("update documents set content = $1 where sha256 = $2", [original, key]);
    }

    const restored = expectStatus(await c.regulator1.get("/audit/verify"), 200).body;
    expect(restored.mismatches).toEqual([]);
    expect(expectStatus(await c.ent1.get(`/documents/${digest}/verify`), 200).body.ok).toBe(true);
  });
});
