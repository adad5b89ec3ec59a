/** One assumption, switchable in place: the change re-explains the number at once (a what-if; the workspace keeps its rulebook). */
import { useStore } from '../../store';

export function AssumptionSwitch({ name, value: explained }: { name: string; value: unknown }) {
  const override = useStore((s) => s.overrideAssumption);
  const def = useStore((s) => s.rulebook?.assumptions.find((a) => a.name === name));
  const overridden = useStore((s) => name in s.assumptionOverrides);
  // The what-if value shows at once, before the re-explanation arrives.
  const value = useStore((s) => (name in s.assumptionOverrides ? s.assumptionOverrides[name] : explained));
  const id = `assume-${name}`;
  let control;
  if (typeof value === 'boolean') {
    control = <input id={id} type="checkbox" checked={value} onChange={(e) => void override(name, e.target.checked)} data-testid={id} />;
  } else if (def?.kind === 'enum' && def.values) {
    control = (
      <select id={id} value={String(value)} onChange={(e) => void override(name, e.target.value)} data-testid={id}>
        {def.values.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    );
  } else {
    control = <code>{Array.isArray(value) ? value.join(', ') : String(value)}</code>;
  }
  return (
    <li className={`switch${overridden ? ' overridden' : ''}`}>
      <div className="switch-row">
        {control}
        <label htmlFor={id}><code>{name}</code>{overridden ? ' (what-if)' : ''}</label>
      </div>
      {def && <p className="small muted">{def.description}</p>}
    </li>
  );
}
