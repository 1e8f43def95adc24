// Keystroke → published diagnostics through the real server (dist/server.js) over stdio, driven by the LSP test
// harness (test/lsp/lspClient.ts) with `presence.debounceMs: 0`. Each single-character edit (typing bursts inside
// prose paragraphs, the same edits as the in-process incremental figure) is timed from sending didChange to
// receiving the publishDiagnostics for that document version.
import { performance } from 'node:perf_hooks';
import { LspClient } from '../test/lsp/lspClient.js';
import { stats, type Stats } from './common.js';
import { typingEdits } from './generate.js';

export type LatencyResult = { stats: Stats; edits: number; warmupEdits: number; how: string } | { na: string };

export async function keystrokeLatency(text: string, count: number): Promise<LatencyResult> {
  let client: LspClient | undefined;
  try {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
    const uri = await client.open('memo-10k.md', text);
    await client.waitForDiagnostics(uri, 1, 60_000);
    const run = async (n: number, seed: number): Promise<number[]> => {
      const samples: number[] = [];
      for (const e of typingEdits(client!.text(uri), n, seed)) {
        const t0 = performance.now();
        const v = client!.replace(uri, e.start, e.end, e.text);
        await client!.waitForDiagnostics(uri, v, 30_000);
        samples.push(performance.now() - t0);
        // The harness keeps every publish for the tests; an editor keeps only the latest. Hundreds of 70 KB
        // publishes kept alive made the harness's own garbage collection part of the figure.
        client!.published.length = 0;
      }
      return samples;
    };
    const warmupEdits = 30;
    await run(warmupEdits, 7);
    const samples = await run(count, 8);
    await client.shutdown().catch(() => client!.dispose());
    return {
      stats: stats(samples),
      edits: samples.length,
      warmupEdits,
      how: 'LspClient (test/lsp/lspClient.ts) over stdio; didChange with one-character range edits inside prose; timed to the publishDiagnostics of that version',
    };
  } catch (e) {
    client?.dispose();
    return { na: `keystroke run failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` };
  }
}
