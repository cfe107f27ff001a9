/**
 * A Vite plugin that writes precompressed twins of the built text files: `name.br` (brotli,
 * quality 11) and `name.gz` (gzip, level 9), each only when it is smaller than the file. The
 * server picks one by the request's Accept-Encoding (backend/src/http/webApp.ts), so a browser
 * downloads the app compressed at no cost per request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin, ResolvedConfig } from "vite";

const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest|xml)$/;

const CODINGS = [
  {
    extension: ".br",
    compress: (bytes: Buffer) =>
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
  },
  { extension: ".gz", compress: (bytes: Buffer) => gzipSync(bytes, { level: 9 }) },
];

function filesBelow(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? filesBelow(full) : [full];
  });
}

/** Writes the twins of every text file below `directory`; returns how many it wrote. */
export function precompressDirectory(directory: string): number {
  let written = 0;
  for (const file of filesBelow(directory).filter((name) => TEXT.test(name))) {
    const bytes = readFileSync(file);
    for (const { extension, compress } of CODINGS) {
      const compressed = compress(bytes);
      if (compressed.length >= bytes.length) continue;
      writeFileSync(file + extension, compressed);
      written += 1;
    }
  }
  return written;
}

export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "ipledge:precompress",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const written = precompressDirectory(outDir);
      config.logger.info(`precompressed: ${written} brotli and gzip files in ${path.relative(config.root, outDir)}`);
    },
  };
}
