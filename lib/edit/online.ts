// The editor's configuration for a copy of Decap CMS put online with a git host (docs/editing.md), made from
// the same schemas: there Decap writes straight into the repository through the host's API, without this
// project's local backend, so what only that backend does is left out. Essays stay (a folder of markdown
// files is Decap's own model), their file name made by Decap from the number and the title; the fields the
// backend adds (`slug`, `translation`) go; series and authors are chosen from lists of the records as they
// are when the configuration is made (a relation needs a collection Decap can read, and a records file keyed
// by id is not one); authors, series and the site are edited with `npm run edit` or by hand.
import type { EditorConfig } from "./config.ts";
import type { EditorField } from "./fields.ts";

export const GIT_HOSTS = ["github", "gitlab", "gitea", "git-gateway"] as const;
export type GitHost = { name: (typeof GIT_HOSTS)[number]; repo?: string; branch: string };

/** "github:org/archive@main", "gitlab:group/archive", "git-gateway@main": the host, its repository and branch. */
export function parseGitHost(text: string): GitHost | undefined {
  const match = /^(github|gitlab|gitea|git-gateway)(?::([\w.-]+\/[\w./-]+?))?(?:@([\w./-]+))?$/.exec(text);
  if (!match || (match[1] !== "git-gateway" && !match[2])) return undefined;
  return { name: match[1] as GitHost["name"], ...(match[2] && { repo: match[2] }), branch: match[3] ?? "main" };
}

type Options = { label: string; value: string }[];

/** The configuration for the online copy: `config` (the local one) on `host`, with the records' ids to choose from. */
export function onlineConfig(config: EditorConfig, host: GitHost, choices: { authors: Options; series: Options }) {
  const essays = config.collections.find((c) => c.name === "essays") as { fields: EditorField[] } & Record<string, unknown>;
  const select = (options: Options, field: EditorField): EditorField => {
    const { collection: _c, value_field: _v, search_fields: _s, display_fields: _d, ...rest } = field;
    return { ...rest, widget: "select", options } as unknown as EditorField;
  };
  const fields = essays.fields
    .filter((f) => f.name !== "slug" && f.name !== "translation")
    .map((f) => {
      if (f.name === "series") return select(choices.series, f);
      if (f.name === "authors") return { ...f, fields: f.fields!.map((g) => (g.name === "id" ? select(choices.authors, g) : g)) };
      return f;
    });
  const { preview_path: _p, ...rest } = essays;
  // GitLab and Gitea sign in in the browser with PKCE: an OAuth application's id, no server of one's own.
  const pkce = host.name === "gitlab" || host.name === "gitea" ? { auth_type: "pkce", app_id: "THE-OAUTH-APPLICATION-ID" } : {};
  return {
    backend: { name: host.name, ...(host.repo && { repo: host.repo }), branch: host.branch, ...pkce },
    load_config_file: false,
    locale: config.locale,
    media_folder: config.media_folder,
    public_folder: config.public_folder,
    slug: config.slug,
    collections: [{ ...rest, slug: "{{fields.number}}-{{slug}}", fields }],
  };
}
