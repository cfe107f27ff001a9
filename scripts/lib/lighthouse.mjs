/* global fetch, localStorage, setTimeout */
// Lighthouse's mobile performance for the sign-in page and each role's first page, on a platform
// started here (`npm start`, demo data, fresh data folder and ports), in Chromium started by
// chrome-launcher. The session of a signed-in page is put into localStorage through the same
// Chromium (playwright-core over CDP) before Lighthouse opens the page; the HTTP cache is emptied
// before each page so every file counts.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";

const PASSWORD = "web-size-demo-password";
/** One user per role (the demo data's), whose first page is measured. */
const ROLES = [
  ["admin", "admin"],
  ["enterprise", "ent1"],
  ["bank", "bank1"],
  ["appraiser", "appraiser1"],
  ["IP office", "ipoffice1"],
  ["risk fund", "fund1"],
  ["regulator", "regulator1"],
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startPlatform() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ipledge-web-size-"));
  const port = await freePort();
  const child = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      CHAIN_PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      IPLEDGE_DEMO_PASSWORD: PASSWORD,
      LOG_LEVEL: "warn",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  console.log("web-size: starting the platform");
  while (!/iPledge is running at/.test(output)) {
    if (child.exitCode !== null) throw new Error(`npm start did not get ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      process.kill(-child.pid, "SIGINT");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function signIn(url, username) {
  const reply = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!reply.ok) throw new Error(`sign-in as ${username}: ${reply.status} ${await reply.text()}`);
  return reply.json();
}

/** localStorage as the web app leaves it after a sign-in (or empty), and no cached file. */
async function prepareBrowser(port, url, session) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`${url}/api/health`);
  await page.evaluate(
    (value) => {
      localStorage.clear();
      if (value) localStorage.setItem("ipledge.session", value);
    },
    session && JSON.stringify(session),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await page.close();
  await browser.close();
}

async function audit(port, url) {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    disableStorageReset: true,
  });
  const { lhr } = result;
  const value = (id) => lhr.audits[id].numericValue;
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    // How fast this host ran Lighthouse's own benchmark (a mid-range phone is about 1000 x 4), and
    // how busy it was: the simulated times scale with the CPU time the page really took here.
    benchmarkIndex: lhr.environment.benchmarkIndex,
    load: loadavg()[0],
    score: lhr.categories.performance.score,
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    si: value("speed-index"),
    transferred: value("total-byte-weight"),
  };
}

export async function measurePerformance() {
  const platform = await startPlatform();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const results = [];
    const pages = [["sign-in", null, "/login"], ...ROLES.map(([role, user]) => [`${role} (${user})`, user, "/"])];
    for (const [name, user, pagePath] of pages) {
      const session = user ? await signIn(platform.url, user) : null;
      await prepareBrowser(chrome.port, platform.url, session);
      const result = { page: name, path: pagePath, ...(await audit(chrome.port, `${platform.url}${pagePath}`)) };
      console.log(`web-size: ${name} ${pagePath}: performance ${result.score}`);
      results.push(result);
    }
    return results;
  } finally {
    chrome.kill();
    await platform.stop();
  }
}
