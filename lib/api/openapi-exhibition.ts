import { COOPERATION_KINDS, IP_STATUSES, LISTING_KINDS, SECTORS } from '@/db/schema/exhibition';
import { API_PAGE_DEFAULT, API_PAGE_MAX } from '@/lib/exhibition/api-query';

/*
 * The exhibitor and technology directories and a participant's meetings in the OpenAPI document
 * (lib/api/openapi.ts spreads these in).
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, example: 'china-asean-tech-forum' };
const localized = { type: 'object', required: ['en'], properties: { en: { type: 'string' } }, additionalProperties: { type: 'string' } };
const notFound = json(ref('Error'), 'No such forum (or exhibitor)');
const badQuery = json(ref('Error'), 'Invalid query; `fields` names each parameter and what is wrong with it, in the Accept-Language');

const pageParams = [
  {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: API_PAGE_MAX, default: API_PAGE_DEFAULT },
    description: 'Rows per page',
  },
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'The `next` of the previous page' },
];
const sectorParam = { name: 'sector', in: 'query', schema: { type: 'string', enum: [...SECTORS] } };
const countryParam = {
  name: 'country',
  in: 'query',
  schema: { type: 'string', pattern: '^[A-Z]{2}$' },
  description: 'ISO 3166-1 alpha-2',
};
const trlParam = (name: string, description: string) => ({
  name,
  in: 'query',
  schema: { type: 'integer', minimum: 1, maximum: 9 },
  description,
});
const next = { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page' };

export const exhibitionPaths = {
  '/api/v1/events/{slug}/exhibitors': {
    get: {
      summary: 'Approved exhibitors, a page at a time (oldest first)',
      description: 'Contact people, emails and phones are never published.',
      operationId: 'listExhibitors',
      parameters: [slugParam, { ...sectorParam, description: 'Exhibitors in this sector (among others)' }, countryParam, ...pageParams],
      responses: {
        200: json(
          {
            type: 'object',
            required: ['exhibitors', 'next'],
            properties: { exhibitors: { type: 'array', items: ref('Exhibitor') }, next },
          },
          'Exhibitors',
        ),
        404: notFound,
        422: badQuery,
      },
    },
  },
  '/api/v1/events/{slug}/exhibitors/{exhibitor}': {
    get: {
      summary: 'One approved exhibitor with its published listings',
      operationId: 'getExhibitor',
      parameters: [slugParam, { name: 'exhibitor', in: 'path', required: true, schema: { type: 'string' }, description: 'Exhibitor slug' }],
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              exhibitor: {
                allOf: [ref('Exhibitor'), { type: 'object', properties: { listings: { type: 'array', items: ref('Listing') } } }],
              },
            },
          },
          'The exhibitor',
        ),
        404: notFound,
      },
    },
  },
  '/api/v1/events/{slug}/listings': {
    get: {
      summary: 'Published technology offers and needs, a page at a time (oldest first)',
      operationId: 'listListings',
      parameters: [
        slugParam,
        sectorParam,
        { ...countryParam, description: 'The exhibitor’s country, or a country it seeks partners in (ISO 3166-1 alpha-2)' },
        { name: 'kind', in: 'query', schema: { type: 'string', enum: [...LISTING_KINDS] } },
        trlParam('trlMin', 'Lowest technology readiness level'),
        trlParam('trlMax', 'Highest technology readiness level (not below trlMin)'),
        { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Words in the title or summary, any language' },
        ...pageParams,
      ],
      responses: {
        200: json(
          { type: 'object', required: ['listings', 'next'], properties: { listings: { type: 'array', items: ref('Listing') }, next } },
          'Listings',
        ),
        404: notFound,
        422: badQuery,
      },
    },
  },
};

export const myMeetingsPaths = {
  '/api/v1/me/{token}/meetings': {
    get: {
      summary: 'The caller’s own 1:1 meetings, both ways and in every state',
      description:
        'The token is the secret of the registrant’s personal calendar feed (`/api/v1/me/{token}/calendar.ics`, linked from their manage page). Only the meeting’s two people see its table or online link. A forged, foreign or cancelled registration’s token: 404.',
      operationId: 'listMyMeetings',
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: json(
          { type: 'object', required: ['meetings'], properties: { meetings: { type: 'array', items: ref('MyMeeting') } } },
          'Meetings',
        ),
        404: json(ref('Error'), 'Not a valid link'),
      },
    },
  },
};

export const exhibitionSchemas = {
  MyMeeting: {
    type: 'object',
    required: ['id', 'direction', 'status', 'startsAt', 'endsAt', 'venue', 'online', 'with'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      direction: { type: 'string', enum: ['in', 'out'], description: 'in: asked of the caller; out: asked by the caller' },
      status: { type: 'string', enum: ['pending', 'accepted', 'declined', 'cancelled'] },
      startsAt: { type: 'string', format: 'date-time', description: 'UTC' },
      endsAt: { type: 'string', format: 'date-time', description: 'UTC' },
      slotLabel: { type: 'string' },
      venue: {
        type: 'object',
        properties: {
          slug: { type: 'string' },
          timeZone: { type: 'string', description: 'IANA zone: show the time on the venue’s clock' },
        },
      },
      online: { type: 'boolean' },
      table: { type: ['integer', 'null'], description: 'The meeting table, once accepted on site' },
      meetingUrl: { type: ['string', 'null'], description: 'The online meeting’s link, once accepted' },
      outcome: { type: ['string', 'null'], enum: ['mou', 'follow-up', 'none', null] },
      with: {
        type: 'object',
        properties: { name: { type: 'string' }, organisation: { type: 'string' }, country: { type: 'string' } },
      },
    },
  },
  Exhibitor: {
    type: 'object',
    required: ['slug', 'name', 'country', 'sectors'],
    properties: {
      slug: { type: 'string' },
      name: localized,
      description: localized,
      country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
      sectors: { type: 'array', items: { type: 'string', enum: [...SECTORS] } },
      website: { type: ['string', 'null'] },
      logo: { type: ['string', 'null'], description: 'Path of the logo image (PNG, JPEG or WebP) on this server; null: none' },
      booth: {
        type: ['object', 'null'],
        description: 'null: online only',
        properties: { venue: { type: 'string', description: 'Venue slug' }, hall: { type: 'string' }, number: { type: 'string' } },
      },
    },
  },
  Listing: {
    type: 'object',
    required: ['id', 'kind', 'title', 'sector', 'trl', 'author'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      kind: { type: 'string', enum: [...LISTING_KINDS], description: 'offer: a technology on offer; need: one looked for' },
      title: localized,
      summary: localized,
      sector: { type: 'string', enum: [...SECTORS] },
      trl: { type: 'integer', minimum: 1, maximum: 9, description: 'Technology readiness level' },
      ipStatus: { type: 'string', enum: [...IP_STATUSES] },
      cooperation: { type: 'array', items: { type: 'string', enum: [...COOPERATION_KINDS] } },
      partnerCountries: { type: 'array', items: { type: 'string' }, description: 'Where partners are sought; empty: anywhere' },
      author: {
        type: 'object',
        description: 'An exhibitor, or a registered attendee shown by their organisation (never their name or email)',
        required: ['exhibitor', 'name', 'country'],
        properties: {
          exhibitor: { type: ['string', 'null'], description: "The exhibitor's slug; null for an attendee's listing" },
          name: localized,
          country: { type: 'string' },
        },
      },
    },
  },
};
