// The schemas behind the organisers' category form and registration edit, the register form's category
// and code, and a delegation's members (typed in rows or pasted as lines): what each accepts, how it
// normalises, and which field a refusal is named by.
import { describe, expect, it } from 'vitest';
import { categoryInputSchema } from '@/lib/registration/admin/categories/category-input';
import { organiserEditSchema } from '@/lib/registration/admin/edit-registration-schema';
import { categoryFields } from '@/lib/registration/categories/category-fields';
import { delegationFieldsSchema, delegationMemberSchema, parseMemberLines } from '@/lib/registration/delegations/schema';
import { fieldErrors } from '@/lib/validation/field-errors';

const category = (values: Record<string, unknown>) =>
  categoryInputSchema.safeParse({
    name: { en: 'Delegates' },
    description: { en: '' },
    capacity: '',
    visibility: 'public',
    allowedModes: ['in_person'],
    position: '0',
    ...values,
  });

describe('a category’s registration window', () => {
  it('may be open at either end, and closes after it opens, to the minute', () => {
    for (const window of [
      { opensAt: '', closesAt: '' },
      { opensAt: '2027-01-05T09:00', closesAt: '' },
      { opensAt: '', closesAt: '2027-01-05T09:00' },
      { opensAt: '2027-01-05T09:00', closesAt: '2027-01-05T09:01' },
    ]) {
      expect(category(window).success, JSON.stringify(window)).toBe(true);
    }
    for (const window of [
      { opensAt: '2027-01-05T09:00', closesAt: '2027-01-05T09:00' },
      { opensAt: '2027-01-05T09:00', closesAt: '2027-01-04T18:00' },
    ]) {
      const parsed = category(window);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(fieldErrors(parsed.error)).toEqual({ closesAt: 'closesBeforeOpens' });
    }
  });
});

describe('a category chosen on a form', () => {
  const id = '0F8FAD5B-D9CB-469F-A165-70867728950E';
  it('is read in lower case, and empty is none, on the register form and on the organisers’ edit', () => {
    expect(categoryFields.category.parse(id)).toBe(id.toLowerCase());
    expect(organiserEditSchema.shape.category.parse(id)).toBe(id.toLowerCase());
    expect(categoryFields.category.parse('')).toBeNull();
    expect(organiserEditSchema.shape.category.parse(undefined)).toBeNull();
  });

  it('an invitation code is kept as typed but for the spaces around it; blank is none', () => {
    expect(categoryFields.code.parse('  ABCD-2345 ')).toBe('ABCD-2345');
    expect(categoryFields.code.parse('   ')).toBeNull();
    expect(categoryFields.code.parse(undefined)).toBeNull();
  });
});

describe('a delegation’s members', () => {
  it('send their mail to the head when the row says so, in any of the form’s ways', () => {
    const member = { name: 'Lan', email: 'lan@example.org' };
    for (const yes of [true, 'on', 'yes']) expect(delegationMemberSchema.parse({ ...member, mailToHead: yes }).mailToHead).toBe(true);
    for (const no of [false, '', null, undefined])
      expect(delegationMemberSchema.parse({ ...member, mailToHead: no }).mailToHead).toBe(false);
  });

  it('refuse one address twice, whatever its case, beside the second row’s address', () => {
    const parsed = delegationFieldsSchema.safeParse({
      delegation: { name: 'Ministry of Science', country: 'VN' },
      members: [
        { name: 'Lan', email: 'lan@example.org' },
        { name: 'Minh', email: 'minh@example.org' },
        { name: 'Lan again', email: 'LAN@Example.org' },
      ],
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['members.2.email', 'memberEmailTwice']]);
  });
});

describe('members pasted as lines', () => {
  it('split on any line break, skip blank lines, and keep up to four cells with the rest empty', () => {
    const pasted = parseMemberLines(
      'Nguyen Lan, lan@example.org\r  \rSiti Rahman;siti@example.org;UM;Lecturer\r\n\tkim@example.org\nPark Ji\tpark@example.org\tKAIST',
    );
    expect(pasted.members).toEqual([
      { name: 'Nguyen Lan', email: 'lan@example.org', organisation: '', jobTitle: '', mailToHead: false },
      { name: 'Siti Rahman', email: 'siti@example.org', organisation: 'UM', jobTitle: 'Lecturer', mailToHead: false },
      { name: 'Park Ji', email: 'park@example.org', organisation: 'KAIST', jobTitle: '', mailToHead: false },
    ]);
    // Line 4 (the tab-led one) has an empty name.
    expect(pasted.errors).toEqual(['memberLineName?line=4']);
  });

  it('name each refused line by its number and what is wrong: columns, address, name or a cell too long', () => {
    const long = 'x'.repeat(201);
    const pasted = parseMemberLines(
      ['only-one-cell', 'A, a@example.org, Org, Title, extra', 'B, not-an-address', `C, c@example.org, ${long}`, ', d@example.org'].join(
        '\n',
      ),
    );
    expect(pasted.members).toEqual([]);
    expect(pasted.errors).toEqual([
      'memberLineColumns?line=1',
      'memberLineColumns?line=2',
      'memberLineEmail?line=3',
      'memberLineTooLong?line=4',
      'memberLineName?line=5',
    ]);
  });
});
