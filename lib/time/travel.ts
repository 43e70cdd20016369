/**
 * Two on-site appearances at different venues closer than this cannot both happen (the forum's
 * venues are countries apart). Shared by the organisers' conflict checks and the speaker portal.
 */
export const TRAVEL_HOURS = 12;
