import { z } from 'zod';
import { registrationInputSchema } from '@/lib/registration/schema';
import { QUESTION_KINDS } from '@/db/schema/question-kinds';
import { exhibitionPaths, exhibitionSchemas, myMeetingsPaths } from './openapi-exhibition';
import { SECTORS } from '@/db/schema/exhibition';
import { OUTCOME_KINDS } from '@/db/schema/outcomes';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, example: 'china-asean-tech-forum' };
const errors = {
  404: json(ref('Error'), 'No such forum or session'),
  422: json(ref('Error'), 'Invalid input; `fields` names each field and what is wrong with it'),
};

// Content text: English always, any other language (a BCP 47 tag: zh, ja, ko, th, zh-Hant…) when written.
const localized = { type: 'object', required: ['en'], properties: { en: { type: 'string' } }, additionalProperties: { type: 'string' } };

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument(serverUrl: string) {
  const registrationBody = z.toJSONSchema(registrationInputSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  delete (registrationBody as { $schema?: string }).$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hybrid Forum API',
      version: '1.0.0',
      description:
        'Programme, venues and registration of multi-venue hybrid forums. Times are UTC (ISO 8601); every venue carries its IANA time zone.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      ...exhibitionPaths,
      ...myMeetingsPaths,
      '/api/v1/events': {
        get: {
          summary: 'Published forums',
          operationId: 'listEvents',
          responses: { 200: json({ type: 'object', properties: { events: { type: 'array', items: ref('Event') } } }, 'Forums') },
        },
      },
      '/api/v1/events/{slug}': {
        get: {
          summary: 'One forum with its venues',
          operationId: 'getEvent',
          parameters: [slugParam],
          responses: {
            200: json({ type: 'object', properties: { event: ref('Event'), venues: { type: 'array', items: ref('Venue') } } }, 'The forum'),
            404: errors[404],
          },
        },
      },
      '/api/v1/events/{slug}/venues': {
        get: {
          summary: 'Venues with their time zones and rooms',
          operationId: 'listVenues',
          parameters: [slugParam],
          responses: {
            200: json({ type: 'object', properties: { venues: { type: 'array', items: ref('Venue') } } }, 'Venues'),
            404: errors[404],
          },
        },
      },
      '/api/v1/events/{slug}/sessions': {
        get: {
          summary: 'Sessions with seats left',
          operationId: 'listSessions',
          parameters: [
            slugParam,
            {
              name: 'venue',
              in: 'query',
              schema: { type: 'string' },
              description: 'A venue slug: that venue’s programme, relays included',
            },
            { name: 'day', in: 'query', schema: { type: 'string', format: 'date' }, description: 'A calendar day in the venue’s zone' },
            { name: 'kind', in: 'query', schema: { type: 'string' } },
            { name: 'segment', in: 'query', schema: { type: 'string' } },
            { name: 'language', in: 'query', schema: { type: 'string' } },
            { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 } },
          ],
          responses: {
            200: json({ type: 'object', properties: { sessions: { type: 'array', items: ref('Session') } } }, 'Sessions'),
            ...errors,
          },
        },
      },
      '/api/v1/events/{slug}/sessions/{session}': {
        get: {
          summary: 'One session',
          operationId: 'getSession',
          parameters: [
            slugParam,
            { name: 'session', in: 'path', required: true, schema: { type: 'string' }, description: 'Session id or slug' },
          ],
          responses: { 200: json({ type: 'object', properties: { session: ref('Session') } }, 'The session'), 404: errors[404] },
        },
      },
      '/api/v1/events/{slug}/agenda.ics': {
        get: {
          summary: 'The programme as an iCalendar feed (whole, or ?venue=)',
          operationId: 'agendaFeed',
          parameters: [slugParam, { name: 'venue', in: 'query', schema: { type: 'string' } }],
          responses: {
            200: { description: 'iCalendar (RFC 5545)', content: { 'text/calendar': { schema: { type: 'string' } } } },
            ...errors,
          },
        },
      },
      '/api/v1/events/{slug}/outcomes': {
        get: {
          summary: 'The forum’s public outcomes (MoUs, agreements, technology transfers) and their figures',
          description:
            'Only outcomes the organisers made public. Figures count the public outcomes by kind, by sector and by country (an outcome counts once for each country among its parties), and the meetings held (accepted) and those whose outcome was recorded.',
          operationId: 'listOutcomes',
          parameters: [slugParam],
          responses: {
            200: json(
              {
                type: 'object',
                properties: { outcomes: { type: 'array', items: ref('Outcome') }, figures: ref('OutcomeFigures') },
              },
              'Outcomes',
            ),
            404: errors[404],
          },
        },
      },
      '/api/v1/events/{slug}/categories': {
        get: {
          summary: 'The attendee categories the registration offers, in order',
          description:
            'Public categories, and with a valid invitation `code` the hidden category it opens. A wrong, expired or used-up code is answered like no code. Choose one in `category` of the registration (with `code` for a hidden one).',
          operationId: 'listCategories',
          parameters: [slugParam, { name: 'code', in: 'query', schema: { type: 'string', maxLength: 64 } }],
          responses: {
            200: json({ type: 'object', properties: { categories: { type: 'array', items: ref('Category') } } }, 'Categories'),
            404: errors[404],
          },
        },
      },
      '/api/v1/events/{slug}/questions': {
        get: {
          summary: 'The organisers’ own questions on the registration form, in order',
          description:
            'Answer them in `answers` of the registration, keyed by question id. Answers are never published: they are read by the registrant (manage page) and the organisers only.',
          operationId: 'listQuestions',
          parameters: [slugParam],
          responses: {
            200: json({ type: 'object', properties: { questions: { type: 'array', items: ref('Question') } } }, 'Questions'),
            404: errors[404],
          },
        },
      },
      '/api/v1/events/{slug}/registrations': {
        post: {
          summary: 'Register for a forum',
          description:
            'How the registration stands (confirmed, waitlisted, seats) and the link to change or cancel it are sent to the email address, never returned here.',
          operationId: 'register',
          parameters: [slugParam],
          requestBody: { required: true, content: { 'application/json': { schema: ref('RegistrationInput') } } },
          responses: {
            201: json(
              ref('RegistrationReceived'),
              'Received. A new address is registered at once (confirmed or waitlisted) and gets a confirmation mail with its manage link; an address already registered gets its manage link again (at most once per 10 minutes) and nothing else changes. Both get this same answer: there is no 409, so the API does not reveal who is registered, and the manage link reaches only the mailbox.',
            ),
            400: json(ref('Error'), 'Body is not UTF-8, or nests deeper than 32 levels'),
            404: errors[404],
            413: json(ref('Error'), 'Body larger than 32 KB'),
            415: json(ref('Error'), 'Body is not JSON'),
            422: errors[422],
            429: {
              ...json(ref('Error'), 'Too many requests from this client'),
              headers: { 'Retry-After': { schema: { type: 'integer' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ...exhibitionSchemas,
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } },
        },
        Event: {
          type: 'object',
          properties: {
            slug: { type: 'string' },
            name: localized,
            theme: localized,
            startsAt: { type: 'string', format: 'date-time' },
            endsAt: { type: 'string', format: 'date-time' },
            timeZone: { type: 'string' },
            languages: { type: 'array', items: { type: 'string' } },
            phase: {
              type: 'string',
              enum: ['upcoming', 'open', 'closed', 'archived'],
              description:
                'Registration not yet open, open, closed (the programme stays public), or archived (read only, no longer listed).',
            },
            registration: {
              type: 'object',
              properties: {
                opensAt: { type: ['string', 'null'], format: 'date-time' },
                closesAt: { type: ['string', 'null'], format: 'date-time' },
              },
            },
          },
        },
        Venue: {
          type: 'object',
          properties: {
            slug: { type: 'string' },
            name: localized,
            city: localized,
            country: { type: 'string' },
            timeZone: { type: 'string', description: 'IANA time zone' },
            kind: { type: 'string', enum: ['main', 'branch', 'online'] },
            capacity: { type: ['integer', 'null'] },
          },
        },
        Session: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            slug: { type: 'string' },
            title: localized,
            kind: { type: 'string' },
            segment: { type: 'string' },
            startsAt: { type: 'string', format: 'date-time' },
            endsAt: { type: 'string', format: 'date-time' },
            venue: { type: 'string' },
            capacity: { type: ['integer', 'null'] },
            seatsLeft: { type: ['integer', 'null'] },
            streamed: { type: 'boolean' },
            status: { type: 'string', enum: ['scheduled', 'changed', 'cancelled'] },
            relayedTo: { type: 'array', items: { type: 'string' } },
          },
        },
        RegistrationInput: {
          ...registrationBody,
          properties: {
            ...(registrationBody as { properties?: object }).properties,
            answers: {
              type: 'object',
              description:
                'Question id → answer: text (short_text, long_text, email, phone, country as ISO code, date as YYYY-MM-DD), a number, "yes"/"no" (or true/false), an option id (single_choice) or an array of option ids (multiple_choice). A required question left empty, a wrong type, an unknown option, or a question not asked of this registrant is refused with 422 naming `answers.<question id>`.',
              additionalProperties: {
                oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }],
              },
            },
          },
        },
        Outcome: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            kind: { type: 'string', enum: [...OUTCOME_KINDS] },
            title: localized,
            parties: {
              type: 'array',
              items: {
                type: 'object',
                properties: { name: { type: 'string' }, country: { type: 'string', description: 'ISO 3166-1 alpha-2' } },
              },
            },
            sector: { type: 'string', enum: [...SECTORS] },
            signedOn: { type: 'string', format: 'date', description: 'The calendar date of signing' },
            session: {
              type: ['object', 'null'],
              description: 'The session it was signed at (a signing ceremony), with its venue’s time zone',
              properties: {
                slug: { type: 'string' },
                title: localized,
                startsAt: { type: 'string', format: 'date-time' },
                timeZone: { type: 'string' },
              },
            },
          },
        },
        OutcomeFigures: {
          type: 'object',
          properties: {
            total: { type: 'integer' },
            byKind: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, count: { type: 'integer' } } } },
            bySector: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, count: { type: 'integer' } } } },
            byCountry: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, count: { type: 'integer' } } } },
            meetingsHeld: { type: 'integer' },
            meetingsWithOutcome: { type: 'integer' },
          },
        },
        Category: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: localized,
            description: localized,
            visibility: { type: 'string', enum: ['public', 'invitation'] },
            requiresApproval: {
              type: 'boolean',
              description: 'Registrations wait (status pending, no seat) until an organiser approves them',
            },
            allowedModes: { type: 'array', items: { type: 'string', enum: ['in_person', 'online'] } },
            allowedVenues: {
              type: 'array',
              items: { type: 'string' },
              description: 'Venue slugs where this category may attend in person; empty: every venue',
            },
          },
        },
        Question: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            position: { type: 'integer' },
            kind: {
              type: 'string',
              enum: [...QUESTION_KINDS],
            },
            required: { type: 'boolean' },
            label: localized,
            help: localized,
            options: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: localized } } },
            condition: {
              type: ['object', 'null'],
              description: 'Asked only when that question is answered with one of `values`',
              properties: { questionId: { type: 'string', format: 'uuid' }, values: { type: 'array', items: { type: 'string' } } },
            },
            categoryIds: { type: ['array', 'null'], items: { type: 'string', format: 'uuid' }, description: 'null: asked of everyone' },
            version: { type: 'integer' },
          },
        },
        RegistrationReceived: {
          type: 'object',
          required: ['received', 'email', 'message'],
          description:
            'The same for a new address and for one already registered, so that the answer does not tell whether an address is registered. It carries no manage link and no status: the mail to the address does.',
          properties: {
            received: { type: 'boolean', const: true },
            email: { type: 'string', format: 'email', description: 'The address as submitted (trimmed, lower case)' },
            message: { type: 'string' },
          },
        },
      },
    },
  };
}
