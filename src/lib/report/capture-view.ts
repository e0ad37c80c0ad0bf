/**
 * Captures a rendered view for `viewReportHtml`: its HTML without scripts, event-handler
 * attributes or form controls, and the page's CSS rules (same-origin stylesheets only).
 */
export function captureView(element: HTMLElement): { html: string; css: string } {
  const clone = element.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('script, button, input, select, dialog').forEach((node) => node.remove());
  clone.querySelectorAll('*').forEach((node) => {
    for (const attribute of [...node.attributes]) {
      if (attribute.name.startsWith('on')) node.removeAttribute(attribute.name);
    }
  });
  const css: string[] = [];
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) css.push(rule.cssText);
    } catch {
      // a cross-origin sheet cannot be read; AnnoQA has none
    }
  }
  return { html: clone.outerHTML, css: css.join('\n') };
}
