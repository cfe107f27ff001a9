import { expect } from "chai";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { deployPlatform } from "./helpers/fixtures";
import { GUARDED_FINANCE, GUARDED_REGISTRY, SIGNERS } from "./helpers/guarded";

/**
 * Every guarded state-changing function called by every signer that lacks its role: each must
 * revert with AccessControlUnauthorizedAccount(signer, role).
 */
describe("Access matrix: every guarded function x every wrong role", () => {
  for (const [contractName, table] of [
    ["PledgeFinance", GUARDED_FINANCE],
    ["PatentRegistry", GUARDED_REGISTRY],
  ] as const) {
    for (const guarded of table) {
      for (const wrong of SIGNERS.filter((s) => !s.holds.includes(guarded.role))) {
        it(`${contractName}.${guarded.label ?? guarded.fn} refuses ${wrong.kind}`, async () => {
          const p = await loadFixture(deployPlatform);
          const signer = wrong.signer(p);
          await expect(guarded.call(p, signer))
            .to.be.revertedWithCustomError(guarded.on(p), "AccessControlUnauthorizedAccount")
            .withArgs(signer.address, guarded.role);
        });
      }
    }
  }

  it("covers every state-changing function of both ABIs", async () => {
    const p = await loadFixture(deployPlatform);
    const unguarded = new Set([
      // ERC-721: guarded by ownership and approval, not by role; tested in PatentRegistry.test.ts
      "approve",
      "setApprovalForAll",
      "transferFrom",
      "safeTransferFrom",
      // AccessControl: anyone may give up their own role (Governance.test.ts)
      "renounceRole",
      // AccessControlDefaultAdminRules: only the pending operator, after the delay (Governance.test.ts)
      "acceptDefaultAdminTransfer",
      // Key rotation: by the organisation itself or a regulator, accepted by the proposed key; every
      // other caller is refused in KeyRotation.test.ts
      "proposeKeyRotation",
      "acceptKeyRotation",
    ]);
    for (const [contract, table] of [
      [p.finance, GUARDED_FINANCE],
      [p.registry, GUARDED_REGISTRY],
    ] as const) {
      const writes = contract.interface.fragments
        .filter((f) => f.type === "function")
        .map((f) => f as unknown as { name: string; stateMutability: string })
        .filter((f) => f.stateMutability !== "view" && f.stateMutability !== "pure")
        .map((f) => f.name)
        .filter((name) => !unguarded.has(name));
      expect([...new Set(writes)].sort()).to.deep.equal([...new Set(table.map((g) => g.fn))].sort());
    }
  });
});
