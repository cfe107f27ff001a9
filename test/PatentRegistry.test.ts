import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import {
  DAY,
  YEAR,
  createProduct,
  deployPlatform,
  hash,
  loanIn,
  nextNumber,
  registerPatent,
  type Platform,
} from "./helpers/fixtures";
import { LoanStatus, PatentKind, PatentStatus, stateBits } from "./helpers/enums";
import { checkDigit, informal, patentNumber } from "./helpers/patentNumber";

/** registerPatent as `as` (ent1 by default), granted a year ago, expiring in ten, metadata record `metadata`. */
async function registerRaw(
  p: Platform,
  number: string,
  kind: bigint = PatentKind.Invention,
  { as = p.ent1, metadata = "m" }: { as?: Platform["ent1"]; metadata?: string } = {},
) {
  const now = BigInt(await time.latest());
  return p.registry.connect(as).registerPatent(number, kind, now - YEAR, now + 10n * YEAR, hash(metadata), hash("c"));
}

describe("PatentRegistry", () => {
  describe("patent numbers (SPEC 2)", () => {
    it("reads ZL, spaces and lower case as the same normalised number", async () => {
      const p = await loadFixture(deployPlatform);
      const number = patentNumber(123456, "1");
      const id = ethers.toBigInt(ethers.keccak256(ethers.toUtf8Bytes(number)));
      expect(await p.registry.patentIdOf(informal(number))).to.equal(id);
      expect(await p.registry.patentIdOf(number.toLowerCase())).to.equal(id);
      await expect(registerRaw(p, informal(number)))
        .to.emit(p.registry, "PatentRegistered")
        .withArgs(
          id,
          p.ent1.address,
          number,
          PatentKind.Invention,
          (v: bigint) => v > 0n,
          (v: bigint) => v > 0n,
          hash("m"),
          hash("c"),
        );
    });

    it("registers a number once, however it is written", async () => {
      const p = await loadFixture(deployPlatform);
      const number = patentNumber(42, "2");
      await registerRaw(p, number, PatentKind.UtilityModel);
      const id = await p.registry.patentIdOf(number);
      await expect(registerRaw(p, informal(number), PatentKind.UtilityModel))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryAlreadyRegistered")
        .withArgs(id);
    });

    it("accepts the SPEC's example and an X check digit", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(registerRaw(p, "CN201710601862.3")).to.emit(p.registry, "PatentRegistered");
      let serial = 1;
      while (checkDigit(`20211${String(serial).padStart(7, "0")}`) !== "X") serial++;
      await expect(registerRaw(p, patentNumber(serial, "1").toLowerCase())).to.emit(p.registry, "PatentRegistered");
    });

    it("refuses a wrong check digit, naming the right one", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(registerRaw(p, "CN201710601862.4"))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryWrongCheckDigit")
        .withArgs("CN201710601862.4", ethers.hexlify(ethers.toUtf8Bytes("3")));
    });

    it("derives the kind from the fifth digit and refuses a declared kind that differs", async () => {
      const p = await loadFixture(deployPlatform);
      const cases: [string, bigint][] = [
        ["1", PatentKind.Invention],
        ["8", PatentKind.Invention],
        ["2", PatentKind.UtilityModel],
        ["9", PatentKind.UtilityModel],
        ["3", PatentKind.Design],
      ];
      for (const [digit, kind] of cases) {
        const number = patentNumber(7, digit);
        const wrong = kind === PatentKind.Design ? PatentKind.Invention : PatentKind.Design;
        await expect(registerRaw(p, number, wrong))
          .to.be.revertedWithCustomError(p.registry, "PatentRegistryKindMismatch")
          .withArgs(number, wrong, kind);
        await expect(registerRaw(p, number, kind)).to.emit(p.registry, "PatentRegistered");
      }
    });

    for (const [label, number] of [
      ["a fifth digit that names no kind", patentNumber(5, "4")],
      ["too short", "CN20211012345.6"],
      ["too long", "CN2021101234567.6"],
      ["no dot", "CN2021101234567"],
      ["a letter among the digits", "CN2021101A3456.7"],
      ["another prefix", "US202110123456.7"],
      ["a letter as check digit other than X", "CN202110123456.A"],
      ["empty", ""],
    ]) {
      it(`refuses a malformed number: ${label}`, async () => {
        const p = await loadFixture(deployPlatform);
        await expect(registerRaw(p, number))
          .to.be.revertedWithCustomError(p.registry, "PatentRegistryMalformedNumber")
          .withArgs(number);
      });
    }
  });

  describe("registration (SPEC 2)", () => {
    it("records owner, kind, dates and the metadata and certificate hashes; owner holds the token", async () => {
      // The certificate's hash is recorded in the event; the stored metadata hash commits to it.
      const p = await loadFixture(deployPlatform);
      const now = BigInt(await time.latest());
      const number = nextNumber(PatentKind.Design);
      const id = await p.registry.patentIdOf(number);
      await expect(
        p.registry
          .connect(p.ent2)
          .registerPatent(number, PatentKind.Design, now - DAY, now + YEAR, hash("meta"), hash("cert")),
      )
        .to.emit(p.registry, "PatentRegistered")
        .withArgs(id, p.ent2.address, number, PatentKind.Design, now - DAY, now + YEAR, hash("meta"), hash("cert"));
      const patent = await p.registry.getPatent(id);
      expect(await p.registry.ownerOf(id)).to.equal(p.ent2.address);
      expect(patent.status).to.equal(PatentStatus.Registered);
      expect(patent.kind).to.equal(PatentKind.Design);
      expect(patent.grantDate).to.equal(now - DAY);
      expect(patent.expiryDate).to.equal(now + YEAR);
      expect(patent.metadataHash).to.equal(hash("meta"));
    });

    it("refuses impossible dates and missing document hashes", async () => {
      const p = await loadFixture(deployPlatform);
      const now = BigInt(await time.latest());
      const number = nextNumber();
      const register = (grant: bigint, expiry: bigint, meta = hash("m"), cert = hash("c")) =>
        p.registry.connect(p.ent1).registerPatent(number, PatentKind.Invention, grant, expiry, meta, cert);
      await expect(register(now + DAY, now + YEAR))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryInvalidDates")
        .withArgs(now + DAY, now + YEAR);
      await expect(register(now - 2n * YEAR, now - YEAR))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryInvalidDates")
        .withArgs(now - 2n * YEAR, now - YEAR);
      await expect(register(now - DAY, now + YEAR, ethers.ZeroHash)).to.be.revertedWithCustomError(
        p.registry,
        "PatentRegistryMissingDocumentHash",
      );
      await expect(register(now - DAY, now + YEAR, hash("m"), ethers.ZeroHash)).to.be.revertedWithCustomError(
        p.registry,
        "PatentRegistryMissingDocumentHash",
      );
    });
  });

  describe("the IP office's record (SPEC 2)", () => {
    it("verifies with the annual-fee date, rejects, and revokes a verified patent", async () => {
      const p = await loadFixture(deployPlatform);
      const a = await registerPatent(p, { verify: false });
      const b = await registerPatent(p, { verify: false });
      await expect(p.registry.connect(p.ipoffice).verifyPatent(a, 2_000_000_000n))
        .to.emit(p.registry, "PatentVerified")
        .withArgs(a, p.ipoffice.address, 2_000_000_000n);
      expect((await p.registry.getPatent(a)).feePaidUntil).to.equal(2_000_000_000n);
      await expect(p.registry.connect(p.ipoffice).rejectPatent(b, hash("not granted")))
        .to.emit(p.registry, "PatentRejected")
        .withArgs(b, p.ipoffice.address, hash("not granted"));
      await expect(p.registry.connect(p.ipoffice).revokePatent(a, hash("invalidated")))
        .to.emit(p.registry, "PatentRevoked")
        .withArgs(a, p.ipoffice.address, hash("invalidated"));
      expect((await p.registry.getPatent(a)).status).to.equal(PatentStatus.Revoked);
      expect((await p.registry.getPatent(b)).status).to.equal(PatentStatus.Rejected);
    });

    it("a rejected registration frees the number: the squatter keeps nothing, the holder registers it (SPEC 8)", async () => {
      const p = await loadFixture(deployPlatform);
      const number = patentNumber(770_001, "1");
      const register = (as: Platform["ent1"], metadata: string) =>
        registerRaw(p, number, PatentKind.Invention, { as, metadata });
      await register(p.ent2, "squatter's record");
      const id = await p.registry.patentIdOf(number);
      await expect(register(p.ent1, "holder's record"))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryAlreadyRegistered")
        .withArgs(id);

      await expect(p.registry.connect(p.ipoffice).rejectPatent(id, hash("not the holder")))
        .to.emit(p.registry, "Transfer")
        .withArgs(p.ent2.address, ethers.ZeroAddress, id)
        .and.to.emit(p.registry, "PatentRejected");
      expect(await p.registry.balanceOf(p.ent2.address)).to.equal(0n);
      await expect(p.registry.ownerOf(id)).to.be.revertedWithCustomError(p.registry, "ERC721NonexistentToken");
      expect((await p.registry.getPatent(id)).status).to.equal(PatentStatus.Rejected);
      await expect(p.registry.connect(p.ent2).transferFrom(p.ent2.address, p.ent1.address, id)).to.be.reverted;
      await expect(p.registry.connect(p.ipoffice).recordTransfer(id, p.ent1.address, hash("notice")))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryUnexpectedPatentState")
        .withArgs(id, PatentStatus.Rejected, stateBits(PatentStatus.Registered, PatentStatus.Verified));

      await expect(register(p.ent1, "holder's record"))
        .to.emit(p.registry, "PatentRegistered")
        .withArgs(
          id,
          p.ent1.address,
          number,
          PatentKind.Invention,
          (grant: bigint) => grant > 0n,
          (expiry: bigint) => expiry > 0n,
          hash("holder's record"),
          hash("c"),
        );
      expect(await p.registry.ownerOf(id)).to.equal(p.ent1.address);
      const record = await p.registry.getPatent(id);
      expect([record.status, record.metadataHash, record.feePaidUntil, record.appraisalCount]).to.deep.equal([
        PatentStatus.Registered,
        hash("holder's record"),
        0n,
        0n,
      ]);
      // Registered again, it is an ordinary registration: verified, then never free again.
      await p.registry.connect(p.ipoffice).verifyPatent(id, BigInt(await time.latest()) + YEAR);
      await expect(register(p.ent2, "again"))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryAlreadyRegistered")
        .withArgs(id);
    });

    it("names an unknown patent", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(p.registry.connect(p.ipoffice).verifyPatent(7n, 1n))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryUnknownPatent")
        .withArgs(7n);
    });

    it("keeps the legal status and names the loan that holds the patent", async () => {
      const p = await loadFixture(deployPlatform);
      const free = await registerPatent(p);
      await expect(p.registry.connect(p.ipoffice).updateLegalStatus(free, 123n, true, false))
        .to.emit(p.registry, "LegalStatusUpdated")
        .withArgs(free, p.ipoffice.address, 0n, 123n, true, false);
      const { loanId, patentIds } = await loanIn(p, "Disbursed");
      await expect(p.registry.connect(p.ipoffice).updateLegalStatus(patentIds[0], 456n, false, true))
        .to.emit(p.registry, "LegalStatusUpdated")
        .withArgs(patentIds[0], p.ipoffice.address, loanId, 456n, false, true);
      const patent = await p.registry.getPatent(patentIds[0]);
      expect([patent.feePaidUntil, patent.preserved, patent.invalidationPending]).to.deep.equal([456n, false, true]);
    });
  });

  describe("appraisals (SPEC 2)", () => {
    /** `count` appraisals of 1 fen that expire in a day, recorded one after another. */
    const shortLived = async (p: Platform, id: bigint, count: number) => {
      const now = BigInt(await time.latest());
      for (let i = 0; i < count; i++) {
        await p.registry.connect(p.appraiser).recordAppraisal(id, 1n, now + DAY + BigInt(i), hash(`short ${i}`));
      }
    };

    it("counts the newest unexpired of the 8 newest appraisals: 8 newer ones supersede an older one", async () => {
      const p = await loadFixture(deployPlatform);
      const window = Number(await p.registry.APPRAISAL_WINDOW());
      expect(window).to.equal(8);
      const kept = await registerPatent(p); // one appraisal, valid for a year
      const superseded = await registerPatent(p);
      await shortLived(p, kept, window - 1);
      await shortLived(p, superseded, window);
      await time.increase(2n * DAY);
      // The year-long appraisal is among the 8 newest of `kept`, and past them for `superseded`.
      expect((await p.registry.currentAppraisal(kept))[0]).to.equal(true);
      expect(await p.registry.currentAppraisal(superseded)).to.deep.equal([false, 0n, 0n]);
      expect(await p.registry.appraisedTotal([kept, superseded])).to.equal(10_000_000_00n);
    });

    it("approveLoan's gas stops growing at 8 appraisals of a patent: the same at 1,000 (SPEC 8)", async () => {
      const gasAt = async (appraisals: number) => {
        const p = await loadFixture(deployPlatform);
        const crowded = await registerPatent(p);
        await shortLived(p, crowded, appraisals);
        const productId = await createProduct(p);
        const patentIds = [crowded, await registerPatent(p)];
        await p.finance.connect(p.ent1).applyForLoan(productId, patentIds, 2_000_000_00n, 365n, hash("purpose"));
        const loanId = await p.finance.loanCount();
        await time.increase(2n * DAY);
        const approval = await p.finance.connect(p.bank1).approveLoan(loanId, 2_000_000_00n, 600n, 365n);
        return (await approval.wait())!.gasUsed;
      };
      // Each expired appraisal in the window costs one storage read; past the window, none.
      const [one, window, thousand] = [await gasAt(1), await gasAt(8), await gasAt(1_000)];
      expect(thousand).to.equal(window, `approveLoan: ${window} gas at 8 appraisals, ${thousand} at 1,000`);
      expect(window - one).to.be.at.most(7n * 2_600n, `approveLoan: ${one} gas at 1 appraisal, ${window} at 8`);
    });

    it("counts the newest unexpired appraisal", async () => {
      const p = await loadFixture(deployPlatform);
      const id = await registerPatent(p, { value: 0n });
      const now = BigInt(await time.latest());
      expect(await p.registry.currentAppraisal(id)).to.deep.equal([false, 0n, 0n]);
      await p.registry.connect(p.appraiser).recordAppraisal(id, 500n, now + 100n * DAY, hash("r1"));
      await p.registry.connect(p.appraiser).recordAppraisal(id, 700n, now + 10n * DAY, hash("r2"));
      expect(await p.registry.currentAppraisal(id)).to.deep.equal([true, 1n, 700n]);
      await time.increase(20n * DAY);
      expect(await p.registry.currentAppraisal(id)).to.deep.equal([true, 0n, 500n]);
      await time.increase(100n * DAY);
      expect(await p.registry.currentAppraisal(id)).to.deep.equal([false, 0n, 0n]);
      expect(await p.registry.appraisedTotal([id])).to.equal(0n);
      const second = await p.registry.getAppraisal(id, 1);
      expect([second.appraiser, second.value, second.reportHash]).to.deep.equal([
        p.appraiser.address,
        700n,
        hash("r2"),
      ]);
    });

    it("records appraiser, value, report hash and validity in the event", async () => {
      const p = await loadFixture(deployPlatform);
      const id = await registerPatent(p, { value: 0n });
      const until = BigInt(await time.latest()) + YEAR;
      await expect(p.registry.connect(p.appraiser).recordAppraisal(id, 9_999n, until, hash("report")))
        .to.emit(p.registry, "AppraisalRecorded")
        .withArgs(id, p.appraiser.address, 0n, 9_999n, until, hash("report"));
    });

    it("refuses a zero value, a past validity and a missing report", async () => {
      const p = await loadFixture(deployPlatform);
      const id = await registerPatent(p, { value: 0n });
      const now = BigInt(await time.latest());
      const appraise = (value: bigint, until: bigint, report = hash("r")) =>
        p.registry.connect(p.appraiser).recordAppraisal(id, value, until, report);
      await expect(appraise(0n, now + YEAR))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryInvalidAppraisal")
        .withArgs(0n, now + YEAR);
      await expect(appraise(1n, now))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryInvalidAppraisal")
        .withArgs(1n, now);
      await expect(appraise(1n, now + YEAR, ethers.ZeroHash)).to.be.revertedWithCustomError(
        p.registry,
        "PatentRegistryMissingDocumentHash",
      );
    });
  });

  describe("collateral value", () => {
    it("counts nothing for a revoked or expired patent, whatever its appraisals", async () => {
      const p = await loadFixture(deployPlatform);
      const revoked = await registerPatent(p, { value: 1_000n });
      const expiring = await registerPatent(p, { value: 2_000n, expiresIn: 30n * DAY });
      const sound = await registerPatent(p, { value: 4_000n });
      expect(await p.registry.appraisedTotal([revoked, expiring, sound])).to.equal(7_000n);
      await p.registry.connect(p.ipoffice).revokePatent(revoked, hash("invalidated"));
      expect(await p.registry.appraisedTotal([revoked, expiring, sound])).to.equal(6_000n);
      await time.increase(31n * DAY);
      expect(await p.registry.appraisedTotal([revoked, expiring, sound])).to.equal(4_000n);
    });
  });

  describe("transfers: only as the register records them (SPEC 2, section 8)", () => {
    it("refuses every owner's ERC-721 transfer and approval, in a loan or not", async () => {
      const p = await loadFixture(deployPlatform);
      const free = await registerPatent(p);
      const { patentIds } = await loanIn(p, "Pledged");
      const owner = p.registry.connect(p.ent1);
      for (const id of [free, patentIds[0]]) {
        for (const attempt of [
          () => owner.transferFrom(p.ent1.address, p.ent2.address, id),
          () => owner["safeTransferFrom(address,address,uint256)"](p.ent1.address, p.ent2.address, id),
          () => owner["safeTransferFrom(address,address,uint256,bytes)"](p.ent1.address, p.ent2.address, id, "0x"),
          () => owner.approve(p.ent2.address, id),
        ]) {
          await expect(attempt()).to.be.revertedWithCustomError(p.registry, "PatentRegistryTransferOnlyByRegister");
        }
        expect(await p.registry.ownerOf(id)).to.equal(p.ent1.address);
      }
      await expect(owner.setApprovalForAll(p.ent2.address, true)).to.be.revertedWithCustomError(
        p.registry,
        "PatentRegistryTransferOnlyByRegister",
      );
    });

    for (const state of ["Applied", "Approved", "Pledged", "Disbursed"] as const) {
      it(`cannot change hands while its loan is ${state}, not even through the IP office`, async () => {
        const p = await loadFixture(deployPlatform);
        const { loanId, patentIds } = await loanIn(p, state);
        await expect(
          p.registry.connect(p.ent1).transferFrom(p.ent1.address, p.ent3.address, patentIds[0]),
        ).to.be.revertedWithCustomError(p.registry, "PatentRegistryTransferOnlyByRegister");
        const recorded = p.registry.connect(p.ipoffice).recordTransfer(patentIds[0], p.ent3.address, hash("notice"));
        if (state === "Applied" || state === "Approved") {
          await expect(recorded)
            .to.be.revertedWithCustomError(p.registry, "PatentRegistryPatentInActiveLoan")
            .withArgs(patentIds[0], loanId);
        } else {
          await expect(recorded).to.be.revertedWithCustomError(p.registry, "PatentRegistryUnexpectedPatentState");
        }
        expect(await p.registry.ownerOf(patentIds[0])).to.equal(p.ent1.address);
      });
    }

    it("the IP office records a transfer to another enterprise; the new owner's record is verified again", async () => {
      const p = await loadFixture(deployPlatform);
      const id = await registerPatent(p);
      const before = await p.registry.getPatent(id);
      await expect(p.registry.connect(p.ipoffice).recordTransfer(id, p.ent2.address, hash("transfer notice")))
        .to.emit(p.registry, "PatentTransferRecorded")
        .withArgs(id, p.ipoffice.address, p.ent1.address, p.ent2.address, hash("transfer notice"))
        .and.to.emit(p.registry, "Transfer")
        .withArgs(p.ent1.address, p.ent2.address, id);
      expect(await p.registry.ownerOf(id)).to.equal(p.ent2.address);
      const after = await p.registry.getPatent(id);
      expect(after.status).to.equal(PatentStatus.Registered);
      expect([after.feePaidUntil, after.appraisalCount, after.metadataHash]).to.deep.equal([
        before.feePaidUntil,
        before.appraisalCount,
        before.metadataHash,
      ]);

      const productId = await createProduct(p);
      const apply = (as: Platform["ent1"]) =>
        p.finance.connect(as).applyForLoan(productId, [id], 1_000_00n, 30n, hash("purpose"));
      await expect(apply(p.ent2))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryUnexpectedPatentState")
        .withArgs(id, PatentStatus.Registered, stateBits(PatentStatus.Verified));
      await p.registry.connect(p.ipoffice).verifyPatent(id, before.feePaidUntil);
      await expect(apply(p.ent1))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryNotOwner")
        .withArgs(id, p.ent2.address, p.ent1.address);
      await expect(apply(p.ent2)).to.emit(p.finance, "LoanApplied");
    });

    it("refuses a transfer to anyone but another enterprise, or without its document", async () => {
      const p = await loadFixture(deployPlatform);
      const id = await registerPatent(p);
      const record = (to: string, documentHash = hash("notice")) =>
        p.registry.connect(p.ipoffice).recordTransfer(id, to, documentHash);
      for (const to of [p.ent1.address, p.bank1.address, p.outsider.address, ethers.ZeroAddress]) {
        await expect(record(to))
          .to.be.revertedWithCustomError(p.registry, "PatentRegistryInvalidNewOwner")
          .withArgs(id, to);
      }
      await expect(record(p.ent2.address, ethers.ZeroHash)).to.be.revertedWithCustomError(
        p.registry,
        "PatentRegistryMissingDocumentHash",
      );
      await p.registry.connect(p.ipoffice).revokePatent(id, hash("invalidated"));
      await expect(record(p.ent2.address))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryUnexpectedPatentState")
        .withArgs(id, PatentStatus.Revoked, stateBits(PatentStatus.Registered, PatentStatus.Verified));
    });

    it("cannot revoke a pledged patent", async () => {
      const p = await loadFixture(deployPlatform);
      const { patentIds } = await loanIn(p, "Disbursed");
      await expect(p.registry.connect(p.ipoffice).revokePatent(patentIds[0], hash("x")))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryUnexpectedPatentState")
        .withArgs(patentIds[0], PatentStatus.Pledged, stateBits(PatentStatus.Verified));
    });

    it("hands disposed patents to the buyer, verified", async () => {
      const p = await loadFixture(deployPlatform);
      const { patentIds, loanId } = await loanIn(p, "Disposed");
      for (const id of patentIds) {
        expect(await p.registry.ownerOf(id)).to.equal(p.ent2.address);
        const patent = await p.registry.getPatent(id);
        expect(patent.status).to.equal(PatentStatus.Verified);
        expect(patent.loanId).to.equal(loanId);
      }
      expect((await p.finance.getLoan(loanId)).status).to.equal(LoanStatus.Disposed);
    });
  });

  describe("patent state x action matrix", () => {
    type Action = {
      name: string;
      event: string;
      allowed: bigint[];
      send: (p: Platform, id: bigint) => Promise<unknown>;
      /** ERC-721 events the action emits before its domain event (a rejection burns the token). */
      tokenEvents?: string[];
    };
    const actions: Action[] = [
      {
        name: "verifyPatent",
        event: "PatentVerified",
        allowed: [PatentStatus.Registered],
        send: (p, id) => p.registry.connect(p.ipoffice).verifyPatent(id, 2_000_000_000n),
      },
      {
        name: "rejectPatent",
        event: "PatentRejected",
        tokenEvents: ["Transfer"],
        allowed: [PatentStatus.Registered],
        send: (p, id) => p.registry.connect(p.ipoffice).rejectPatent(id, hash("r")),
      },
      {
        name: "revokePatent",
        event: "PatentRevoked",
        allowed: [PatentStatus.Verified],
        send: (p, id) => p.registry.connect(p.ipoffice).revokePatent(id, hash("r")),
      },
      {
        name: "updateLegalStatus",
        event: "LegalStatusUpdated",
        allowed: [PatentStatus.Verified, PatentStatus.Pledged],
        send: (p, id) => p.registry.connect(p.ipoffice).updateLegalStatus(id, 2_000_000_000n, false, false),
      },
      {
        name: "recordAppraisal",
        event: "AppraisalRecorded",
        allowed: [PatentStatus.Verified, PatentStatus.Pledged],
        send: async (p, id) =>
          p.registry.connect(p.appraiser).recordAppraisal(id, 1n, BigInt(await time.latest()) + YEAR, hash("r")),
      },
      {
        name: "recordTransfer",
        event: "PatentTransferRecorded",
        tokenEvents: ["Transfer"],
        allowed: [PatentStatus.Registered, PatentStatus.Verified],
        send: (p, id) => p.registry.connect(p.ipoffice).recordTransfer(id, p.ent2.address, hash("notice")),
      },
    ];

    const patentIn: Record<string, (p: Platform) => Promise<bigint>> = {
      Registered: (p) => registerPatent(p, { verify: false }),
      Verified: (p) => registerPatent(p),
      Rejected: async (p) => {
        const id = await registerPatent(p, { verify: false });
        await p.registry.connect(p.ipoffice).rejectPatent(id, hash("r"));
        return id;
      },
      Pledged: async (p) => (await loanIn(p, "Pledged")).patentIds[0],
      Revoked: async (p) => {
        const id = await registerPatent(p);
        await p.registry.connect(p.ipoffice).revokePatent(id, hash("r"));
        return id;
      },
    };

    for (const [stateName, build] of Object.entries(patentIn)) {
      const state = PatentStatus[stateName as keyof typeof PatentStatus];
      for (const action of actions) {
        const legal = action.allowed.includes(state);
        it(`${action.name} in ${stateName}: ${legal ? `emits ${action.event}` : "unexpected state"}`, async () => {
          const p = await loadFixture(deployPlatform);
          const id = await build(p);
          if (legal) {
            const receipt = await (await (action.send(p, id) as Promise<{ wait(): Promise<unknown> }>)).wait();
            const names = (receipt as { logs: { topics: string[]; data: string }[] }).logs
              .map((log) => p.registry.interface.parseLog(log)?.name)
              .filter(Boolean);
            expect(names).to.deep.equal([...(action.tokenEvents ?? []), action.event]);
          } else {
            await expect(action.send(p, id))
              .to.be.revertedWithCustomError(p.registry, "PatentRegistryUnexpectedPatentState")
              .withArgs(id, state, stateBits(...action.allowed));
          }
        });
      }
    }
  });
});
