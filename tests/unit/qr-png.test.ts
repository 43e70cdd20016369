import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPng } from '@/lib/tickets/qr-png';
import { registrationIdFromTicket, ticketCode, ticketPng } from '@/lib/tickets/ticket';

function decoded(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** The PNG's pixels as dark (true) or light, read back by pngjs: what a mail client shows. */
function pixels(png: Buffer): { width: number; height: number; dark: (x: number, y: number) => boolean } {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, dark: (x, y) => image.data[(y * image.width + x) * 4]! < 128 };
}

describe('the mailed QR ticket', () => {
  it('decodes to the signed ticket code, which the desk reads back as the registration', () => {
    for (let i = 0; i < 25; i++) {
      const id = randomUUID();
      const code = decoded(ticketPng(id));
      expect(code).toBe(ticketCode(id));
      expect(registrationIdFromTicket(code!)).toBe(id);
    }
  });

  it('is a one-bit greyscale PNG of about 320 pixels, a whole number of pixels a module', () => {
    const png = ticketPng(randomUUID());
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt8(24)).toBe(1); // bit depth
    expect(png.readUInt8(25)).toBe(0); // greyscale
    const { width, height } = pixels(png);
    expect(width).toBe(height);
    const symbol = QRCode.create([{ data: Buffer.from(ticketCode(randomUUID())), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    expect(width % (symbol.modules.size + 4)).toBe(0);
    expect(Math.abs(width - 320)).toBeLessThanOrEqual((symbol.modules.size + 4) / 2);
    expect(png.length).toBeLessThan(1500);
  });
});

describe('qrPng', () => {
  it('draws every module as a scale × scale square inside a light quiet zone, for any symbol', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 4 }),
        (text, scale, margin) => {
          const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
          const image = pixels(qrPng(modules, { scale, margin }));
          const side = (modules.size + 2 * margin) * scale;
          expect(image.width).toBe(side);
          expect(image.height).toBe(side);
          for (let y = 0; y < side; y++)
            for (let x = 0; x < side; x++) {
              const row = Math.floor(y / scale) - margin;
              const column = Math.floor(x / scale) - margin;
              const inside = row >= 0 && column >= 0 && row < modules.size && column < modules.size;
              if (image.dark(x, y) !== (inside && Boolean(modules.get(row, column)))) throw new Error(`pixel ${x},${y} of ${text}`);
            }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes valid chunks: pngjs checks every CRC, and the image data inflates to one filter byte and the packed bits a row', () => {
    const { modules } = QRCode.create('HF1.check', { errorCorrectionLevel: 'M' });
    const png = qrPng(modules, { scale: 3, margin: 2 });
    expect(() => PNG.sync.read(png, { checkCRC: true } as never)).not.toThrow();
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    const side = (modules.size + 4) * 3;
    expect(raw.length).toBe(side * (Math.ceil(side / 8) + 1));
    for (let y = 0; y < side; y++) expect(raw[y * (Math.ceil(side / 8) + 1)]).toBe(0);
    expect(png.subarray(-12).toString('hex')).toBe('0000000049454e44ae426082');
  });
});
