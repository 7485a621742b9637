// npm run package [-- --dist DIR] [-- --out FILE]      a built archive as one zip holding a BagIt bag
// npm run package -- --verify FILE.zip                   checks such a zip against its manifests
// (lib/package/). Exit codes: 0 done or intact, 1 not packaged or differences found, 2 bad arguments.
import { parseArgs } from "node:util";
import { humanSize } from "../lib/package/bag.ts";
import { count } from "../lib/pages/browse.ts";
import { packageArchive, PackageError, verifyPackage } from "../lib/package/run.ts";
import { describeDifference } from "../lib/package/verify.ts";

const USAGE = "usage: npm run package [-- --dist DIR] [-- --out FILE.zip]\n       npm run package -- --verify FILE.zip";

function parse() {
  try {
    const { values, positionals } = parseArgs({
      options: { dist: { type: "string" }, out: { type: "string" }, verify: { type: "string" } },
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new Error(`unexpected argument: ${positionals[0]}`);
    if (values.verify !== undefined && (values.dist !== undefined || values.out !== undefined)) throw new Error("--verify takes a zip alone, without --dist or --out");
    for (const [option, value] of Object.entries(values)) if (value === "") throw new Error(`--${option} needs a value`);
    return values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const options = parse();
try {
  if (options.verify !== undefined) {
    const check = await verifyPackage(options.verify);
    const files = `${count(check.payload.files, "file")} in data/ (${humanSize(check.payload.bytes)})`;
    if (check.differences.length === 0) {
      console.log(`${options.verify}: the bag ${check.name} is complete: ${files}, every checksum right, nothing extra.`);
    } else {
      for (const difference of check.differences) console.log(describeDifference(difference));
      const n = check.differences.length;
      console.error(`${options.verify}: ${n} ${n === 1 ? "difference" : "differences"} from the bag's manifests (${files}).`);
      process.exit(1);
    }
  } else {
    const started = performance.now();
    const report = await packageArchive({ dist: options.dist ?? "dist", out: options.out, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Packaged ${count(report.facts.essays)} (${count(report.payload.files, "file")}, ${humanSize(report.payload.bytes)}) as ${report.out} ` +
        `in ${seconds} s: a BagIt bag, ${report.name}/, bagged ${report.baggingDate}.`,
    );
    console.log(`Check a copy with: npm run package -- --verify ${report.out}`);
  }
} catch (error) {
  console.error(error instanceof PackageError ? error.message : `Not packaged:\n  ${String(error)}`);
  process.exit(1);
}
