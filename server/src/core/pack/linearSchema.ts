/**
 * JSON Schema `uniqueItems` is linear in ajv only when the items' own schema names a scalar
 * `type`; behind a `$ref` ajv cannot see the type and compares every pair of items, so a
 * hostile pack with a list of 40,000 phrases took 14 s to validate. This copies the schema
 * with the referenced scalar type written next to each such `$ref` (the same constraint,
 * said twice), so every uniqueness check runs in linear time.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

export function withLinearUniqueItems<T>(schema: T): T {
  const root = schema as unknown as { [key: string]: Json };
  const definitions = (root.definitions ?? root.$defs ?? {}) as { [key: string]: Json };
  const typeOf = (ref: string): string | undefined => {
    const match = /^#\/(?:definitions|\$defs)\/(.+)$/.exec(ref);
    const target = match ? definitions[match[1]] : undefined;
    const type = target && typeof target === 'object' && !Array.isArray(target) ? target.type : undefined;
    return typeof type === 'string' && SCALARS.has(type) ? type : undefined;
  };
  const copy = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(copy);
    if (!node || typeof node !== 'object') return node;
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) out[key] = copy(value);
    const items = out.items;
    if (out.uniqueItems === true && items && typeof items === 'object' && !Array.isArray(items) && typeof items.$ref === 'string' && items.type === undefined) {
      const type = typeOf(items.$ref);
      if (type) out.items = { ...items, type };
    }
    return out;
  };
  return copy(root as Json) as unknown as T;
}
