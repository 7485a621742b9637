// The publishing recipes (GitHub Pages, GitLab Pages, Netlify) are checked by each host's own rules, offline:
// a recipe with a typo fails here, not on the host after a push. Each validator checks the file's shape; the
// assertions after it check what this archive needs from it: Node 20, `npm run build` with SITE_URL, `.cache/`
// kept between builds, `dist/` published.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ValidationError, validateWorkflow } from "@action-validator/core";
import { resolveConfig } from "@netlify/config";
import { parseAllHeaders } from "@netlify/headers-parser";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import yaml from "js-yaml";
import { describe, expect, it, vi } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** action-validator's errors as lines: a path and what is wrong there, the alternatives of a oneOf flattened. */
const described = (errors: ValidationError[]): string[] =>
  errors.flatMap((e) => [
    `${"path" in e ? e.path : `line ${e.location?.line}`}: ${e.title}${e.detail ? ` (${e.detail})` : ""}`,
    ...("states" in e ? (e.states ?? []).flatMap((s) => described(s.errors)) : []),
  ]);

type Step = { id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { needs?: string | string[]; environment?: { name: string; url: string }; steps: Step[] };

describe("GitHub Pages: .github/workflows/pages.yml", () => {
  const text = read(".github/workflows/pages.yml");
  const workflow = yaml.load(text) as { on: Record<string, unknown>; permissions: unknown; concurrency: unknown; jobs: Record<string, Job> };
  const { build, deploy } = workflow.jobs;
  const step = (job: Job, uses: string) => {
    const found = job.steps.findIndex((s) => s.uses?.startsWith(`${uses}@`));
    expect(found, `a step that uses ${uses}`).toBeGreaterThanOrEqual(0);
    return { index: found, step: job.steps[found] };
  };
  const runStep = (command: string) => {
    const found = build.steps.findIndex((s) => s.run === command);
    expect(found, `a step that runs ${command}`).toBeGreaterThanOrEqual(0);
    return { index: found, step: build.steps[found] };
  };

  it("is a valid workflow by action-validator (SchemaStore's workflow schema, and jobs that `needs` names)", () => {
    // https://github.com/mpalmer/action-validator: the Rust validator as WebAssembly, no network.
    expect(described(validateWorkflow(text).errors)).toEqual([]);
  });

  it("pins every action by a major version tag", () => {
    // action-validator does not check `uses:` references.
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const ref of uses) expect(ref).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it("publishes on a push to main and by hand, one run at a time, with only the permissions Pages needs", () => {
    expect(workflow.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
    expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
    expect(workflow.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
  });

  it("installs with npm ci on Node 20 and builds with SITE_URL from the Pages address", () => {
    expect(step(build, "actions/setup-node").step.with).toEqual({ "node-version": 20, cache: "npm" });
    const configure = step(build, "actions/configure-pages");
    expect(configure.step.id).toBe("pages");
    const install = runStep("npm ci");
    const buildStep = runStep("npm run build");
    expect(buildStep.step.env).toEqual({ SITE_URL: "${{ steps.pages.outputs.base_url }}/" });
    expect(install.index).toBeLessThan(buildStep.index);
    expect(configure.index).toBeLessThan(buildStep.index);
  });

  it("restores the newest .cache/ before the build and saves a fresh copy after every run", () => {
    // https://github.com/actions/cache#creating-a-cache-key: a key is saved once, so a key fixed across runs
    // would keep the first run's cache forever; a key unique to the run, restored by its prefix, keeps the newest.
    const cache = step(build, "actions/cache");
    const { path, key, "restore-keys": restoreKeys } = cache.step.with as Record<string, string>;
    expect(path).toBe(".cache");
    expect(key).toContain("${{ github.run_id }}");
    const prefixes = restoreKeys.trim().split("\n");
    expect(prefixes.length).toBeGreaterThan(0);
    for (const prefix of prefixes) {
      expect(key.startsWith(prefix) && !prefix.includes("run_id")).toBe(true);
    }
    expect(cache.index).toBeLessThan(runStep("npm run build").index);
  });

  it("uploads dist/ and deploys it in a second job, to the github-pages environment", () => {
    const upload = step(build, "actions/upload-pages-artifact");
    expect(upload.step.with).toEqual({ path: "dist" });
    expect(upload.index).toBeGreaterThan(runStep("npm run build").index);
    expect([deploy.needs].flat()).toEqual(["build"]);
    expect(deploy.environment).toEqual({ name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
    expect(step(deploy, "actions/deploy-pages").step.id).toBe("deployment");
  });
});

describe("GitLab Pages: .gitlab-ci.yml", () => {
  const config = yaml.load(read(".gitlab-ci.yml")) as Record<string, Record<string, unknown>>;
  type PagesJob = { rules: unknown; cache: { key: string; paths: string[] }; script: string[]; artifacts: { paths: string[] } };
  const pages = config.pages as PagesJob;

  it("is a valid configuration by GitLab's own CI schema", () => {
    // GitLab has no offline linter; its pipeline editor validates with this JSON schema (draft-07), vendored in
    // test/fixtures/schemas/ (see the README there). Unknown schema keywords are refused, but the schema's own
    // `markdownDescription`; the other strict checks are about how the schema is written, not the file.
    const ajv = new Ajv({
      allErrors: true,
      strictSchema: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      keywords: ["markdownDescription"],
    });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(read("test/fixtures/schemas/gitlab-ci.json")));
    expect(validate(config) ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  it("runs the pages job on the default branch, on Node 20", () => {
    expect(config.default.image).toBe("node:20");
    expect(pages.rules).toEqual([{ if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" }]);
  });

  it("builds with SITE_URL from the Pages address, keeping .cache/ and npm's cache between runs", () => {
    // https://docs.gitlab.com/ci/caching/: a cache is restored before the job and saved after it.
    expect(pages.cache.paths.map((p) => p.replace(/\/$/, ""))).toEqual(expect.arrayContaining([".cache", ".npm"]));
    expect(pages.script).toContain("npm ci --cache .npm --prefer-offline");
    expect(pages.script).toContain('SITE_URL="$CI_PAGES_URL/" npm run build');
  });

  it("publishes dist/ as public/, the folder every GitLab version serves", () => {
    const build = pages.script.indexOf('SITE_URL="$CI_PAGES_URL/" npm run build');
    const move = pages.script.findIndex((line) => /\bmv dist public$/.test(line));
    expect(move).toBeGreaterThan(build);
    expect(pages.artifacts.paths).toEqual(["public"]);
  });
});

describe("Netlify: netlify.toml", () => {
  it("is a valid configuration by Netlify's own code, read offline, with the build, Node 20 and the cache plugin", async () => {
    // @netlify/config is what Netlify's build and CLI read netlify.toml with; `offline` makes no API client and
    // `buildbot` mode skips the local-only steps (git, site environment). Any request would be a fault: fetch
    // is made to fail, and must not be called.
    const fetch = vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("no network in this test"));
    try {
      const { config, configPath } = await resolveConfig({
        cwd: root,
        repositoryRoot: root,
        offline: true,
        mode: "buildbot",
        branch: "main",
        context: "production",
        buffer: true,
      });
      expect(configPath).toBe(fileURLToPath(new URL("../../netlify.toml", import.meta.url)));
      expect(config.build.command).toBe("SITE_URL=$URL/ npm run build");
      expect(config.build.publish).toBe(fileURLToPath(new URL("../../dist", import.meta.url)));
      expect(config.build.environment).toEqual({ NODE_VERSION: "20" });
      // https://github.com/jakejarvis/netlify-plugin-cache: restores `paths` before the build, saves them after.
      expect(config.plugins).toEqual([{ origin: "config", package: "netlify-plugin-cache", inputs: { paths: [".cache"] } }]);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      fetch.mockRestore();
    }
  });

  it("declares no headers: the build's dist/_headers carries them", async () => {
    // Netlify's own headers parser, on netlify.toml alone; headers in both places would be merged, a second
    // source of truth.
    const { headers, errors } = await parseAllHeaders({
      headersFiles: [],
      netlifyConfigPath: fileURLToPath(new URL("../../netlify.toml", import.meta.url)),
      configHeaders: [],
      minimal: false,
    });
    expect(errors).toEqual([]);
    expect(headers).toEqual([]);
  });
});
