/**
 * Every action the audit log records. recordAudit accepts only these, and the audit page words each
 * one (lib/audit/describe-audit.ts has a sentence for every name, checked by the type of
 * AUDIT_SENTENCES and by tests/unit/audit-sentences.test.ts in both languages): a new action cannot
 * be recorded without its sentence.
 */
export const AUDIT_ACTIONS = [
  'agenda.publish',
  'announcement.queue',
  'category.create',
  'category.update',
  'category.codes.create',
  'event.create',
  'event.clone',
  'event.settings',
  'event.publish',
  'event.open-registration',
  'event.close-registration',
  'event.archive',
  'exhibitor.create',
  'exhibitor.update',
  'exhibitor.approve',
  'listing.create',
  'listing.publish',
  'listing.reject',
  'mail.resend',
  'meeting-slot.create',
  'question.create',
  'question.update',
  'question.move',
  'question.retire',
  'registration.create',
  'registration.self-change',
  'registration.details.self-change',
  'registration.email.request',
  'registration.email.change',
  'registration.self-cancel',
  'registration.cancel',
  'registration.edit',
  'registration.confirmation.resend',
  'registration.export',
  'registration.promote',
  'registration.approve',
  'registration.reject',
  'registration.session.promote',
  'registration.check-in',
  'registration.check-in.undo',
  'registration.erase',
  'retention.erase',
  'visa.request',
  'visa.read',
  'visa.issue',
  'visa.refuse',
  'room.create',
  'room.update',
  'room.delete',
  'session.create',
  'session.update',
  'speaker.create',
  'speaker.update',
  'speaker.photo.update',
  'speaker.photo.remove',
  'speaker.profile.update',
  'stream.grant',
  'stream.revoke',
  'team.invite',
  'team.invite.accept',
  'team.invite.revoke',
  'team.member.remove',
  'venue.create',
  'venue.update',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The message key of an action's sentence: "registration.check-in" → "registrationCheckIn". */
export function auditMessageKey(action: AuditAction): string {
  return action.replace(/[.-](\w)/g, (_, letter: string) => letter.toUpperCase());
}
