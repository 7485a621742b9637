// The one owner of what is remembered between loads. A build loads once; the dev server loads again after
// every change, and reuses what the change cannot have touched: essays whose file is unchanged are not
// parsed or rendered again, and `loader.toWrite` names the only pages an essay edit can have changed.
import { existsSync, statSync, readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { CONTENT } from "../paths/layout.ts";
import { beside } from "./browse.ts";
import { treeOf } from "./trees.ts";
import { BODIES_SHELF, renderedBodyKey, RenderedBodySchema } from "../bodies/cached.ts";
import { cachedFigureCheck, figureReferences, readFigures } from "../bodies/figures.ts";
import { createMarkdown, renderBody, type RenderedBody } from "../bodies/markdown.ts";
import { cacheShelf, type CacheDir } from "../cache/cache.ts";
import { checkLanguages, checkTranslations, linkArchive, withoutDuplicates, withSiteUrl } from "./link.ts";
import type MarkdownIt from "markdown-it";
import type { Archive, Author, Essay, Year } from "./model.ts";
import { pageStrings, wordsProblems, type Strings } from "../words/strings.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { contentText, listEssays, NotUtf8Error, parseEssay, parseRecords, readRecordTexts, type EssaySource, type FigureSizes } from "../content/read.ts";

export interface LoaderOptions {
  /** Overrides site.json's `url` for a deployment: SITE_URL as the command checked it (lib/commands/args.ts, `checkSiteUrl`). */
  siteUrl?: string;
  /** Remember essays between loads (the dev server). A build loads once and keeps nothing. */
  remember?: boolean;
  /** The build cache, where rendered bodies are kept between builds; `false` for none. */
  cache: CacheDir;
}

/** The essay, author and year pages to write: all of them, or those an edit in the dev server changed. */
export interface PagesToWrite {
  essays: Essay[];
  authors: Author[];
  years: Year[];
  /** Every page: the archive's own lists. After such a load the dev server removes the pages it no longer has. */
  all: boolean;
}

/** Every essay, author and year page of the archive. */
export const everyPage = (archive: Archive): PagesToWrite => ({ essays: archive.essays, authors: archive.authors, years: archive.years, all: true });

export interface ArchiveLoader {
  /**
   * Reads, validates and links the whole archive, or throws a ContentError listing every problem.
   * `changed`: the files whose change caused this load (the dev server's); when they are all essays,
   * unchanged essays are reused. Without it, everything is read again.
   */
  load(changed?: string[]): Promise<Archive>;
  /** The pages the last load can have changed: every one, unless it reused what an essay edit did not touch. */
  readonly toWrite: PagesToWrite;
  /** Rendered bodies read from the build cache, and rendered, since the loader was made. */
  readonly bodies: { hits: number; misses: number };
}

export function createArchiveLoader(root: string, options: LoaderOptions): ArchiveLoader {
  const essaysDir = resolve(root, CONTENT.essays) + sep;
  let md: MarkdownIt | undefined;
  /** A renderer for each language of words bodies are rendered in. */
  const renderers = new Map<string, MarkdownIt>();
  const bodies = cacheShelf(options.cache, BODIES_SHELF, RenderedBodySchema);
  const figureChecks = cachedFigureCheck(options.cache);
  /** From the build cache, or rendered (and kept there), with the words of the essay's language. */
  const render = (text: string, figures: FigureSizes, words: Strings): RenderedBody => {
    const key = renderedBodyKey(words.lang, text, figures);
    const known = bodies.get(key);
    if (known) return known;
    let renderer = renderers.get(words.lang);
    if (!renderer) renderers.set(words.lang, (renderer = createMarkdown(words)));
    const body = renderBody(renderer, text, figures);
    bodies.set(key, body);
    return body;
  };
  /** Valid essays by file, with the stamp they were read at, valid against `recordsText`. */
  const parsed = new Map<string, { stamp: string; source: EssaySource }>();
  let recordsText = "";
  const rendered = new WeakMap<EssaySource, RenderedBody>();
  let previous = new Map<string, Essay>();
  let previousArchive: Archive | undefined;
  let toWrite: PagesToWrite = { essays: [], authors: [], years: [], all: true };

  return {
    bodies: bodies.counts,
    get toWrite() {
      return toWrite;
    },
    async load(changed) {
      const onlyEssays = changed?.every((f) => resolve(f).startsWith(essaysDir));
      const texts = await readRecordTexts(root);
      const records = parseRecords(texts);
      const listed = await listEssays(root);
      // The pages' words (lib/words/) are checked with the content: a missing one stops the build too.
      const problems: Problem[] = [...wordsProblems(), ...records.problems, ...listed.problems];
      if (existsSync(join(root, CONTENT.importJournal))) {
        problems.push({
          file: CONTENT.importStaging,
          message: "an import is being written into the archive, or was interrupted: wait for it, or run `npm run import` to finish it",
        });
      }

      const text = Object.values(texts).map(String).join("\0");
      if (!onlyEssays || text !== recordsText || !options.remember) parsed.clear();
      recordsText = text;
      const sources: EssaySource[] = [];
      for (const file of listed.files) {
        const path = join(root, file);
        let stamp = "";
        if (options.remember) {
          const { mtimeMs, size } = statSync(path);
          stamp = `${mtimeMs}:${size}`;
        }
        const known = parsed.get(file);
        if (known?.stamp === stamp) {
          sources.push(known.source);
          continue;
        }
        // One after another: for thousands of small files this is several times faster than in parallel.
        const text = contentText(file, readFileSync(path));
        const result = text instanceof NotUtf8Error ? { problems: [text.problem] } : parseEssay(file, text, records.known);
        problems.push(...result.problems);
        // Every image in markdown is written `![…`: a body without one is not parsed a second time to look.
        const images = result.body?.text.includes("![") ? figureReferences((md ??= createMarkdown()), result.body.text) : [];
        const figures = result.body && readFigures(root, file, result.body.line, images, figureChecks.check);
        if (figures) problems.push(...figures.problems);
        if (!result.essay || !figures || figures.problems.length) continue;
        const source = { ...result.essay, figures: figures.sizes };
        sources.push(source);
        if (options.remember) parsed.set(file, { stamp, source });
      }
      const unique = withoutDuplicates(sources, problems);
      // With every essay read: an essay that failed would leave its translation looking unpaired.
      if (records.site) checkLanguages(records.site, problems);
      if (records.site && problems.length === 0) checkTranslations(unique, records.site.language, problems);
      const site = records.site && withSiteUrl(records.site, options.siteUrl);
      if (problems.length > 0 || !site || !records.authors || !records.series) throw new ContentError(problems);
      figureChecks.keep();

      const edited = new Set<string>();
      const archive = linkArchive({ site, authors: records.authors, series: records.series }, unique, (source) => {
        let body = rendered.get(source);
        if (body === undefined) {
          body = render(source.body, source.figures, pageStrings(site, source.frontMatter.lang));
          rendered.set(source, body);
          edited.add(source.file);
        }
        return body;
      });
      const current = new Map(archive.essays.map((e) => [e.file, e]));
      toWrite = options.remember && previousArchive ? toWriteSince(previousArchive, archive, edited, previous, current) : everyPage(archive);
      previous = options.remember ? current : new Map();
      previousArchive = options.remember ? archive : undefined;
      return archive;
    },
  };
}

/**
 * What an edit can have changed since the previous load: after one essay is edited, only its page, its
 * neighbours', those that show it as just newer or older by one of its authors (lib/views/essay.ts), its
 * authors' and its year's need writing again (the home and index pages always are).
 * Anything else makes every page one to write: a first load, a load that reuses nothing, an essay added or
 * removed, and an edit that moves an essay (a new address, language, year or authors), which can leave a
 * page the archive no longer has (its old address, a year or listing page emptied); after such a load the
 * dev server removes those (lib/orchestration/dev-server.ts).
 */
export function toWriteSince(before: Archive, after: Archive, edited: Set<string>, previous: Map<string, Essay>, current: Map<string, Essay>): PagesToWrite {
  const all = everyPage(after);
  const sameFiles = previous.size === current.size && [...current.keys()].every((f) => previous.has(f));
  if (!sameFiles || edited.size === current.size) return all;
  const place = (e: Essay) => JSON.stringify([e.path, e.lang, e.year, e.authors.map((a) => a.id)]);
  if ([...edited].some((file) => place(previous.get(file)!) !== place(current.get(file)!))) return all;
  const essays = new Set<Essay>();
  const authorIds = new Set<string>();
  const years = new Set<number>();
  for (const file of edited) {
    for (const [archive, version] of [
      [before, previous.get(file)!],
      [after, current.get(file)!],
    ] as const) {
      for (const essay of [version, version.prev, version.next]) if (essay) essays.add(current.get(essay.file)!);
      const tree = treeOf(archive, version);
      for (const author of version.authors) {
        authorIds.add(author.id);
        // The pages that show it as just newer or older by this author, before the edit and after.
        const { newer, older } = beside(tree.authorView(author).essays, version);
        for (const essay of [newer, older]) if (essay) essays.add(current.get(essay.file)!);
      }
      years.add(version.year);
    }
  }
  return {
    essays: [...essays],
    authors: all.authors.filter((a) => authorIds.has(a.id)),
    years: all.years.filter((y) => years.has(y.year)),
    all: false,
  };
}
