// npm run package [-- --dist DIR] [-- --out FILE]      a built archive as one zip holding a BagIt bag
// npm run package -- --verify FILE.zip                   checks such a zip against its manifests
// (lib/package/). Exit codes: 0 done or intact, 1 not packaged or differences found, 2 bad arguments.
import { PACKAGE_OPTIONS, packageCommand, USAGE } from "../lib/package/args.ts";
import { humanSize } from "../lib/package/bag.ts";
import { count } from "../lib/runtime/messages.ts";
import { packageArchive, PackageError, verifyPackage } from "../lib/package/run.ts";
import { describeDifference } from "../lib/package/verify.ts";
import { commandArgs } from "../lib/commands/args.ts";

const options = commandArgs(USAGE, { options: PACKAGE_OPTIONS }, ({ values }) => packageCommand(values));
try {
  if ("verify" in options) {
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
    const report = await packageArchive({ dist: options.dist, out: options.out, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH });
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
