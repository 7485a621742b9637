// What listing pages (home, years, series, authors) show of each essay they list: a plain value, as the
// essay page's view is (./essay.ts).
import type { Essay, Tree } from "../archive/model.ts";
import type { CreditView } from "./essay.ts";

/** An essay as a list shows it, in the tree's language: its series and number, title, authors, date, and the summary where the list shows one. */
export interface EssayItemView {
  path: string;
  lang: string;
  number: number;
  title: string;
  /** Its series' title, in the tree's language. */
  series: string;
  credits: CreditView[];
  date: string;
  summary?: string;
}

/** Each essay of a list in `tree`; with `summaries`, each with its summary. */
export function essayItems(tree: Tree, essays: readonly Essay[], { summaries = false } = {}): EssayItemView[] {
  return essays.map((essay) => ({
    path: essay.path,
    lang: essay.lang,
    number: essay.number,
    title: essay.title,
    series: essay.series.titleIn(tree.lang),
    credits: essay.credits.map(({ author }) => ({ name: author.nameIn(tree.lang), path: tree.authorView(author).path })),
    date: essay.date,
    ...(summaries && essay.summary !== undefined && { summary: essay.summary }),
  }));
}
