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

export interface ReadEntry extends Digest {
  /** The text of an entry `keepText` asked for. */
  text?: string;
}

/**
 * Every file entry of a zip (folders left out) with its digest, reading one entry at a time; the text of
 * those `keepText` names is kept too (the bag's small tag files).
 */
export async function readZip(file: string, keepText: (name: string) => boolean): Promise<Map<string, ReadEntry>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const entries = new Map<string, ReadEntry>();
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      zip.close();
      reject(error);
    };
    zip.on("error", fail);
    zip.on("end", () => resolve(entries));
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith("/")) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error);
        const chunks: Buffer[] | undefined = keepText(entry.fileName) ? [] : undefined;
        const sink = digesting((digest) => {
          entries.set(entry.fileName, chunks ? { ...digest, text: Buffer.concat(chunks).toString("utf8") } : digest);
        });
        sink.on("data", (chunk: Buffer) => chunks?.push(chunk));
        pipeline(stream, sink).then(() => zip.readEntry(), fail);
      });
    });
    zip.readEntry();
  });
}
