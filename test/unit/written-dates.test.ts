import { describe, expect, it } from "vitest";
import { parseWrittenDate } from "../../lib/content/dates.ts";

describe("parseWrittenDate", () => {
  it("reads the forms pages print", () => {
    expect(parseWrittenDate("1 August 2014")).toBe("2014-08-01");
    expect(parseWrittenDate("01 August 2014")).toBe("2014-08-01");
    expect(parseWrittenDate("1 Aug 2014")).toBe("2014-08-01");
    expect(parseWrittenDate("1 Aug. 2014")).toBe("2014-08-01");
    expect(parseWrittenDate("1st August, 2014")).toBe("2014-08-01");
    expect(parseWrittenDate("August 1, 2014")).toBe("2014-08-01");
    expect(parseWrittenDate("August 1 2014")).toBe("2014-08-01");
    expect(parseWrittenDate("Sept. 30, 2014")).toBe("2014-09-30");
    expect(parseWrittenDate("01.08.2014")).toBe("2014-08-01");
    expect(parseWrittenDate("1.8.2014")).toBe("2014-08-01");
    expect(parseWrittenDate("2014-08-01")).toBe("2014-08-01");
  });
  it("takes day.month.year, not month.day.year", () => {
    expect(parseWrittenDate("12.01.2015")).toBe("2015-01-12");
    expect(parseWrittenDate("01.13.2015")).toBeNull();
  });
  it("ignores case and any kind or amount of space", () => {
    expect(parseWrittenDate("  1\u00a0AUGUST   2014 ")).toBe("2014-08-01");
    expect(parseWrittenDate("december\t31,\u00a02021")).toBe("2021-12-31");
  });
  it("refuses impossible days", () => {
    expect(parseWrittenDate("31 February 2014")).toBeNull();
    expect(parseWrittenDate("29 February 2014")).toBeNull();
    expect(parseWrittenDate("29 February 2016")).toBe("2016-02-29");
    expect(parseWrittenDate("April 31, 2014")).toBeNull();
    expect(parseWrittenDate("00.08.2014")).toBeNull();
    expect(parseWrittenDate("2014-13-01")).toBeNull();
  });
  it("refuses what is not a date", () => {
    expect(parseWrittenDate("")).toBeNull();
    expect(parseWrittenDate("Keiko Iizuka 1 August 2014")).toBeNull();
    expect(parseWrittenDate("1 Agust 2014")).toBeNull();
    expect(parseWrittenDate("1 Ma 2014")).toBeNull();
    expect(parseWrittenDate("August 2014")).toBeNull();
    expect(parseWrittenDate("1 August 14")).toBeNull();
    expect(parseWrittenDate("2014/08/01")).toBeNull();
  });
});
