// Drives headless Chromium through chromedriver (W3C WebDriver over plain
// HTTP, Node's built-in fetch; no npm package) against a review page and
// asserts what a reviewer relies on. Usage:
//   node review.mjs PAGE.html SCREENSHOT.png [chromedriver] [chromium]
// Exits 0 when every assertion holds; prints each check as it passes.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";
import { pathToFileURL } from "node:url";

const [page, shot, driverBin = "chromedriver", chromeBin = "/usr/bin/chromium"] = process.argv.slice(2);
if (!page || !shot) {
  console.error("usage: node review.mjs PAGE.html SCREENSHOT.png [chromedriver] [chromium]");
  process.exit(2);
}

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let failures = 0;
function check(what, cond, detail = "") {
  if (cond) console.log(`ok: ${what}`);
  else {
    failures++;
    console.log(`FAILED: ${what} ${detail}`);
  }
}

const port = await freePort();
const profile = mkdtempSync(join(tmpdir(), "transcheck-chromium-"));
const driver = spawn(driverBin, [`--port=${port}`, "--allowed-ips=127.0.0.1"], { stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;
let session;

async function wd(method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60000),
  });
  const j = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(j.value)}`);
  return j.value;
}
const s = (path, body) => wd(body === undefined ? "GET" : "POST", `/session/${session}${path}`, body);
const js = (script, ...args) => s("/execute/sync", { script, args });
const key = (k) =>
  s("/actions", {
    actions: [{ type: "key", id: "kb", actions: [{ type: "keyDown", value: k }, { type: "keyUp", value: k }] }],
  });

try {
  for (let i = 0; ; i++) {
    try {
      await wd("GET", "/status");
      break;
    } catch (e) {
      if (i > 100) throw new Error(`chromedriver did not start: ${e.message}`);
      await sleep(100);
    }
  }
  const caps = await wd("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        browserName: "chrome",
        "goog:chromeOptions": {
          binary: chromeBin,
          args: [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,1000", `--user-data-dir=${profile}`,
          ],
        },
      },
    },
  });
  session = caps.sessionId;
  await s("/url", { url: pathToFileURL(resolve(page)).href });

  // An injected <script> or onerror= in the texts must not run, and must be shown as text.
  const pwned = await js("return window.__pwned === undefined ? null : String(window.__pwned)");
  check("injected markup did not run", pwned === null, `window.__pwned = ${pwned}`);
  const shownAsText = await js("return document.body.innerText.includes('<script>window.__pwned=1</script>')");
  check("injected markup is shown as text", shownAsText);

  const counts = await js(`
    const vis = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
    const f = [...document.querySelectorAll('.finding')];
    const m = [...document.querySelectorAll('mark[data-f]')];
    return { findings: f.length, visible: f.filter(vis).length, marks: m.filter(vis).length };`);
  check("findings are visible", counts.findings > 0 && counts.visible === counts.findings, JSON.stringify(counts));
  check("spans are marked in the texts", counts.marks > 0, JSON.stringify(counts));

  // Keyboard navigation moves the focus from finding to finding.
  await key("j");
  const first = await js("return document.activeElement && document.activeElement.id");
  await key("j");
  const second = await js("return document.activeElement && document.activeElement.id");
  await key("k");
  const back = await js("return [document.activeElement && document.activeElement.id, location.hash]");
  check("j focuses the first finding", first === "f-1", `focus on ${first}`);
  check("j again moves to the next finding", second === "f-2", `focus on ${second}`);
  check("k moves back and the permalink follows", back[0] === "f-1" && back[1] === "#f-1", JSON.stringify(back));
  await key("n");
  const viaN = await js("return document.activeElement && document.activeElement.id");
  check("n moves like j", viaN === "f-2", `focus on ${viaN}`);
  await key("p");

  const png = await s("/screenshot");
  writeFileSync(shot, Buffer.from(png, "base64"));
  console.log(`screenshot: ${shot}`);

  // A rule filter hides the other rules' findings: keep only one rule.
  const rules = await js("return [...document.querySelectorAll('.finding')].map(f => f.dataset.rule)");
  const keep = rules[0];
  const boxes = await s("/elements", { using: "css selector", value: "input[data-filter=rule]" });
  for (const b of boxes) {
    const id = Object.values(b)[0];
    const value = await s(`/element/${id}/property/value`);
    if (value !== keep) await s(`/element/${id}/click`, {});
  }
  const after = await js(`
    const vis = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
    const f = [...document.querySelectorAll('.finding')].filter(vis);
    return { shown: f.length, rules: [...new Set(f.map(x => x.dataset.rule))] };`);
  const others = rules.filter((r) => r !== keep).length;
  check(
    `a rule filter (${keep}) hides the other rules`,
    after.rules.length === 1 && after.rules[0] === keep && after.shown === rules.length - others && others > 0,
    JSON.stringify(after),
  );
  // "Only links with findings" hides the clean links.
  await s(`/element/${Object.values(await s("/element", { using: "css selector", value: "#only" }))[0]}/click`, {});
  const links = await js(`
    const vis = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
    return [...document.querySelectorAll('.link')].filter(vis).every(l => l.querySelector('.finding:not([hidden])'));`);
  check("only links with findings are left", links);
  await js("window.scrollTo(0, 0)");
  const filtered = shot.replace(/\.png$/, "") + "-filtered.png";
  writeFileSync(filtered, Buffer.from(await s("/screenshot"), "base64"));
  console.log(`screenshot: ${filtered}`);
} catch (e) {
  failures++;
  console.log(`FAILED: ${e.message}`);
} finally {
  if (session) await wd("DELETE", `/session/${session}`).catch(() => {});
  driver.kill();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures === 0 ? "browser checks passed" : `${failures} browser check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
