import { describe, expect, it } from "vitest";
import { readFileAsBase64, toUpload } from "./files";

describe("readFileAsBase64", () => {
  it("reads a file's bytes as plain base64, without the data URL prefix", async () => {
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff])], "cert.pdf", {
      type: "application/pdf",
    });
    expect(await readFileAsBase64(file)).toBe("JVBERgD/");
  });

  it("reads UTF-8 text as its bytes", async () => {
    expect(await readFileAsBase64(new Blob(["专利"], { type: "text/plain" }))).toBe(
      btoa("\u00e4\u00b8\u0093\u00e5\u0088\u00a9"),
    );
  });

  it("reads an empty file as an empty string", async () => {
    expect(await readFileAsBase64(new Blob([]))).toBe("");
  });
});

describe("toUpload", () => {
  it("names the upload by the file's name", async () => {
    const upload = await toUpload(new File(["hi"], "report.txt"));
    expect(upload).toEqual({ filename: "report.txt", contentBase64: "aGk=" });
  });
});
