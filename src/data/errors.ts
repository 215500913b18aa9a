/**
 * Validation errors a contributor can act on: one line per problem, `file: json.path: expected X, received Y`.
 */
import type { z } from 'zod';

/** Render a JSON path as `series[3].values.totalIssuance`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A short, quoted rendering of what was found. */
function describeReceived(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.values.map((x) => JSON.stringify(x)).join(' or ')}`;
    case 'unrecognized_keys':
      return `unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return 'expected one of the allowed shapes';
    default: {
      const m = issue.message.replace(/^Invalid input: /, '');
      return /^(expected|unexpected)/i.test(m) ? m : `expected ${m.charAt(0).toLowerCase()}${m.slice(1)}`;
    }
  }
}

/** One line per issue: `path: expected X, received Y`. */
export function formatIssues(error: z.ZodError, input: unknown, prefix: PropertyKey[] = []): string[] {
  return error.issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path]);
    const head = `${path}: ${expectation(issue)}`;
    return issue.code === 'unrecognized_keys'
      ? head
      : `${head}, received ${describeReceived(valueAt(input, issue.path))}`;
  });
}

export class DataFileError extends Error {
  readonly file: string;
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'));
    this.name = 'DataFileError';
    this.file = file;
    this.problems = problems;
  }
}

/** Parse `input` with `schema` or throw a DataFileError naming the file and every bad field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  file: string,
  prefix: PropertyKey[] = [],
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DataFileError(file, formatIssues(result.error, input, prefix));
}
