/**
 * Escapes text for HTML element content and quoted attribute values (& < > " '), the OWASP
 * rule for untrusted data in HTML. Every label, id and file name in a certificate goes through it.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
