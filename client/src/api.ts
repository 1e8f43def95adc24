// What activate() returns: a read-only window into the client for end-to-end tests.
import type { ScoreResult } from '../../server/src/protocol.js';

export interface PresenceApi {
  /** The result the score report rendered most recently (kept after the panel closes). */
  getLastReport(): ScoreResult | undefined;
  /** The status bar text while the item is shown, e.g. `$(pulse) Presence 72 · almost there`; undefined while hidden. */
  getStatusBarText(): string | undefined;
  /** The full HTML of the open score report panel; undefined when no report is open. */
  getReportHtml(): string | undefined;
  /** The full HTML of the open workspace audit panel; undefined when none is open. */
  getAuditHtml(): string | undefined;
  /** How long activate() took, in milliseconds (the server starts in the background after it). */
  getActivationMs(): number;
  /**
   * Milliseconds from the start of activate() to the server's initialize handshake completing, and to the first
   * Presence diagnostics in any document; undefined until each has happened. Where the first squiggle's wait goes.
   */
  getStartupTimings(): { serverReadyMs?: number; firstDiagnosticsMs?: number };
}
