// Writing XML by hand, safely: every text and attribute value escaped, and refused when it holds a
// character XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets), so a file this writes is
// well-formed whatever a record holds. Content is checked for such characters when it is read
// (lib/content/text.ts); this is the writer's own guarantee, and names the value if one got through.
import { codePointName, firstRefused } from "../content/text.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text or an attribute value as XML: `& < > " '` escaped (no CDATA: `]]>` could end one). */
export function escapeXml(text: string): string {
  const refused = firstRefused(text);
  if (refused !== undefined) {
    throw new Error(`cannot write ${JSON.stringify(text.slice(0, 80))} as XML: it holds ${codePointName(refused.codePoint)}, ${refused.why}`);
  }
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** An XML element: a name, its attributes, and its children (elements or text; strings are escaped). */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: (XmlElement | string | undefined)[];
}

/** An element and its children, indented by two spaces a level; an element holding text stays on one line. */
export function xmlElement(element: XmlElement, depth = 0): string {
  const pad = "  ".repeat(depth);
  const attributes = Object.entries(element.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  const children = (element.children ?? []).filter((child) => child !== undefined);
  if (children.length === 0) return `${pad}<${element.name}${attributes}/>\n`;
  if (children.every((child) => typeof child === "string"))
    return `${pad}<${element.name}${attributes}>${children.map(escapeXml).join("")}</${element.name}>\n`;
  const inner = children.map((child) => (typeof child === "string" ? `${pad}  ${escapeXml(child)}\n` : xmlElement(child, depth + 1))).join("");
  return `${pad}<${element.name}${attributes}>\n${inner}${pad}</${element.name}>\n`;
}

/** A whole XML document, with its declaration. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlElement(root)}`;
}
