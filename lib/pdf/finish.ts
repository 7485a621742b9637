// Finishes a PDF printed by headless Chromium (playwright-core `page.pdf({ tagged: true, outline: true })`)
// for deposit in a library: the document's own metadata (info dictionary, XMP, /Lang, a title shown in the
// window bar) in place of Chromium's, and the same bytes every time the same essay is printed.
//
// What differs between two prints of one page, and what is done about it:
// - the info dictionary's CreationDate/ModDate (the time of printing) and Creator (the browser's user
//   agent, with its version): the info dictionary is replaced with one made from `PdfFacts`;
// - the /ID of table header cells in the structure tree (Blink's DOM node ids, "node00000046", a counter
//   of the renderer process, so they depend on what it rendered before) and the /Headers of data cells
//   and the /IDTree that refer to them: renumbered in structure-tree order (tidyStructureTree);
// - Skia writes no XMP unless asked for PDF/A, and no trailer /ID; other writers' XMP carries random
//   UUIDs and the time. Both are written here, derived from the essay's id and date only.
// Font subset tags (AAAAAA+, BAAAAA+ ...) are a per-document counter in Skia, so they do not vary.
// Fonts with CFF outlines (Noto Sans CJK) come out as Type 3 fonts, still embedded and with a ToUnicode
// map: Skia's choice (SkPDFFont::FontType in skia/src/pdf/SkPDFFont.cpp), not something to undo here.
//
// pdf-lib keeps every object it parses (streams as raw bytes) under its object number and writes them in
// object-number order, so the structure tree, the outline and the embedded fonts come through unchanged.
// https://pdf-lib.js.org/docs/api/classes/pdfdocument
import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFContext, type PDFObject } from "pdf-lib";
import { escapeXml } from "../pages/xml.ts";

export interface PdfFacts {
  title: string;
  /** As printed, in order. */
  authors: string[];
  /** E.g. "AJISS-Commentary No.201". */
  subject: string;
  /** Topics; may be empty. */
  keywords: string[];
  /** BCP 47, e.g. "en", "ja". */
  language: string;
  /** The essay's date, "YYYY-MM-DD": the creation and modification dates are this, at 00:00:00Z. */
  date: string;
  /** A stable identifier of the essay (its path or permanent URL): the document IDs derive from it alone. */
  id: string;
}

// Fixed, so that nothing about the machine or the browser's version ends up in the file.
const CREATOR = "essay-archive";
const PRODUCER = "essay-archive (Chromium print, finished with pdf-lib)";

/**
 * Authors in the info dictionary's /Author, a single text string. "; " rather than ", ": a name as printed
 * may itself hold a comma ("Taro Yamada, Jr.", "Yamada, Taro"), so only "; " can be split back into
 * the XMP's dc:creator list; pikepdf joins dc:creator the same way
 * (https://github.com/pikepdf/pikepdf/blob/main/src/pikepdf/models/metadata.py, AuthorConverter).
 */
const LIST_SEPARATOR = "; ";

export async function finishPdf(printed: Uint8Array, facts: PdfFacts): Promise<Uint8Array> {
  const midnight = parseDate(facts.date);
  // Written raw into a PDF string (pdf-lib's setLanguage does not escape) and into the XMP.
  if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(facts.language)) {
    throw new Error(`finishPdf: language must be a BCP 47 tag, not ${JSON.stringify(facts.language)}`);
  }
  // updateMetadata: false, or pdf-lib sets its own Producer and the current time on load.
  // throwOnInvalidObject: an object pdf-lib cannot parse would otherwise be written back as garbage.
  const doc = await PDFDocument.load(printed, { updateMetadata: false, throwOnInvalidObject: true });
  const { context, catalog } = doc;

  // A new info dictionary in place of Chromium's (same object number, so nothing else moves); pdf-lib's
  // setters write into whatever trailer /Info refers to. Text strings are UTF-16BE (PDF 2.0, 7.9.2.2).
  replace(context, context.trailerInfo.Info, context.obj({}), (ref) => (context.trailerInfo.Info = ref));
  // showInWindowTitleBar sets /ViewerPreferences << /DisplayDocTitle true >>, which PDF/UA-1 (ISO 14289-1,
  // 7.1) requires.
  doc.setTitle(facts.title, { showInWindowTitleBar: true });
  if (facts.authors.length > 0) doc.setAuthor(facts.authors.join(LIST_SEPARATOR));
  doc.setSubject(facts.subject);
  // setKeywords joins with spaces, which would run multi-word topics together.
  if (facts.keywords.length > 0) doc.setKeywords([facts.keywords.join(LIST_SEPARATOR)]);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(midnight);
  doc.setModificationDate(midnight);
  // The document's natural language (PDF 2.0, 14.9.2; PDF/UA-1, 7.2). Chromium sets it from <html lang>.
  doc.setLanguage(facts.language);

  // XMP (PDF 2.0, 14.3.2), which PDF/UA-1 (7.1) and PDF/A require, agreeing with the info dictionary
  // (PDF 2.0, 14.3.3, Table 349). Not compressed, so that tools scanning files for an XMP packet find it.
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(facts)), { Type: "Metadata", Subtype: "XML" });
  replace(context, catalog.get(PDFName.of("Metadata")), xmp, (ref) => catalog.set(PDFName.of("Metadata"), ref));

  tidyStructureTree(context, catalog);

  // The file identifier (PDF 2.0, 14.4): two byte strings, the permanent one and the one for this version.
  // Both come from the essay's id, so printing the essay again gives the same file.
  const fileId = PDFHexString.of(createHash("sha256").update(facts.id, "utf8").digest("hex").slice(0, 32).toUpperCase());
  context.trailerInfo.ID = context.obj([fileId, fileId]);

  // Object streams (PDF 1.5+; pdf-lib writes a 1.7 header either way) pack the structure tree's thousands
  // of small dictionaries: a 27-page essay with tables is 289 KB instead of 969 KB, and poppler reads them. pdf-lib writes them deterministically
  // (objects in number order, 50 a stream). objectsPerTick: Infinity, because pausing every 50 objects for
  // the event loop costs more than the writing itself.
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** `YYYY-MM-DD` as 00:00:00Z that day; throws on anything else (the dates end up in the file). */
function parseDate(date: string): Date {
  const midnight = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== date) {
    throw new Error(`finishPdf: date must be a real day written YYYY-MM-DD, not ${JSON.stringify(date)}`);
  }
  return midnight;
}

/** Puts `object` under the indirect reference `at` if there is one, or under a new one handed to `attach`. */
function replace(context: PDFContext, at: PDFObject | undefined, object: PDFObject, attach: (ref: PDFRef) => void): void {
  if (at instanceof PDFRef) context.assign(at, object);
  else attach(context.register(object));
}

/** RFC 9562 version 5 (SHA-1, name-based) UUID of `name` in the URL namespace: ids are URLs or site paths. */
function uuidV5(name: string): string {
  const namespace = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The XMP packet (XMP Specification Part 1, ISO 16684-1: https://developer.adobe.com/xmp/docs/), with the
 * properties that PDF/A (ISO 19005-1, 6.7.3, Table 1) pairs with the info dictionary's entries:
 * Title = dc:title, Author = dc:creator, Subject = dc:description, Keywords = pdf:Keywords,
 * Creator = xmp:CreatorTool, Producer = pdf:Producer, CreationDate = xmp:CreateDate, ModDate =
 * xmp:ModifyDate. No pdfuaid/pdfaid claim: nothing here checks the file against PDF/UA or PDF/A, and a
 * claim a validator then rejects is worse than none.
 * DocumentID identifies the essay; InstanceID this rendition of it (the essay's id and date).
 */
function xmpPacket(facts: PdfFacts): string {
  const stamp = `${facts.date}T00:00:00Z`;
  const lang = escapeXml(facts.language);
  const items = (values: readonly string[]) => values.map((value) => `<rdf:li>${escapeXml(value)}</rdf:li>`).join("");
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  const lines = [
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(facts.title)}</dc:title>`,
    facts.authors.length > 0 ? `<dc:creator><rdf:Seq>${items(facts.authors)}</rdf:Seq></dc:creator>` : "",
    `<dc:description>${alt(facts.subject)}</dc:description>`,
    facts.keywords.length > 0 ? `<dc:subject><rdf:Bag>${items(facts.keywords)}</rdf:Bag></dc:subject>` : "",
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
    `<dc:identifier>${escapeXml(facts.id)}</dc:identifier>`,
    facts.keywords.length > 0 ? `<pdf:Keywords>${escapeXml(facts.keywords.join(LIST_SEPARATOR))}</pdf:Keywords>` : "",
    `<pdf:Producer>${escapeXml(PRODUCER)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(CREATOR)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${stamp}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${stamp}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${stamp}</xmp:MetadataDate>`,
    `<xmpMM:DocumentID>uuid:${uuidV5(facts.id)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>uuid:${uuidV5(`${facts.id}@${facts.date}`)}</xmpMM:InstanceID>`,
    `</rdf:Description>`,
    `</rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="w"?>`,
  ];
  return lines.filter((line) => line !== "").join("\n");
}

/**
 * PDF 2.0 structure types Chromium uses (its pdf/pdf_accessibility_constants.h: Aside, Em, Strong) in a
 * file that is PDF 1.7 (pdf-lib's header), where they are not standard: PDF/UA-1 (7.1) wants each such type
 * role-mapped to the nearest standard one (ISO 32000-1, 14.8.4, Tables 333-340), and poppler reports
 * "StructElem object is wrong type (Em)" without the mapping.
 */
const ROLES_FOR_PDF_1_7: Readonly<Record<string, string>> = {
  Em: "Span",
  Strong: "Span",
  Sub: "Span",
  Aside: "Div",
  Title: "P",
  FENote: "Note",
  DocumentFragment: "Div",
};

/**
 * Chromium gives table header cells a structure /ID made from Blink's DOM node id ("node00000046"), a
 * counter of the renderer process: the same page printed after other pages gets other numbers. Renumbers
 * every structure element's /ID in structure-tree order, the /Headers attributes that name them (ISO
 * 32000-1, 14.8.5.7), and rebuilds the /IDTree name tree (14.7.2; name trees: 7.9.6) as one sorted node.
 * Also adds the /RoleMap entries ROLES_FOR_PDF_1_7 gives for the types the tree uses.
 */
function tidyStructureTree(context: PDFContext, catalog: PDFDict): void {
  const root = catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return;
  const elements = structureElements(context, root);
  mapRoles(
    context,
    root,
    elements.map(([element]) => element),
  );

  const oldTree = root.get(PDFName.of("IDTree"));
  const { entries, nodes } = nameTree(context, oldTree);
  // Named in structure-tree order, then any element the old tree lists that the tree does not reach.
  const renamed = new Map<string, PDFString>();
  const named: (PDFString | PDFRef)[] = [];
  const candidates = [
    ...elements.flatMap(([element, ref]) => {
      const id = text(element.get(PDFName.of("ID")));
      return id !== undefined && ref ? [[id, ref] as const] : [];
    }),
    ...entries,
  ];
  for (const [old, ref] of candidates) {
    if (renamed.has(old)) continue;
    // Fixed width, so that the names sort (as bytes, as a name tree's keys must) in the order given.
    const id = PDFString.of(`id${String(renamed.size + 1).padStart(8, "0")}`);
    renamed.set(old, id);
    named.push(id, ref);
  }
  if (renamed.size === 0) return;

  const rename = (value: PDFObject | undefined): PDFString | undefined => {
    const old = text(value);
    return old === undefined ? undefined : renamed.get(old);
  };
  // Each attribute object once: one shared by several elements must not be renamed twice.
  const done = new Set<PDFObject>();
  const renameHeaders = (attributes: PDFObject | undefined): void => {
    const resolved = attributes instanceof PDFRef ? context.lookup(attributes) : attributes;
    if (resolved === undefined || done.has(resolved)) return;
    done.add(resolved);
    if (resolved instanceof PDFArray) for (const item of resolved.asArray()) renameHeaders(item);
    const headers = resolved instanceof PDFDict ? resolved.lookupMaybe(PDFName.of("Headers"), PDFArray) : undefined;
    for (let i = 0; headers && i < headers.size(); i++) {
      const id = rename(headers.get(i));
      if (id) headers.set(i, id);
    }
  };
  const withIds = [...elements.map(([element]) => element), ...entries.map(([, ref]) => context.lookup(ref))];
  for (const element of new Set(withIds)) {
    if (!(element instanceof PDFDict)) continue;
    const id = rename(element.get(PDFName.of("ID")));
    if (id) element.set(PDFName.of("ID"), id);
    renameHeaders(element.get(PDFName.of("A")));
  }
  for (const ref of nodes) if (ref !== oldTree) context.delete(ref);
  replace(context, oldTree, context.obj({ Names: named }), (ref) => root.set(PDFName.of("IDTree"), ref));
}

/** The structure elements under `root` (dictionaries with /S), depth first, with their references. */
function structureElements(context: PDFContext, root: PDFDict): [PDFDict, PDFRef | undefined][] {
  const found: [PDFDict, PDFRef | undefined][] = [];
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined, ref?: PDFRef): void => {
    if (object instanceof PDFRef) {
      visit(context.lookup(object), object);
      return;
    }
    if (object === undefined || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFArray) for (const kid of object.asArray()) visit(kid);
    else if (object instanceof PDFDict && object.has(PDFName.of("S"))) {
      found.push([object, ref]);
      visit(object.get(PDFName.of("K")));
    }
  };
  visit(root.get(PDFName.of("K")));
  return found;
}

/** A name tree's (key, reference) pairs, and the references of its nodes. */
function nameTree(context: PDFContext, tree: PDFObject | undefined): { entries: [string, PDFRef][]; nodes: PDFRef[] } {
  const entries: [string, PDFRef][] = [];
  const nodes: PDFRef[] = [];
  const seen = new Set<PDFObject>();
  const visit = (node: PDFObject | undefined): void => {
    if (node instanceof PDFRef) nodes.push(node);
    const dict = node instanceof PDFRef ? context.lookup(node) : node;
    if (!(dict instanceof PDFDict) || seen.has(dict)) return;
    seen.add(dict);
    const names = dict.lookupMaybe(PDFName.of("Names"), PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < names.length; i += 2) {
      const key = text(names[i]);
      const value = names[i + 1];
      if (key !== undefined && value instanceof PDFRef) entries.push([key, value]);
    }
    for (const kid of dict.lookupMaybe(PDFName.of("Kids"), PDFArray)?.asArray() ?? []) visit(kid);
  };
  visit(tree);
  return { entries, nodes };
}

function mapRoles(context: PDFContext, root: PDFDict, elements: readonly PDFDict[]): void {
  const used = new Set(elements.map((element) => element.get(PDFName.of("S"))).filter((type) => type instanceof PDFName));
  const missing = [...used]
    .map((type) => type.decodeText())
    .filter((type) => Object.hasOwn(ROLES_FOR_PDF_1_7, type))
    .sort();
  if (missing.length === 0) return;
  let roleMap = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict);
  if (!roleMap) root.set(PDFName.of("RoleMap"), (roleMap = context.obj({})));
  for (const type of missing) if (!roleMap.has(PDFName.of(type))) roleMap.set(PDFName.of(type), PDFName.of(ROLES_FOR_PDF_1_7[type]!));
}

/** The value of a PDF string (literal or hex), or undefined for anything else. */
function text(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}
