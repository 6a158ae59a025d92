import { AuditQuery, listAudit } from "@/lib/audit/list";
import { parseInput } from "@/lib/validation/parse-input";
import { json } from "@/lib/http/respond";
import { getServices, route } from "@/lib/services";

/** GET /api/admin/audit?actor=&action=&from=&to=&page= → one page of the audit log (owners). */
export const GET = route(
  async ({ req }) => {
    const filter = parseInput(AuditQuery, Object.fromEntries(new URL(req.url).searchParams));
    return json(await listAudit(getServices().db, filter));
  },
  { permission: "audit:view" },
);
