import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(process.argv[2] ?? "http://127.0.0.1:8091/search.html?q=the");
await page.locator(".search-result").first().waitFor();
for (const s of await page.locator("pagefind-filter-pane summary").all()) await s.click();
await page.waitForTimeout(300);
await page.screenshot({ path: "/tmp/shots/probe2.png" });
await browser.close();
