// Zips written and read as streams (yazl, yauzl): one entry's bytes at a time pass through, hashed on the
// way, so an archive of any size is never held in memory.
//
// Written reproducibly: entries in the order given, each with the same timestamp and mode, no extra
// fields (forceDosTimestamp leaves out the UTC timestamp field, which would also carry the host's time
// zone), no comment. Zip's DOS timestamps are local time fields with no zone, so the date is given as
// local noon of the day: the same fields in every time zone, and no daylight-saving gap at noon.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import yazl from "yazl";
import type { Digest } from "./bag.ts";

export interface ZipEntry {
  /** The entry's path in the zip. */
  name: string;
  /** A file to copy, or the bytes to write, made only when the entry's turn comes (so they can use the digests of earlier entries). */
  source: { file: string; size: number } | { bytes: () => string | Buffer };
  /** Store already compressed files as they are. */
  compress: boolean;
}

const FILE_MODE = 0o100644;

/**
 * Files up to this size are read whole, in one synchronous read, and hashed as a buffer; larger ones are
 * streamed. A built archive is tens of thousands of small files, and for those a read stream and a hashing
 * stream cost more than the file.
 */
const READ_WHOLE = 1 << 20;

/**
 * Files smaller than this are stored, not deflated: a deflate stream per file costs more time than the
 * few hundred bytes it saves (4,000 essays have 12,000 citation files of 200–500 bytes).
 */
const DEFLATE_FROM = 1024;

/** Files whose bytes are already compressed (Pagefind's index, fragments, filters, metadata and WebAssembly; images; fonts). */
const COMPRESSED = /\.(pf_fragment|pf_index|pf_meta|pf_filter|pagefind|png|jpe?g|gif|webp|avif|woff2?|gz|zip)$/i;

export function worthCompressing(path: string, size: number): boolean {
  return size >= DEFLATE_FROM && !COMPRESSED.test(path);
}

/** The timestamp every entry gets for a YYYY-MM-DD day (see above). */
export function entryTime(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 12);
}

function digestOf(bytes: Buffer): Digest {
  return { sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
}

/** A stream that passes bytes through and, at their end, calls `done` with their SHA-256 and count. */
function digesting(done: (digest: Digest) => void): Transform {
  const hash = createHash("sha256");
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, next) {
      hash.update(chunk);
      size += chunk.length;
      next(null, chunk);
    },
    flush(next) {
      done({ sha256: hash.digest("hex"), size });
      next();
    },
  });
}

/**
 * Writes `entries` into a zip at `out` (first into a partial file beside it, renamed when complete, so a
 * failed run leaves no zip). Each entry's digest, as it went into the zip, is set in `digests` (by name) as
 * soon as it is written, and they are returned.
 */
export async function writeZip(out: string, entries: ZipEntry[], day: string, digests = new Map<string, Digest>()): Promise<Map<string, Digest>> {
  const zip = new yazl.ZipFile();
  const failed = new Promise<never>((_, reject) => zip.on("error", reject));
  const mtime = entryTime(day);
  for (const entry of entries) {
    const options = { mtime, mode: FILE_MODE, compress: entry.compress, forceDosTimestamp: true, forceZip64Format: false };
    const sized = "file" in entry.source ? { ...options, size: entry.source.size } : options;
    zip.addReadStreamLazy(entry.name, sized, (callback) => {
      try {
        const { source } = entry;
        if ("file" in source && source.size > READ_WHOLE) {
          const input = createReadStream(source.file).on("error", (error: Error) => zip.emit("error", error));
          return callback(null, input.pipe(digesting((digest) => digests.set(entry.name, digest))));
        }
        const bytes = "file" in source ? readFileSync(source.file) : Buffer.from(source.bytes());
        if ("file" in source && bytes.length !== source.size) throw new Error(`${source.file} changed while it was being packaged`);
        digests.set(entry.name, digestOf(bytes));
        callback(null, Readable.from([bytes], { objectMode: false }));
      } catch (error) {
        zip.emit("error", error);
      }
    });
  }
  zip.end();
  const partial = `${out}.partial-${process.pid}`;
  try {
    await Promise.race([pipeline(zip.outputStream, createWriteStream(partial)), failed]);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return digests;
}

/** What the zip says of one entry, beyond its bytes: what the verifier needs to judge it (verify.ts). */
export interface EntryFacts {
  /** The name in the central directory, as UTF-8 (bytes that are not UTF-8 shown as U+FFFD). */
  name: string;
  /** False when the name's bytes are neither flagged UTF-8 nor plain ASCII, or are not valid UTF-8. */
  nameIsUtf8: boolean;
  /** The name in the entry's local header, which streaming unzip tools use, when it differs. */
  localName?: string;
  /** The upper 16 bits of the external attributes when the entry was made on Unix: its mode, file type included. */
  unixMode?: number;
  /** The lower 16 bits of the external attributes: MS-DOS attributes. */
  dosAttributes: number;
  encrypted: boolean;
  compressionMethod: number;
  extraFieldIds: number[];
  /** The size the central directory gives the entry's bytes. */
  declaredSize: number;
}

export interface ReadEntry extends EntryFacts, Partial<Digest> {
  /** The text of an entry `keepText` asked for. */
  text?: string;
}

/** What writeZip's zip says of an entry it writes: a regular file, UTF-8 name, no extra field (for checking names before writing). */
export function writtenFacts(name: string): EntryFacts {
  return { name, nameIsUtf8: true, unixMode: FILE_MODE, dosAttributes: 0, encrypted: false, compressionMethod: 8, extraFieldIds: [], declaredSize: 0 };
}

/** Made on Unix (APPNOTE 4.4.2: the upper byte of "version made by"). */
const UNIX_HOST = 3;
/** Stored and deflated: what yauzl reads (APPNOTE 4.4.5). */
const READABLE_METHODS = new Set([0, 8]);
/** APPNOTE 4.4.4: bit 0 encrypted, bit 6 strong encryption, bit 13 central directory encrypted. */
const ENCRYPTED_BITS = 0x0001 | 0x0040 | 0x2000;
/** APPNOTE 4.4.4: bit 11, the name is UTF-8. */
const UTF8_BIT = 0x0800;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeName(raw: Buffer, flags: number): { name: string; nameIsUtf8: boolean } {
  const ascii = raw.every((byte) => byte < 0x80);
  try {
    if (ascii || (flags & UTF8_BIT) !== 0) return { name: utf8.decode(raw), nameIsUtf8: true };
  } catch {
    // Not UTF-8: shown with replacement characters below.
  }
  return { name: raw.toString("utf8"), nameIsUtf8: false };
}

/** The facts of an entry, names decoded by us (yauzl's decodeStrings is off, so it neither rewrites backslashes nor reads another name from an extra field). */
async function entryFacts(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<EntryFacts> {
  const raw = entry.fileName as unknown as Buffer;
  const { name, nameIsUtf8 } = decodeName(raw, entry.generalPurposeBitFlag);
  const local = await zip.readLocalFileHeaderPromise(entry);
  const localName = Buffer.compare(local.fileName, raw) === 0 ? undefined : decodeName(local.fileName, local.generalPurposeBitFlag).name;
  const attributes = entry.externalFileAttributes >>> 0;
  return {
    name,
    nameIsUtf8,
    ...(localName === undefined ? {} : { localName }),
    ...(entry.versionMadeBy >>> 8 === UNIX_HOST ? { unixMode: attributes >>> 16 } : {}),
    dosAttributes: attributes & 0xffff,
    encrypted: (entry.generalPurposeBitFlag & ENCRYPTED_BITS) !== 0 || (local.generalPurposeBitFlag & ENCRYPTED_BITS) !== 0,
    compressionMethod: entry.compressionMethod,
    extraFieldIds: entry.extraFields.map((field) => field.id),
    declaredSize: entry.uncompressedSize,
  };
}

/**
 * Every entry of a zip, in the zip's order, duplicates and folders included, with what the zip says of it;
 * the bytes of each readable file entry (a name not ending in "/", not encrypted, stored or deflated) are
 * hashed, one entry at a time, and the text of those `keepText` names is kept too (the bag's small tag files).
 */
export async function readZip(file: string, keepText: (name: string) => boolean): Promise<ReadEntry[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: false }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  const entries: ReadEntry[] = [];
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      zip.close();
      reject(error);
    };
    zip.on("error", fail);
    zip.on("end", () => resolve(entries));
    zip.on("entry", (entry: yauzl.Entry) => {
      entryFacts(zip, entry).then((facts) => {
        entries.push(facts);
        if (facts.name.endsWith("/") || facts.encrypted || !READABLE_METHODS.has(facts.compressionMethod)) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error) return fail(error);
          const chunks: Buffer[] | undefined = keepText(facts.name) ? [] : undefined;
          const sink = digesting((digest) => {
            Object.assign(facts, digest, chunks ? { text: Buffer.concat(chunks).toString("utf8") } : {});
          });
          sink.on("data", (chunk: Buffer) => chunks?.push(chunk));
          pipeline(stream, sink).then(() => zip.readEntry(), fail);
        });
      }, fail);
    });
    zip.readEntry();
  });
}
