/** A YAML scalar for a front-matter value: plain when safe, else double-quoted. */
export function yamlScalar(value: string): string {
  const plainSafe = value.length > 0 && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/(:\s|:$|\s#|[\u0000-\u001f\u007f\u2028\u2029]|\s$)/.test(value) && !/^(true|false|null|~|yes|no|on|off|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}
