import { describe, expect, it } from 'vitest';
import { ErrorInterface, typeToString } from '../../src/types';

describe('ErrorInterface', () => {
  it('has the five documented methods with their signatures', () => {
    const sigs = Object.fromEntries(Object.entries(ErrorInterface.methods).map(([k, f]) => [k, typeToString(f.type)]));
    expect(sigs).toEqual({
      kind: 'fun(self) -> string',
      message: 'fun(self) -> string',
      retryable: 'fun(self) -> boolean?',
      details: 'fun(self) -> {[string]: any}?',
      stack: 'fun(self) -> string?',
    });
    for (const f of Object.values(ErrorInterface.methods)) expect(f.description).toBeTruthy();
    expect(ErrorInterface.name).toBe('Error');
  });
});
