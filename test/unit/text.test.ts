// The characters content may hold (lib/content/text.ts): the regular expression that finds a refused
// character in a whole text at once and the per-character rule that names it agree on every code point.
import { expect, it } from "vitest";
import { REFUSED, refusal } from "../../lib/content/text.ts";

it("finds by its regular expression exactly the code points the per-character rule refuses", () => {
  const disagree: string[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    // A lone surrogate is a string of one code unit, which the expression reads as a code point of its own.
    if (REFUSED.test(String.fromCodePoint(codePoint)) !== (refusal(codePoint) !== undefined))
      disagree.push(`U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`);
  }
  expect(disagree).toEqual([]);
});
