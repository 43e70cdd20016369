import QRCode from 'qrcode';
import { signIds, verifySignedIds } from '@/lib/security/signed-ids';

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

export async function ticketPng(registrationId: string): Promise<Buffer> {
  return QRCode.toBuffer(ticketCode(registrationId), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 });
}

export async function ticketSvg(registrationId: string): Promise<string> {
  return QRCode.toString(ticketCode(registrationId), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
