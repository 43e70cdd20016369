import { describe, expect, it } from 'vitest';
import { demoSpeakers } from '@/lib/demo/demo-data';
import { credentialsLine, nameWithHonorific, speakerCredentials } from '@/lib/speakers/credentials';

const liWei = {
  honorific: 'Dr.',
  jobTitle: 'Director-General',
  affiliation: 'China-ASEAN Technology Transfer Center',
  translations: { zh: { jobTitle: '主任', affiliation: '中国—东盟技术转移中心' } },
};
const untranslated = { honorific: 'Ms.', jobTitle: 'Founder & CEO', affiliation: 'MedLink Bangkok', translations: {} };

describe('a speaker’s title and affiliation on a page', () => {
  it('in English: the plain columns', () => {
    const c = speakerCredentials(liWei, 'en');
    expect(nameWithHonorific('Li Wei', c)).toBe('Dr. Li Wei');
    expect(credentialsLine(c, 'en')).toBe('Director-General, China-ASEAN Technology Transfer Center');
  });

  it('in Chinese: the Chinese text where there is one, nothing where there is none, never the English', () => {
    const c = speakerCredentials(liWei, 'zh');
    expect(nameWithHonorific('Li Wei', c)).toBe('Li Wei');
    expect(credentialsLine(c, 'zh')).toBe('主任，中国—东盟技术转移中心');
    const bare = speakerCredentials(untranslated, 'zh');
    expect(nameWithHonorific('Arunee Chaiyasit', bare)).toBe('Arunee Chaiyasit');
    expect(credentialsLine(bare, 'zh')).toBe('');
    // A partial translation shows only its own part.
    const half = speakerCredentials({ ...liWei, translations: { zh: { affiliation: '中国—东盟技术转移中心' } } }, 'zh');
    expect(credentialsLine(half, 'zh')).toBe('中国—东盟技术转移中心');
    // Rows stored before the column existed read as untranslated.
    expect(credentialsLine(speakerCredentials({ ...liWei, translations: null }, 'zh'), 'zh')).toBe('');
  });

  it('the demo forum gives its speakers Chinese titles and affiliations (one left without, on purpose)', () => {
    const without = demoSpeakers.filter((s) => !('translations' in s && s.translations?.zh?.affiliation));
    expect(without.map((s) => s.slug)).toEqual(['arunee-chaiyasit']);
  });
});
