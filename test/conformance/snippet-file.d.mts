export interface Snippet { readonly name: string; readonly tags: string[]; readonly source: Buffer; readonly line: number }
export function splitSnippets(bytes: Buffer, file: string): Snippet[];
export function splitExpected(bytes: Buffer): Map<string, Buffer>;
export function normalizeOutput(output: Buffer): Buffer;
export function joinExpected(outputs: ReadonlyArray<{ name: string; output: Buffer }>): Buffer;
