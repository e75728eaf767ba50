import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { drawCode128 } from './label-barcode.js';
import { labelFont } from './label-font.js';
import { ReturnLabelAddressTooLongError } from './return-labels.errors.js';
import { printable, requirePrintable, wrapText, type PrintedText } from './label-text.js';

/** A postal address as it is printed, one line each (the caller formats it for its country). */
export interface PrintedAddress {
  readonly name: string;
  readonly lines: readonly string[];
}

/** What the 4×6 in return label shows. */
export interface ReturnLabelContent {
  readonly rma: string;
  readonly returnTo: PrintedAddress;
  /** The seller's name as buyers know it. */
  readonly seller: string;
  readonly orderId: string;
  /** Marketplace code, e.g. "US". */
  readonly marketplace: string;
  /** The last day the parcel may be sent, as printed (e.g. "2026-12-31"); null when not known. */
  readonly returnBy: string | null;
  /** When the document was made: its creation date, so the same content gives the same bytes. */
  readonly issuedAt: Date;
}

export interface PackingSlipItem {
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
}

/** What the packing slip (a letter page to put inside the parcel) shows. */
export interface PackingSlipContent extends ReturnLabelContent {
  /** Why the buyer returns it, in words. */
  readonly reason: string;
  readonly items: readonly PackingSlipItem[];
}

/** 4 × 6 in, the size of thermal shipping labels; 72 pt to the inch. */
export const LABEL_SIZE: readonly [number, number] = [4 * 72, 6 * 72];
/** US Letter, the paper of the US, Canada and Mexico. */
export const LETTER_SIZE: readonly [number, number] = [8.5 * 72, 11 * 72];

const INK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

/**
 * The return label: where the parcel goes, the RMA as text and as a Code 128 barcode, the seller
 * and the order. The system's label is not prepaid: the buyer pays the postage, and it says so.
 * Throws ReturnLabelUnprintableError, printing nothing, when a text has characters the font lacks.
 */
export async function renderReturnLabel(content: ReturnLabelContent): Promise<Uint8Array> {
  const { document, font } = await startDocument(content, labelTexts(content), `Return label ${content.rma}`);
  const [width, height] = LABEL_SIZE;
  const margin = 14;
  const page = document.addPage([width, height]);
  const pen = new Pen(page, font, margin, height - margin, width - 2 * margin);

  pen.line('RETURN', 20);
  pen.line('Postage not prepaid: the sender pays the postage.', 7, GREY);
  pen.rule();
  pen.line('FROM (sender, write your name and address):', 7, GREY);
  pen.gap(34);
  pen.rule();
  pen.line('SHIP TO', 7, GREY);
  pen.wrapped(content.returnTo.name, 13, 2);
  // The address is never cut short: smaller print when it is long, a refusal when even that fails.
  const size = [11, 9].find((s) => addressLines(content.returnTo, font, s, pen.width).length <= MAX_ADDRESS_LINES);
  if (size === undefined) throw new ReturnLabelAddressTooLongError(MAX_ADDRESS_LINES);
  for (const line of addressLines(content.returnTo, font, size, pen.width)) pen.line(line, size);
  pen.rule();
  pen.line('RMA (return authorization number)', 7, GREY);
  pen.line(printable(content.rma), 18);
  pen.barcode(content.rma, 58);
  pen.rule();
  pen.wrapped(`Seller: ${content.seller}`, 9, 2);
  pen.line(`Order: ${printable(content.orderId)}    Marketplace: ${content.marketplace}`, 9);
  if (content.returnBy) pen.line(`Send by ${content.returnBy}.`, 9);
  pen.wrapped('Write the RMA on the parcel only as printed here. Put the packing slip inside the parcel.', 7, 2, GREY);
  return document.save();
}

/**
 * The packing slip that goes inside the parcel: the RMA (text and barcode) so the warehouse can
 * match the parcel to the return, the order, the reason and every item. More pages when the items
 * do not fit on one. Throws ReturnLabelUnprintableError like the label.
 */
export async function renderPackingSlip(content: PackingSlipContent): Promise<Uint8Array> {
  const texts: PrintedText[] = [
    ...labelTexts(content),
    { field: 'reason', text: content.reason },
    ...content.items.flatMap((item, index) => [
      { field: `items[${index}].sku`, text: item.sku },
      { field: `items[${index}].title`, text: item.title },
    ]),
  ];
  const { document, font } = await startDocument(content, texts, `Packing slip ${content.rma}`);
  const [width, height] = LETTER_SIZE;
  const margin = 48;
  const newPage = (continued: boolean): Pen => {
    const pen = new Pen(document.addPage([width, height]), font, margin, height - margin, width - 2 * margin);
    if (continued) {
      pen.line(`Packing slip, RMA ${printable(content.rma)} (continued)`, 10, GREY);
      pen.rule();
    }
    return pen;
  };

  let pen = newPage(false);
  pen.line('PACKING SLIP', 22);
  pen.line('Put this page inside the parcel, on top of the items.', 10, GREY);
  pen.rule();
  pen.line('RMA (return authorization number)', 9, GREY);
  pen.line(printable(content.rma), 24);
  pen.barcode(content.rma, 64, 300);
  pen.gap(4);
  pen.wrapped(`Seller: ${content.seller}`, 11, 2);
  pen.line(`Order: ${printable(content.orderId)}    Marketplace: ${content.marketplace}`, 11);
  pen.wrapped(`Reason: ${content.reason}`, 11, 3);
  if (content.returnBy) pen.line(`Send by ${content.returnBy}.`, 11);
  pen.rule();

  const columns = { sku: 0, title: 150, quantity: width - 2 * margin - 40 };
  const titleWidth = columns.quantity - columns.title - 12;
  const header = (p: Pen) => {
    p.columns(10, GREY, [columns.sku, 'SKU'], [columns.title, 'Item'], [columns.quantity, 'Quantity']);
    p.gap(2);
  };
  header(pen);
  for (const item of content.items) {
    const skuLines = wrapText(item.sku, font, 10, columns.title - 12, 3);
    const titleLines = wrapText(item.title, font, 10, titleWidth, 4);
    const rows = Math.max(skuLines.length, titleLines.length);
    if (!pen.hasRoom(rows * 13 + 6)) {
      pen = newPage(true);
      header(pen);
    }
    for (let row = 0; row < rows; row += 1) {
      pen.columns(
        10,
        INK,
        [columns.sku, skuLines[row] ?? ''],
        [columns.title, titleLines[row] ?? ''],
        [columns.quantity, row === 0 ? String(item.quantity) : ''],
      );
    }
    pen.gap(4);
  }
  return document.save();
}

/** Lines of the return address below its name on the label, at most (at 9 pt). */
const MAX_ADDRESS_LINES = 7;

function addressLines(address: PrintedAddress, font: PDFFont, size: number, width: number): string[] {
  return address.lines.flatMap((line) => wrapText(line, font, size, width, MAX_ADDRESS_LINES + 1));
}

function labelTexts(content: ReturnLabelContent): PrintedText[] {
  return [
    { field: 'rma', text: content.rma },
    { field: 'returnAddress.name', text: content.returnTo.name },
    ...content.returnTo.lines.map((text, index) => ({ field: `returnAddress.lines[${index}]`, text })),
    { field: 'seller', text: content.seller },
    { field: 'orderId', text: content.orderId },
  ];
}

async function startDocument(
  content: ReturnLabelContent,
  texts: readonly PrintedText[],
  title: string,
): Promise<{ document: PDFDocument; font: PDFFont }> {
  const { bytes, characters } = await labelFont();
  requirePrintable(texts, characters);
  // Dates from the content, not the clock: the same label is the same file.
  const document = await PDFDocument.create({ updateMetadata: false });
  document.registerFontkit(fontkit);
  document.setTitle(printable(title));
  document.setCreator('Recertify');
  document.setProducer('Recertify (pdf-lib, bwip-js)');
  document.setCreationDate(content.issuedAt);
  document.setModificationDate(content.issuedAt);
  const font = await document.embedFont(bytes, { subset: true });
  return { document, font };
}

/** Writes down a page from the top: each call moves below what it drew. */
class Pen {
  private y: number;

  constructor(
    private readonly page: PDFPage,
    private readonly font: PDFFont,
    private readonly x: number,
    top: number,
    readonly width: number,
    private readonly bottom = x,
  ) {
    this.y = top;
  }

  line(text: string, size: number, color = INK): void {
    this.y -= size * 1.2;
    this.requireRoom();
    this.page.drawText(text, { x: this.x, y: this.y, size, font: this.font, color });
  }

  wrapped(text: string, size: number, maxLines: number, color = INK): void {
    for (const line of wrapText(text, this.font, size, this.width, maxLines)) this.line(line, size, color);
  }

  columns(size: number, color: typeof INK, ...cells: Array<[offset: number, text: string]>): void {
    this.y -= size * 1.3;
    for (const [offset, text] of cells) {
      if (text) this.page.drawText(text, { x: this.x + offset, y: this.y, size, font: this.font, color });
    }
  }

  barcode(text: string, height: number, maxWidth = this.width): void {
    this.y -= height + 4;
    this.requireRoom();
    drawCode128(this.page, text, { x: this.x, y: this.y, maxWidth, height });
  }

  rule(): void {
    this.y -= 6;
    this.page.drawLine({
      start: { x: this.x, y: this.y },
      end: { x: this.x + this.width, y: this.y },
      thickness: 1,
      color: INK,
    });
    this.y -= 2;
  }

  gap(points: number): void {
    this.y -= points;
  }

  hasRoom(points: number): boolean {
    return this.y - points > this.bottom;
  }

  /** The layout's own limits keep every text on the page; this catches a mistake in them. */
  private requireRoom(): void {
    if (this.y < this.bottom) throw new Error('the document layout ran off the bottom of the page');
  }
}
