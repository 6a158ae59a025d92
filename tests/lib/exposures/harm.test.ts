import { describe, expect, it } from "vitest";
import { rankByHarm } from "@/lib/exposures/harm";

describe("rankByHarm", () => {
  it("puts identity documents before a PIN, a birth date, device ids and a name", () => {
    expect(
      rankByHarm([
        "Name",
        "Address",
        "Date of birth",
        "Phone number",
        "IMEI and IMSI",
        "Account PIN",
        "Driver's licence or ID information",
        "Social Security number",
      ]),
    ).toEqual([
      "Driver's licence or ID information",
      "Social Security number",
      "Account PIN",
      "Date of birth",
      "IMEI and IMSI",
      "Address",
      "Phone number",
      "Name",
    ]);
  });

  it("reads Spanish labels too", () => {
    expect(rankByHarm(["Nombre", "Número de Seguro Social", "PIN de la cuenta"])).toEqual([
      "Número de Seguro Social",
      "PIN de la cuenta",
      "Nombre",
    ]);
  });

  it("places an unknown label after the harmful ones and before contact details, keeping ties in order", () => {
    expect(rankByHarm(["Name", "Plan type", "Billing history", "Account PIN"])).toEqual([
      "Account PIN",
      "Plan type",
      "Billing history",
      "Name",
    ]);
  });
});
