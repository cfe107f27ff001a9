// npm run test:e2e: the browser tests, whenever a Chromium is found (CHROME_PATH, or chromium /
// chromium-browser / google-chrome on the PATH). Without one they are skipped, loudly, unless
// REQUIRE_E2E=1 (set by .ci/run), which makes a missing browser a failure.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
      const candidate = path.join(directory, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

const chromium = findChromium();
if (!chromium) {
  const banner = "=".repeat(78);
  const lines = [
    banner,
    "BROWSER TESTS SKIPPED: no Chromium found (CHROME_PATH, or chromium on the PATH).",
    "Install Debian's Chromium to run them:  sudo apt-get install -y chromium fonts-noto-cjk",
    "or point CHROME_PATH at a Chromium or Chrome binary.",
    banner,
  ];
  console.error(lines.join("\n"));
  process.exit(process.env.REQUIRE_E2E === "1" ? 1 : 0);
}
console.log(`browser tests with ${chromium}`);
const result = spawnSync("npm", ["run", "test:e2e", "-w", "frontend"], {
  stdio: "inherit",
  env: { ...process.env, CHROME_PATH: chromium },
});
process.exit(result.status ?? 1);
