export function remediationPath(incidentSlug: string, categorySlug: string): string {
  return `/remediation/${encodeURIComponent(incidentSlug)}/${encodeURIComponent(categorySlug)}`;
}

/** The printable breach notice of an incident (app/notice/[incident]/page.tsx). */
export function noticePath(incidentSlug: string): string {
  return `/notice/${encodeURIComponent(incidentSlug)}`;
}
