// The editor's local backend: Decap CMS's proxy protocol (POST /api/v1 { action, params }, as decap-server's
// local file-system mode speaks it: https://github.com/decaporg/decap-cms/tree/main/packages/decap-server),
// answered from the content root. Unlike decap-server, it writes nothing the build would refuse: every save
// is checked first by the build's own checks (./checks.ts), and refused in their words; and it writes only
// what changed (./front-matter.ts, ./records.ts), so what the editor did not touch keeps its bytes.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import matter from "gray-matter";
import { stringify } from "yaml";
import type { ZodType } from "zod";
import { checkFigure, figureName } from "../bodies/figures.ts";
import { formatProblem } from "../content/problems.ts";
import { contentText, essayFileName, frontMatterOptions, listEssays, NotUtf8Error, type RecordTexts } from "../content/read.ts";
import { CONTENT } from "../paths/layout.ts";
import { contentChecks, type Overlay } from "./checks.ts";
import { CONTENT_SCHEMAS, EDITOR_PATHS, type EditorSchemas } from "./config.ts";
import { newFile, spliceFile } from "./front-matter.ts";
import { nextNumbers } from "./numbers.ts";
import { setJson, spliceRecord } from "./records.ts";
import { fromEditor, sameValue, toEditor } from "./shapes.ts";
import { entryOf, linkTranslation, translationKeys, translationsOf, type Link } from "./translations.ts";

/** What the protocol answers: a status and a JSON body; an error's body is `{ error }`, which Decap shows. */
export interface Answer {
  status: number;
  json: unknown;
}

/** A refusal, in the build's words: answered 422, shown by Decap as the save's failure. */
class Refused extends Error {}

const sha = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

interface DataFile {
  path: string;
  raw: string;
}
interface Asset {
  path: string;
  content: string;
  encoding: "base64";
}

/** The record files shown as folders of entries: which file, and which schema its records follow. */
const RECORD_FOLDERS = {
  [EDITOR_PATHS.authors]: { file: "authors.json", schema: "author" },
  [EDITOR_PATHS.series]: { file: "series.json", schema: "series" },
} as const satisfies Record<string, { file: keyof RecordTexts; schema: keyof EditorSchemas }>;

export function editorBackend(root: string, schemas: EditorSchemas = CONTENT_SCHEMAS) {
  const checks = contentChecks(root);
  const shape = schemas.essay.shape as Record<string, ZodType>;
  /** A content file's text, strictly UTF-8 as the build reads it: a file in another encoding is refused, never rewritten. */
  const readText = async (path: string) => {
    const text = contentText(path, await readFile(join(root, path)));
    if (text instanceof NotUtf8Error) throw new Refused(formatProblem(text.problem));
    return text;
  };
  /** readText, or undefined when there is no such file (a new essay). */
  const readIfThere = (path: string) =>
    readText(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
  const readJson = async (path: string): Promise<Record<string, unknown>> => {
    const value: unknown = JSON.parse(await readText(path));
    return isObject(value) ? value : {};
  };

  /** A record folder's path ("_data/authors/keiko-iizuka.json") as its file, schema and id. */
  function recordAt(path: string) {
    const folder = dirname(path);
    const kind = RECORD_FOLDERS[folder as keyof typeof RECORD_FOLDERS];
    const id = /^([^/]+)\.json$/.exec(basename(path))?.[1];
    return kind && id ? { ...kind, path: `${CONTENT.data}/${kind.file}`, id } : undefined;
  }

  /** An entry as Decap reads it: the file's text in the editor's shape (./shapes.ts), or null when there is none. */
  async function entryAt(path: string, keys?: Map<string, string>): Promise<{ data: string | null; file: { path: string; id: string | null } }> {
    try {
      const record = recordAt(path);
      if (record) {
        const all = await readJson(record.path);
        if (!(record.id in all)) throw new Error("no such record");
        const data = JSON.stringify({ id: record.id, ...(toEditor(schemas[record.schema], all[record.id]) as object) }, null, 2);
        return { data, file: { path, id: sha(data) } };
      }
      const text = await readText(path);
      if (path === EDITOR_PATHS.site) {
        const data = JSON.stringify(toEditor(schemas.site, JSON.parse(text)), null, 2);
        return { data, file: { path, id: sha(text) } };
      }
      if (dirname(path) === EDITOR_PATHS.essays)
        return { data: essayForEditor(path, text, keys ?? (await translationKeys(root))), file: { path, id: sha(text) } };
      return { data: text, file: { path, id: sha(text) } };
    } catch {
      return { data: null, file: { path, id: null } };
    }
  }

  /** An essay's front matter in the editor's shape, with its file name's slug and its translation (./translations.ts), then its body. */
  function essayForEditor(path: string, text: string, keys: Map<string, string>): string {
    const slug = essayFileName(basename(path))?.slug ?? "";
    const translation = translationsOf(keys, path)[0];
    try {
      const parsed = matter(text, frontMatterOptions);
      const data = { slug, ...(toEditor(schemas.essay, parsed.data) as object), ...(translation && { translation: entryOf(translation) }) };
      return `---\n${stringify(data, { lineWidth: 0 })}---\n${parsed.content}`;
    } catch {
      return text;
    }
  }

  async function entriesByFolder(folder: string): Promise<unknown[]> {
    if (folder === EDITOR_PATHS.essays) {
      const keys = await translationKeys(root);
      return Promise.all((await listEssays(root)).files.map((file) => entryAt(file, keys)));
    }
    const kind = RECORD_FOLDERS[folder as keyof typeof RECORD_FOLDERS];
    if (!kind) return [];
    const all = await readJson(`${CONTENT.data}/${kind.file}`).catch(() => ({}));
    return Promise.all(Object.keys(all).map((id) => entryAt(`${folder}/${id}.json`)));
  }

  /** Refuses the save when it would add a problem the build reports; a number taken, with the series' next free one. */
  async function check(overlay: Overlay): Promise<void> {
    const added = await checks.added(overlay);
    if (added.length === 0) return;
    const taken = added.map((p) => / \(number\): ([a-z0-9-]+) No\.\d+ is also /.exec(p)?.[1]).filter((s): s is string => s !== undefined);
    const next = taken.length ? await nextNumbers(root, taken) : {};
    throw new Refused([...added, ...Object.entries(next).map(([series, n]) => `(the next free number in ${series} is ${n})`)].join("\n"));
  }

  /** The figure's name (relative to the figures folder) of a media path, or a refusal in the build's words. */
  function figureAt(path: string): string {
    const prefix = `${EDITOR_PATHS.figures}/`;
    const named = path.startsWith(prefix) ? figureName(path.slice(prefix.length)) : { why: `${path} is not in ${EDITOR_PATHS.figures}/` };
    if ("why" in named) throw new Refused(`figure ${named.why}`);
    return named.name;
  }

  /** The figures a save brings, checked by the build's check of each figure's bytes. */
  function figuresOf(assets: Asset[]): Map<string, Uint8Array> {
    const figures = new Map<string, Uint8Array>();
    for (const asset of assets) {
      const name = figureAt(asset.path);
      const bytes = Buffer.from(asset.content, "base64");
      const checked = checkFigure(name, bytes);
      if ("why" in checked) throw new Refused(`figure ${checked.why}`);
      figures.set(name, bytes);
    }
    return figures;
  }

  /**
   * The essay files the editor's text makes: the essay (the old file with only the changed fields rewritten,
   * or a new one) and, when its translation changed, the other essay with the key they now share.
   */
  async function essayTexts(path: string, raw: string): Promise<[string, string][]> {
    const edited = matter(raw, frontMatterOptions);
    const { slug: _slug, translation, ...data } = edited.data as Record<string, unknown>;
    const typedKey = fromEditor(shape.translationKey!, data.translationKey);
    let link: Link;
    try {
      link = linkTranslation(
        await translationKeys(root),
        path,
        typeof translation === "string" ? translation : "",
        typeof typedKey === "string" ? typedKey : undefined,
      );
    } catch (error) {
      throw new Refused((error as Error).message);
    }
    data.translationKey = link.key;
    const texts: [string, string][] = [[path, await written(path, data, edited.content)]];
    if (link.other) {
      const other = await readIfThere(link.other.file);
      if (other === undefined) throw new Refused(`${path} (translation): ${link.other.file} is not there`);
      const otherData = { ...(matter(other, frontMatterOptions).data as Record<string, unknown>), translationKey: link.other.key };
      texts.push([link.other.file, await written(link.other.file, otherData, undefined)]);
    }
    return texts;
  }

  /** `data` (the editor's shape) written into the file at `path`, or a new file; `body` undefined: the file's own. */
  async function written(path: string, data: Record<string, unknown>, body: string | undefined): Promise<string> {
    const order = Object.keys(shape);
    const old = await readIfThere(path);
    if (old === undefined) {
      const fields = order.map((k) => [k, fromEditor(shape[k]!, data[k])] as [string, unknown]).filter(([, v]) => v !== undefined);
      return newFile(fields, body ?? "");
    }
    const before = matter(old, frontMatterOptions);
    const set = new Map<string, unknown>();
    const remove = new Set<string>();
    for (const key of order) {
      if (sameValue(shape[key]!, (before.data as Record<string, unknown>)[key], data[key])) continue;
      const value = fromEditor(shape[key]!, data[key]);
      if (value === undefined) remove.add(key);
      else set.set(key, value);
    }
    const changedBody = body === undefined || before.content.trim() === body.trim() ? undefined : body;
    return spliceFile(old, { set, remove, order, body: changedBody });
  }

  /** A records file with one record's changed fields written (all of them for a new record). */
  async function recordText(file: string, id: string | undefined, schema: keyof EditorSchemas, raw: string): Promise<string> {
    const text = await readText(file);
    const all = JSON.parse(text) as Record<string, unknown>;
    const { id: givenId, ...data } = JSON.parse(raw) as Record<string, unknown>;
    if (id !== undefined && id in all && givenId !== undefined && givenId !== id) {
      throw new Refused(`${file} (${id}): an id cannot be changed in the editor: essays refer to it by "${id}"`);
    }
    const fields = schemas[schema].shape as Record<string, ZodType>;
    const old = (id === undefined ? all : all[id]) as Record<string, unknown> | undefined;
    if (id !== undefined && old === undefined) {
      const record = Object.fromEntries(Object.keys(fields).flatMap((k) => ((v) => (v === undefined ? [] : [[k, v]]))(fromEditor(fields[k]!, data[k]))));
      return setJson(text, [id], record);
    }
    const changes = Object.keys(fields)
      .filter((k) => !sameValue(fields[k]!, old?.[k], data[k]))
      .map((k) => [k, fromEditor(fields[k]!, data[k])] as [string, unknown]);
    return spliceRecord(text, id === undefined ? [] : [id], changes);
  }

  async function persistEntry(dataFiles: DataFile[], assets: Asset[]): Promise<void> {
    const figures = figuresOf(assets);
    const overlay: Overlay = { figures, essays: new Map(), records: {} };
    const writes: [string, string | Uint8Array][] = [];
    for (const { path, raw } of dataFiles) {
      const record = recordAt(path);
      if (record) {
        const text = await recordText(record.path, record.id, record.schema, raw);
        overlay.records![record.file] = text;
        writes.push([record.path, text]);
      } else if (path === EDITOR_PATHS.site) {
        const text = await recordText(path, undefined, "site", raw);
        overlay.records!["site.json"] = text;
        writes.push([path, text]);
      } else if (dirname(path) === EDITOR_PATHS.essays) {
        for (const [file, text] of await essayTexts(path, raw)) {
          overlay.essays!.set(file, text);
          writes.push([file, text]);
        }
      } else throw new Refused(`${path} is not a file the editor writes`);
    }
    await check(overlay);
    for (const [name, bytes] of figures) writes.push([`${EDITOR_PATHS.figures}/${name}`, bytes]);
    for (const [path, content] of writes) {
      await writeWhole(join(root, path), content);
    }
  }

  async function deleteFile(path: string): Promise<void> {
    const record = recordAt(path);
    if (record) {
      const text = setJson(await readText(record.path), [record.id], undefined);
      await check({ records: { [record.file]: text } });
      await writeWhole(join(root, record.path), text);
    } else if (dirname(path) === EDITOR_PATHS.essays) {
      await check({ essays: new Map([[path, null]]) });
      await unlink(join(root, path));
    } else if (path.startsWith(`${EDITOR_PATHS.figures}/`)) {
      const name = figureAt(path);
      await check({ figures: new Map([[name, null]]) });
      await unlink(join(root, path));
    } else throw new Refused(`${path} is not a file the editor deletes`);
  }

  async function mediaFile(path: string) {
    const bytes = await readFile(join(root, path));
    return { id: sha(bytes), content: bytes.toString("base64"), encoding: "base64", path, name: basename(path) };
  }

  async function media(folder: string) {
    const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
    return Promise.all(entries.filter((e) => e.isFile() && !e.name.startsWith(".")).map((e) => mediaFile(`${folder}/${e.name}`)));
  }

  async function answer(action: string, params: Record<string, unknown>): Promise<unknown> {
    switch (action) {
      case "info":
        return { repo: basename(root), publish_modes: ["simple"], type: "local_fs" };
      case "entriesByFolder":
        return entriesByFolder(String(params.folder));
      case "entriesByFiles": {
        const keys = await translationKeys(root);
        return Promise.all((params.files as { path: string }[]).map((f) => entryAt(f.path, keys)));
      }
      case "getEntry":
        return entryAt(String(params.path));
      case "persistEntry": {
        const dataFiles = (params.dataFiles ?? [params.entry]) as DataFile[];
        await persistEntry(dataFiles, (params.assets ?? []) as Asset[]);
        return { message: "entry persisted" };
      }
      case "getMedia":
        return media(String(params.mediaFolder));
      case "getMediaFile":
        return mediaFile(String(params.path));
      case "persistMedia": {
        const asset = params.asset as Asset;
        const figures = figuresOf([asset]);
        for (const [name, bytes] of figures) await writeWhole(join(root, EDITOR_PATHS.figures, name), bytes);
        return mediaFile(asset.path);
      }
      case "deleteFile":
        await deleteFile(String(params.path));
        return { message: `deleted file ${String(params.path)}` };
      case "deleteFiles":
        for (const path of params.paths as string[]) await deleteFile(path);
        return { message: "deleted files" };
      case "getDeployPreview":
        return null;
      default:
        throw new Refused(`Unknown action ${action}`);
    }
  }

  return {
    /** One request's answer: the protocol's JSON, or `{ error }` (422 for a refusal, 500 for a failure). */
    async handle(body: unknown): Promise<Answer> {
      if (!isObject(body) || typeof body.action !== "string") return { status: 422, json: { error: "expected { action, params }" } };
      const params = isObject(body.params) ? body.params : {};
      const named = [
        params.path,
        params.folder,
        params.mediaFolder,
        ...(Array.isArray(params.dataFiles) ? params.dataFiles.map((f) => (isObject(f) ? f.path : f)) : []),
      ];
      for (const path of named) {
        if (path !== undefined && (typeof path !== "string" || !insideRoot(path)))
          return { status: 422, json: { error: `${String(path)} is outside the content root` } };
      }
      try {
        return { status: 200, json: await answer(body.action, params) };
      } catch (error) {
        if (error instanceof Refused) return { status: 422, json: { error: error.message } };
        return { status: 500, json: { error: error instanceof Error ? error.message : String(error) } };
      }
    },
  };
}

/**
 * A file written whole or not at all: into a hidden file beside it, then renamed over it, so that the dev
 * server watching the folder (and anyone reading it) never sees half a file. Hidden files are passed over
 * by the build (lib/content/read.ts, listEssays).
 */
async function writeWhole(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = join(dirname(path), `.${basename(path)}.saving-${process.pid}`);
  await writeFile(partial, content);
  await rename(partial, path);
}

/** A path the protocol may name: relative, inside the content root, without `..`. */
const insideRoot = (path: string) => path !== "" && !path.startsWith("/") && !path.includes("\\") && !path.split("/").includes("..");

export type EditorBackend = ReturnType<typeof editorBackend>;
