import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cslRecord, dateParts } from "../../lib/cite/csl.ts";
import { downloads, references } from "../../lib/cite/formats.ts";
import { essayJsonLd, jsonLdScript } from "../../lib/cite/json-ld.ts";
import { readStyleXml, referenceStyles, singleItemStyle, styleSources } from "../../lib/cite/styles.ts";
import type { CitableEssay } from "../../lib/cite/types.ts";

const URL_201 = "https://example.org/archive/essays/ajiss-commentary/201.html";
const PUBLISHER = "The Association of Japanese Institutes of Strategic Studies";

const no201: CitableEssay = {
  id: "ajiss-commentary-201",
  title: "What the US Now Craves from Japan",
  number: 201,
  date: "2014-08-01",
  lang: "en",
  authors: [{ name: "Keiko Iizuka", family: "Iizuka", given: "Keiko", pageUrl: "https://example.org/archive/authors/keiko-iizuka.html" }],
  series: {
    title: "AJISS-Commentary",
    publisher: PUBLISHER,
    institution: "The Japan Institute of International Affairs",
    url: "https://example.org/archive/series/ajiss-commentary.html",
  },
  url: URL_201,
  copyright: "©Copyright 2007 The Association of Japanese Institutes of Strategic Studies All Right Reserved.",
};

/** No.201 as it is before the site URL is known. */
const { url: _url, ...no201WithoutUrl } = no201;
const withoutUrls: CitableEssay = {
  ...no201WithoutUrl,
  authors: no201.authors.map(({ pageUrl: _pageUrl, ...a }) => a),
  series: { ...no201.series, url: undefined },
};

/** The first item of a citation file, read back by Citation.js. */
function readBack(text: string | object): Record<string, unknown> {
  const [item] = new Cite(text).data;
  if (!item) throw new Error("Citation.js read no item");
  return item;
}

describe("CSL-JSON record", () => {
  it("describes No.201 as a numbered report in its series, published by the series' publisher", () => {
    expect(cslRecord(no201)).toEqual({
      id: "ajiss-commentary-201",
      type: "report",
      title: "What the US Now Craves from Japan",
      number: "201",
      issued: { "date-parts": [[2014, 8, 1]] },
      author: [{ family: "Iizuka", given: "Keiko" }],
      publisher: PUBLISHER,
      "collection-title": "AJISS-Commentary",
      language: "en",
      URL: URL_201,
    });
  });
  it("leaves out what is not known, and never has an accessed date", () => {
    const record = cslRecord(withoutUrls);
    expect(record).not.toHaveProperty("URL");
    expect(record).not.toHaveProperty("ISSN");
    expect(record).not.toHaveProperty("accessed");
    expect(JSON.stringify(record)).not.toContain("undefined");
  });
  it("adds the ISSN and the summary when given, and a single-name author by family name alone", () => {
    const record = cslRecord({
      ...no201,
      summary: "Why Washington wants Tokyo to do more.",
      series: { ...no201.series, issn: "1234-5678" },
      authors: [{ name: "Plato", family: "Plato" }],
    });
    expect(record.ISSN).toBe("1234-5678");
    expect(record.abstract).toBe("Why Washington wants Tokyo to do more.");
    expect(record.author).toEqual([{ family: "Plato" }]);
  });
  it("refuses a date that is not a real YYYY-MM-DD date", () => {
    expect(dateParts("2014-08-01")).toEqual([2014, 8, 1]);
    for (const bad of ["2014-8-1", "2014-02-30", "01/08/2014", ""]) expect(() => dateParts(bad)).toThrow();
  });
});

describe("references", () => {
  it("gives No.201 in APA 7: author, year, title, (series and number), publisher, URL", () => {
    expect(references(no201).apa).toBe(
      "Iizuka, K. (2014). What the US Now Craves from Japan (AJISS-Commentary No. 201). " +
        "The Association of Japanese Institutes of Strategic Studies. https://example.org/archive/essays/ajiss-commentary/201.html",
    );
  });
  it("gives No.201 in Chicago author-date and MLA", () => {
    const { chicago, mla } = references(no201);
    expect(chicago).toBe(
      "Iizuka, Keiko. 2014. What the US Now Craves from Japan. AJISS-Commentary No. 201. " +
        "The Association of Japanese Institutes of Strategic Studies. https://example.org/archive/essays/ajiss-commentary/201.html.",
    );
    expect(mla).toBe(
      "Iizuka, Keiko. What the US Now Craves from Japan. AJISS-Commentary no. 201, " +
        "The Association of Japanese Institutes of Strategic Studies, 1 Aug. 2014, https://example.org/archive/essays/ajiss-commentary/201.html.",
    );
  });
  it("leaves the URL out when it is not known", () => {
    const refs = references(withoutUrls);
    expect(refs.apa).toBe(
      "Iizuka, K. (2014). What the US Now Craves from Japan (AJISS-Commentary No. 201). The Association of Japanese Institutes of Strategic Studies.",
    );
    for (const ref of Object.values(refs)) expect(ref).not.toContain("http");
  });
  describe("whatever the date", () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    it("are the same, and never say when they were retrieved or accessed", () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2030-01-02T03:04:05Z"));
      const later = { refs: references(no201), files: downloads(no201) };
      vi.setSystemTime(new Date("2015-06-07T00:00:00Z"));
      expect({ refs: references(no201), files: downloads(no201) }).toEqual(later);
      const all = JSON.stringify(later);
      expect(all).not.toMatch(/retrieved|accessed|2030|2015/i);
    });
  });

  it("name every author", () => {
    const refs = references({
      ...no201,
      authors: [
        { name: "Keiko Iizuka", family: "Iizuka", given: "Keiko" },
        { name: "Plato", family: "Plato" },
      ],
    });
    expect(refs.apa).toMatch(/^Iizuka, K., & Plato\. \(2014\)\./);
    expect(refs.chicago).toMatch(/^Iizuka, Keiko, and Plato\. 2014\./);
    expect(refs.mla).toMatch(/^Iizuka, Keiko, and Plato\. /);
  });
  it("title-case an English title for Chicago and MLA, and leave another language's title alone", () => {
    const english = references({ ...no201, title: "the alliance after the election" });
    expect(english.chicago).toContain("The Alliance after the Election.");
    expect(english.mla).toContain("The Alliance after the Election.");
    const french = references({ ...no201, lang: "fr", title: "la politique étrangère du Japon" });
    expect(french.chicago).toContain(" la politique étrangère du Japon.");
    expect(french.apa).toContain(" la politique étrangère du Japon (AJISS-Commentary No. 201)");
  });
  it("cite a romanised author of a Japanese essay family name first, with a comma", () => {
    const refs = references({ ...no201, lang: "ja", title: "米国が今日本に求めるもの" });
    expect(refs.apa).toBe(
      "Iizuka, K. (2014). 米国が今日本に求めるもの (AJISS-Commentary No. 201). The Association of Japanese Institutes of Strategic Studies. " + URL_201,
    );
    expect(refs.chicago).toMatch(/^Iizuka, Keiko\. 2014\. 米国が今日本に求めるもの\./);
  });
});

describe("one-item styles", () => {
  it("format a reference exactly as the full styles do", () => {
    const csl = plugins.config.get("@csl");
    const item = { ...cslRecord(no201), genre: "AJISS-Commentary" };
    const items = [
      item,
      { ...item, id: "b", URL: undefined, title: "the alliance: a “new” era? & <b>bold</b> claims" },
      { ...item, id: "c", author: [{ family: "飯塚", given: "恵子" }, { family: "Plato" }, { family: "Ünal", given: "Zoë" }, { family: "Doe", given: "J." }] },
      { ...item, id: "d", issued: { "date-parts": [[1999, 12, 31]] }, title: '<span class="nocase">la politique étrangère</span>' },
    ];
    for (const style of [...referenceStyles, "sist02"] as const) {
      const { builtIn, file, locale, localeFile } = styleSources[style];
      const full = file ? readStyleXml(file) : csl.styles.get(builtIn ?? style);
      if (localeFile && !csl.locales.has(locale)) csl.locales.add(locale, readStyleXml(localeFile));
      csl.styles.add(`test-full-${style}`, full);
      csl.styles.add(`test-one-${style}`, singleItemStyle(full));
      expect(singleItemStyle(full)).not.toContain("<sort>");
      for (const one of items) {
        const options = (name: string) => ({ style: name, lang: locale, format: "text" });
        // The same, but for the entry number a numeric style (SIST 02) gives its one entry ("(1)"), and the
        // runs of spaces that leaves, which a reference collapses (formats.ts, `bibliography`).
        const formatted = (name: string) => plugins.output.format("bibliography", [one], options(name)) as string;
        const text = (name: string) =>
          style === "sist02"
            ? formatted(name)
                .replace(/^\(1\)/, "")
                .replace(/\s+/g, " ")
                .trim()
            : formatted(name);
        expect(text(`test-one-${style}`)).toBe(text(`test-full-${style}`));
      }
    }
  });
});

describe("downloads", () => {
  const files = downloads(no201);

  it("write No.201 as a BibTeX @techreport with number, institution, series, the full date, language and rights, and a stable key", () => {
    expect(files.bibtex).toBe(
      [
        "@techreport{ajiss_commentary_201,",
        "\tauthor = {Iizuka, Keiko},",
        "\tseries = {AJISS-{Commentary}},",
        "\tyear = {2014},",
        "\tmonth = aug,",
        "\tdate = {2014-08-01},",
        "\tnumber = {201},",
        "\tinstitution = {The Association of Japanese Institutes of Strategic Studies},",
        "\ttitle = {What the {US} {Now} {Craves} from {Japan}},",
        "\ttype = {AJISS-{Commentary}},",
        `\turl = {${URL_201}},`,
        "\tlanguage = {en},",
        "\tcopyright = {\\copyright{}Copyright 2007 The Association of Japanese Institutes of Strategic Studies All Right Reserved.},",
        "}",
        "",
      ].join("\n"),
    );
  });
  it("write No.201 as RIS type RPRT, the series as its report type (M3) and its rights (CR), one field a line, CR LF", () => {
    expect(files.ris).toBe(
      [
        "TY  - RPRT",
        "AU  - Iizuka, Keiko",
        "DA  - 2014/08/01/",
        "PY  - 2014",
        "ID  - ajiss-commentary-201",
        "LA  - en",
        `PB  - ${PUBLISHER}`,
        "SN  - 201",
        "T2  - AJISS-Commentary",
        "TI  - What the US Now Craves from Japan",
        `UR  - ${URL_201}`,
        "M3  - AJISS-Commentary",
        `CR  - ${no201.copyright}`,
        "ER  - ",
        "",
      ].join("\r\n"),
    );
  });
  it("write the CSL-JSON record as a one-item list, with the series as its genre and the rights as its license", () => {
    expect(JSON.parse(files.cslJson)).toEqual([{ ...cslRecord(no201), genre: "AJISS-Commentary", license: no201.copyright }]);
    expect(files.cslJson.endsWith("]\n")).toBe(true);
  });

  for (const format of ["bibtex", "ris", "cslJson"] as const) {
    it(`read back with Citation.js: ${format}`, () => {
      const text = files[format];
      const item = readBack(format === "cslJson" ? JSON.parse(text) : text);
      expect(item).toMatchObject({
        type: "report",
        title: "What the US Now Craves from Japan",
        author: [{ family: "Iizuka", given: "Keiko" }],
        number: "201",
        publisher: PUBLISHER,
        "collection-title": "AJISS-Commentary",
        URL: URL_201,
      });
      const issued = item.issued as { "date-parts": number[][] };
      expect(issued["date-parts"][0]?.slice(0, 2)).toEqual([2014, 8]);
    });
  }

  it("keep a long title and a long URL whole on their RIS lines", () => {
    const title = "A Very Long Title About the Alliance, Deterrence, Extended Deterrence and the Future of the Region";
    const url = "https://example.org/a/very/long/path/to/the/archive/of/the/association/essays/ajiss-commentary/201.html";
    const { ris } = downloads({ ...no201, title, url });
    expect(ris).toContain(`\r\nTI  - ${title}\r\n`);
    expect(ris).toContain(`\r\nUR  - ${url}\r\n`);
    expect(readBack(ris)).toMatchObject({ title, URL: url });
  });
  it("keep Japanese and accented text in BibTeX, where Citation.js alone would drop it", () => {
    const essay: CitableEssay = {
      ...no201,
      lang: "ja",
      title: "日本の安全保障：「同盟」の行方 — Zoë’s naïve café…",
      authors: [
        { name: "飯塚恵子", family: "飯塚", given: "恵子" },
        { name: "Zoë Ünal", family: "Ünal", given: "Zoë" },
      ],
      series: { ...no201.series, publisher: "日本国際問題研究所" },
    };
    const { bibtex, ris } = downloads(essay);
    expect(bibtex).toContain("\tinstitution = {日本国際問題研究所},");
    for (const text of [bibtex, ris]) {
      expect(readBack(text)).toMatchObject({
        title: essay.title,
        author: [
          { family: "飯塚", given: "恵子" },
          { family: "Ünal", given: "Zoë" },
        ],
        publisher: "日本国際問題研究所",
      });
    }
  });
  it("include the ISSN when the series has one", () => {
    const files = downloads({ ...no201, series: { ...no201.series, issn: "1234-5678" } });
    expect(files.bibtex).toContain("\tissn = {1234-5678},");
    expect(JSON.parse(files.cslJson)[0].ISSN).toBe("1234-5678");
  });
});

describe("hostile titles", () => {
  const titles = [
    "</script><script>alert(1)</script>",
    "<!-- not a comment --> and ]]>",
    "He said \"hi\" & 'bye'",
    "{{ site.title }} {% raw %} ${x}",
    "AT&T: 100% of $5 #1 ~ ^ _ \\ back {braces}",
    "Line one\nline two",
  ];
  for (const title of titles) {
    it(`survive every format: ${JSON.stringify(title)}`, () => {
      const essay = { ...no201, title };
      const files = downloads(essay);
      // The download formats carry the title exactly, but for a line break: in BibTeX whitespace is a
      // space, and RIS has one line a field.
      expect(readBack(files.bibtex).title).toBe(title.replace(/\n/g, " "));
      expect(readBack(files.ris).title).toBe(title.replace(/\n/g, " "));
      expect(readBack(JSON.parse(files.cslJson)).title).toBe(title);
      expect(files.ris.split("\r\n").filter((line) => line.startsWith("TI  - "))).toHaveLength(1);

      // The JSON-LD serialisation can hold it, and gives it back.
      const ld = essayJsonLd(essay);
      const script = jsonLdScript(ld);
      expect(script).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(script)).toEqual(ld);
    });
  }
  it("keep their text in the plain references (with the style's quotation marks)", () => {
    const refs = references({ ...no201, title: "{{ x }} & </script> 'y'" });
    expect(refs.apa).toContain(" {{ x }} & </script> “y” (AJISS-Commentary No. 201)");
  });
});

describe("JSON-LD", () => {
  it("describes No.201 as a Report and Article in its series", () => {
    expect(essayJsonLd(no201, "What Washington wants.")).toEqual({
      "@context": "https://schema.org",
      "@type": ["Report", "Article"],
      headline: "What the US Now Craves from Japan",
      name: "What the US Now Craves from Japan",
      reportNumber: "201",
      datePublished: "2014-08-01",
      inLanguage: "en",
      author: [
        {
          "@type": "Person",
          name: "Keiko Iizuka",
          givenName: "Keiko",
          familyName: "Iizuka",
          url: "https://example.org/archive/authors/keiko-iizuka.html",
        },
      ],
      publisher: { "@type": "Organization", name: PUBLISHER },
      copyrightHolder: { "@type": "Organization", name: PUBLISHER },
      copyrightNotice: no201.copyright,
      isPartOf: { "@type": "CreativeWorkSeries", name: "AJISS-Commentary", url: "https://example.org/archive/series/ajiss-commentary.html" },
      position: 201,
      url: URL_201,
      description: "What Washington wants.",
    });
  });
  it("leaves out URLs and description it does not have, and takes the summary as description", () => {
    const ld = essayJsonLd(withoutUrls);
    const text = JSON.stringify(ld);
    expect(text).not.toMatch(/"url"|"description"|undefined/);
    expect(essayJsonLd({ ...withoutUrls, summary: "In short." }).description).toBe("In short.");
  });
  it("serialises safely inside a script element, and parses back to the same value", () => {
    const ld = essayJsonLd({ ...no201, title: "</script><!-- <script> & \u2028\u2029 > done" });
    const script = jsonLdScript(ld);
    expect(script).not.toContain("</script");
    expect(script).not.toContain("<!--");
    expect(script).not.toMatch(/[<>&\u2028\u2029]/);
    expect(script).toContain("\\u003c/script\\u003e\\u003c!-- \\u003cscript\\u003e \\u0026 \\u2028\\u2029 \\u003e done");
    expect(JSON.parse(script)).toEqual(ld);
  });
});
