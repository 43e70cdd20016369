import { pgEnum } from 'drizzle-orm/pg-core';

export const eventStatus = pgEnum('event_status', ['draft', 'published', 'archived']);
export const venueKind = pgEnum('venue_kind', ['main', 'branch', 'online']);
export const sessionKind = pgEnum('session_kind', [
  'ceremony',
  'keynote',
  'panel',
  'forum',
  'workshop',
  'exhibition',
  'promotion',
  'signing',
  'networking',
]);
export const sessionStatus = pgEnum('session_status', ['scheduled', 'changed', 'cancelled']);
export const speakerRole = pgEnum('speaker_role', ['speaker', 'moderator', 'panelist', 'signatory', 'host']);
export const speakerPresence = pgEnum('speaker_presence', ['onsite', 'remote']);
export const attendanceMode = pgEnum('attendance_mode', ['in_person', 'online']);
/** `pending`: in a category, awaiting the organisers' approval or a place in the category; holds no seat (docs/categories.md). */
export const registrationStatus = pgEnum('registration_status', ['confirmed', 'waitlisted', 'cancelled', 'checked_in', 'pending']);
export const seatStatus = pgEnum('seat_status', ['confirmed', 'waitlisted']);
export const participantType = pgEnum('participant_type', [
  'government',
  'enterprise',
  'research_institute',
  'university',
  'young_scientist',
  'media',
  'other',
]);
export const outboxStatus = pgEnum('outbox_status', ['queued', 'sending', 'sent', 'retry', 'failed']);
export const eventRole = pgEnum('event_role', ['organiser', 'checkin', 'speaker', 'venue_manager', 'viewer']);
export const categoryVisibility = pgEnum('category_visibility', ['public', 'invitation']);
export const approvalDecision = pgEnum('approval_decision', ['approved', 'rejected']);
/** An exhibitor's profile is public only once organisers approve it. */
export const exhibitorStatus = pgEnum('exhibitor_status', ['pending', 'approved']);
export const listingKind = pgEnum('listing_kind', ['offer', 'need']);
/** Organisers moderate listings: pending until published or rejected. */
export const listingStatus = pgEnum('listing_status', ['pending', 'published', 'rejected']);
/**
 * A 1:1 meeting request: `pending` until the other side accepts (and the meeting gets a table) or
 * declines; either side may cancel a pending or accepted one. Pending holds the slot for both people.
 */
export const meetingStatus = pgEnum('meeting_status', ['pending', 'accepted', 'declined', 'cancelled']);
