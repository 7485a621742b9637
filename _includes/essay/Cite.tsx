import { downloadTypes, type Downloads, type References } from "../../lib/cite/types.ts";
import { stylesFor } from "../../lib/cite/styles.ts";
import { paths } from "../../lib/paths/urls.ts";
import { BY_EXTENSION } from "../../lib/http/rules.ts";
import { Link, useHref } from "../here.tsx";
import { usePage } from "../page-context.tsx";

const DOWNLOADS = ["bibtex", "ris", "cslJson"] as const;
const PDF = BY_EXTENSION.pdf!;

/**
 * "Cite this": the reference in each style the essay is cited in, the files a reference manager imports
 * (`downloads`, their paths), and the essay's PDF (`pdf`, its path) when the archive makes them.
 */
export function Cite({
  lang,
  downloads,
  references,
  pdf,
}: {
  lang: string;
  downloads: Record<keyof Downloads, string>;
  references: References;
  pdf?: string | undefined;
}) {
  const href = useHref();
  const { words } = usePage();
  return (
    <section class="cite" aria-labelledby="cite-title">
      <h2 id="cite-title">{words.text("essay.cite")}</h2>
      <dl>
        {stylesFor(lang).map((style) => (
          <>
            <dt>{words.text(`cite.${style}`)}</dt>
            <dd>
              <p class="cite-reference" id={`cite-${style}`}>
                {references[style]}
              </p>
            </dd>
          </>
        ))}
      </dl>
      <ul class="cite-downloads" aria-label={words.text(pdf ? "essay.downloadsWithPdf" : "essay.downloads")}>
        {pdf && (
          <li>
            <Link to={pdf} type={PDF.type} download>
              {words.text("cite.pdf")}
            </Link>
          </li>
        )}
        {DOWNLOADS.map((format) => (
          <li>
            <Link to={downloads[format]} type={downloadTypes[format].mediaType} download>
              {words.text(`cite.${format}`)}
            </Link>
          </li>
        ))}
      </ul>
      <script src={href(paths.citeScript)} defer />
    </section>
  );
}
