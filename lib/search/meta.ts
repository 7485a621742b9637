// What a shard's metadata says of its pages' lengths, which the search page needs to rank across shards
// as one index would (assets/search-merge.js): Pagefind weighs a page's length against the average over
// its index, and a shard's average is its own. Pagefind's `pf_meta` file is gzip, its "pagefind_dcd"
// signature, then CBOR: [version, [[page hash, word count, …], …], …] (pagefind_web's metadata.rs), of which
// this reads the pages.
import { gunzipSync } from "node:zlib";

const SIGNATURE = "pagefind_dcd";

/** The pages of a shard's metadata file's bytes, and the words they hold in all. */
export function pageLengths(bytes: Uint8Array): { pages: number; words: number } {
  let data = Buffer.from(bytes);
  if (data.subarray(0, SIGNATURE.length).toString("latin1") !== SIGNATURE) data = gunzipSync(data);
  if (data.subarray(0, SIGNATURE.length).toString("latin1") !== SIGNATURE) throw new Error("Not Pagefind metadata: no pagefind_dcd signature");
  const cbor = new Reader(data.subarray(SIGNATURE.length));
  cbor.array();
  cbor.text();
  const pages = cbor.array();
  let words = 0;
  for (let i = 0; i < pages; i++) {
    const fields = cbor.array();
    if (fields < 2) throw new Error("Pagefind metadata: a page is not [hash, word count, …]");
    cbor.text();
    words += cbor.unsigned();
    for (let field = 2; field < fields; field++) cbor.skip();
  }
  return { pages, words };
}

/** Just enough of CBOR (RFC 8949) for the start of Pagefind's metadata: definite arrays, text, unsigned integers. */
class Reader {
  private at = 0;
  constructor(private readonly data: Buffer) {}

  private head(major: number): number {
    const byte = this.data[this.at++];
    if (byte === undefined || byte >> 5 !== major) throw new Error(`Pagefind metadata: expected CBOR major type ${major} at byte ${this.at - 1}`);
    const info = byte & 0x1f;
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new Error(`Pagefind metadata: unsupported CBOR length at byte ${this.at - 1}`);
    const value = Number(this.data.readUIntBE(this.at, Math.min(size, 6)));
    this.at += size;
    return value;
  }

  array(): number {
    return this.head(4);
  }

  text(): string {
    const length = this.head(3);
    const text = this.data.toString("utf8", this.at, this.at + length);
    this.at += length;
    return text;
  }

  unsigned(): number {
    return this.head(0);
  }

  /** Passes over one item of the kinds above. */
  skip(): void {
    const major = (this.data[this.at] ?? 0) >> 5;
    if (major === 0) this.unsigned();
    else if (major === 3) this.text();
    else if (major === 4) for (let n = this.array(); n > 0; n--) this.skip();
    else throw new Error(`Pagefind metadata: unexpected CBOR major type ${major} at byte ${this.at}`);
  }
}
