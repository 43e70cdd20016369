import type { LocalizedText } from '@/db/schema';

type CategorySeed = {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  capacity: number | null;
  visibility: 'public' | 'invitation';
  requiresApproval: boolean;
  allowedModes: ('in_person' | 'online')[];
};

/** The demo forum's attendee categories, in the order the form lists them. */
export const demoCategories: CategorySeed[] = [
  {
    key: 'government',
    name: { en: 'Government delegate', zh: '政府代表' },
    description: {
      en: 'Officials of ministries and agencies, by invitation. The organisers confirm each registration.',
      zh: '各部委及机构官员，凭邀请报名。每一份报名由主办方审核确认。',
    },
    capacity: 120,
    visibility: 'invitation',
    requiresApproval: true,
    allowedModes: ['in_person', 'online'],
  },
  {
    key: 'enterprise',
    name: { en: 'Enterprise', zh: '企业' },
    description: { en: 'Companies offering or seeking technology.', zh: '提供或寻求技术的企业。' },
    capacity: null,
    visibility: 'public',
    requiresApproval: false,
    allowedModes: ['in_person', 'online'],
  },
  {
    key: 'research',
    name: { en: 'Research institute or university', zh: '科研院所或高校' },
    description: { en: 'Researchers, lecturers and technology transfer offices.', zh: '科研人员、教师及技术转移机构。' },
    capacity: null,
    visibility: 'public',
    requiresApproval: false,
    allowedModes: ['in_person', 'online'],
  },
  {
    key: 'young-scientist',
    name: { en: 'Young scientist', zh: '青年科学家' },
    description: {
      en: 'Researchers under 40 joining the 10+3 Young Scientists Forum.',
      zh: '参加“10+3”青年科学家论坛的 40 岁以下科研人员。',
    },
    capacity: 80,
    visibility: 'public',
    requiresApproval: false,
    allowedModes: ['in_person', 'online'],
  },
  {
    key: 'media',
    name: { en: 'Media', zh: '媒体' },
    description: { en: 'Accredited journalists. The organisers confirm each registration.', zh: '持证记者。每一份报名由主办方审核确认。' },
    capacity: 40,
    visibility: 'public',
    requiresApproval: true,
    allowedModes: ['in_person'],
  },
  {
    key: 'exhibitor',
    name: { en: 'Exhibitor', zh: '参展商' },
    description: { en: 'Staff of the advanced technology exhibition, by invitation.', zh: '先进技术展参展人员，凭邀请报名。' },
    capacity: null,
    visibility: 'invitation',
    requiresApproval: false,
    allowedModes: ['in_person'],
  },
  {
    key: 'public',
    name: { en: 'Public', zh: '公众' },
    description: { en: 'Anyone interested in technology transfer.', zh: '所有对技术转移感兴趣的人士。' },
    capacity: null,
    visibility: 'public',
    requiresApproval: false,
    allowedModes: ['in_person', 'online'],
  },
];

/** A code the demo prints at start-up, opening the Government delegate category (demo data only). */
export const DEMO_GOVERNMENT_CODE = 'DEMOGOV2026';
