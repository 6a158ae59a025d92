export function remediationPath(incidentSlug: string, categorySlug: string): string {
  return `/remediation/${encodeURIComponent(incidentSlug)}/${encodeURIComponent(categorySlug)}`;
}
