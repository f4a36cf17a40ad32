// Downloads: results as CSV (from the rows on the page) or Arrow (asked of the service again, as an
// Arrow IPC stream), the plan as SVG or PNG (the drawn SVG, rasterized by the browser).
import { api } from './api.js';

export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled; NULL is an empty field.
export function toCsv(columns, rows) {
  const field = value => {
    if (value === null) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(column => field(column.name)).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return lines.join('\r\n') + '\r\n';
}

export async function arrowOf(sql) {
  const response = await api('/v1/query', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/vnd.apache.arrow.stream' },
    body: JSON.stringify({ sql }),
  });
  if (!response.ok) throw new Error((await response.json()).error.message);
  return response.blob();
}

export function svgBlob(svg) {
  const text = new XMLSerializer().serializeToString(svg);
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${text}`], { type: 'image/svg+xml' });
}

export function pngBlob(svg) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(svgBlob(svg));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Number(svg.getAttribute('width'));
      canvas.height = Number(svg.getAttribute('height'));
      canvas.getContext('2d').drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => reject(new Error('The plan could not be rasterized'));
    image.src = url;
  });
}
