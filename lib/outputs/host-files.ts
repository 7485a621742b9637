// The host configurations, from the archive's HTTP rules and address (lib/http/hosts.ts).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { hostFiles as filesFor } from "../http/hosts.ts";
import type { OutputKind } from "./kind.ts";

export const hostFiles = {
  name: "hostFiles",
  writes: "_headers (Netlify, Cloudflare Pages), .htaccess (Apache), nginx.conf",
  modes: ["build", "dev"],
  async afterPages({ output, archive }) {
    await Promise.all(filesFor(archive.site.url).map(({ path, text }) => writeFile(join(output, path), text)));
  },
} satisfies OutputKind<"hostFiles", void, void>;
