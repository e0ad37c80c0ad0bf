/**
 * Serialises a chart's <svg> into a standalone SVG document: computed colours of the
 * current theme are inlined (CSS variables and classes do not travel with the file), and
 * the XML namespace is set so the file opens in any viewer.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = svg.querySelectorAll('*');
  const target = clone.querySelectorAll('*');
  const properties = [
    'fill',
    'stroke',
    'stroke-width',
    'stroke-dasharray',
    'font-size',
    'font-family',
    'font-weight',
    'opacity',
    'text-anchor',
  ];
  source.forEach((element, i) => {
    const style = getComputedStyle(element);
    const declarations = properties.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    (target[i] as SVGElement).setAttribute('style', declarations);
  });
  const box = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (box && box.width) {
    clone.setAttribute('width', String(box.width));
    clone.setAttribute('height', String(box.height));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Rasterises a standalone SVG document to a PNG blob at `scale` × its size (same origin: no request leaves). */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--panel') || '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Starts a download of `data` as `fileName` (a blob URL of this page: nothing is sent anywhere). */
export function downloadBlob(data: Blob | string, fileName: string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe slug of a chart title. */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  );
}
