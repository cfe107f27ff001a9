/**
 * The API contract outside a running platform. The OpenAPI document is built from the route
 * declarations alone (no database, no chain: handlers are declared, never called), so integrators
 * and the lint step get the very document GET /api/openapi.json serves on a dev chain.
 *
 *   openapi.ts document [file]  the document as JSON (stdout without a file)
 *   openapi.ts types            regenerate the web app's types (frontend/src/types/api.gen.ts)
 *   openapi.ts check            Spectral's recommended ruleset with 0 warnings, and the committed
 *                               types current: what `npm run lint` runs
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import prettier from "prettier";
import { createApi, openApiDocument } from "../src/app.js";
import type { AppContext } from "../src/context.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TYPES_FILE = path.join(ROOT, "frontend/src/types/api.gen.ts");
const SPECTRAL = path.join(ROOT, "node_modules/.bin/spectral");

const HEADER = `/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit. Regenerate with
 * \`npm run api:types\` after changing a route or a schema; \`npm run lint\` fails while it is stale.
 */
`;

/** Only the route declarations are read; the dev chain's routes are included, as a test platform serves them. */
const DECLARATIONS_ONLY = { chain: { isDevChain: true } } as unknown as AppContext;

const apiDocument = () => openApiDocument(createApi(DECLARATIONS_ONLY)) as OpenAPI3;

/** Enums the web app lists (filters, form options), exported as values in the document's order. */
const VALUE_LISTS = {
  LOAN_STATUSES: ["Loan", "status"],
  PATENT_STATUSES: ["Patent", "status"],
  PATENT_KINDS: ["Patent", "kind"],
  ORGANISATION_KINDS: ["Organisation", "kind"],
} as const;

function valueLists(document: OpenAPI3): string {
  return Object.entries(VALUE_LISTS)
    .map(([name, [schema, property]]) => {
      const values = (document.components?.schemas?.[schema] as { properties: Record<string, { enum: string[] }> })
        .properties[property].enum;
      const type = `components["schemas"]["${schema}"]["${property}"]`;
      return `\n/** ${schema}.${property}: every value, in the document's order. */\nexport const ${name} = ${JSON.stringify(values)} as const satisfies readonly ${type}[];\n`;
    })
    .join("");
}

async function webAppTypes(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document, {});
  const source = HEADER + astToString(ast) + valueLists(document);
  const options = await prettier.resolveConfig(TYPES_FILE);
  return prettier.format(source, { ...options, filepath: TYPES_FILE });
}

/** Spectral reads a file: the document goes to a temporary one. True when it passes. */
function lintDocument(document: OpenAPI3): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), "ipledge-openapi-"));
  try {
    const file = path.join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(document, null, 2));
    const ruleset = path.join(ROOT, ".spectral.yaml");
    const run = spawnSync(SPECTRAL, ["lint", file, "--ruleset", ruleset, "--fail-severity=warn"], { stdio: "inherit" });
    return run.status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main([command, file]: string[]): Promise<number> {
  const document = apiDocument();
  switch (command) {
    case "document": {
      const json = `${JSON.stringify(document, null, 2)}\n`;
      if (file) writeFileSync(file, json);
      else process.stdout.write(json);
      return 0;
    }
    case "types":
      writeFileSync(TYPES_FILE, await webAppTypes(document));
      return 0;
    case "check": {
      if (!lintDocument(document)) return 1;
      if ((await webAppTypes(document)) !== readFileSync(TYPES_FILE, "utf8")) {
        console.error(`${path.relative(ROOT, TYPES_FILE)} is stale: run npm run api:types and commit it`);
        return 1;
      }
      console.log(`${path.relative(ROOT, TYPES_FILE)} matches the OpenAPI document`);
      return 0;
    }
    default:
      console.error("usage: openapi.ts document [file] | types | check");
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
