// XML checked by a conforming, non-validating parser (saxes: well-formedness and XML 1.0's characters,
// https://github.com/lddubeau/saxes); linkedom's XML mode forgives what a feed reader may not.
import { SaxesParser } from "saxes";

/** The first well-formedness error in `xml`, "line:column: message", or undefined when it is well-formed. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on("error", (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}
