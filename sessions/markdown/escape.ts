/** Text as HTML that shows it as it is (for innerHTML, attributes included). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
