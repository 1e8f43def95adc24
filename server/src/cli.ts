// STUB
export {};
