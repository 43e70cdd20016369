import type { MailLocale } from './mail-locale';

export type RegistrationMailKind = 'confirmed' | 'waitlisted' | 'promoted' | 'changed' | 'cancelled' | 'manage-link' | 'schedule-changed';

type Copy = {
  subject: Record<RegistrationMailKind, string>;
  lead: Record<RegistrationMailKind, string>;
  greeting: (name: string) => string;
  attendance: string;
  inPersonAt: (venue: string) => string;
  online: string;
  waitlistedForVenue: (position: number) => string;
  sessions: string;
  noSessions: string;
  seatConfirmed: string;
  seatWaitlisted: (position: number) => string;
  relayedIn: (room: string) => string;
  yourVenue: string;
  /** The link to a venue's address on a map. */
  map: string;
  joinOnline: string;
  joinHowTo: string;
  removed: string;
  scheduleChanges: string;
  ticket: string;
  ticketHelp: string;
  manage: string;
  manageHelp: string;
  calendarHelp: string;
  footer: (forum: string) => string;
  changeMoved: (title: string, now: string, was: string) => string;
  changeCancelled: (title: string, was: string) => string;
  changeRoom: (title: string, room: string) => string;
};

const en: Copy = {
  subject: {
    confirmed: 'Registration confirmed',
    waitlisted: 'You are on the waitlist',
    promoted: 'A seat is now yours',
    changed: 'Your registration was updated',
    cancelled: 'Registration cancelled',
    'manage-link': 'Your registration and its manage link',
    'schedule-changed': 'Programme change for your sessions',
  },
  lead: {
    confirmed: 'Thank you for registering. Your place is confirmed.',
    waitlisted:
      'Thank you for registering. The venue is full for now, so you are on the waitlist; we will write as soon as a seat is yours.',
    promoted: 'Good news: a seat has become free and it is now yours.',
    changed: 'Your registration was updated. Here is what you hold now.',
    cancelled: 'Your registration was cancelled. The calendar entries below are removed.',
    'manage-link':
      'Someone (hopefully you) tried to register again with this address. You are already registered; here is your registration and its manage link.',
    'schedule-changed': 'The organisers changed the programme. These changes affect sessions you chose:',
  },
  greeting: (name) => `Dear ${name},`,
  attendance: 'Attendance',
  inPersonAt: (venue) => `In person at ${venue}`,
  online: 'Online',
  waitlistedForVenue: (position) => `Waitlisted for the venue, number ${position} in line`,
  sessions: 'Your sessions',
  noSessions: 'No sessions chosen.',
  seatConfirmed: 'confirmed',
  seatWaitlisted: (position) => `waitlist #${position}`,
  relayedIn: (room) => `shown live in ${room}`,
  yourVenue: 'your venue',
  map: 'Map',
  joinOnline: 'Join online',
  joinHowTo: 'Online attendees join each session from its personal join page below; the stream opens 15 minutes before the start.',
  removed: 'No longer in your programme',
  scheduleChanges: 'What changed',
  ticket: 'Your ticket',
  ticketHelp: 'Show this QR code at the registration desk. It carries a signed code, not your personal data.',
  manage: 'Manage your registration',
  manageHelp:
    'Change sessions, switch attendance or cancel with this personal link. Keep it to yourself. If you did not register, cancel with it.',
  calendarHelp: 'The attached calendar invite adds your sessions to your calendar and updates them when anything changes.',
  footer: (forum) => `You receive this mail because this address registered for ${forum}.`,
  changeMoved: (title, now, was) => `Moved: ${title}. Now ${now} (was ${was}).`,
  changeCancelled: (title, was) => `Cancelled: ${title} (was ${was}).`,
  changeRoom: (title, room) => `Room changed: ${title}. Now in ${room}.`,
};

const zh: Copy = {
  subject: {
    confirmed: '报名成功',
    waitlisted: '您已进入候补名单',
    promoted: '您已从候补转为正式参会',
    changed: '您的报名信息已更新',
    cancelled: '报名已取消',
    'manage-link': '您的报名及管理链接',
    'schedule-changed': '您所选场次的议程有变更',
  },
  lead: {
    confirmed: '感谢报名，您的名额已确认。',
    waitlisted: '感谢报名。会场名额已满，您已进入候补名单；一旦有空位，我们会立即通知您。',
    promoted: '好消息：有名额空出，现已为您确认。',
    changed: '您的报名信息已更新，以下为最新安排。',
    cancelled: '您的报名已取消，以下日程将从日历中移除。',
    'manage-link': '有人（希望是您本人）使用此邮箱再次报名。您已报名成功，以下是您的报名信息及管理链接。',
    'schedule-changed': '主办方调整了议程，以下变更涉及您所选的场次：',
  },
  greeting: (name) => `尊敬的${name}：`,
  attendance: '参会方式',
  inPersonAt: (venue) => `线下参会：${venue}`,
  online: '线上参会',
  waitlistedForVenue: (position) => `会场候补第 ${position} 位`,
  sessions: '您的场次',
  noSessions: '未选择场次。',
  seatConfirmed: '已确认',
  seatWaitlisted: (position) => `候补第 ${position} 位`,
  relayedIn: (room) => `于${room}同步直播`,
  yourVenue: '您的会场',
  map: '地图',
  joinOnline: '线上参加',
  joinHowTo: '线上参会者可通过下方各场次的专属入口观看直播，直播于开始前15分钟开放。',
  removed: '已从您的日程中移除',
  scheduleChanges: '变更内容',
  ticket: '您的入场凭证',
  ticketHelp: '请在签到处出示此二维码。二维码仅含签名编码，不含个人信息。',
  manage: '管理您的报名',
  manageHelp: '可通过此专属链接更改场次、切换参会方式或取消报名，请勿转发他人。如果您并未报名，请通过此链接取消。',
  calendarHelp: '附件中的日历邀请可将场次加入您的日历，并在有变更时自动更新。',
  footer: (forum) => `您收到此邮件，是因为此邮箱报名参加了${forum}。`,
  changeMoved: (title, now, was) => `时间调整：${title}。现为 ${now}（原为 ${was}）。`,
  changeCancelled: (title, was) => `已取消：${title}（原定 ${was}）。`,
  changeRoom: (title, room) => `会议室变更：${title}。现在 ${room}。`,
};

export function registrationCopy(locale: MailLocale): Copy {
  return locale === 'zh' ? zh : en;
}
