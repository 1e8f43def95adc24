// STUB: LSP wiring lands in the editor issue.
export {};
