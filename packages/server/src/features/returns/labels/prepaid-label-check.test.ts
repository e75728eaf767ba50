import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkPrepaidLabelPdf } from './prepaid-label-check.js';
import { PrepaidLabelRefusedError } from './return-labels.errors.js';

async function pdfWithPages(...sizes: Array<[number, number]>): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (const size of sizes) document.addPage(size);
  return document.save({ addDefaultPage: false });
}

async function ruleOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrepaidLabelRefusedError);
  expect((error as PrepaidLabelRefusedError).details.field).toBe('uploadId');
  return (error as PrepaidLabelRefusedError).details.rule;
}

const check = (bytes: Uint8Array, type = 'application/pdf') => checkPrepaidLabelPdf(bytes, type, 'uploadId');

describe('an uploaded prepaid label', () => {
  it('is accepted as a 4×6 in label, a letter page, or a label with three pages of forms', async () => {
    expect(await check(await pdfWithPages([288, 432]))).toBe(1);
    expect(await check(await pdfWithPages([612, 792]))).toBe(1);
    expect(await check(await pdfWithPages([432, 288], [612, 792], [595, 842], [612, 1008]))).toBe(4);
  });

  it('is refused when it is not a PDF, whatever its name, or is damaged', async () => {
    expect(await ruleOf(check(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'))).toBe('NOT_PDF');
    expect(await ruleOf(check(Buffer.from('%PDF-1.7 but nothing else %%EOF')))).toBe('DAMAGED');
  });

  it('is refused with no page or more than 4 pages', async () => {
    expect(await ruleOf(check(await pdfWithPages()))).toBe('PAGES');
    const five = await pdfWithPages(...Array.from({ length: 5 }, (): [number, number] => [288, 432]));
    expect(await ruleOf(check(five))).toBe('PAGES');
  });

  it('is refused with a page smaller than 2 × 2 in or larger than 8.5 × 14 in', async () => {
    expect(await ruleOf(check(await pdfWithPages([140, 432])))).toBe('PAGE_SIZE');
    expect(await check(await pdfWithPages([144, 144]))).toBe(1);
    expect(await ruleOf(check(await pdfWithPages([612, 1010])))).toBe('PAGE_SIZE');
    expect(await ruleOf(check(await pdfWithPages([1224, 792])))).toBe('PAGE_SIZE');
  });
});
