import type { LocalizedText } from '../../db/schema';

/** The demo forum, described in venue-local wall-clock times; seed.ts turns them into instants. */
export const demoEvent = {
  slug: 'china-asean-tech-forum',
  name: {
    en: 'The 10th Forum on China-ASEAN Technology Transfer and Collaborative Innovation',
    zh: '第十届中国—东盟技术转移与创新合作大会',
  },
  theme: { en: 'Digital Technology + Big Health', zh: '数字技术+大健康' },
  description: {
    en: 'A sideline forum of the China-ASEAN Expo bringing together governments, enterprises, research institutes, universities and young scientists from China, the ten ASEAN countries, Japan, Korea, Australia, New Zealand and beyond — on site in Nanning, at branch venues in Tokyo, Seoul and Bangkok, and online.',
    zh: '中国—东盟博览会系列活动之一，汇聚来自中国、东盟十国、日本、韩国、澳大利亚、新西兰等国家的政府、企业、科研院所、高校和青年科学家，在南宁主会场、东京、首尔、曼谷分会场及线上同步举行。',
  },
  organiser: 'China-ASEAN Technology Transfer Center (CATTC)',
  timeZone: 'Asia/Shanghai',
  days: 3,
} as const;

type VenueSeed = {
  slug: string;
  name: LocalizedText;
  city: LocalizedText;
  country: string;
  address: string;
  timeZone: string;
  kind: 'main' | 'branch' | 'online';
  capacity: number | null;
  rooms: { key: string; name: LocalizedText; capacity: number }[];
};

export const demoVenues: VenueSeed[] = [
  {
    slug: 'nanning',
    name: { en: 'Nanning International Convention and Exhibition Center', zh: '南宁国际会展中心' },
    city: { en: 'Nanning', zh: '南宁' },
    country: 'CN',
    address: '11 Minzu Avenue, Qingxiu District, Nanning, Guangxi',
    timeZone: 'Asia/Shanghai',
    kind: 'main',
    capacity: 1200,
    rooms: [
      { key: 'hall-a', name: { en: 'Plenary Hall A', zh: 'A厅（主会场）' }, capacity: 800 },
      { key: 'room-101', name: { en: 'Room 101', zh: '101会议室' }, capacity: 30 },
      { key: 'room-102', name: { en: 'Room 102', zh: '102会议室' }, capacity: 200 },
      { key: 'room-201', name: { en: 'Room 201', zh: '201会议室' }, capacity: 150 },
      { key: 'hall-d', name: { en: 'Exhibition Hall D', zh: 'D展厅' }, capacity: 1500 },
    ],
  },
  {
    slug: 'tokyo',
    name: { en: 'Tokyo Branch Venue — Innovation Hub Shinagawa', zh: '东京分会场（品川创新中心）' },
    city: { en: 'Tokyo', zh: '东京' },
    country: 'JP',
    address: 'Konan 2-chome, Minato-ku, Tokyo',
    timeZone: 'Asia/Tokyo',
    kind: 'branch',
    capacity: 150,
    rooms: [{ key: 'tokyo-main', name: { en: 'Conference Room 3F', zh: '3楼会议室' }, capacity: 150 }],
  },
  {
    slug: 'seoul',
    name: { en: 'Seoul Branch Venue — Gangnam Science Center', zh: '首尔分会场（江南科学中心）' },
    city: { en: 'Seoul', zh: '首尔' },
    country: 'KR',
    address: 'Teheran-ro, Gangnam-gu, Seoul',
    timeZone: 'Asia/Seoul',
    kind: 'branch',
    capacity: 120,
    rooms: [{ key: 'seoul-main', name: { en: 'Hall 1', zh: '1号厅' }, capacity: 120 }],
  },
  {
    slug: 'bangkok',
    name: { en: 'Bangkok Branch Venue — Science Park Convention Hall', zh: '曼谷分会场（科学园会议厅）' },
    city: { en: 'Bangkok', zh: '曼谷' },
    country: 'TH',
    address: 'Phahonyothin Road, Khlong Luang, Pathum Thani',
    timeZone: 'Asia/Bangkok',
    kind: 'branch',
    capacity: 200,
    rooms: [{ key: 'bangkok-main', name: { en: 'Convention Hall', zh: '会议大厅' }, capacity: 200 }],
  },
  {
    slug: 'online',
    name: { en: 'Online', zh: '线上会场' },
    city: { en: 'Online', zh: '线上' },
    country: 'CN',
    address: '',
    timeZone: 'Asia/Shanghai',
    kind: 'online',
    capacity: null,
    rooms: [],
  },
];

export const demoSpeakers = [
  { slug: 'li-wei', honorific: 'Dr.', name: 'Li Wei', jobTitle: 'Director-General', affiliation: 'China-ASEAN Technology Transfer Center', country: 'CN', timeZone: 'Asia/Shanghai' },
  { slug: 'zhang-min', honorific: 'Prof.', name: 'Zhang Min', jobTitle: 'Dean, School of Public Health', affiliation: 'Guangxi Medical University', country: 'CN', timeZone: 'Asia/Shanghai' },
  { slug: 'nguyen-thi-lan', honorific: 'Prof.', name: 'Nguyen Thi Lan', jobTitle: 'Head of Biomedical Engineering', affiliation: 'Hanoi University of Science and Technology', country: 'VN', timeZone: 'Asia/Ho_Chi_Minh' },
  { slug: 'somchai-prasert', honorific: 'Dr.', name: 'Somchai Prasert', jobTitle: 'Vice President', affiliation: 'National Science and Technology Development Agency', country: 'TH', timeZone: 'Asia/Bangkok' },
  { slug: 'siti-rahman', honorific: 'Dr.', name: 'Siti Nurhaliza Rahman', jobTitle: 'Senior Lecturer, Health Informatics', affiliation: 'Universiti Malaya', country: 'MY', timeZone: 'Asia/Kuala_Lumpur' },
  { slug: 'budi-santoso', honorific: 'Prof.', name: 'Budi Santoso', jobTitle: 'Professor of Electrical Engineering', affiliation: 'Institut Teknologi Bandung', country: 'ID', timeZone: 'Asia/Jakarta' },
  { slug: 'maria-santos', honorific: 'Dr.', name: 'Maria Cristina Santos', jobTitle: 'Assistant Secretary', affiliation: 'Department of Science and Technology', country: 'PH', timeZone: 'Asia/Manila' },
  { slug: 'tan-wei-ming', honorific: 'Dr.', name: 'Tan Wei Ming', jobTitle: 'Programme Director, Digital Health', affiliation: 'Agency for Science, Technology and Research', country: 'SG', timeZone: 'Asia/Singapore' },
  { slug: 'kenji-watanabe', honorific: 'Prof.', name: 'Kenji Watanabe', jobTitle: 'Professor of Robotics', affiliation: 'University of Tokyo', country: 'JP', timeZone: 'Asia/Tokyo' },
  { slug: 'park-ji-hoon', honorific: 'Dr.', name: 'Park Ji-hoon', jobTitle: 'Principal Researcher', affiliation: 'Korea Advanced Institute of Science and Technology', country: 'KR', timeZone: 'Asia/Seoul' },
  { slug: 'emily-clarke', honorific: 'Dr.', name: 'Emily Clarke', jobTitle: 'Research Director', affiliation: 'CSIRO', country: 'AU', timeZone: 'Australia/Sydney' },
  { slug: 'aroha-ngata', honorific: 'Dr.', name: 'Aroha Ngata', jobTitle: 'Senior Research Fellow', affiliation: 'University of Auckland', country: 'NZ', timeZone: 'Pacific/Auckland' },
  { slug: 'chanthavy-phommachanh', honorific: 'Ms.', name: 'Chanthavy Phommachanh', jobTitle: 'Deputy Director-General', affiliation: 'Ministry of Technology and Communications', country: 'LA', timeZone: 'Asia/Vientiane' },
  { slug: 'sok-dara', honorific: 'Mr.', name: 'Sok Dara', jobTitle: 'Director of Science and Technology', affiliation: 'Ministry of Industry, Science, Technology and Innovation', country: 'KH', timeZone: 'Asia/Phnom_Penh' },
  { slug: 'hla-myint', honorific: 'Dr.', name: 'Hla Myint', jobTitle: 'Associate Professor', affiliation: 'Yangon Technological University', country: 'MM', timeZone: 'Asia/Yangon' },
  { slug: 'nur-aisyah', honorific: 'Dr.', name: 'Nur Aisyah Hj Ahmad', jobTitle: 'Young Scientist Fellow', affiliation: 'Universiti Brunei Darussalam', country: 'BN', timeZone: 'Asia/Brunei' },
  { slug: 'chen-xiaoyu', honorific: 'Dr.', name: 'Chen Xiaoyu', jobTitle: 'Postdoctoral Researcher', affiliation: 'Guangxi University', country: 'CN', timeZone: 'Asia/Shanghai' },
  { slug: 'arunee-chaiyasit', honorific: 'Ms.', name: 'Arunee Chaiyasit', jobTitle: 'Founder & CEO', affiliation: 'MedLink Bangkok', country: 'TH', timeZone: 'Asia/Bangkok' },
];

type SpeakerRef = { slug: string; role: 'speaker' | 'moderator' | 'panelist' | 'signatory' | 'host'; presence?: 'onsite' | 'remote' };

export type SessionSeed = {
  slug: string;
  day: number; // 0-based day of the event, counted in the venue's own calendar
  start: string; // HH:mm in the venue's zone
  end: string;
  venue: string;
  room?: string;
  kind: 'ceremony' | 'keynote' | 'panel' | 'forum' | 'workshop' | 'exhibition' | 'promotion' | 'signing' | 'networking';
  segment: 'opening' | 'main' | 'young-scientists' | 'exhibition' | 'promotion' | 'signing' | 'branch';
  title: LocalizedText;
  description: LocalizedText;
  capacity?: number;
  streamed?: boolean;
  languages: string[];
  relayTo?: string[];
  speakers?: SpeakerRef[];
};

const BRANCHES = ['tokyo', 'seoul', 'bangkok'];

export const demoSessions: SessionSeed[] = [
  // Day 1 — opening and main event in Nanning, relayed to the branch venues.
  {
    slug: 'opening-ceremony', day: 0, start: '09:00', end: '09:45', venue: 'nanning', room: 'hall-a', kind: 'ceremony', segment: 'opening',
    title: { en: 'Opening Ceremony', zh: '开幕式' },
    description: { en: 'Welcome addresses by the organisers and partner agencies, and the launch of the 10th Forum.', zh: '主办方及合作机构致辞，第十届大会正式开幕。' },
    languages: ['zh', 'en'], relayTo: BRANCHES,
    speakers: [{ slug: 'li-wei', role: 'host' }, { slug: 'chanthavy-phommachanh', role: 'speaker' }],
  },
  {
    slug: 'keynote-digital-health-corridor', day: 0, start: '09:45', end: '10:30', venue: 'nanning', room: 'hall-a', kind: 'keynote', segment: 'main',
    title: { en: 'Keynote: A Digital Health Corridor for China and ASEAN', zh: '主旨演讲：共建中国—东盟数字健康走廊' },
    description: { en: 'How shared standards, telemedicine and technology transfer can connect health systems across the region.', zh: '共同标准、远程医疗与技术转移如何联通区域卫生健康体系。' },
    languages: ['en', 'zh'], relayTo: BRANCHES,
    speakers: [{ slug: 'zhang-min', role: 'speaker' }],
  },
  {
    slug: 'keynote-ai-public-health', day: 0, start: '10:30', end: '11:15', venue: 'nanning', room: 'hall-a', kind: 'keynote', segment: 'main',
    title: { en: 'Keynote: AI for Public Health in Southeast Asia', zh: '主旨演讲：人工智能赋能东南亚公共卫生' },
    description: { en: 'Lessons from deploying AI screening tools in community clinics in Singapore and Malaysia.', zh: '在新加坡和马来西亚社区诊所部署人工智能筛查工具的经验。' },
    languages: ['en'], relayTo: BRANCHES,
    speakers: [{ slug: 'tan-wei-ming', role: 'speaker' }, { slug: 'siti-rahman', role: 'speaker', presence: 'remote' }],
  },
  {
    slug: 'mou-signing-partnerships', day: 0, start: '11:15', end: '12:00', venue: 'nanning', room: 'hall-a', kind: 'signing', segment: 'signing',
    title: { en: 'MoU Signing Ceremony: Technology Transfer Partnerships', zh: '技术转移合作备忘录签约仪式' },
    description: { en: 'Chinese institutions and ASEAN partner agencies sign memoranda of understanding on joint laboratories and technology transfer.', zh: '中方机构与东盟合作机构签署联合实验室与技术转移合作备忘录。' },
    languages: ['zh', 'en'], relayTo: BRANCHES,
    speakers: [{ slug: 'li-wei', role: 'signatory' }, { slug: 'somchai-prasert', role: 'signatory' }, { slug: 'sok-dara', role: 'signatory' }],
  },
  {
    slug: 'panel-innovation-corridor', day: 0, start: '14:00', end: '15:30', venue: 'nanning', room: 'hall-a', kind: 'panel', segment: 'main',
    title: { en: 'Panel: From Lab to Clinic — Scaling Health Technology Across Borders', zh: '圆桌对话：从实验室到临床——健康技术的跨境推广' },
    description: { en: 'Regulators, researchers and founders on what it takes to bring a medical device from one ASEAN market to ten.', zh: '监管者、研究者与创业者探讨医疗器械如何进入东盟十国市场。' },
    languages: ['en'], relayTo: ['bangkok'],
    speakers: [{ slug: 'maria-santos', role: 'moderator' }, { slug: 'nguyen-thi-lan', role: 'panelist' }, { slug: 'emily-clarke', role: 'panelist', presence: 'remote' }, { slug: 'arunee-chaiyasit', role: 'panelist' }],
  },
  {
    slug: 'exhibition-day-1', day: 0, start: '13:30', end: '17:30', venue: 'nanning', room: 'hall-d', kind: 'exhibition', segment: 'exhibition', streamed: false,
    title: { en: 'Advanced Technology Exhibition: Digital Health and Medical Devices', zh: '先进技术展：数字健康与医疗器械' },
    description: { en: 'Over 120 exhibitors show telemedicine platforms, wearable diagnostics and smart-hospital systems.', zh: '120余家展商展示远程医疗平台、可穿戴诊断设备和智慧医院系统。' },
    languages: ['zh', 'en'],
  },
  {
    slug: 'promotion-smart-hospitals', day: 0, start: '15:45', end: '17:15', venue: 'nanning', room: 'room-102', kind: 'promotion', segment: 'promotion',
    title: { en: 'Technology Promotion: Smart Hospital Solutions', zh: '技术推介会：智慧医院解决方案' },
    description: { en: 'Ten-minute pitches by Chinese and ASEAN companies looking for partners, followed by matchmaking.', zh: '中国与东盟企业十分钟技术推介，随后进行对接洽谈。' },
    capacity: 200, languages: ['zh', 'en'],
    speakers: [{ slug: 'arunee-chaiyasit', role: 'speaker' }],
  },
  {
    slug: 'tokyo-robotics-elderly-care', day: 0, start: '15:00', end: '16:30', venue: 'tokyo', kind: 'forum', segment: 'branch',
    title: { en: 'Japan-ASEAN Forum: Robotics in Elderly Care', zh: '日本—东盟论坛：养老护理机器人' },
    description: { en: 'A Tokyo branch-venue session on assistive robotics for ageing societies.', zh: '东京分会场：面向老龄社会的辅助机器人。' },
    languages: ['ja', 'en'],
    speakers: [{ slug: 'kenji-watanabe', role: 'speaker' }],
  },
  {
    slug: 'seoul-clinical-data', day: 0, start: '15:00', end: '16:30', venue: 'seoul', kind: 'panel', segment: 'branch',
    title: { en: 'Korea-ASEAN Panel: Clinical Data Partnerships', zh: '韩国—东盟圆桌：临床数据合作' },
    description: { en: 'Sharing clinical data across borders while respecting each country\'s privacy law.', zh: '在遵守各国隐私法规的前提下开展跨境临床数据共享。' },
    languages: ['ko', 'en'],
    speakers: [{ slug: 'park-ji-hoon', role: 'moderator' }, { slug: 'budi-santoso', role: 'panelist', presence: 'remote' }],
  },
  {
    slug: 'bangkok-medical-hub-matchmaking', day: 0, start: '15:45', end: '17:15', venue: 'bangkok', kind: 'promotion', segment: 'branch',
    title: { en: 'Thailand Medical Hub: Technology Transfer Matchmaking', zh: '泰国医疗枢纽：技术转移对接会' },
    description: { en: 'Thai hospitals and manufacturers meet technology owners from China and ASEAN.', zh: '泰国医院和制造商与中国及东盟技术持有方面对面洽谈。' },
    languages: ['th', 'en'],
    speakers: [{ slug: 'somchai-prasert', role: 'host' }],
  },
  // Day 2 — the 10+3 Young Scientists Forum and technology promotion.
  {
    slug: 'young-scientists-opening', day: 1, start: '09:00', end: '09:30', venue: 'nanning', room: 'room-201', kind: 'ceremony', segment: 'young-scientists',
    title: { en: '10+3 Young Scientists Forum: Opening', zh: '10+3青年科学家论坛：开幕' },
    description: { en: 'Opening of the ASEAN Plus Three Young Scientists Forum.', zh: '东盟与中日韩（10+3）青年科学家论坛开幕。' },
    languages: ['en'], relayTo: ['tokyo', 'seoul'],
    speakers: [{ slug: 'li-wei', role: 'host' }],
  },
  {
    slug: 'young-scientists-lightning-talks', day: 1, start: '09:30', end: '11:00', venue: 'nanning', room: 'room-201', kind: 'forum', segment: 'young-scientists',
    title: { en: 'Young Scientists Lightning Talks: Digital Technology for Health', zh: '青年科学家闪电演讲：数字技术促进健康' },
    description: { en: 'Twelve early-career researchers from thirteen countries present their work in seven minutes each.', zh: '来自13个国家的12位青年研究者各用七分钟介绍研究成果。' },
    capacity: 150, languages: ['en'], relayTo: ['tokyo', 'seoul'],
    speakers: [{ slug: 'nur-aisyah', role: 'speaker' }, { slug: 'chen-xiaoyu', role: 'speaker' }, { slug: 'hla-myint', role: 'moderator' }],
  },
  {
    slug: 'young-scientists-workshop', day: 1, start: '11:15', end: '12:30', venue: 'nanning', room: 'room-101', kind: 'workshop', segment: 'young-scientists', streamed: false,
    title: { en: 'Young Scientists Workshop: From Lab to Market', zh: '青年科学家工作坊：从实验室到市场' },
    description: { en: 'A hands-on, 30-seat workshop on patents, licensing and spin-offs. Places are limited; a waitlist opens when it is full.', zh: '30人小班实操工作坊，内容涵盖专利、许可与衍生企业。名额有限，满员后开放候补。' },
    capacity: 30, languages: ['en'],
    speakers: [{ slug: 'aroha-ngata', role: 'speaker' }, { slug: 'chen-xiaoyu', role: 'moderator' }],
  },
  {
    slug: 'young-scientists-roundtable', day: 1, start: '14:00', end: '15:30', venue: 'nanning', room: 'room-201', kind: 'panel', segment: 'young-scientists',
    title: { en: 'Roundtable: Open Data for Health Research', zh: '圆桌讨论：健康研究中的开放数据' },
    description: { en: 'Young scientists and funders discuss open data, reproducibility and cross-border collaboration.', zh: '青年科学家与资助机构探讨开放数据、可重复性与跨境合作。' },
    languages: ['en'],
    speakers: [{ slug: 'nguyen-thi-lan', role: 'moderator' }, { slug: 'nur-aisyah', role: 'panelist' }, { slug: 'hla-myint', role: 'panelist' }],
  },
  {
    slug: 'promotion-traditional-medicine', day: 1, start: '09:00', end: '11:30', venue: 'nanning', room: 'room-102', kind: 'promotion', segment: 'promotion',
    title: { en: 'Technology Promotion: Traditional Medicine and Biotechnology', zh: '技术推介会：传统医药与生物技术' },
    description: { en: 'Guangxi and ASEAN enterprises present technologies in traditional medicine, biopharma and diagnostics.', zh: '广西与东盟企业推介传统医药、生物医药和诊断技术。' },
    capacity: 200, languages: ['zh', 'en'],
    speakers: [{ slug: 'zhang-min', role: 'host' }],
  },
  {
    slug: 'promotion-digital-agriculture', day: 1, start: '14:00', end: '16:00', venue: 'nanning', room: 'room-102', kind: 'promotion', segment: 'promotion',
    title: { en: 'Technology Matchmaking: Digital Agriculture and Food Safety', zh: '技术对接会：数字农业与食品安全' },
    description: { en: 'Matchmaking between technology suppliers and buyers in agriculture and food safety.', zh: '农业与食品安全领域技术供需对接。' },
    capacity: 200, languages: ['zh', 'en'],
    speakers: [{ slug: 'budi-santoso', role: 'speaker' }],
  },
  {
    slug: 'tokyo-young-researchers-exchange', day: 1, start: '14:00', end: '15:30', venue: 'tokyo', kind: 'forum', segment: 'branch',
    title: { en: 'Remote Lab: Nanning–Tokyo Young Researchers Exchange', zh: '远程实验室：南宁—东京青年研究者交流' },
    description: { en: 'Young researchers in Tokyo and Nanning present joint projects over a live link.', zh: '东京与南宁两地青年研究者通过实时连线介绍合作项目。' },
    languages: ['en', 'ja'],
    speakers: [{ slug: 'kenji-watanabe', role: 'moderator' }, { slug: 'chen-xiaoyu', role: 'speaker', presence: 'remote' }],
  },
  {
    slug: 'bangkok-healthtech-pitch', day: 1, start: '10:00', end: '11:30', venue: 'bangkok', kind: 'promotion', segment: 'branch',
    title: { en: 'ASEAN HealthTech Startup Pitch', zh: '东盟健康科技初创企业路演' },
    description: { en: 'Startups from Thailand, Vietnam, Cambodia and Laos pitch to investors.', zh: '来自泰国、越南、柬埔寨和老挝的初创企业向投资人路演。' },
    languages: ['en', 'th'],
    speakers: [{ slug: 'arunee-chaiyasit', role: 'host' }, { slug: 'sok-dara', role: 'speaker' }],
  },
  {
    slug: 'seoul-digital-twin-hospitals', day: 1, start: '10:00', end: '11:00', venue: 'seoul', kind: 'keynote', segment: 'branch',
    title: { en: 'Keynote: Digital Twin Hospitals', zh: '主旨演讲：数字孪生医院' },
    description: { en: 'How Korean hospitals use digital twins to plan capacity, and what ASEAN partners can adopt.', zh: '韩国医院如何利用数字孪生规划资源，以及东盟伙伴可借鉴之处。' },
    languages: ['ko', 'en'],
    speakers: [{ slug: 'park-ji-hoon', role: 'speaker' }],
  },
  // Day 3 — exhibition, keynote, signings and closing.
  {
    slug: 'exhibition-day-3', day: 2, start: '09:00', end: '12:00', venue: 'nanning', room: 'hall-d', kind: 'exhibition', segment: 'exhibition', streamed: false,
    title: { en: 'Advanced Technology Exhibition: Guided Tours', zh: '先进技术展：导览参观' },
    description: { en: 'Guided tours of the exhibition for delegations, in English and Chinese.', zh: '为代表团提供中英文展览导览。' },
    languages: ['zh', 'en'],
  },
  {
    slug: 'keynote-data-governance', day: 2, start: '09:30', end: '10:30', venue: 'nanning', room: 'hall-a', kind: 'keynote', segment: 'main',
    title: { en: 'Keynote: Data Governance for Cross-border Health Technology', zh: '主旨演讲：跨境健康技术的数据治理' },
    description: { en: 'Frameworks that let health data and technology move across borders safely.', zh: '让健康数据与技术安全跨境流动的制度框架。' },
    languages: ['en'], relayTo: BRANCHES,
    speakers: [{ slug: 'emily-clarke', role: 'speaker', presence: 'remote' }],
  },
  {
    slug: 'mou-signing-joint-labs', day: 2, start: '10:45', end: '11:45', venue: 'nanning', room: 'hall-a', kind: 'signing', segment: 'signing',
    title: { en: 'MoU Signing: China-ASEAN Joint Laboratories', zh: '中国—东盟联合实验室合作备忘录签约' },
    description: { en: 'Signing of memoranda on joint laboratories in digital health between Chinese and ASEAN institutions.', zh: '中国与东盟机构签署数字健康联合实验室合作备忘录。' },
    languages: ['zh', 'en'], relayTo: BRANCHES,
    speakers: [{ slug: 'zhang-min', role: 'signatory' }, { slug: 'nguyen-thi-lan', role: 'signatory' }, { slug: 'maria-santos', role: 'signatory' }],
  },
  {
    slug: 'closing-ceremony', day: 2, start: '14:00', end: '15:00', venue: 'nanning', room: 'hall-a', kind: 'ceremony', segment: 'opening',
    title: { en: 'Closing Ceremony and Young Scientist Awards', zh: '闭幕式暨青年科学家奖颁奖' },
    description: { en: 'Awards for the best Young Scientists Forum contributions and closing remarks.', zh: '为青年科学家论坛优秀成果颁奖并致闭幕辞。' },
    languages: ['zh', 'en'], relayTo: BRANCHES,
    speakers: [{ slug: 'li-wei', role: 'host' }, { slug: 'nur-aisyah', role: 'speaker' }],
  },
];
