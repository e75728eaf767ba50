/**
 * The headers of a file sent to a browser: its type as stored, and nothing in it (a PDF, an
 * image) runs script on our origin or is read by another site.
 */
export function fileHeaders(file: {
  readonly contentType: string;
  readonly disposition: string;
  readonly cacheControl: string;
}): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Disposition': file.disposition,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': file.cacheControl,
  };
}
