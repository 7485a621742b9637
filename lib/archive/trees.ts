// An archive in several languages (site.json's `languages`) has a tree of pages per language: its own
// home, years, authors, series and search pages, listing that language's essays, under a prefix for every
// language but the site's (`ja/index.html`). Essay pages stay where they are, in their language's tree.
// With one language there is one tree, and it is the archive's own lists: the same pages as ever.
import { isLanguage } from "../content/languages.ts";
import { Author, Series, Year, type Archive, type Essay, type Tree } from "./model.ts";

// The Tree type lives with the model (an Archive holds its trees); templates import it from here.
export type { Tree } from "./model.ts";

/** The tree an essay's page belongs to: its language's, else the site language's. */
export function treeOf(archive: Archive, essay: Essay): Tree {
  const { trees } = archive;
  return trees.find((tree) => tree !== trees[0] && isLanguage(essay.lang, tree.lang)) ?? trees[0]!;
}

/** The archive's trees, the site language's first (lib/archive/link.ts sets them as `archive.trees`). */
export function makeTrees(archive: Archive): Tree[] {
  const { site } = archive;
  const others = Object.entries(site.languages ?? {});
  const home: Tree = {
    lang: site.language,
    prefix: "",
    title: site.title,
    description: site.description,
    essays: archive.essays,
    authors: archive.authors,
    years: archive.years,
    series: archive.series,
    authorView: (author) => author,
    seriesView: (series) => series,
  };
  if (others.length === 0) return [home];
  const writtenIn = (lang: string) => (essay: Essay) => isLanguage(essay.lang, lang);
  const isOther = (essay: Essay) => others.some(([lang]) => writtenIn(lang)(essay));
  return [
    view(home, (essay) => !isOther(essay), true),
    ...others.map(([lang, { title, description }]) => view({ ...home, lang, prefix: `${lang}/`, title, description }, writtenIn(lang), false)),
  ];
}

/** A tree of the essays `keep` takes: authors, years and series with those essays (and, at home, those with none). */
function view(tree: Tree, keep: (essay: Essay) => boolean, home: boolean): Tree {
  const essays = tree.essays.filter(keep);
  const authors = new Map<Author, Author>();
  for (const author of tree.authors) {
    const own = author.essays.filter(keep);
    if (own.length > 0 || (home && author.essays.length === 0)) {
      authors.set(author, Object.assign(Object.create(Author.prototype) as Author, author, { essays: own, path: tree.prefix + author.path }));
    }
  }
  const series = new Map<Series, Series>();
  for (const s of tree.series) {
    const own = s.essays.filter(keep);
    if (own.length > 0 || (home && s.essays.length === 0))
      series.set(s, Object.assign(Object.create(Series.prototype) as Series, s, { essays: own, path: tree.prefix + s.path }));
  }
  const years = tree.years.flatMap((year) => {
    const own = year.essays.filter(keep);
    return own.length > 0 ? [Object.assign(new Year(year.year, own), { path: tree.prefix + year.path })] : [];
  });
  return {
    ...tree,
    essays,
    authors: [...authors.values()],
    years,
    series: [...series.values()],
    authorView: (author) => authors.get(author) ?? author,
    seriesView: (s) => series.get(s) ?? s,
  };
}

/** A path of the tree's own pages (its home, years, authors, series and search pages): under its prefix. */
export const inTree = (tree: Pick<Tree, "prefix">, path: string): string => tree.prefix + path;
