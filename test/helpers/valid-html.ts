// html-validate with the spec-conformance rules, one validator for every test that checks HTML.
// https://html-validate.org/rules/presets.html
import { HtmlValidate } from "html-validate";

/** The spec's rules; where a rule is a matter of taste, not of the standard, it is left to the preset. */
const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

/** "page.html:3:5 rule-id message" for each message at least as severe as `least` (2 errors, 1 warnings too). */
export async function htmlMessages(source: string, name: string, least: 1 | 2 = 2): Promise<string[]> {
  const report = await validator.validateString(source, name);
  return report.results.flatMap((r) => r.messages.filter((m) => m.severity >= least).map((m) => `${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}
