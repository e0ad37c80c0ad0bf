/**
 * Escapes text for HTML element content and quoted attribute values (& < > " '), the OWASP
 * rule for untrusted data in HTML. Every label, id and file name in a report or certificate
 * goes through it.
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
