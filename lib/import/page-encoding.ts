// A saved page's text, in whatever encoding it was saved: the one given (--encoding), the one its
// byte-order mark announces, UTF-8 when it is valid UTF-8, or the one chardet is confident of. A page whose
// encoding cannot be told is refused: a guess would put wrong letters in the archive without a word.
import { byteOrderMark, decodeAs, detectEncoding, ENCODINGS, readUtf8, type Encoding } from "../content/encoding.ts";
import type { Problem } from "../content/problems.ts";

export interface DecodedPage {
  text: string;
  encoding: Encoding;
  /** How the encoding was known. */
  how: "given" | "byte-order mark" | "valid UTF-8" | "detected";
}

export function decodePage(file: string, bytes: Uint8Array, given?: Encoding): DecodedPage | { problem: Problem } {
  if (given) {
    const text = decodeAs(bytes, given);
    return text === undefined ? { problem: { file, message: `is not valid ${given} text (given with --encoding)` } } : { text, encoding: given, how: "given" };
  }
  const bom = byteOrderMark(bytes);
  const marked = bom && decodeAs(bytes, bom);
  if (bom && marked !== undefined) return { text: marked, encoding: bom, how: "byte-order mark" };
  const utf8 = readUtf8(file, bytes);
  if ("text" in utf8) return { text: utf8.text, encoding: "UTF-8", how: "valid UTF-8" };
  const detected = detectEncoding(bytes);
  const text = detected && decodeAs(bytes, detected);
  if (detected && text !== undefined) return { text, encoding: detected, how: "detected" };
  const where = utf8.problem.where ? ` (${utf8.problem.where})` : "";
  return {
    problem: {
      file,
      message: `is not UTF-8${where}, and its encoding cannot be told with confidence: name it with --encoding (${ENCODINGS.join(", ")})`,
    },
  };
}
