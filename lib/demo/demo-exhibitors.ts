import { exhibitors, listings, sessionListings, type CooperationKind, type IpStatus, type ListingKind, type Sector } from '../../db/schema';
import type { Db } from '../../db/types';

type DemoExhibitor = {
  slug: string;
  name: { en: string; zh: string };
  description: { en: string; zh: string };
  country: string;
  sectors: Sector[];
  website: string;
  contact: { name: string; email: string; phone: string };
  /** A booth at a demo venue (by slug), or online only. */
  booth: { venue: string; hall: string; number: string } | null;
  approved: boolean;
};

/** The technology exhibition of the demo forum: approved exhibitors at Bangkok, Nanning and online, and one awaiting approval. */
export const demoExhibitors: DemoExhibitor[] = [
  {
    slug: 'siam-medtech',
    name: { en: 'Siam MedTech Co., Ltd.', zh: '暹罗医疗科技有限公司' },
    description: {
      en: 'Bangkok maker of portable ultrasound and AI triage for rural clinics.',
      zh: '曼谷企业，研制便携式超声设备和面向乡村诊所的人工智能分诊系统。',
    },
    country: 'TH',
    sectors: ['big-health'],
    website: 'https://siam-medtech.example',
    contact: { name: 'Ploy Suwannarat', email: 'ploy@siam-medtech.example', phone: '+66 2 555 0101' },
    booth: { venue: 'bangkok', hall: 'Hall B', number: 'B-08' },
    approved: true,
  },
  {
    slug: 'nanning-smart-data',
    name: { en: 'Nanning Smart Data Technology', zh: '南宁智慧数据科技有限公司' },
    description: {
      en: 'Cross-border data platforms and digital customs for China-ASEAN trade.',
      zh: '面向中国—东盟贸易的跨境数据平台与数字通关服务。',
    },
    country: 'CN',
    sectors: ['digital-technology'],
    website: 'https://nanning-smart-data.example',
    contact: { name: 'Huang Lin', email: 'huang.lin@nanning-smart-data.example', phone: '+86 771 555 0102' },
    booth: { venue: 'nanning', hall: 'Hall 1', number: 'A-21' },
    approved: true,
  },
  {
    slug: 'mekong-agritech',
    name: { en: 'Mekong AgriTech', zh: '湄公河农业科技' },
    description: { en: 'Drone crop monitoring for rice farmers, shown online.', zh: '面向稻农的无人机作物监测，线上展示。' },
    country: 'VN',
    sectors: ['modern-agriculture', 'digital-technology'],
    website: '',
    contact: { name: 'Tran Minh', email: 'minh@mekong-agritech.example', phone: '' },
    booth: null,
    approved: true,
  },
  {
    slug: 'java-solar',
    name: { en: 'Java Solar Systems', zh: '爪哇太阳能系统' },
    description: { en: 'Floating solar farms for island grids.', zh: '面向海岛电网的漂浮式光伏电站。' },
    country: 'ID',
    sectors: ['new-energy', 'marine'],
    website: 'https://java-solar.example',
    contact: { name: 'Dewi Lestari', email: 'dewi@java-solar.example', phone: '' },
    booth: null,
    approved: false,
  },
];

type DemoListing = {
  exhibitor: string;
  kind: ListingKind;
  title: { en: string; zh: string };
  summary: { en: string; zh: string };
  sector: Sector;
  trl: number;
  ipStatus: IpStatus;
  cooperation: CooperationKind[];
  countries: string[];
  status: 'pending' | 'published';
};

/** Offers and needs of the demo exhibitors: published ones, and one waiting for moderation. */
export const demoListings: DemoListing[] = [
  {
    exhibitor: 'siam-medtech',
    kind: 'offer',
    title: { en: 'Portable ultrasound with AI triage', zh: '带人工智能分诊的便携式超声' },
    summary: {
      en: 'A hand-held scanner and an offline triage model for clinics without a radiologist.',
      zh: '手持式扫描仪与离线分诊模型，适用于没有放射科医生的诊所。',
    },
    sector: 'big-health',
    trl: 7,
    ipStatus: 'patent',
    cooperation: ['licensing', 'joint-research'],
    countries: ['CN', 'VN', 'LA'],
    status: 'published',
  },
  {
    exhibitor: 'nanning-smart-data',
    kind: 'need',
    title: { en: 'Partners for cross-border e-health records', zh: '寻求跨境电子健康档案合作伙伴' },
    summary: {
      en: 'We look for hospitals and software firms to exchange patient records across borders securely.',
      zh: '寻找医院和软件企业，安全地跨境交换病历。',
    },
    sector: 'digital-technology',
    trl: 5,
    ipStatus: 'know-how',
    cooperation: ['joint-lab', 'investment'],
    countries: ['TH', 'MY'],
    status: 'published',
  },
  {
    exhibitor: 'mekong-agritech',
    kind: 'offer',
    title: { en: 'Drone rice-field monitoring', zh: '无人机稻田监测' },
    summary: { en: 'Multispectral drone flights and yield forecasts for smallholders.', zh: '为小农户提供多光谱无人机飞行和产量预测。' },
    sector: 'modern-agriculture',
    trl: 8,
    ipStatus: 'licence',
    cooperation: ['licensing', 'talent'],
    countries: [],
    status: 'published',
  },
  {
    exhibitor: 'siam-medtech',
    kind: 'need',
    title: { en: 'Local distributors for ultrasound probes', zh: '寻求超声探头本地经销商' },
    summary: { en: 'Distribution partners in southern China.', zh: '华南地区的经销合作伙伴。' },
    sector: 'big-health',
    trl: 9,
    ipStatus: 'none',
    cooperation: ['investment'],
    countries: ['CN'],
    status: 'pending',
  },
];

/** The demo listings presented in the demo's technology promotion session, by English title, in order. */
export const DEMO_PRESENTED = {
  session: 'promotion-smart-hospitals',
  listings: ['Portable ultrasound with AI triage', 'Partners for cross-border e-health records'],
} as const;

/**
 * Inserts the demo exhibitors and their listings into the demo event, in the seed's transaction, and
 * links the presented ones to the promotion session; answers the listings' ids by English title.
 */
export async function seedDemoExhibitors(
  tx: Db,
  eventId: string,
  venueIds: Map<string, string>,
  now: Date,
  sessionIds: Map<string, string> = new Map(),
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const e of demoExhibitors) {
    const [row] = await tx
      .insert(exhibitors)
      .values({
        eventId,
        slug: e.slug,
        name: e.name,
        description: e.description,
        country: e.country,
        sectors: e.sectors,
        website: e.website,
        contactName: e.contact.name,
        contactEmail: e.contact.email,
        contactPhone: e.contact.phone,
        venueId: e.booth ? venueIds.get(e.booth.venue)! : null,
        hall: e.booth?.hall ?? null,
        booth: e.booth?.number ?? null,
        status: e.approved ? 'approved' : 'pending',
        approvedAt: e.approved ? now : null,
      })
      .returning({ id: exhibitors.id });
    ids.set(e.slug, row!.id);
  }
  const listingIds = new Map<string, string>();
  for (const { exhibitor, status, ...listing } of demoListings) {
    const [row] = await tx
      .insert(listings)
      .values({ ...listing, eventId, exhibitorId: ids.get(exhibitor)!, status, moderatedAt: status === 'pending' ? null : now })
      .returning({ id: listings.id });
    listingIds.set(listing.title.en, row!.id);
  }
  const sessionId = sessionIds.get(DEMO_PRESENTED.session);
  if (sessionId)
    await tx
      .insert(sessionListings)
      .values(DEMO_PRESENTED.listings.map((title, position) => ({ sessionId, listingId: listingIds.get(title)!, position })));
  return listingIds;
}
