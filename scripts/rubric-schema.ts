// Builds the JSON Schema for rubric files from the built-in rule ids, dimensions and word lists, so the
// shipped schema (editor completion and validation) cannot drift from what the engine accepts.
// Run: node --import tsx scripts/rubric-schema.ts > rubrics/schema.json
import { DIMENSIONS, RULES, RUBRIC_LIMITS, REPLACEMENT_PATTERN, SIGNAL_NAMES } from '../server/src/presence.ts';
import words from '../rubrics/words.json';
import { SECTION_ROLES } from '../server/src/core/sectionRoles.ts';

export function rubricSchema(): object {
  const severities = ['error', 'warning', 'information', 'hint', 'off'];
  const lists = Object.keys(words).filter((k) => !k.startsWith('$'));
  const phraseList = {
    type: 'array',
    items: { type: 'string', maxLength: RUBRIC_LIMITS.phraseChars },
    maxItems: RUBRIC_LIMITS.listPhrases,
  };
  const threshold = (description: string, minimum: number, maximum: number): object => ({ type: 'integer', minimum, maximum, description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/presence-dev/presence/rubrics/schema.json',
    title: 'Presence rubric',
    description: 'Picks the rules, severities, weights, thresholds, word lists and required sections Presence uses for a kind of document.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      $comment: { type: 'string' },
      name: { type: 'string', description: 'Display name of the rubric.' },
      description: { type: 'string', description: 'What kind of document this rubric is for.' },
      extends: {
        type: 'string',
        description: `A built-in rubric name or another workspace rubric to start from; a relative path is relative to this file. At most ${RUBRIC_LIMITS.chainDepth} rubrics in one chain.`,
        examples: ['executive', 'board-update', 'strategy-memo', 'decision-doc', 'status-update', 'interview-answer'],
      },
      weights: {
        type: 'object',
        description: 'Relative weight of each dimension in the overall score (0 leaves it out).',
        additionalProperties: false,
        properties: Object.fromEntries(DIMENSIONS.map((d) => [d, { type: 'number', minimum: 0, maximum: 100 }])),
      },
      rules: {
        type: 'object',
        description: 'Severity per rule id or per family; "off" turns it off.',
        additionalProperties: false,
        properties: Object.fromEntries(
          [...DIMENSIONS, ...RULES.map((r) => r.id)].map((id) => [
            id,
            { enum: severities, description: RULES.find((r) => r.id === id)?.title ?? `every ${id} rule` },
          ]),
        ),
      },
      thresholds: {
        type: 'object',
        additionalProperties: false,
        properties: {
          sentenceWords: threshold('Words in a sentence before it counts as long.', 5, 500),
          paragraphWords: threshold('Words in a paragraph before it counts as long.', 20, 5000),
          documentWords: threshold('Words in the document before it counts as long.', 50, 1000000),
          listItems: threshold('Items in one list before it counts as long.', 2, 1000),
          staleMonths: threshold('Months after which dated evidence counts as stale.', 1, 120),
          openingSentences: threshold('Sentences at the top that must carry the point.', 1, 10),
        },
      },
      words: {
        type: 'object',
        description:
          'Changes to the built-in word lists: an array replaces a list; { add, remove } edits it. Phrases are matched literally, word by word.',
        additionalProperties: false,
        properties: Object.fromEntries(
          lists.map((l) => [
            l,
            l === 'filler'
              ? {
                  type: 'object',
                  maxProperties: RUBRIC_LIMITS.listPhrases,
                  propertyNames: { maxLength: RUBRIC_LIMITS.phraseChars },
                  additionalProperties: { type: 'string', maxLength: RUBRIC_LIMITS.replacementChars, pattern: REPLACEMENT_PATTERN.source },
                  description: `phrase → replacement ("" removes the phrase). A replacement is plain words on one line (letters, digits, spaces and . , ; : ! ? ' " ( ) % / -), at most ${RUBRIC_LIMITS.replacementChars} characters, no more words than the phrase, and contains no filler phrase, itself included.`,
                }
              : {
                  oneOf: [phraseList, { type: 'object', additionalProperties: false, properties: { add: phraseList, remove: phraseList } }],
                },
          ]),
        ),
      },
      requiredSections: {
        type: 'array',
        description: 'Sections the document must have; each matches any heading that contains one of its headings.',
        items: {
          type: 'object',
          required: ['name', 'headings'],
          additionalProperties: false,
          properties: {
            name: { type: 'string' },
            headings: { type: 'array', items: { type: 'string' }, minItems: 1 },
            roles: {
              type: 'array',
              description:
                'Section roles that also satisfy it, whatever the heading says: a heading\'s role comes from its words ("Consequences" and "Drawbacks" are drawbacks, "Rationale and alternatives" is alternatives).',
              items: { enum: SECTION_ROLES.filter((r) => r !== 'none') },
            },
          },
        },
      },
      credit: {
        type: 'object',
        description:
          'What each dimension earns credit for: credit signal → points. A dimension scores its weighted share of the signals, less its findings; a dimension named here replaces the table it extends.',
        additionalProperties: false,
        properties: Object.fromEntries(
          DIMENSIONS.map((d) => [
            d,
            {
              type: 'object',
              additionalProperties: false,
              properties: Object.fromEntries(SIGNAL_NAMES.map((s) => [s, { type: 'number', minimum: 0, maximum: 100 }])),
            },
          ]),
        ),
      },
    },
  };
}

if (process.argv[1]?.endsWith('rubric-schema.ts')) process.stdout.write(`${JSON.stringify(rubricSchema(), null, 2)}\n`);
