import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The field names a query selects at `path` below the resolved field (e.g. `['edges', 'node']`),
 * through fragments and inline fragments; directives are ignored, so it may over-select, never under.
 * Lets a list load only the columns its page shows.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  // The same operation text is parsed once and its nodes reused for every request that sends it, so
  // the answer is remembered with the field's first node (and checked against all of them).
  const [first] = info.fieldNodes;
  const key = path.join('.');
  const remembered = first ? known.get(first)?.get(key) : undefined;
  if (remembered && sameNodes(remembered.nodes, info.fieldNodes)) return remembered.fields;
  const fields = walk(info, path);
  if (first) {
    let byPath = known.get(first);
    if (!byPath) known.set(first, (byPath = new Map<string, Remembered>()));
    byPath.set(key, { nodes: info.fieldNodes, fields });
  }
  return fields;
}

interface Remembered {
  readonly nodes: readonly FieldNode[];
  readonly fields: ReadonlySet<string>;
}
const known = new WeakMap<FieldNode, Map<string, Remembered>>();

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

function walk(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  let level: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    level = fieldsOf(info, level)
      .filter((field) => field.name.value === name)
      .flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return new Set(fieldsOf(info, level).map((field) => field.name.value));
}

function fieldsOf(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[]): FieldNode[] {
  return sets.flatMap((set) =>
    set.selections.flatMap((selection): FieldNode[] => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(info, [selection.selectionSet]);
      const fragment = info.fragments[selection.name.value];
      return fragment ? fieldsOf(info, [fragment.selectionSet]) : [];
    }),
  );
}
