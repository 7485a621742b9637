// Real web servers, from Debian's packages (nginx-light, apache2; `.ci/run` installs them), serving a built
// archive under its site URL's path with the configuration the build wrote into it (lib/http/hosts.ts),
// as an editor's host would. Each gets a world-readable copy of the archive (Apache's workers run as
// www-data when started by root) and a configuration of its own in a folder of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { basePath, decodedBasePath, HOST_FILES } from "../../lib/http/rules.ts";

export interface WebServer {
  name: string;
  /** The archive's address on this server, ending in its path. */
  url: string;
  close(): Promise<void>;
}

const NGINX = "/usr/sbin/nginx";
const APACHE = "/usr/sbin/apache2";
const APACHE_MODULES = "/usr/lib/apache2/modules";

/** What to install when a server is missing: the tests fail with this rather than pass without it. */
export function missingServers(): string | undefined {
  const missing = [existsSync(NGINX) ? "" : "nginx-light", existsSync(APACHE) ? "" : "apache2"].filter(Boolean);
  return missing.length ? `apt-get install -y ${missing.join(" ")} (bash .ci/run installs them)` : undefined;
}

/** A folder that a server's unprivileged workers can read, holding a copy of `dist` at `path` (decoded) below its root. */
async function webRoot(dist: string, path: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "essay-archive-www-"));
  await cp(dist, join(root, path), { recursive: true });
  await makeReadable(root);
  return root;
}

async function makeReadable(folder: string): Promise<void> {
  await new Promise<void>((done, fail) =>
    spawn("chmod", ["-R", "a+rX", folder], { stdio: "ignore" }).on("close", (code) => (code === 0 ? done() : fail(new Error(`chmod exited ${code}`)))),
  );
  await chmod(folder, 0o755);
}

/** A port free at the time of asking. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts `command` and waits until `url` answers; the error says what the server logged. */
async function serve(name: string, command: string, args: string[], url: string, log: string, root: string): Promise<WebServer> {
  const child: ChildProcess = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const ended = new Promise<void>((done) => child.once("exit", () => done()));
  let exited = false;
  void ended.then(() => (exited = true));
  const close = async () => {
    if (!exited) child.kill("SIGTERM");
    await ended;
    await rm(root, { recursive: true, force: true });
  };
  // Waits for the thing it then reads: the server answering at the archive's address.
  for (;;) {
    if (exited) {
      const logged = await readFile(log, "utf8").catch(() => "");
      await close();
      throw new Error(`${name} did not start:\n${stderr}\n${logged}`);
    }
    const answered = await fetch(url, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (answered) return { name, url, close };
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

/** nginx with the archive's `nginx.conf` included in its server block, as docs/publishing.md says. */
export async function startNginx(dist: string, siteUrl: string): Promise<WebServer> {
  const root = await webRoot(dist, decodedBasePath(siteUrl));
  const port = await freePort();
  const log = join(root, "error.log");
  const temp = (name: string) => `${name}_temp_path ${join(root, name)};`;
  const config = [
    "daemon off;",
    "master_process off;",
    `pid ${join(root, "nginx.pid")};`,
    `error_log ${log};`,
    "events { worker_connections 64; }",
    "http {",
    "  access_log off;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${temp(name)}`),
    "  server {",
    `    listen 127.0.0.1:${port};`,
    `    root ${root};`,
    `    include ${JSON.stringify(join(root, decodedBasePath(siteUrl), HOST_FILES.nginx))};`,
    "  }",
    "}",
  ].join("\n");
  const file = join(root, "server.conf");
  await writeFile(file, config);
  const url = `http://127.0.0.1:${port}${basePath(siteUrl)}`;
  return serve("nginx", NGINX, ["-e", log, "-p", root, "-c", file], url, log, root);
}

/**
 * Apache httpd with the archive's `.htaccess` read (`AllowOverride FileInfo`, as shared hosting allows),
 * Debian's media types and its rule that denies `.ht*` files; only the modules a plain host loads.
 */
export async function startApache(dist: string, siteUrl: string): Promise<WebServer> {
  const root = await webRoot(dist, decodedBasePath(siteUrl));
  const port = await freePort();
  const log = join(root, "error.log");
  const archive = join(root, decodedBasePath(siteUrl));
  const modules = ["mpm_event", "authz_core", "mime", "headers", "alias", "dir"];
  const config = [
    `ServerRoot ${root}`,
    ...modules.map((module) => `LoadModule ${module}_module ${APACHE_MODULES}/mod_${module}.so`),
    `Listen 127.0.0.1:${port}`,
    "ServerName localhost",
    `PidFile ${join(root, "httpd.pid")}`,
    `ErrorLog ${log}`,
    ...(process.getuid?.() === 0 ? ["User www-data", "Group www-data"] : []),
    existsSync("/etc/mime.types") ? "TypesConfig /etc/mime.types" : "TypesConfig /dev/null",
    `DocumentRoot ${root}`,
    "DirectoryIndex index.html",
    `<Directory ${root}>`,
    "  AllowOverride None",
    "  Require all granted",
    "</Directory>",
    `<Directory ${JSON.stringify(archive)}>`,
    "  AllowOverride FileInfo",
    "</Directory>",
    '<FilesMatch "^\\.ht">',
    "  Require all denied",
    "</FilesMatch>",
  ].join("\n");
  const file = join(root, "httpd.conf");
  await writeFile(file, config);
  await mkdir(join(root, "logs"), { recursive: true });
  const url = `http://127.0.0.1:${port}${basePath(siteUrl)}`;
  return serve("Apache httpd", APACHE, ["-f", file, "-DFOREGROUND"], url, log, root);
}
