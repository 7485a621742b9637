// Text files and their encodings. Content files are UTF-8, strictly: a byte that is not UTF-8 is a problem
// naming where it is and what the file most likely is, never a U+FFFD in the page. The importer also reads
// the legacy encodings saved pages come in, detected by chardet and decoded by iconv-lite (or TextDecoder).
// https://github.com/runk/node-chardet https://github.com/pillarjs/iconv-lite
import chardet from "chardet";
import iconv from "iconv-lite";
import type { Problem } from "./problems.ts";

/** The encodings the importer reads, by the names people and iconv use. */
export const ENCODINGS = ["UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "Shift_JIS", "EUC-JP", "ISO-2022-JP"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** chardet's names of the encodings read as one of ours. ISO-8859-1 is read as Windows-1252, as browsers do. */
const DETECTED: Record<string, Encoding> = {
  "UTF-8": "UTF-8",
  ASCII: "UTF-8",
  "UTF-16LE": "UTF-16LE",
  "UTF-16BE": "UTF-16BE",
  "windows-1252": "Windows-1252",
  "ISO-8859-1": "Windows-1252",
  Shift_JIS: "Shift_JIS",
  "EUC-JP": "EUC-JP",
  "ISO-2022-JP": "ISO-2022-JP",
};

/** Below this chardet confidence (0–100) a guess is not taken. Long pages score 75–100; a line of text may score 10–50. */
export const MIN_CONFIDENCE = 50;

/** `--encoding NAME`: one of ours, named in any case, with or without punctuation ("sjis", "cp1252" too). */
export function encodingNamed(name: string): Encoding | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const aliases: Record<string, Encoding> = {
    sjis: "Shift_JIS",
    cp1252: "Windows-1252",
    latin1: "Windows-1252",
    iso88591: "Windows-1252",
    utf16: "UTF-16LE",
    eucjp: "EUC-JP",
    jis: "ISO-2022-JP",
  };
  return ENCODINGS.find((e) => e.toLowerCase().replace(/[^a-z0-9]/g, "") === key) ?? aliases[key];
}

/** The offset of the first byte that is not part of well-formed UTF-8 (Unicode's table 3-7), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) [more, low, high] = [2, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf];
    else if (c >= 0xf0 && c <= 0xf4) [more, low, high] = [3, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k <= more; k++) {
      const d = bytes[i + k];
      if (d === undefined || d < (k === 1 ? low : 0x80) || d > (k === 1 ? high : 0xbf)) return i;
    }
    i += more + 1;
  }
  return -1;
}

/** ISO-2022-JP is 7-bit, so valid UTF-8: its escape sequences give it away. */
const ISO_2022_JP = /\x1b\$[@B]|\x1b\(J/;

/** "line 3, column 12" of a byte offset, the column counted in characters. */
function whereByte(bytes: Uint8Array, offset: number): string {
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const column = [...new TextDecoder().decode(bytes.subarray(lineStart, offset))].length + 1;
  return `line ${line}, column ${column}`;
}

/**
 * The most likely encoding of bytes, if chardet is confident enough and they decode in it without error.
 * Windows-1252 can spell almost any bytes, so chardet's statistics of English text can outvote a few
 * Japanese letters among English lines ("日本" in Shift_JIS scores 80 as Windows-1252): a Windows-1252
 * guess for bytes that are also valid Shift_JIS or EUC-JP is not taken.
 */
export function detectEncoding(bytes: Uint8Array): Encoding | undefined {
  const best = chardet.analyse(bytes)[0];
  const encoding = best && best.confidence >= MIN_CONFIDENCE ? DETECTED[best.name] : undefined;
  if (!encoding || decodeAs(bytes, encoding) === undefined) return undefined;
  if (encoding === "Windows-1252" && (["Shift_JIS", "EUC-JP"] as const).some((japanese) => decodeAs(bytes, japanese) !== undefined)) return undefined;
  return encoding;
}

/**
 * The text of bytes in an encoding, or undefined when they are not valid in it. A byte-order mark is
 * dropped. UTF-8 and ISO-2022-JP by the platform's TextDecoder; the others by iconv-lite, because Node's
 * TextDecoder drops Windows-1252's 0x80–0x9F (its curly quotes and dashes) without a word.
 */
export function decodeAs(bytes: Uint8Array, encoding: Encoding): string | undefined {
  if (encoding === "UTF-8" || encoding === "ISO-2022-JP") {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
  // iconv-lite marks a byte it cannot read with U+FFFD, which none of these encodings can spell.
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return text.includes("\uFFFD") ? undefined : text;
}

/** The encoding a byte-order mark announces. */
export function byteOrderMark(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "UTF-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  return undefined;
}

/** The one command that converts a file into UTF-8 in place. */
export function convertCommand(file: string, encoding: Encoding): string {
  const quote = (path: string) => `'${path.replace(/'/g, "'\\''")}'`;
  return `iconv -f ${encoding.toUpperCase()} -t UTF-8 ${quote(file)} > ${quote(`${file}.utf8`)} && mv ${quote(`${file}.utf8`)} ${quote(file)}`;
}

/**
 * A content file's text: UTF-8, with or without a byte-order mark. Anything else is a problem naming the
 * first bad byte's line and column, the encoding the file most likely is, and how to convert it.
 */
export function readUtf8(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  const text = decodeAs(bytes, "UTF-8");
  const escapeAt = text === undefined ? -1 : text.search(ISO_2022_JP);
  if (text !== undefined && escapeAt < 0) return { text };
  let where: string;
  let what: string;
  let likely: Encoding | undefined;
  if (text === undefined) {
    // A UTF-16 byte-order mark is not UTF-8 either: it is caught here, at line 1, column 1.
    const offset = firstInvalidUtf8(bytes);
    where = whereByte(bytes, offset);
    what = `byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, "0")} is not UTF-8`;
    likely = byteOrderMark(bytes) ?? detectEncoding(bytes);
  } else {
    where = whereByte(bytes, Buffer.byteLength(text.slice(0, escapeAt)));
    what = "it holds ISO-2022-JP escape codes";
    likely = "ISO-2022-JP";
  }
  const advice =
    likely && likely !== "UTF-8"
      ? `it looks like ${likely}; convert it with: ${convertCommand(file, likely)}`
      : "save it as UTF-8 in your editor (or convert it with iconv -f <its encoding> -t UTF-8)";
  return { problem: { file, where, message: `is not UTF-8 text (${what}): ${advice}` } };
}
