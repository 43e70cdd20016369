import { z } from 'zod';
import { emailSchema } from '@/lib/auth/schemas';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';

/** At most this many members besides the head, in one registration. */
export const MAX_DELEGATION_MEMBERS = 50;

/** One member of a delegation: the form's row, the head's "add a member" form and each pasted line. */
export const delegationMemberSchema = z.object({
  name: singleLineText(120).pipe(z.string().min(1, vmsg('required'))),
  email: emailSchema,
  organisation: singleLineText(200).default(''),
  jobTitle: singleLineText(120).default(''),
  /** Their mails (confirmation, ticket, manage link) go to the head instead of to them. */
  mailToHead: z
    .union([z.boolean(), z.literal('on'), z.literal('yes'), z.literal('')])
    .nullish()
    .transform((v) => v === true || v === 'on' || v === 'yes'),
});
export type DelegationMember = z.output<typeof delegationMemberSchema>;
export type DelegationMemberValues = z.input<typeof delegationMemberSchema>;

/** The delegation itself: its name, country and agency. */
export const delegationDetailsSchema = z.object({
  name: singleLineText(160).pipe(z.string().min(1, vmsg('required'))),
  country: countryCodeSchema,
  agency: singleLineText(200).default(''),
});

/**
 * What a head adds to their own registration to register a delegation (the rest is the registration
 * form's, parsed by registrationInputSchema). Two members with one address are refused by line.
 */
export const delegationFieldsSchema = z.object({
  delegation: delegationDetailsSchema,
  members: z
    .array(delegationMemberSchema)
    .min(1, vmsg('delegationMembers', { max: MAX_DELEGATION_MEMBERS }))
    .max(MAX_DELEGATION_MEMBERS, vmsg('delegationMembers', { max: MAX_DELEGATION_MEMBERS }))
    .superRefine((members, ctx) => {
      const seen = new Set<string>();
      members.forEach((member, index) => {
        const address = member.email.toLowerCase();
        if (seen.has(address)) ctx.addIssue({ code: 'custom', path: [index, 'email'], message: vmsg('memberEmailTwice') });
        seen.add(address);
      });
    }),
});
export type DelegationFields = z.output<typeof delegationFieldsSchema>;

export type PastedMembers = { members: DelegationMemberValues[]; errors: string[] };

/**
 * A pasted list of members, one a line: `name, email[, organisation[, job title]]`, separated by
 * commas, semicolons or tabs (a spreadsheet's copied cells). Blank lines are skipped. Each line is
 * checked with the member's schema; every refused line is named by its number (1 = the first line).
 */
export function parseMemberLines(text: string): PastedMembers {
  const members: DelegationMemberValues[] = [];
  const errors: string[] = [];
  for (const [index, raw] of text.split(/\r\n?|\n/).entries()) {
    const line = index + 1;
    if (!raw.trim()) continue;
    const cells = raw.split(/\t|;|,/).map((cell) => cell.trim());
    if (cells.length < 2 || cells.length > 4) {
      errors.push(vmsg('memberLineColumns', { line }));
      continue;
    }
    const [name = '', email = '', organisation = '', jobTitle = ''] = cells;
    const parsed = delegationMemberSchema.safeParse({ name, email, organisation, jobTitle });
    if (parsed.success) {
      members.push({ name, email, organisation, jobTitle, mailToHead: false });
      continue;
    }
    const field = String(parsed.error.issues[0]?.path[0] ?? 'name');
    errors.push(vmsg(field === 'email' ? 'memberLineEmail' : field === 'name' ? 'memberLineName' : 'memberLineTooLong', { line }));
  }
  return { members, errors };
}
