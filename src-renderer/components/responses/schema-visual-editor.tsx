import { useEffect, useMemo, useRef, useState } from 'react';
import {
  EDITABLE_KINDS,
  addProperty,
  nodeAt,
  nodeToSchema,
  propertyNameProblem,
  removeProperty,
  renameProperty,
  schemaRef,
  schemaRefName,
  schemaRows,
  schemaToNode,
  setKind,
  setRequired,
  type EditableKind,
  type NodePath,
  type SchemaNode,
  type SchemaRow,
} from '../../../shared/http/schema-rows';
import { CommitInput } from './commit-input';

const KIND_LABELS: Record<EditableKind, string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array (list)',
  ref: 'shared schema ($ref)',
};

const pathKey = (path: NodePath) => path.join('.');

/**
 * A body schema as rows: one per property, nested objects and array items indented under their
 * parent. Every change writes the whole schema back through `onChange` (one undo step); parts the
 * rows cannot show stay as they are and say so.
 */
export function SchemaVisualEditor({ schema, schemaNames, onChange, label }: { schema: unknown; schemaNames: readonly string[]; onChange: (schema: unknown) => Promise<boolean>; label: string }) {
  const root = useMemo(() => schemaToNode(schema), [schema]);
  const rows = useMemo(() => schemaRows(root), [root]);
  // Edits build on the newest tree, even before the document's answer to the last one arrives.
  const latest = useRef(root);
  const shown = useRef(root);
  useEffect(() => {
    latest.current = root;
    shown.current = root;
  }, [root]);
  // The property just added gets the focus when its row appears.
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const apply = (change: (root: SchemaNode) => SchemaNode) => {
    let next: SchemaNode;
    try {
      next = change(latest.current);
    } catch {
      return; // the rows only offer valid edits; a stale click does nothing
    }
    latest.current = next;
    void onChange(nodeToSchema(next)).then((applied) => {
      if (!applied) latest.current = shown.current;
    });
  };

  const sharedName = root.kind === 'ref' ? schemaRefName(root.ref ?? '') : null;
  return (
    <div className="rsp-schema">
      <table className="rsp-schema-table" data-testid="schema-visual-editor">
        <caption className="rsp-sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">
              <span className="rsp-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.type === 'add' ? (
              <tr key={`add:${pathKey(row.path)}`} className="rsp-schema-add">
                <td colSpan={4} style={{ paddingLeft: `${row.depth * 20 + 6}px` }}>
                  <button
                    type="button"
                    className="rsp-link"
                    data-testid="add-property"
                    data-path={pathKey(row.path)}
                    onClick={() =>
                      apply((r) => {
                        const added = addProperty(r, row.path);
                        setFocusKey(pathKey([...row.path, (nodeAt(added.root, row.path)?.properties?.length ?? 0) - 1]));
                        return added.root;
                      })
                    }
                  >
                    + Add property{row.path.length > 0 ? ` to ${ownerName(rows, row.path)}` : ''}
                  </button>
                </td>
              </tr>
            ) : (
              <NodeRow
                // By place, not by name: renaming a property keeps its row (and the focus in it).
              key={`node:${pathKey(row.path)}`}
                row={row}
                root={root}
                schemaNames={schemaNames}
                apply={apply}
                focusName={focusKey === pathKey(row.path)}
                onFocused={() => setFocusKey(null)}
              />
            ),
          )}
        </tbody>
      </table>
      {sharedName !== null && (
        <p className="muted rsp-small" data-testid="shared-schema-note">
          The body is the shared schema <code>{sharedName}</code>: its properties are edited where it is defined, and every body using it changes. To describe this body on its own, choose “object” as its type.
        </p>
      )}
    </div>
  );
}

/** What to call the object an "Add property" belongs to: its property name, or "items". */
function ownerName(rows: readonly SchemaRow[], path: NodePath): string {
  const owner = rows.find((r) => r.type === 'node' && pathKey(r.path) === pathKey(path));
  if (!owner || owner.type !== 'node') return 'it';
  return owner.role === 'property' ? (owner.name ?? 'it') : owner.role === 'items' ? 'each item' : 'the body';
}

function NodeRow({
  row,
  root,
  schemaNames,
  apply,
  focusName,
  onFocused,
}: {
  row: Extract<SchemaRow, { type: 'node' }>;
  root: SchemaNode;
  schemaNames: readonly string[];
  apply: (change: (root: SchemaNode) => SchemaNode) => void;
  focusName: boolean;
  onFocused: () => void;
}) {
  const key = pathKey(row.path);
  const who = row.role === 'property' ? `property ${row.name}` : row.role === 'items' ? 'the items' : 'the body';
  const refName = row.kind === 'ref' ? (schemaRefName(row.ref ?? '') ?? row.ref ?? '') : '';
  const refChoices = row.kind === 'ref' && refName !== '' && !schemaNames.includes(refName) ? [refName, ...schemaNames] : schemaNames;

  const changeKind = (value: string) => {
    const kind = value as EditableKind;
    if (kind === 'ref') {
      const first = schemaNames[0];
      if (first === undefined) return;
      apply((r) => setKind(r, row.path, 'ref', schemaRef(first)));
    } else apply((r) => setKind(r, row.path, kind));
  };

  return (
    <tr className={`rsp-schema-row rsp-role-${row.role}`} data-testid="schema-row" data-path={key} data-name={row.name ?? ''} data-kind={row.kind}>
      <th scope="row" style={{ paddingLeft: `${row.depth * 20 + 6}px` }}>
        {row.role === 'property' ? (
          <CommitInput
            label={`Name of ${who}`}
            hideLabel
            value={row.name ?? ''}
            check={(draft) => propertyNameProblem(root, row.path, draft)}
            onCommit={(name) => apply((r) => renameProperty(r, row.path, name))}
            testId="property-name"
            focusOnMount={focusName}
            onFocusedOnMount={onFocused}
            spellCheck={false}
            className="rsp-mono"
          />
        ) : row.role === 'items' ? (
          <span className="muted">each item</span>
        ) : (
          <span>Body</span>
        )}
      </th>
      <td>
        <span className="rsp-type-cell">
          <select aria-label={`Type of ${who}`} value={row.kind} onChange={(e) => changeKind(e.target.value)} data-testid="property-type">
            {row.kind === 'custom' && (
              <option value="custom" disabled>
                custom (edit as JSON)
              </option>
            )}
            {row.kind === 'none' && (
              <option value="none" disabled>
                anything
              </option>
            )}
            {EDITABLE_KINDS.map((k) => (
              <option key={k} value={k} disabled={k === 'ref' && schemaNames.length === 0 && row.kind !== 'ref'}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          {row.kind === 'ref' &&
            (schemaRefName(row.ref ?? '') === null ? (
              <code title="A reference outside components/schemas: edit it as JSON">{row.ref}</code>
            ) : (
              <select aria-label={`Shared schema of ${who}`} value={refName} onChange={(e) => apply((r) => setKind(r, row.path, 'ref', schemaRef(e.target.value)))} data-testid="property-ref">
                {refChoices.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            ))}
          {row.kind === 'custom' && <span className="muted rsp-small">uses keywords these rows cannot show; switch to JSON to edit it</span>}
        </span>
      </td>
      <td>
        {row.role === 'property' && (
          <input type="checkbox" aria-label={`${row.name ?? ''} is required`} checked={row.required} onChange={(e) => apply((r) => setRequired(r, row.path, e.target.checked))} data-testid="property-required" />
        )}
      </td>
      <td>
        {row.role === 'property' && (
          <button type="button" className="rsp-icon" aria-label={`Remove property ${row.name ?? ''}`} title="Remove" onClick={() => apply((r) => removeProperty(r, row.path))} data-testid="remove-property">
            ×
          </button>
        )}
      </td>
    </tr>
  );
}
