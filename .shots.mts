// scratch: screenshots of the search page (not part of the project)
import { chromium } from "playwright-core";
const base = process.argv[2] ?? "http://127.0.0.1:8091/";
const query = process.argv[3] ?? "search.html?q=the";
const tag = process.argv[4] ?? "a";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const errors: string[] = [];
for (const width of [390, 1280]) {
  for (const scheme of ["light", "dark"] as const) {
    const page = await browser.newPage({ bypassCSP: true, viewport: { width, height: width === 390 ? 844 : 900 } });
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(base + query);
    // A stand-in dark theme, until site.css has its own (another engineer's work).
    if (process.env.FAKE_DARK) await page.addStyleTag({ content: "@media (prefers-color-scheme: dark){:root{--text:#e6e6e6;--muted:#a3a8ae;--accent:#8ab4f8;--rule:#3c4043;--bg:#17181a;color-scheme:dark}}" });
    await page.locator(".search-result").first().waitFor().catch(() => {});
    await page.waitForTimeout(500);
    if (process.argv[5] === "open") {
      await page.locator(".search-filter-button").click().catch(() => {});
      if (width > 600) await page.locator("pagefind-filter-pane summary").first().click().catch(() => {});
    }
    await page.screenshot({ path: `/tmp/shots/${tag}-${width}-${scheme}.png`, fullPage: true });
    await page.close();
  }
}
console.log(errors);
await browser.close();
