import { describe, expect, it } from "vitest";
import { formatDate, parseIsoDate, yearOf } from "../../lib/content/dates.ts";

describe("dates", () => {
  it("writes a day in a locale's words: '1 August 2014', '2021年12月31日'", () => {
    expect(formatDate("2014-08-01", "en-GB", "d LLLL yyyy")).toBe("1 August 2014");
    expect(formatDate("2021-12-31", "ja", "yyyy年M月d日")).toBe("2021年12月31日");
  });
  it("reads the year in UTC, whatever the machine's zone", () => {
    expect(yearOf("2014-01-01")).toBe(2014);
    expect(yearOf("2013-12-31")).toBe(2013);
  });
  it("rejects impossible days and other formats", () => {
    expect(parseIsoDate("2014-13-45")).toBeNull();
    expect(parseIsoDate("2014-02-30")).toBeNull();
    expect(parseIsoDate("1 August 2014")).toBeNull();
    expect(parseIsoDate("2014-8-1")).toBeNull();
    expect(parseIsoDate("2016-02-29")?.day).toBe(29);
  });
});
