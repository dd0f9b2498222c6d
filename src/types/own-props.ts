// Safe writes of arbitrary keys (`__proto__` included) into plain objects built from user input.

/** Sets `obj[key] = value` as an own, enumerable property, even for `__proto__`. */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `Object.prototype.hasOwnProperty.call(obj, key)`. */
export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
