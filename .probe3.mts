import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("http://127.0.0.1:8091/search.html?q=the&author=Ada+Okafor");
await page.locator(".search-result").first().waitFor();
console.log(await page.locator(".search-tools").ariaSnapshot());
await browser.close();
