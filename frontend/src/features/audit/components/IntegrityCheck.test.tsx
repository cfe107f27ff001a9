import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithApp } from "@/test/render";
import { IntegrityCheck } from "./IntegrityCheck";

const report = (mismatches: unknown[]) => ({
  ok: mismatches.length === 0,
  checked: 266,
  checkedByKind: { chain_events: 142, patents: 17 },
  atBlock: 172,
  mismatches,
  mismatchCount: mismatches.length,
});

const run = (state: string, extra: Record<string, unknown> = {}) => ({
  id: "1",
  state,
  startedAt: "2026-12-02T10:00:00.000Z",
  finishedAt: state === "running" ? null : "2026-12-02T10:00:05.000Z",
  progress: {},
  report: null,
  error: null,
  ...extra,
});

/** The API as the page uses it: the latest check (each answer in turn, the last one repeated) and the start of one. */
function stubApi(latest: unknown[], started: unknown = run("running")) {
  const answers = [...latest];
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    if (url === "/api/audit/integrity-checks" && init?.method === "POST")
      return Promise.resolve(jsonResponse(202, started));
    const next = answers.length > 1 ? answers.shift() : answers[0];
    return Promise.resolve(
      next === undefined
        ? jsonResponse(404, { error: { code: "NOT_FOUND", message: "integrity check latest was not found" } })
        : jsonResponse(200, next),
    );
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("IntegrityCheck", () => {
  it("starts a check on the button, shows how far it has come, then says the database agrees with the ledger", async () => {
    const fetch = stubApi([
      undefined,
      run("running", { progress: { phase: "replaying", fromBlock: 0, block: 50, toBlock: 100, events: 900 } }),
      run("done", { report: report([]) }),
    ]);
    renderWithApp(<IntegrityCheck />);
    expect(fetch).not.toHaveBeenCalledWith("/api/audit/integrity-checks", expect.objectContaining({ method: "POST" }));
    fireEvent.click(await screen.findByTestId("verify-button"));
    // Polled once a second while it runs.
    await waitFor(
      () =>
        expect(screen.getByTestId("integrity-progress")).toHaveTextContent(
          "正在重放账本：区块 50 / 100，已处理 900 个事件",
        ),
      { timeout: 3_000 },
    );
    expect(fetch).toHaveBeenCalledWith("/api/audit/integrity-checks", expect.objectContaining({ method: "POST" }));
    expect(await screen.findByTestId("integrity-ok", {}, { timeout: 3_000 })).toHaveTextContent(
      "截至区块 172，共核验 266 条记录",
    );
    expect(screen.getByTestId("integrity-result")).toHaveTextContent("审计事件");
  });

  it("says each mismatch in words: a changed value, a row added by hand, a row deleted", async () => {
    stubApi([
      run("done", {
        report: report([
          { table: "loans", key: "7", field: "amount", expected: "200", found: "100" },
          { table: "patents", key: "CN202110000001.2", field: "row", expected: "absent", found: "present" },
          { table: "chain_events", key: "12/0", field: "row", expected: "present", found: "absent" },
        ]),
      }),
    ]);
    renderWithApp(<IntegrityCheck />);
    expect(await screen.findByTestId("integrity-failed")).toHaveTextContent("发现 3 处不一致");
    const list = screen.getByTestId("integrity-mismatches");
    expect(list).toHaveTextContent("贷款 7：数据库中 amount 为 100，账本记录为 200。");
    expect(list).toHaveTextContent("专利 CN202110000001.2：数据库中有，账本中没有（被人为添加）。");
    expect(list).toHaveTextContent("审计事件 12/0：账本中有，数据库中缺失（被删除）。");
  });

  it("says when the last check was interrupted", async () => {
    stubApi([run("interrupted", { finishedAt: null })]);
    renderWithApp(<IntegrityCheck />);
    expect(await screen.findByTestId("integrity-interrupted")).toHaveTextContent("上一次核验未完成即中断");
  });
});
