import { describe as group, expect, it } from "vitest";
import { DESCRIPTION_MAX, describe } from "../../lib/cite/description.ts";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

group("describe", () => {
  it("is the summary when there is one, whole and tidied", () => {
    const summary = `  A summary\nlonger than the limit: ${words(40)}  `;
    expect(describe(summary, "First paragraph.")).toBe(`A summary longer than the limit: ${words(40)}`);
  });
  it("is the first paragraph when there is no summary (or a blank one)", () => {
    expect(describe(undefined, "As Russia's President Putin keeps stirring up anxieties.")).toBe("As Russia's President Putin keeps stirring up anxieties.");
    expect(describe("  \n ", " Short\n paragraph. ")).toBe("Short paragraph.");
  });
  it("keeps a paragraph of exactly 160 characters whole", () => {
    const text = `${"x".repeat(150)} abcdefghi`;
    expect(text).toHaveLength(160);
    expect(describe(undefined, text)).toBe(text);
  });
  it("cuts a long paragraph at a word boundary, with an ellipsis, in 160 characters or fewer", () => {
    const text =
      "As Russia's President Putin keeps stirring up anxieties, the downing of Malaysia Airlines Flight MH17 on July 17 " +
      "has brought about a significant sea change in European opinion. Germany and France are moving closer.";
    const out = describe(undefined, text);
    expect(out).toBe(
      "As Russia's President Putin keeps stirring up anxieties, the downing of Malaysia Airlines Flight MH17 on July 17 " +
        "has brought about a significant sea change in…",
    );
    expect(out.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(text.startsWith(out.slice(0, -1))).toBe(true);
  });
  it("never ends on a word cut in two, and drops dangling punctuation before the ellipsis", () => {
    for (let n = 150; n < 175; n++) {
      const text = `${"a".repeat(n - 20)}, ${"b".repeat(8)}; ${"c".repeat(30)}`;
      const out = describe(undefined, text);
      expect(Array.from(out).length).toBeLessThanOrEqual(DESCRIPTION_MAX);
      if (text.length > DESCRIPTION_MAX) {
        expect(out.endsWith("…")).toBe(true);
        expect(out).not.toMatch(/[,; ]…$/);
        const kept = out.slice(0, -1);
        // What is kept ends where a word of the text ends.
        expect(text.startsWith(kept)).toBe(true);
        expect(/[\s,;]/.test(text.charAt(kept.length))).toBe(true);
      }
    }
  });
  it("cuts inside a word only when one word is longer than the limit", () => {
    const out = describe(undefined, "x".repeat(300));
    expect(out).toBe(`${"x".repeat(159)}…`);
  });
  it("counts characters, never splitting one in two", () => {
    const text = `${"😀".repeat(100)} ${"漢字".repeat(50)}`;
    const out = describe(undefined, text);
    expect(Array.from(out).length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(out).toBe(`${"😀".repeat(100)}…`);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
  it("cuts Japanese, which has no spaces, after its punctuation", () => {
    const sentence = "米国は日本に同盟国としての役割を求めている、";
    const out = describe(undefined, sentence.repeat(12));
    expect(Array.from(out).length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(out).toBe(`${sentence.repeat(7).slice(0, -1)}…`);
  });
  it("is empty when there is nothing to say", () => {
    expect(describe(undefined, "")).toBe("");
    expect(describe("", "   ")).toBe("");
  });
});
