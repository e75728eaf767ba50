import { PDFDocument } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { code128Modules } from './label-barcode.js';
import {
  LABEL_SIZE,
  LETTER_SIZE,
  renderPackingSlip,
  renderReturnLabel,
  type PackingSlipContent,
} from './return-label-pdf.js';
import { ReturnLabelAddressTooLongError, ReturnLabelUnprintableError } from './return-labels.errors.js';

const content: PackingSlipContent = {
  rma: '7KQ2M-9XD4P',
  returnTo: {
    name: 'Renewed Returns Dept.',
    lines: ['1200 Harbor Blvd, Suite 4', 'Weehawken, NJ 07086', 'United States'],
  },
  seller: 'Approved Electronics LLC',
  orderId: '113-4455667-8899001',
  marketplace: 'US',
  returnBy: '2026-12-31',
  issuedAt: new Date('2026-11-23T17:00:00Z'),
  reason: 'Defective',
  items: [{ sku: 'RN-IPH12-64-BLK', title: 'iPhone 12, 64 GB, black (Renewed)', quantity: 1 }],
};

async function textOf(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: pdf.slice() });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function pageSizes(pdf: Uint8Array): Promise<Array<[number, number]>> {
  const document = await PDFDocument.load(pdf);
  return document.getPages().map((page) => [page.getWidth(), page.getHeight()]);
}

describe('the return label', () => {
  it('is a 4×6 in PDF that reads back with the return address, the RMA, the seller and the order', async () => {
    const pdf = await renderReturnLabel(content);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(await pageSizes(pdf)).toEqual([LABEL_SIZE]);
    const text = await textOf(pdf);
    for (const expected of [
      'Renewed Returns Dept.',
      '1200 Harbor Blvd, Suite 4',
      'Weehawken, NJ 07086',
      '7KQ2M-9XD4P',
      'Seller: Approved Electronics LLC',
      'Order: 113-4455667-8899001',
      'Postage not prepaid',
    ]) {
      expect(text).toContain(expected);
    }
    // A few kilobytes: the font is embedded as a subset.
    expect(pdf.byteLength).toBeLessThan(40_000);
  });

  it('prints Chinese and accented addresses with the embedded font', async () => {
    const pdf = await renderReturnLabel({
      ...content,
      returnTo: {
        name: '深圳翻新电子有限公司 退货部',
        lines: ['广东省深圳市南山区科技园 12 号', 'Zoë Ångström, Peñasco, Sœur'],
      },
      seller: '深圳翻新电子',
    });
    const text = await textOf(pdf);
    expect(text).toContain('深圳翻新电子有限公司 退货部');
    expect(text).toContain('广东省深圳市南山区科技园 12 号');
    expect(text).toContain('Zoë Ångström, Peñasco, Sœur');
  });

  it('refuses, naming each field and character, text the font has no glyph for', async () => {
    const refusal = await renderReturnLabel({
      ...content,
      // Arabic, Latin Extended-A beyond what Noto Sans SC draws, an emoji.
      returnTo: { name: 'Returns', lines: ['شارع', 'Łódź', 'Riyadh 🏠'] },
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ReturnLabelUnprintableError);
    const { fields } = (refusal as ReturnLabelUnprintableError).details;
    expect(fields.map((f) => f.field)).toEqual([
      'returnAddress.lines[0]',
      'returnAddress.lines[1]',
      'returnAddress.lines[2]',
    ]);
    expect(fields[1]!.characters).toEqual(['Ł', 'ź']);
    expect(fields[2]!.characters).toEqual(['🏠']);
    expect((refusal as Error).message).toContain('U+1F3E0');
  });

  it('wraps a long address line instead of running off the label, and refuses one that cannot fit', async () => {
    const long = 'Building 7, Gate 3, Loading Dock C, Attention: Returns Processing (Renewed program)';
    const text = await textOf(await renderReturnLabel({ ...content, returnTo: { name: 'Returns', lines: [long] } }));
    expect(text.replace(/\s+/g, ' ')).toContain(long);

    const tooLong = await renderReturnLabel({
      ...content,
      returnTo: { name: 'Returns', lines: Array.from({ length: 6 }, () => long) },
    }).catch((error: unknown) => error);
    expect(tooLong).toBeInstanceOf(ReturnLabelAddressTooLongError);
  });

  it('is the same file for the same content', async () => {
    expect(Buffer.from(await renderReturnLabel(content))).toEqual(Buffer.from(await renderReturnLabel(content)));
  });

  it('draws the Code 128 bars of the RMA: start code B, the stop pattern, 11 modules a symbol', () => {
    const modules = code128Modules(content.rma);
    // Start B is 2-1-1-2-1-4; stop is 2-3-3-1-1-1-2 (13 modules); 11 characters + check = 12 symbols.
    expect(modules.slice(0, 6)).toEqual([2, 1, 1, 2, 1, 4]);
    expect(modules.slice(-7)).toEqual([2, 3, 3, 1, 1, 1, 2]);
    expect(modules.reduce((a, b) => a + b, 0)).toBe(11 + 12 * 11 + 13);
  });
});

describe('the packing slip', () => {
  it('reads back with the RMA, the order, the reason and every item', async () => {
    const pdf = await renderPackingSlip(content);
    expect(await pageSizes(pdf)).toEqual([LETTER_SIZE]);
    const text = await textOf(pdf);
    for (const expected of ['PACKING SLIP', '7KQ2M-9XD4P', 'Order: 113-4455667-8899001', 'Reason: Defective']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('RN-IPH12-64-BLK');
    expect(text).toContain('iPhone 12, 64 GB, black (Renewed)');
  });

  it('goes on to more pages when the items do not fit on one, each saying which RMA it belongs to', async () => {
    const items = Array.from({ length: 80 }, (_, i) => ({
      sku: `SKU-${i + 1}`,
      title: `Item number ${i + 1}`,
      quantity: 1,
    }));
    const pdf = await renderPackingSlip({ ...content, items });
    const pages = await pageSizes(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const text = await textOf(pdf);
    expect(text).toContain('SKU-1 ');
    expect(text).toContain('SKU-80');
    expect(text).toContain('Packing slip, RMA 7KQ2M-9XD4P (continued)');
  });
});
