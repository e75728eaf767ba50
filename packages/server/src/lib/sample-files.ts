import { crc32, deflateSync } from 'node:zlib';

/**
 * Real files, made byte by byte, for tests that must not mock the type and size readers: each is
 * a small but complete file that an image viewer or PDF reader opens (a flat grey or coloured
 * picture, a one-page PDF).
 */

/** A PNG of one colour: 8-bit RGB, filter 0 on every row, one zlib-compressed IDAT chunk. */
export function pngImage(width: number, height: number, rgb: [number, number, number] = [40, 120, 200]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, filter 0, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A PNG whose header claims `width`×`height` at `bitDepth` bits per channel (RGB) with almost no
 * pixel data: a few dozen bytes that a viewer would try to decode into hundreds of megabytes.
 */
export function pngClaimingSize(width: number, height: number, bitDepth: 8 | 16): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([bitDepth, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A baseline greyscale JPEG of mid grey. Every 8×8 block has a DC difference of 0 and no AC
 * coefficients, so with one-symbol Huffman tables each block costs two bits ("0" then "0").
 */
export function jpegImage(width: number, height: number): Buffer {
  const segment = (marker: number, body: number[]) =>
    Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // Two zero bits a block; pad the last byte with ones as the standard asks.
  const bits = blocks * 2;
  const scan = Buffer.alloc(Math.ceil(bits / 8));
  const spare = scan.length * 8 - bits;
  if (spare > 0) scan[scan.length - 1] = (1 << spare) - 1;
  const oneSymbolTable = (tableClassAndId: number, symbol: number) => [
    tableClassAndId,
    1, // one code of length 1
    ...Array<number>(15).fill(0),
    symbol,
  ];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]), // SOI
    segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF APP0
    segment(0xdb, [0x00, ...Array<number>(64).fill(1)]), // quantisation table 0, all ones
    segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]), // SOF0, one component
    segment(0xc4, oneSymbolTable(0x00, 0x00)), // DC table 0: category 0
    segment(0xc4, oneSymbolTable(0x10, 0x00)), // AC table 0: end of block
    segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    scan,
    Buffer.from([0xff, 0xd9]), // EOI
  ]);
}

/**
 * A lossless (VP8L) WebP of one colour: no transforms and five one-symbol prefix codes, so the
 * pixels themselves take no bits at all.
 */
export function webpImage(width: number, height: number, argb: [number, number, number, number] = [255, 200, 60, 30]) {
  const bits = new BitWriter();
  bits.write(width - 1, 14);
  bits.write(height - 1, 14);
  bits.write(0, 1); // alpha is not used
  bits.write(0, 3); // version 0
  bits.write(0, 1); // no transform
  bits.write(0, 1); // no colour cache
  bits.write(0, 1); // no meta prefix codes
  const [alpha, red, green, blue] = argb;
  // Green, red, blue, alpha, distance: each a "simple" code with one 8-bit symbol.
  for (const symbol of [green, red, blue, alpha, 0]) {
    bits.write(1, 1); // simple code
    bits.write(0, 1); // one symbol
    bits.write(1, 1); // of 8 bits
    bits.write(symbol, 8);
  }
  const data = Buffer.concat([Buffer.from([0x2f]), bits.bytes()]);
  const chunk = Buffer.concat([
    Buffer.from('VP8L'),
    u32le(data.length),
    data,
    data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0),
  ]);
  return Buffer.concat([Buffer.from('RIFF'), u32le(4 + chunk.length), Buffer.from('WEBP'), chunk]);
}

class BitWriter {
  private readonly out: number[] = [];
  private current = 0;
  private used = 0;

  /** Least significant bit first, as VP8L reads. */
  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.current |= ((value >> i) & 1) << this.used;
      if (++this.used === 8) {
        this.out.push(this.current);
        this.current = 0;
        this.used = 0;
      }
    }
  }

  bytes(): Buffer {
    return Buffer.from(this.used > 0 ? [...this.out, this.current] : this.out);
  }
}

function u32le(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

/**
 * A one-page PDF that says `text`, with a correct cross-reference table. `totalBytes` pads it to
 * exactly that size with a comment line before the table, so it stays a valid PDF.
 */
export function pdfDocument(text = 'Invoice INV-1001', totalBytes?: number): Buffer {
  const build = (padding: number): Buffer => {
    const content = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    objects.forEach((object, index) => {
      offsets.push(Buffer.byteLength(body, 'latin1'));
      body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    });
    if (padding > 0) body += `%${' '.repeat(padding - 2)}\n`;
    const xrefAt = Buffer.byteLength(body, 'latin1');
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    return Buffer.from(body, 'latin1');
  };
  const plain = build(0);
  if (totalBytes === undefined) return plain;
  // Padding moves the table, which can add a digit to its offset: settle in a few rounds.
  let padding = Math.max(2, totalBytes - plain.length);
  for (let round = 0; round < 4; round++) {
    const padded = build(padding);
    if (padded.length === totalBytes) return padded;
    padding += totalBytes - padded.length;
  }
  throw new Error(`cannot pad the PDF to exactly ${totalBytes} bytes`);
}
