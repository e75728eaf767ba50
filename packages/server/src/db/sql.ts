/** A fragment of SQL with its `?` parameters, for read paths that skip the ORM's query building. */
export interface Sql {
  readonly text: string;
  readonly params: readonly unknown[];
}

export function sql(text: string, params: readonly unknown[] = []): Sql {
  return { text, params };
}

/** Joins fragments with `and` / `or`, each in parentheses. */
export function joinSql(parts: readonly Sql[], operator: 'and' | 'or'): Sql {
  if (parts.length === 0) return sql(operator === 'and' ? '1 = 1' : '1 = 0');
  if (parts.length === 1) return parts[0]!;
  return {
    text: parts.map((p) => `(${p.text})`).join(` ${operator} `),
    params: parts.flatMap((p) => p.params),
  };
}
