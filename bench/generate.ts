// Seeded generator of business Markdown for the benchmark: memos, board updates and status reports with
// headings, paragraphs, bullet lists, tables, inline code, links, the odd code block and quote — and the
// habits Presence looks for (hedges, agentless passives, vague numbers, filler, activity narration)
// mixed in with plain, strong sentences. Same seed, same text.
//
//   node --import tsx bench/generate.ts        writes the documents to .bench-cache/docs (idempotent)
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, sharedPath } from '../scripts/repo.js';

/** Bump when the generator's output changes, so cached documents are rebuilt. */
export const GENERATOR_VERSION = 4;

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32).

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary. Invented companies, people and products; ordinary business words.

const PRODUCTS = [
  'Ledgerline',
  'Fieldbook',
  'Tidewater',
  'Quillstone',
  'Harbor Pay',
  'Brightpath',
  'Copperleaf',
  'Meridian Sync',
  'Orchard CRM',
  'Pinecrest Analytics',
  'Saltmarsh',
  'Northstar Billing',
  'Kite Portal',
  'Loom Scheduler',
  'Granite Vault',
];
const CUSTOMERS = [
  'Northwind Freight',
  'Kestrel Bank',
  'Alder Health',
  'Bluefin Logistics',
  'Cobalt Retail',
  'Dunmore Insurance',
  'Everline Energy',
  'Foxglove Media',
  'Gannet Airlines',
  'Hollis & Reed',
  'Ironbark Mining',
  'Juniper Schools',
  'Larkspur Hotels',
  'Moraine Foods',
  'Nettle Pharma',
  'Osprey Telecom',
  'Pellucid Labs',
  'Quarry Bay Council',
  'Rowan Mutual',
  'Sable Motors',
];
const PEOPLE = [
  'Priya',
  'Marcus',
  'Ines',
  'Tomasz',
  'Adaeze',
  'Kenji',
  'Lucia',
  'Owen',
  'Farah',
  'Diego',
  'Hannah',
  'Yusuf',
  'Mei',
  'Rafael',
  'Sigrid',
  'Tariq',
  'Elena',
  'Noah',
  'Aisha',
  'Bruno',
];
const TEAMS = [
  'the platform team',
  'the payments squad',
  'customer success',
  'the data team',
  'sales engineering',
  'the growth pod',
  'finance',
  'the infrastructure group',
  'the mobile team',
  'legal',
  'procurement',
  'the partnerships team',
  'support operations',
  'the design team',
  'security',
];
const REGIONS = [
  'EMEA North',
  'EMEA South',
  'North America East',
  'North America West',
  'LATAM',
  'APAC',
  'ANZ',
  'the Nordics',
  'DACH',
  'Benelux',
  'Iberia',
  'the UK and Ireland',
  'India',
  'Japan',
  'Southeast Asia',
];
const METRICS = [
  'ARR',
  'net revenue retention',
  'gross margin',
  'logo churn',
  'CAC payback',
  'trial-to-paid conversion',
  'p95 checkout latency',
  'weekly active teams',
  'support backlog',
  'time to first value',
  'pipeline coverage',
  'average deal size',
  'burn multiple',
  'uptime',
  'NPS',
  'expansion revenue',
  'onboarding completion',
  'cost per ticket',
  'win rate',
  'days sales outstanding',
];
const UNITS_UP = ['grew', 'rose', 'climbed', 'increased', 'improved', 'recovered'];
const UNITS_DOWN = ['fell', 'dropped', 'declined', 'slipped', 'shrank', 'eased'];
const INITIATIVES = [
  'the self-serve checkout',
  'usage-based pricing',
  'the partner marketplace',
  'SSO for mid-market',
  'the data residency program',
  'the migration to the new billing engine',
  'the onboarding redesign',
  'the annual-plan discount',
  'the EU data center',
  'the fraud scoring model',
  'the mobile offline mode',
  'the reseller channel',
  'the audit log export',
  'the support chatbot',
  'the invoice reconciliation tool',
  'the enterprise sandbox',
  'the API rate-limit tiers',
  'the renewal playbook',
];
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RISKS = [
  'a slip in the vendor contract',
  'attrition on the platform team',
  'a pricing backlash from long-time customers',
  'regulatory review in two markets',
  'a dependency on a single cloud region',
  'slower hiring than planned',
  'a competitor bundling a free tier',
  'currency swings in LATAM',
  'the data migration running long',
  'a security finding in the legacy API',
];
const CODE_TOKENS = [
  'billing_v2_enabled',
  'checkout.timeout_ms',
  'ORG_SEAT_LIMIT',
  'feature/usage-pricing',
  'sync-worker',
  'rate_limit.burst',
  'api/v3/invoices',
  'ledger-export',
  'tenant_region',
  'SSO_ENFORCE',
  'reconcile --dry-run',
  'plan_tier',
];
const LINK_TEXTS = [
  'pricing analysis',
  'churn dashboard',
  'customer interview notes',
  'launch checklist',
  'incident review',
  'hiring plan',
  'Q3 board deck',
  'migration runbook',
  'win-loss study',
  'capacity model',
  'vendor comparison',
  'security assessment',
];
const LINK_PATHS = [
  'pricing/analysis',
  'dash/churn',
  'research/interviews',
  'launch/checklist',
  'incidents/2291',
  'people/hiring-plan',
  'board/q3-deck',
  'runbooks/migration',
  'sales/win-loss',
  'infra/capacity',
  'procurement/vendors',
  'security/assessment',
];

const HEDGES = [
  'I think',
  'I believe',
  'maybe',
  'perhaps',
  'it seems like',
  'hopefully',
  'it could be that',
  'arguably',
  'I feel like',
  'probably',
];
const VERB_HEDGES = [
  'we might want to',
  'we will try to',
  'we could sort of',
  'we should probably',
  'we may want to',
  'we kind of need to',
  'we hope to',
];
const VAGUE_QTY = [
  'a lot of',
  'significant',
  'many',
  'several',
  'a huge number of',
  'numerous',
  'a handful of',
  'substantial',
  'lots of',
  'a meaningful amount of',
];
const VAGUE_TIME = [
  'soon',
  'in the coming weeks',
  'shortly',
  'at some point next quarter',
  'in the near future',
  'over time',
  'when capacity allows',
];
const FILLER = [
  'At the end of the day,',
  'For all intents and purposes,',
  'It is worth noting that',
  'Basically,',
  'Needless to say,',
  'As a matter of fact,',
  'To be honest,',
  'Going forward,',
];
const INTENSIFIERS = ['extremely', 'incredibly', 'super', 'really', 'very', 'truly', 'massively'];
const BUZZ = [
  'leverage our synergies',
  'move the needle',
  'drive alignment',
  'unlock value',
  'double-click on the roadmap',
  'boil the ocean',
  'circle back',
  'operationalize the learnings',
];
const PASSIVES = [
  'it was decided that',
  'the launch was delayed',
  'mistakes were made in the rollout',
  'the budget was cut',
  'the scope was reduced',
  'the decision was deferred',
  'the contract was not renewed',
  'the target was missed',
  'the migration was paused',
  'the roadmap was reprioritized',
];
const CONSENSUS = [
  'once we align with everyone',
  'pending buy-in from the leads',
  'after we get consensus',
  'when all stakeholders agree',
  'once the steering group signs off',
];
const MONEY_METRICS = ['ARR', 'expansion revenue', 'new bookings', 'gross profit', 'services revenue', 'committed spend'];
const UNCERTAIN = [
  'It is unclear whether',
  'We do not know yet whether',
  'More research is needed to tell whether',
  'It is still TBD whether',
  'Nobody is sure yet whether',
];
const APOLOGY = [
  'Sorry for the delay on this update.',
  'Unfortunately, the numbers came in late.',
  'To be fair, the target was aggressive.',
  'In our defense, the vendor missed two deadlines.',
  'We apologize for the confusion last month.',
];
const ACTIVITY = [
  'we worked on',
  'we held several meetings about',
  'we continued to iterate on',
  'we spent time looking into',
  'we had discussions about',
  'we kept making progress on',
];
const VERBS_STRONG = ['ship', 'launch', 'retire', 'price', 'migrate', 'staff', 'fund', 'pause', 'expand', 'consolidate'];
const REASONS = [
  'because enterprise buyers asked for it in 14 of 20 renewals',
  'since it removes two manual steps from every invoice',
  'because it cuts hosting cost by about 9%',
  'as it unblocks the three largest deals in the pipeline',
  'because support tickets on this flow doubled',
  'since the current contract ends in March',
];
const TRADEOFFS = [
  'instead of hiring two more account executives',
  'rather than extending the legacy plan',
  'at the cost of a two-week delay to the mobile release',
  'and we will not pursue the reseller pilot this half',
  'instead of building our own scheduler',
  'rather than discounting the renewal',
];
const SECTION_TOPICS = [
  'Summary',
  'Context',
  'Results',
  'Risks',
  'Roadmap',
  'Priorities',
  'Hiring',
  'Customers',
  'Financials',
  'Open questions',
  'Next steps',
  'Decision needed',
  'Recommendation',
  'Product',
  'Go-to-market',
  'Operations',
  'Security and compliance',
  'Bets',
  'Lessons learned',
  'Appendix',
];

// ---------------------------------------------------------------------------------------------------------
// Sentences, each from a small template with its slots filled at random.

interface Ctx {
  rng: Rng;
  year: number;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function pct(r: Rng): string {
  return `${r.int(2, 48)}%`;
}
function money(r: Rng): string {
  return r.chance(0.5) ? `$${r.int(1, 95)}${r.pick(['k', 'M'])}` : `$${(r.int(10, 990) / 10).toFixed(1)}M`;
}
function when(c: Ctx): string {
  const r = c.rng;
  return r.chance(0.5) ? `${r.pick(QUARTERS)} ${c.year + r.int(-1, 1)}` : `${r.pick(MONTHS)} ${c.year + r.int(-1, 1)}`;
}
function isoDate(c: Ctx): string {
  const r = c.rng;
  return `${c.year + r.int(-2, 1)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}
function link(r: Rng): string {
  const i = r.int(0, LINK_TEXTS.length - 1);
  return r.chance(0.7)
    ? `[${LINK_TEXTS[i]}](https://wiki.example.com/${LINK_PATHS[i]})`
    : `[${LINK_TEXTS[i]}](./${LINK_PATHS[i]!.replace('/', '-')}.md)`;
}
function code(r: Rng): string {
  return `\`${r.pick(CODE_TOKENS)}\``;
}

type Sentence = (c: Ctx) => string;

const STRONG: Sentence[] = [
  (c) => `${cap(c.rng.pick(MONEY_METRICS))} ${c.rng.pick(UNITS_UP)} ${pct(c.rng)} quarter over quarter, to ${money(c.rng)}.`,
  (c) => `We recommend that we ${c.rng.pick(VERBS_STRONG)} ${c.rng.pick(INITIATIVES)} by ${when(c)} ${c.rng.pick(REASONS)}.`,
  (c) => `I decided to ${c.rng.pick(VERBS_STRONG)} ${c.rng.pick(INITIATIVES)} ${c.rng.pick(TRADEOFFS)}.`,
  (c) => `${c.rng.pick(CUSTOMERS)} signed a ${c.rng.int(2, 5)}-year renewal worth ${money(c.rng)}, up ${pct(c.rng)} on the prior term.`,
  (c) => `${c.rng.pick(PEOPLE)} owns ${c.rng.pick(INITIATIVES)} and will report progress every two weeks.`,
  (c) => `The ask: approve ${money(c.rng)} for ${c.rng.pick(INITIATIVES)}, which pays back in ${c.rng.int(4, 18)} months.`,
  (c) =>
    `In ${c.rng.pick(REGIONS)}, ${c.rng.pick(METRICS)} ${c.rng.pick(UNITS_DOWN)} from ${c.rng.int(30, 60)}% to ${c.rng.int(5, 29)}% after we changed the ${c.rng.pick(['discount policy', 'trial length', 'onboarding email', 'sales territory', 'support tier'])}.`,
  (c) =>
    `We estimate a ${c.rng.int(5, 9)}0% chance that ${c.rng.pick(INITIATIVES)} lands by ${when(c)}; the main risk is ${c.rng.pick(RISKS)}.`,
  (c) => `Tradeoff: we ${c.rng.pick(VERBS_STRONG)} ${c.rng.pick(INITIATIVES)} ${c.rng.pick(TRADEOFFS)}.`,
  (c) =>
    `The ${c.rng.pick(LINK_TEXTS)} (${link(c.rng)}) shows ${c.rng.int(3, 40)} of ${c.rng.int(41, 90)} accounts asking for ${c.rng.pick(INITIATIVES)}.`,
  (c) => `Setting ${code(c.rng)} to ${c.rng.int(2, 500)} in production cut ${c.rng.pick(METRICS)} by ${pct(c.rng)} with no rise in errors.`,
  (c) => `Assumption: ${c.rng.pick(CUSTOMERS)} renews at current terms. Decision: we hold price. Revisit by: ${isoDate(c)}.`,
  (c) => `Burn was ${money(c.rng)} a month in ${c.rng.pick(MONTHS)}, which leaves ${c.rng.int(14, 40)} months of runway.`,
  (c) =>
    `${cap(c.rng.pick(TEAMS))} closed ${c.rng.int(12, 240)} tickets and brought the median response time to ${c.rng.int(2, 19)} hours.`,
];

const WEAK: Sentence[] = [
  (c) => `${cap(c.rng.pick(HEDGES))} we should ${c.rng.pick(VERBS_STRONG)} ${c.rng.pick(INITIATIVES)} ${c.rng.pick(VAGUE_TIME)}.`,
  (c) => `${cap(c.rng.pick(PASSIVES))} after the review in ${c.rng.pick(MONTHS)}.`,
  (c) =>
    `There was ${c.rng.pick(VAGUE_QTY)} interest from customers in ${c.rng.pick(REGIONS)}, and ${c.rng.pick(METRICS)} ${c.rng.pick(UNITS_UP)}.`,
  (c) => `${c.rng.pick(FILLER)} ${c.rng.pick(ACTIVITY)} ${c.rng.pick(INITIATIVES)} with ${c.rng.pick(TEAMS)}.`,
  (c) =>
    `In order to ${c.rng.pick(VERBS_STRONG)} ${c.rng.pick(INITIATIVES)}, ${c.rng.pick(ACTIVITY)} the ${c.rng.pick(['contract terms', 'data model', 'pricing page', 'support macros', 'SLA'])} with ${c.rng.pick(TEAMS)}.`,
  (c) => `Due to the fact that ${c.rng.pick(RISKS)} came up, ${c.rng.pick(METRICS)} ${c.rng.pick(UNITS_DOWN)} ${c.rng.pick(VAGUE_TIME)}.`,
  (c) => `${cap(c.rng.pick(VERB_HEDGES))} ${c.rng.pick(VERBS_STRONG)} ${c.rng.pick(INITIATIVES)} before ${when(c)}.`,
  (c) =>
    `Last ${c.rng.pick(['week', 'month', 'sprint', 'quarter'])}, ${c.rng.pick(ACTIVITY)} ${c.rng.pick(INITIATIVES)}, then we reviewed it with ${c.rng.pick(TEAMS)}, and then we updated the plan.`,
  (c) => `We can ${c.rng.pick(VERBS_STRONG)} ${c.rng.pick(INITIATIVES)} ${c.rng.pick(CONSENSUS)}.`,
  (c) => `The team feels that ${c.rng.pick(INITIATIVES)} is the right bet, but we need to discuss it further with ${c.rng.pick(TEAMS)}.`,
  (c) => `${c.rng.pick(UNCERTAIN)} ${c.rng.pick(CUSTOMERS)} will expand, so the forecast for ${c.rng.pick(REGIONS)} is still open.`,
  (c) =>
    `The results were ${c.rng.pick(INTENSIFIERS)} ${c.rng.pick(['encouraging', 'positive', 'strong', 'exciting'])}${c.rng.chance(0.4) ? '!' : '.'}`,
  (c) => c.rng.pick(APOLOGY),
  (c) => `This will help us ${c.rng.pick(BUZZ)} across ${c.rng.pick(TEAMS)} and ${c.rng.pick(BUZZ)} for ${c.rng.pick(PRODUCTS)}.`,
  (c) => `Should we ${c.rng.pick(VERBS_STRONG)} ${c.rng.pick(INITIATIVES)} or wait until ${when(c)}?`,
  (c) => `The delay was due to the other team, and ${c.rng.pick(PASSIVES)}.`,
  (c) =>
    `${cap(c.rng.pick(METRICS))} ${c.rng.pick(UNITS_UP)} ${c.rng.pick(VAGUE_TIME)} thanks to ${c.rng.pick(VAGUE_QTY)} improvements to ${c.rng.pick(PRODUCTS)}.`,
  (c) => `There is no downside to ${c.rng.pick(INITIATIVES)}, and ${c.rng.pick(HEDGES)} it will pay off.`,
  (c) =>
    `${c.rng.pick(['This document describes', 'This memo covers', 'This update walks through'])} the history of ${c.rng.pick(INITIATIVES)} and ${c.rng.pick(['how we got here', 'what happened along the way', 'the background on each decision'])}.`,
  (c) =>
    `We held meetings with ${c.rng.pick(TEAMS)}, ${c.rng.pick(TEAMS)} and ${c.rng.pick(TEAMS)} to go over the status of ${c.rng.pick(INITIATIVES)}, the open risks, the timeline, the budget, the staffing plan and the dependencies on ${c.rng.pick(PRODUCTS)} and ${c.rng.pick(PRODUCTS)} before the next review.`,
  (c) => `Things are going WELL with ${c.rng.pick(PRODUCTS)} and the team is ${c.rng.pick(INTENSIFIERS)} motivated.`,
];

function sentence(c: Ctx, weakShare: number): string {
  return c.rng.chance(weakShare) ? c.rng.pick(WEAK)(c) : c.rng.pick(STRONG)(c);
}

function paragraph(c: Ctx, weakShare: number): string {
  const n = c.rng.int(2, 6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(sentence(c, weakShare));
  return parts.join(' ');
}

function bulletItem(c: Ctx, roadmap: boolean): string {
  const r = c.rng;
  if (roadmap) {
    const item = cap(r.pick(INITIATIVES).replace(/^the /, ''));
    switch (r.int(0, 4)) {
      case 0:
        return `${item} — ${r.pick(CUSTOMERS)} and ${r.int(2, 30)} other accounts asked for it; due ${isoDate(c)}.`;
      case 1:
        return `${item}: expected to lift ${r.pick(METRICS)} by ${pct(r)} (see ${link(r)}).`;
      case 2:
        return `${item} — owner ${r.pick(PEOPLE)}, target ${when(c)}.`;
      case 3:
        return `${item}, which ${r.pick(HEDGES)} matters a lot to customers.`;
      default:
        return `${item} (evidence as of ${isoDate(c)}: ${r.int(3, 60)} support tickets a week).`;
    }
  }
  switch (r.int(0, 6)) {
    case 0:
      return `${cap(r.pick(METRICS))}: ${pct(r)} (${r.pick(['up', 'down'])} ${r.int(1, 9)} points)`;
    case 1:
      return `${r.pick(PEOPLE)} joined ${r.pick(TEAMS)} as ${r.pick(['staff engineer', 'product lead', 'account director', 'data scientist', 'support manager'])}.`;
    case 2:
      return `Shipped ${code(r)} behind a flag to ${r.int(5, 60)}% of tenants.`;
    case 3:
      return `${cap(r.pick(ACTIVITY))} ${r.pick(INITIATIVES)}.`;
    case 4:
      return `${cap(r.pick(RISKS))} — mitigation owned by ${r.pick(PEOPLE)}.`;
    case 5:
      return `${r.pick(CUSTOMERS)}: ${r.pick(['renewed', 'expanded', 'churned', 'paused', 'signed'])} (${money(r)}).`;
    default:
      return sentence(c, 0.5);
  }
}

function bulletList(c: Ctx, roadmap: boolean): string {
  const n = c.rng.int(3, c.rng.chance(0.15) ? 11 : 7);
  const ordered = c.rng.chance(0.2);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`${ordered ? `${i + 1}.` : '-'} ${bulletItem(c, roadmap)}`);
  return lines.join('\n');
}

function table(c: Ctx): string {
  const r = c.rng;
  const q = r.int(1, 3);
  const head = `| Metric | ${QUARTERS[q - 1]} | ${QUARTERS[q]} | Change | Note |`;
  const sep = '| --- | ---: | ---: | ---: | --- |';
  const rows: string[] = [];
  const n = r.int(3, 7);
  for (let i = 0; i < n; i++) {
    const a = r.int(10, 900);
    const b = a + r.int(-80, 120);
    rows.push(
      `| ${cap(r.pick(METRICS))} | ${a} | ${b} | ${(((b - a) / a) * 100).toFixed(1)}% | ${r.chance(0.5) ? r.pick(['on plan', 'behind plan', 'ahead of plan', 'seasonal dip', 'one-off']) : `see ${code(r)}`} |`,
    );
  }
  return [head, sep, ...rows].join('\n');
}

function codeBlock(c: Ctx): string {
  const r = c.rng;
  return [
    '```yaml',
    `# rollout for ${r.pick(PRODUCTS)}`,
    `${r
      .pick(CODE_TOKENS)
      .replace(/[^a-z_]/gi, '_')
      .toLowerCase()}: ${r.int(1, 100)}`,
    `regions: [${r.pick(['eu-west', 'us-east', 'ap-south'])}, ${r.pick(['eu-central', 'us-west', 'ap-east'])}]`,
    `owner: ${r.pick(PEOPLE).toLowerCase()}`,
    '```',
  ].join('\n');
}

function quote(c: Ctx): string {
  const r = c.rng;
  return `> "${cap(r.pick(['we would pay more for', 'our team cannot live without', 'we are still waiting on', 'the biggest gap for us is']))} ${r.pick(INITIATIVES).replace(/^the /, '')}." — ${r.pick(['VP Finance', 'Head of IT', 'COO', 'procurement lead'])}, ${r.pick(CUSTOMERS)}`;
}

function heading(c: Ctx, i: number): { text: string; roadmap: boolean } {
  const r = c.rng;
  const topic = r.pick(SECTION_TOPICS);
  const roadmap = topic === 'Roadmap' || topic === 'Priorities' || topic === 'Bets';
  const text = i < 6 ? topic : `${topic}: ${r.pick([...REGIONS, ...PRODUCTS])}`;
  return { text, roadmap };
}

export interface GenerateOptions {
  /** Share of weak sentences (hedges, passives, filler, …); default 0.35. */
  weakShare?: number;
  /** Front-matter rubric name, or none. */
  rubric?: string;
  year?: number;
}

/** Counts whitespace-separated tokens, the way the benchmark labels its sizes. */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** A Markdown business document of about `targetWords` words (never fewer). */
export function generateDoc(seed: number, targetWords: number, opts: GenerateOptions = {}): string {
  const c: Ctx = { rng: new Rng(seed), year: opts.year ?? 2026 };
  const r = c.rng;
  const weakShare = opts.weakShare ?? 0.35;
  const blocks: string[] = [];
  let words = 0;
  const add = (b: string): void => {
    blocks.push(b);
    words += countWords(b);
  };
  if (opts.rubric)
    add(
      `---\ntitle: ${r.pick(PRODUCTS)} ${r.pick(['board update', 'strategy memo', 'status report', 'decision doc'])}\npresence: ${opts.rubric}\n---`,
    );
  add(
    `# ${r.pick(PRODUCTS)}: ${r.pick(['board update', 'strategy memo', 'quarterly review', 'status report', 'decision memo', 'planning doc'])} for ${when(c)}`,
  );
  add(paragraph(c, weakShare));
  let tableDone = false;
  for (let s = 0; words < targetWords; s++) {
    const h = heading(c, s);
    add(`${r.chance(0.85) ? '##' : '###'} ${h.text}`);
    const nBlocks = r.int(2, 5);
    for (let b = 0; b < nBlocks && words < targetWords; b++) {
      const k = r.next();
      if (h.roadmap && b === 1) add(bulletList(c, true));
      else if (k < 0.55) add(paragraph(c, weakShare));
      else if (k < 0.8) add(bulletList(c, false));
      else if (k < 0.85 || !tableDone) {
        add(table(c));
        tableDone = true;
      } else if (k < 0.94) add(quote(c));
      else add(codeBlock(c));
    }
  }
  return blocks.join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------
// Single-character edits for the incremental and keystroke benchmarks: bursts of typing (with the odd
// typo and backspace) at positions inside prose paragraphs, each edit applied to the text as it stands after
// the previous ones.

export interface CharEdit {
  /** UTF-16 offset where the edit starts in the text before this edit. */
  start: number;
  /** Exclusive end in the text before this edit (start + 1 for a backspace, start for an insertion). */
  end: number;
  /** Inserted text: one character, or '' for a backspace. */
  text: string;
}

export function applyCharEdit(text: string, e: CharEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

/** Offsets of word boundaries inside prose paragraph lines (not headings, lists, tables, code, quotes, front matter). */
function proseOffsets(text: string): number[] {
  const out: number[] = [];
  let off = 0;
  let fence = false;
  let front = text.startsWith('---\n');
  let first = true;
  for (const line of text.split('\n')) {
    if (front && !first && line === '---') front = false;
    else if (line.startsWith('```')) fence = !fence;
    else if (!front && !fence && /^[A-Z]/.test(line) && line.length > 40) {
      for (let i = 1; i < line.length; i++) if (line[i] === ' ') out.push(off + i);
    }
    first = false;
    off += line.length + 1;
  }
  return out;
}

const TYPED = [
  ' and margin',
  ' in EMEA',
  ' by Friday',
  ' for renewals',
  ' at scale',
  ' this week',
  ' with finance',
  ' per seat',
  ' so far',
  ' net of churn',
];

export function typingEdits(text: string, count: number, seed: number): CharEdit[] {
  const r = new Rng(seed);
  const edits: CharEdit[] = [];
  let cur = text;
  while (edits.length < count) {
    const spots = proseOffsets(cur);
    let pos = r.pick(spots);
    const word = r.pick(TYPED);
    for (let i = 0; i < word.length && edits.length < count; i++) {
      if (i > 2 && r.chance(0.1) && edits.length + 2 <= count) {
        // A typo, then a backspace.
        const typo: CharEdit = { start: pos, end: pos, text: 'q' };
        cur = applyCharEdit(cur, typo);
        edits.push(typo);
        const bs: CharEdit = { start: pos, end: pos + 1, text: '' };
        cur = applyCharEdit(cur, bs);
        edits.push(bs);
        if (edits.length >= count) break;
      }
      const e: CharEdit = { start: pos, end: pos, text: word[i]! };
      cur = applyCharEdit(cur, e);
      edits.push(e);
      pos++;
    }
  }
  return edits.slice(0, count);
}

// ---------------------------------------------------------------------------------------------------------
// The benchmark's document set, cached under .bench-cache/docs.

export interface BenchDoc {
  label: string;
  path: string;
  words: number;
}

export interface Manifest {
  version: number;
  sizes: BenchDoc[];
  folder: { path: string; files: number; words: number };
  corpus: { path: string; files: number; words: number };
}

export const CORPUS_DIR = sharedPath('corpus');
const SIZES: Array<[string, number, number]> = [
  ['1k', 1_000, 1001],
  ['10k', 10_000, 1002],
  ['100k', 100_000, 1003],
];
const FOLDER_FILES = 1000;
const RUBRICS_FOR_FOLDER = [undefined, undefined, 'board-update', 'strategy-memo', 'status-update', 'decision-doc'];

export function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) out.push(...listMarkdown(p));
    else if (ent.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

export function ensureDocs(cacheDir: string): Manifest {
  const docsDir = join(cacheDir, 'docs');
  const manifestPath = join(docsDir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (m.version === GENERATOR_VERSION) return m;
  }
  rmSync(docsDir, { recursive: true, force: true });
  mkdirSync(join(docsDir, 'folder'), { recursive: true });
  const sizes: BenchDoc[] = SIZES.map(([label, n, seed]) => {
    const text = generateDoc(seed, n);
    const path = join(docsDir, `memo-${label}.md`);
    writeFileSync(path, text);
    return { label, path, words: countWords(text) };
  });
  let folderWords = 0;
  for (let i = 0; i < FOLDER_FILES; i++) {
    const rng = new Rng(50_000 + i);
    const text = generateDoc(50_000 + i, rng.int(700, 900), { rubric: rng.pick(RUBRICS_FOR_FOLDER), weakShare: 0.2 + rng.next() * 0.35 });
    folderWords += countWords(text);
    writeFileSync(join(docsDir, 'folder', `memo-${String(i + 1).padStart(4, '0')}.md`), text);
  }
  const corpusFiles = existsSync(CORPUS_DIR) ? listMarkdown(CORPUS_DIR) : [];
  const corpusWords = corpusFiles.reduce((n, f) => n + countWords(readFileSync(f, 'utf8')), 0);
  const m: Manifest = {
    version: GENERATOR_VERSION,
    sizes,
    folder: { path: join(docsDir, 'folder'), files: FOLDER_FILES, words: folderWords },
    corpus: { path: CORPUS_DIR, files: corpusFiles.length, words: corpusWords },
  };
  writeFileSync(manifestPath, JSON.stringify(m, null, 2));
  return m;
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const m = ensureDocs(join(REPO_ROOT, '.bench-cache'));
  console.log(JSON.stringify(m, null, 2));
}
