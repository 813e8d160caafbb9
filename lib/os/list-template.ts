import { Fn, Token } from 'cdktf';

// Stands for the list element while the per-element text is split into what comes before and
// after it; it cannot occur in rendered configuration.
const ELEMENT = '\u0000element\u0000';

/**
 * Renders `render(element)` for every element of `list` and joins the pieces with `separator`.
 *
 * A list known only at deploy time (a token such as `aws_network_interface.x.private_ips`) cannot
 * be iterated at synth time, so the same text is produced by Terraform instead:
 * `prefix + join(suffix + separator + prefix, list) + suffix`, where `render(element)` is
 * `prefix + element + suffix`. Elements that are tokens inside a literal list need nothing
 * special: each renders as its own `${...}` reference.
 *
 * The rendered text around the element must not contain double quotes (Terraform function
 * arguments cannot hold them) and the list must not be empty.
 */
export function renderEach(list: string[], render: (element: string) => string, separator: string): string {
  if (!isListToken(list)) return list.map(render).join(separator);
  const [prefix, suffix] = render(ELEMENT).split(ELEMENT);
  return `${prefix}${Fn.join(`${suffix}${separator}${prefix}`, list)}${suffix}`;
}

/** The first element of `list`, as a Terraform `element(...)` reference when the list is a token. */
export function firstElement(list: string[]): string {
  return isListToken(list) ? Fn.element(list, 0) : list[0];
}

/**
 * True when the list itself is known only at deploy time. A literal list whose elements are
 * tokens is not a list token: its elements can be iterated at synth time.
 */
export function isListToken(list: string[]): boolean {
  return Token.isUnresolved(list);
}
