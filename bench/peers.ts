// The linters Presence is measured against, each driven in-process through its own API on the same strings.
// Every adapter returns the number of problems the tool reported, so a run that silently does nothing shows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './common.js';

// CommonJS peers are loaded with require so their exports arrive exactly as their type declarations describe;
// the ESM-only ones (alex, markdownlint, harper.js) through import().
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

export interface Tool {
  name: string;
  version: string;
  /** How the tool is driven (API, options, what it sees). */
  how: string;
  /** One-off setup (module loading, WebAssembly compilation); timed separately, not part of any run. */
  setup(): Promise<void>;
  /** Lints one Markdown document; returns the number of problems reported. */
  lint(text: string, name: string): number | Promise<number>;
}

export const PEER_NAMES = ['write-good', 'alex', 'textlint', 'markdownlint', 'harper.js'] as const;
export type PeerName = (typeof PEER_NAMES)[number];

function versionOf(pkg: string): string {
  const p = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return p.version;
}

function writeGoodTool(): Tool {
  let lint: ((text: string) => unknown[]) | undefined;
  return {
    name: 'write-good',
    version: versionOf('write-good'),
    how: 'writeGood(text) with its default checks, on the raw Markdown (it has no Markdown parser)',
    async setup() {
      lint = requireFromRoot('write-good') as typeof import('write-good');
    },
    lint(text) {
      return lint!(text).length;
    },
  };
}

function alexTool(): Tool {
  let md: ((text: string) => { messages: unknown[] }) | undefined;
  return {
    name: 'alex',
    version: versionOf('alex'),
    how: 'markdown(text) from its ESM API (remark → retext-equality + retext-profanities)',
    async setup() {
      const mod = await import('alex');
      md = (text) => mod.markdown(text);
    },
    lint(text) {
      return md!(text).messages.length;
    },
  };
}

function textlintTool(): Tool {
  let run: ((text: string, name: string) => Promise<number>) | undefined;
  return {
    name: 'textlint',
    version: versionOf('textlint'),
    how: 'TextlintKernel.lintText with @textlint/textlint-plugin-markdown and textlint-rule-write-good loaded in-process',
    async setup() {
      const { TextlintKernel } = requireFromRoot('@textlint/kernel') as typeof import('@textlint/kernel');
      const markdownPlugin = (requireFromRoot('@textlint/textlint-plugin-markdown') as typeof import('@textlint/textlint-plugin-markdown'))
        .default;
      const writeGoodRule = (requireFromRoot('textlint-rule-write-good') as typeof import('textlint-rule-write-good')).default;
      const kernel = new TextlintKernel();
      const plugins = [{ pluginId: 'markdown', plugin: markdownPlugin }];
      const rules = [{ ruleId: 'write-good', rule: writeGoodRule }];
      run = async (text, name) => {
        const r = await kernel.lintText(text, { ext: '.md', filePath: name, plugins, rules });
        return r.messages.length;
      };
    },
    lint(text, name) {
      return run!(text, name);
    },
  };
}

function markdownlintTool(): Tool {
  let run: ((text: string, name: string) => number) | undefined;
  return {
    name: 'markdownlint',
    version: versionOf('markdownlint'),
    how: "lint({ strings }) from 'markdownlint/sync' with the default rule set",
    async setup() {
      const { lint } = await import('markdownlint/sync');
      run = (text, name) => {
        const r = lint({ strings: { [name]: text } });
        return (r[name] ?? []).length;
      };
    },
    lint(text, name) {
      return run!(text, name);
    },
  };
}

function harperTool(): Tool {
  let run: ((text: string) => Promise<number>) | undefined;
  return {
    name: 'harper.js',
    version: versionOf('harper.js'),
    how: "LocalLinter with the inlined WebAssembly binary (binaryInlined), language 'markdown', on the main thread; WorkerLinter needs a browser Web Worker",
    async setup() {
      const { LocalLinter } = await import('harper.js');
      const { binaryInlined } = await import('harper.js/binaryInlined');
      const linter = new LocalLinter({ binary: binaryInlined });
      await linter.setup();
      run = async (text) => (await linter.lint(text, { language: 'markdown' })).length;
    },
    lint(text) {
      return run!(text);
    },
  };
}

export function peer(name: PeerName): Tool {
  switch (name) {
    case 'write-good':
      return writeGoodTool();
    case 'alex':
      return alexTool();
    case 'textlint':
      return textlintTool();
    case 'markdownlint':
      return markdownlintTool();
    case 'harper.js':
      return harperTool();
  }
}
