import { describe, expect, it } from "vitest";
import { displayDate, parseIsoDate, yearOf } from "../../lib/pages/dates.ts";

describe("dates", () => {
  it("shows a day as '1 August 2014'", () => {
    expect(displayDate("2014-08-01")).toBe("1 August 2014");
    expect(displayDate("2021-12-31")).toBe("31 December 2021");
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
