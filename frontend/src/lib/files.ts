/**
 * Documents travel to the API inline as base64 (`{filename, contentBase64}`); the browser reads the
 * chosen file with a FileReader, whose data URL carries the content after the first comma.
 */

export interface Upload {
  filename: string;
  contentBase64: string;
}

/** The API refuses a document over 10 MB; checking first saves the upload. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.onload = () => {
      const url = String(reader.result ?? "");
      const comma = url.indexOf(",");
      resolve(comma < 0 ? "" : url.slice(comma + 1));
    };
    reader.readAsDataURL(file);
  });
}

export async function toUpload(file: File): Promise<Upload> {
  return { filename: file.name.replace(/^.*[\\/]/, ""), contentBase64: await readFileAsBase64(file) };
}
