// Local declarations for the benchmark's peer linters that ship without types.

declare module 'write-good' {
  interface WriteGoodSuggestion {
    index: number;
    offset: number;
    reason: string;
  }
  function writeGood(text: string, options?: Record<string, boolean>): WriteGoodSuggestion[];
  export = writeGood;
}

declare module 'textlint-rule-write-good' {
  import type { TextlintRuleModule } from '@textlint/types';
  const rule: TextlintRuleModule;
  export default rule;
}
