// The commands' messages to the editor are English, whatever the site's languages (the pages' words are in
// lib/words/): counts in them read as a person would write them.
const numberFormat = new Intl.NumberFormat("en");

/** "1 essay", "4,000 essays". */
export function count(n: number, noun = "essay", plural = `${noun}s`): string {
  return `${numberFormat.format(n)} ${n === 1 ? noun : plural}`;
}
