import { describe, expect, it } from "vitest";
import { LOAN_STATUSES, loanSteps } from "./loanSteps";

const HAPPY = ["applied", "approved", "pledged", "disbursed", "repaid", "closed"];
const DEFAULT = ["applied", "approved", "pledged", "disbursed", "defaulted", "disposed", "closed"];

describe("loanSteps", () => {
  it.each([
    ["applied", 0],
    ["approved", 1],
    ["pledged", 2],
    ["disbursed", 3],
    ["repaid", 4],
  ] as const)("a loan %s is at step %i of the happy path", (status, current) => {
    expect(loanSteps({ status })).toEqual({ steps: HAPPY, current, error: false, finished: false });
  });

  it("a closed loan that was repaid finished the happy path", () => {
    expect(loanSteps({ status: "closed", defaultedAt: null })).toEqual({
      steps: HAPPY,
      current: 5,
      error: false,
      finished: true,
    });
  });

  it.each([
    ["rejected", ["applied", "rejected"]],
    ["withdrawn", ["applied", "withdrawn"]],
    ["cancelled", ["applied", "approved", "cancelled"]],
  ] as const)("a %s loan ended early, after the step it left from", (status, steps) => {
    expect(loanSteps({ status })).toEqual({ steps, current: steps.length - 1, error: true, finished: true });
  });

  it.each([
    ["defaulted", 4, false],
    ["disposed", 5, false],
  ] as const)("a %s loan is on the default branch", (status, current, finished) => {
    expect(loanSteps({ status, defaultedAt: "2026-01-01T00:00:00Z" })).toEqual({
      steps: DEFAULT,
      current,
      error: true,
      finished,
    });
  });

  it("a closed loan that defaulted closed on the default branch", () => {
    expect(loanSteps({ status: "closed", defaultedAt: "2026-01-01T00:00:00Z" })).toEqual({
      steps: DEFAULT,
      current: 6,
      error: true,
      finished: true,
    });
  });

  it("puts every status on its own steps", () => {
    for (const status of LOAN_STATUSES) {
      const model = loanSteps({ status, defaultedAt: status === "defaulted" || status === "disposed" ? "x" : null });
      expect(model.steps[model.current]).toBe(status);
    }
  });
});
