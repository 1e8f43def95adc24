// STUB
export interface RubricProblem { message: string; field: string; start: number; end: number }
export const BUILTIN_RUBRIC_NAMES = ['executive', 'board-update', 'strategy-memo', 'decision-doc', 'status-update', 'interview-answer'];
export function validateRubric(_text: string, _path: string): RubricProblem[] { return []; }
