import type { AssumptionEntry } from '../../../../shared/ipc/desk-types';
import { useStore } from '../../store';

/** The workspace-wide value of one assumption (booleans and choices are editable; lists and numbers shown). */
export function WorkspaceAssumption({ a }: { a: AssumptionEntry }) {
  const set = useStore((s) => s.setWorkspaceAssumption);
  const label = `Workspace value of ${a.name}`;
  if (a.kind === 'boolean') {
    return (
      <select aria-label={label} value={String(a.current)} onChange={(e) => void set(a.name, e.target.value === 'true')}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (a.kind === 'enum' && a.values) {
    return (
      <select aria-label={label} value={String(a.current)} onChange={(e) => void set(a.name, e.target.value)}>
        {a.values.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    );
  }
  return <code>{Array.isArray(a.current) ? a.current.join(', ') : String(a.current)}</code>;
}
