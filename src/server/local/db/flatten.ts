import { invalidParam } from './errors';
import { isPlainObject, type PlainObject } from './values';

/**
 * CloudBase's SDK flattens nested object literals in `where()` and `update()`
 * into dot paths before sending them: `{a: {b: 1}}` becomes `{'a.b': 1}`, so a
 * nested object matches (or updates) field by field. Keys starting with `$`
 * are raw operators and stay where they are; an empty nested object vanishes;
 * `undefined` values are dropped. This mirrors its `flattenQueryObject`.
 */
export function flattenObject(source: PlainObject, visited: unknown[] = [source]): PlainObject {
  const flat: PlainObject = { ...source };
  for (const key of Object.keys(source)) {
    if (key.startsWith('$')) continue;
    const value = source[key];
    if (value === undefined) {
      delete flat[key];
      continue;
    }
    if (!isPlainObject(value)) continue;
    if (visited.includes(value)) throw invalidParam('Cannot convert circular structure to JSON');
    const child = flattenObject(value, [...visited, value]);
    const operators: PlainObject = {};
    let hasOperators = false;
    for (const childKey of Object.keys(child)) {
      if (childKey.startsWith('$')) {
        operators[childKey] = child[childKey];
        hasOperators = true;
      } else {
        flat[`${key}.${childKey}`] = child[childKey];
      }
    }
    if (hasOperators) flat[key] = operators;
    else delete flat[key];
  }
  return flat;
}
