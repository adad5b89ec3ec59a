import { useStore } from '../store';

/** The error and notice line above every view (dismissable). */
export function Messages() {
  const error = useStore((s) => s.error);
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismissMessages);
  if (!error && !notice) return null;
  return (
    <div className={`notice${error ? ' notice-error' : ''}`} role={error ? 'alert' : 'status'}>
      <span className={error ? 'error' : undefined}>{error ?? notice}</span>
      <button type="button" onClick={dismiss}>Dismiss</button>
    </div>
  );
}
