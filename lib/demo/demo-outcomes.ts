import { and, eq } from 'drizzle-orm';
import { listings, outcomes, sessions, type OutcomeKind, type OutcomeParty, type Sector } from '../../db/schema';
import type { Db } from '../../db/types';
import { addDays } from '../time/zones';

type DemoOutcome = {
  kind: OutcomeKind;
  title: { en: string; zh: string };
  parties: OutcomeParty[];
  sector: Sector;
  /** Days after the forum's first day it was signed. */
  day: number;
  /** The demo session (by slug) it was signed at. */
  session?: string;
  /** The first demo listing with this English title, where the outcome came from a listing. */
  listing?: string;
  public: boolean;
};

/** What the demo forum reports: MoUs between Chinese and ASEAN organisations, a transfer, one not yet public. */
export const demoOutcomes: DemoOutcome[] = [
  {
    kind: 'mou',
    title: { en: 'MoU on a China–Thailand joint laboratory for digital health', zh: '中泰数字健康联合实验室合作备忘录' },
    parties: [
      { name: 'Guangxi Academy of Sciences', country: 'CN' },
      { name: 'National Science and Technology Development Agency', country: 'TH' },
    ],
    sector: 'big-health',
    day: 0,
    session: 'mou-signing-partnerships',
    public: true,
  },
  {
    kind: 'mou',
    title: { en: 'MoU on cross-border smart agriculture with Viet Nam', zh: '中越跨境智慧农业合作备忘录' },
    parties: [
      { name: 'Nanning Smart Data Technology', country: 'CN' },
      { name: 'Mekong AgriTech', country: 'VN' },
    ],
    sector: 'modern-agriculture',
    day: 2,
    session: 'mou-signing-joint-labs',
    public: true,
  },
  {
    kind: 'technology-transfer',
    title: {
      en: 'Licence of portable ultrasound with AI triage to a Guangxi hospital group',
      zh: '便携式超声人工智能分诊技术许可广西医院集团',
    },
    parties: [
      { name: 'Siam MedTech Co., Ltd.', country: 'TH' },
      { name: 'Guangxi Medical Devices Group', country: 'CN' },
    ],
    sector: 'big-health',
    day: 2,
    listing: 'Portable ultrasound with AI triage',
    public: true,
  },
  {
    kind: 'agreement',
    title: { en: 'Solar micro-grid pilot agreement (under negotiation)', zh: '太阳能微电网试点协议（洽谈中）' },
    parties: [
      { name: 'Java Solar Systems', country: 'ID' },
      { name: 'Guangxi New Energy Institute', country: 'CN' },
    ],
    sector: 'new-energy',
    day: 2,
    public: false,
  },
];

/** Inserts the demo outcomes into the demo event, in the seed's transaction (after its sessions and listings). */
export async function seedDemoOutcomes(tx: Db, eventId: string, firstDay: string): Promise<void> {
  for (const { day, session, listing, ...outcome } of demoOutcomes) {
    const [sessionRow] = session
      ? await tx
          .select({ id: sessions.id })
          .from(sessions)
          .where(and(eq(sessions.eventId, eventId), eq(sessions.slug, session)))
      : [];
    const listingRows = listing
      ? await tx.select({ id: listings.id, title: listings.title }).from(listings).where(eq(listings.eventId, eventId))
      : [];
    const listingRow = listingRows.find((l) => l.title.en === listing);
    await tx.insert(outcomes).values({
      ...outcome,
      eventId,
      signedOn: addDays(firstDay, day),
      sessionId: sessionRow?.id ?? null,
      listingId: listingRow?.id ?? null,
    });
  }
}
