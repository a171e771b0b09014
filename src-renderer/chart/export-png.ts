import type { ExportStamp } from './heatmap-view';

/** Height of the stamp band under the exported map, CSS px. */
export const STAMP_PX = 24;

/** The stamp's text: time, source and filter, separated so each reads on its own. */
export function stampText(stamp: ExportStamp): string {
  const parts = [stamp.time, stamp.source, stamp.filter ? `Filter: ${stamp.filter}` : 'No filter'];
  return parts.filter(Boolean).join('  ·  ');
}

/**
 * The map canvas as a PNG with a band underneath stating when, from where and with which
 * filter it was taken (a shared image is no use without them).
 */
export function exportPng(
  source: HTMLCanvasElement,
  stamp: ExportStamp,
  dpr: number,
  colours: { background: string; text: string },
): Promise<Blob> {
  const band = Math.round(STAMP_PX * dpr);
  const out = document.createElement('canvas');
  out.width = source.width;
  out.height = source.height + band;
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('export PNG: no 2D context'));

  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(source, 0, 0);
  ctx.fillStyle = colours.text;
  ctx.font = `${Math.round(12 * dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(
    stampText(stamp),
    Math.round(8 * dpr),
    source.height + band / 2,
    out.width - 16 * dpr,
  );

  return new Promise((resolve, reject) => {
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('export PNG: encoding failed'))),
      'image/png',
    );
  });
}

/** Starts a browser download of `blob` as `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
