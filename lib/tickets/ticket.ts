import QRCode from 'qrcode';
import { signIds, verifySignedIds } from '@/lib/security/signed-ids';
import { qrPng } from './qr-png';

const PURPOSE = 'ticket';
const PREFIX = 'HF1.';

/**
 * The code a ticket's QR carries: the registration id and a MAC, nothing personal. Check-in looks the
 * person up by id only after the MAC proves the code was issued here.
 */
export function ticketCode(registrationId: string): string {
  return `${PREFIX}${signIds(PURPOSE, [registrationId])}`;
}

/** The registration id of a scanned or typed code, or null when it is malformed or forged. */
export function registrationIdFromTicket(code: string): string | null {
  if (typeof code !== 'string') return null;
  const trimmed = code.trim();
  return trimmed.startsWith(PREFIX) ? (verifySignedIds(PURPOSE, trimmed.slice(PREFIX.length), 1)?.[0] ?? null) : null;
}

/** About this many pixels across: a whole number of pixels a module, so every module is the same size. */
const TICKET_PIXELS = 320;
const QUIET_ZONE_MODULES = 2;

/**
 * The QR ticket every in-person confirmation carries, rendered by the mail worker per recipient. The
 * code is one byte-mode segment: qrcode would otherwise search for the shortest mix of modes, which
 * gives the same version for this code at twice the CPU.
 */
export function ticketPng(registrationId: string): Buffer {
  const symbol = QRCode.create([{ data: Buffer.from(ticketCode(registrationId)), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const modules = symbol.modules.size + 2 * QUIET_ZONE_MODULES;
  return qrPng(symbol.modules, { scale: Math.max(4, Math.round(TICKET_PIXELS / modules)), margin: QUIET_ZONE_MODULES });
}

export async function ticketSvg(registrationId: string): Promise<string> {
  return QRCode.toString(ticketCode(registrationId), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
