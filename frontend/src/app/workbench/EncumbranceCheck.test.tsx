import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithApp } from "@/test/render";
import { EncumbranceCheck } from "./EncumbranceCheck";

const NUMBER = "CN202110123456.7";

async function ask(answer: Response) {
  const fetch = vi.fn().mockResolvedValue(answer);
  vi.stubGlobal("fetch", fetch);
  renderWithApp(<EncumbranceCheck />);
  fireEvent.change(screen.getByLabelText("专利号"), { target: { value: ` ${NUMBER} ` } });
  fireEvent.click(screen.getByRole("button", { name: /查\s?询/ }));
  return fetch;
}

describe("EncumbranceCheck", () => {
  it("asks the ledger by number and says the patent is pledged, without saying where", async () => {
    const fetch = await ask(jsonResponse(200, { number: NUMBER, pledged: true, inApplication: false }));
    expect(await screen.findByText(`${NUMBER} 已质押。`)).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(`/api/patents/${encodeURIComponent(NUMBER)}/encumbrance`, expect.anything());
  });

  it("says a patent is in an application, or free", async () => {
    await ask(jsonResponse(200, { number: NUMBER, pledged: false, inApplication: true }));
    expect(await screen.findByText(`${NUMBER} 正处于贷款申请中。`)).toBeInTheDocument();
  });

  it("says a number is not on the ledger when the API answers 404", async () => {
    await ask(jsonResponse(404, { error: { code: "NOT_FOUND", message: "patent was not found", details: {} } }));
    expect(await screen.findByText(`账本上没有 ${NUMBER}。`)).toBeInTheDocument();
  });
});
