import { describe, expect, it } from "vitest";
import { filenameOf, viewOf } from "./documents";

describe("documents", () => {
  it("shows only what the server marked inline, and only PDF and raster images", () => {
    expect(viewOf("application/pdf", 'inline; filename="a.pdf"')).toBe("pdf");
    expect(viewOf("image/png", "inline")).toBe("image");
    expect(viewOf("image/jpeg", "INLINE; filename=x")).toBe("image");
    expect(viewOf("application/pdf", 'attachment; filename="a.pdf"')).toBe("file");
    expect(viewOf("image/svg+xml", "inline")).toBe("file");
    expect(viewOf("text/html", "inline")).toBe("file");
    expect(viewOf("image/png", null)).toBe("file");
  });

  it("reads the exact UTF-8 file name, then the plain one, then the fallback", () => {
    expect(filenameOf(`inline; filename="_.pdf"; filename*=UTF-8''%E8%AF%81%E4%B9%A6.pdf`, "x")).toBe("证书.pdf");
    expect(filenameOf('attachment; filename="report.txt"', "x")).toBe("report.txt");
    expect(filenameOf(`attachment; filename*=UTF-8''%E0%A4%A`, "x")).toBe("x");
    expect(filenameOf(null, "0xabc")).toBe("0xabc");
  });
});
