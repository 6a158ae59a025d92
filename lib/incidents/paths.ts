export function remediationPath(incidentSlug: string, categorySlug: string): string {
  return `/remediation/${encodeURIComponent(incidentSlug)}/${encodeURIComponent(categorySlug)}`;
}

/** The console's preview of a group's public page with the drafts in place. */
export function previewPath(incidentSlug: string, categorySlug: string, locale: string): string {
  const page = `/admin/incidents/${encodeURIComponent(incidentSlug)}/preview/${encodeURIComponent(categorySlug)}`;
  return `${page}?locale=${encodeURIComponent(locale)}`;
}

/** The printable breach notice of an incident (app/notice/[incident]/page.tsx). */
export function noticePath(incidentSlug: string): string {
  return `/notice/${encodeURIComponent(incidentSlug)}`;
}
