// ESLint (flat config): TypeScript in scripts/, test/, backend/ and frontend/, and the Hardhat config.
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The web app's feature folders: each may use the shared folders (components, lib, config, i18n,
// types) but no other feature; only app/ composes features.
const FEATURES = readdirSync(new URL("./frontend/src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const NO_APP = { regex: "^@/app(/|$)", message: "Only app/ composes pages; nothing imports it." };
const NO_FEATURES = { regex: "^@/features(/|$)", message: "Shared code does not depend on a feature." };

export default tseslint.config(
  { ignores: ["artifacts/", "cache/", "coverage/", "typechain-types/", "node_modules/", "dist/", "frontend/dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unused-expressions": "off", // chai's `expect(x).to.be.true`
    },
  },
  {
    // API replies in backend tests are read as untyped JSON, as any client would.
    files: ["backend/test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["frontend/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", { selector: "TSEnumDeclaration", message: "Use an `as const` object." }],
    },
  },
  {
    files: ["frontend/src/{components,lib,config,i18n,types}/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [NO_APP, NO_FEATURES] }] },
  },
  ...FEATURES.map((feature) => ({
    files: [`frontend/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NO_APP,
            {
              regex: `^@/features/(?!${feature}(/|$))`,
              message: `A feature does not import another feature; move shared code to components/ or lib/, or compose in app/.`,
            },
            { regex: "^(\\.\\./){2,}", message: "Leave the feature folder through @/ imports, not ../../" },
          ],
        },
      ],
    },
  })),
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { console: "readonly", process: "readonly", module: "writable", URL: "readonly" } },
  },
);
