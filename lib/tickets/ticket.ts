import QRCode from 'qrcode';
import { mac, macMatches } from '@/lib/security/signing';

const PURPOSE = 'ticket';
const PREFIX = 'HF1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The code a ticket's QR carries: the registration id and a MAC, nothing personal. Check-in looks the
 * person up by id only after the MAC proves the code was issued here.
 */
export function ticketCode(registrationId: string): string {
  return `${PREFIX}.${registrationId}.${mac(PURPOSE, registrationId)}`;
}

/** The registration id of a scanned or typed code, or null when it is malformed or forged. */
export function registrationIdFromTicket(code: string): string | null {
  if (typeof code !== 'string' || code.length > 200) return null;
  const [prefix, id, signature, extra] = code.trim().split('.');
  if (prefix !== PREFIX || !id || !signature || extra !== undefined || !UUID.test(id)) return null;
  return macMatches(PURPOSE, id, signature) ? id : null;
}

export async function ticketPng(registrationId: string): Promise<Buffer> {
  return QRCode.toBuffer(ticketCode(registrationId), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 });
}

export async function ticketSvg(registrationId: string): Promise<string> {
  return QRCode.toString(ticketCode(registrationId), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
