/**
 * Text that reaches the log from outside (a node's error message, a reply quoted in an error) must never start a
 * GitHub Actions workflow command (`::error::`, `::stop-commands::`, `::add-mask::` ...): the runner reads any
 * line of a step's output that starts with `::` (after trimming) as a command. `safeLine` makes one line of any
 * text: line breaks become ` ⏎ ` and a leading `::` becomes `: :`, so nothing a node sends can start a line.
 */
export function safeLine(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
    .map((l) => l.replace(/^(\s*):(?=:)/, '$1: '))
    .join(' ⏎ ');
}
