// A citations worker (lib/orchestration/citations.ts) that stops without an error as soon as it is given its
// first batch, as a worker killed by the system would.
import { parentPort } from "node:worker_threads";

parentPort!.once("message", () => process.exit(3));
