import { EncryptedPDFError, PDFDocument, type PDFPage } from 'pdf-lib';
import { PrepaidLabelRefusedError } from './return-labels.errors.js';

/** A prepaid label is a label (and perhaps its instructions or a customs form): a few pages. */
export const PREPAID_LABEL_MAX_PAGES = 4;
/** Smallest page: 2 × 2 in. Largest: 8.5 × 14 in (US Legal; A4 and Letter fit). In points. */
const MIN_SIDE_PT = 2 * 72;
const MAX_SHORT_SIDE_PT = 8.5 * 72;
const MAX_LONG_SIDE_PT = 14 * 72;
/** Page sizes are compared to the point, with room for rounding in the file. */
const SLACK_PT = 1;

/**
 * Decides whether an uploaded file may be the prepaid label the buyer prints. The upload route
 * has already checked the content as a document (uploads/upload-checks.ts: type by its bytes,
 * size, %PDF header and %%EOF marker); this adds what a label needs: a PDF (not a photo of one),
 * that opens without a password, 1 to 4 pages, each of a size a printer takes. Returns the page
 * count. Throws PrepaidLabelRefusedError naming `field` and the rule.
 */
export async function checkPrepaidLabelPdf(bytes: Uint8Array, contentType: string, field: string): Promise<number> {
  const refuse = (rule: ConstructorParameters<typeof PrepaidLabelRefusedError>[1], problem: string) =>
    new PrepaidLabelRefusedError(field, rule, problem);
  if (contentType !== 'application/pdf' || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw refuse('NOT_PDF', `a prepaid label is a PDF file; this upload is ${contentType}`);
  }
  let pages: PDFPage[];
  try {
    // pdf-lib reads what it can of a broken file and fails later, when its pages are asked for.
    pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPages();
  } catch (error) {
    if (error instanceof EncryptedPDFError) {
      throw refuse('ENCRYPTED', 'the PDF is encrypted or has a password; save it without one and upload it again');
    }
    throw refuse('DAMAGED', 'the PDF cannot be read; it looks damaged; save or download it again');
  }
  if (pages.length === 0 || pages.length > PREPAID_LABEL_MAX_PAGES) {
    throw refuse('PAGES', `a prepaid label has 1 to ${PREPAID_LABEL_MAX_PAGES} pages; this PDF has ${pages.length}`);
  }
  pages.forEach((page, index) => {
    const { width, height } = page.getSize();
    const [short, long] = [Math.min(width, height), Math.max(width, height)];
    if (short + SLACK_PT < MIN_SIDE_PT || short > MAX_SHORT_SIDE_PT + SLACK_PT || long > MAX_LONG_SIDE_PT + SLACK_PT) {
      throw refuse(
        'PAGE_SIZE',
        `page ${index + 1} is ${inches(width)} × ${inches(height)} in; label pages are from 2 × 2 in to 8.5 × 14 in`,
      );
    }
  });
  return pages.length;
}

function inches(points: number): string {
  return (points / 72).toFixed(1);
}
