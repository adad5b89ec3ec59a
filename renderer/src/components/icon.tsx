/** Small stroke icons drawn in SVG (system fonts lack many media glyphs). Decorative: pair with a label. */
const PATHS = {
  first: 'M5 4v12M16 4l-8 6 8 6z',
  back: 'M14 4l-8 6 8 6z',
  play: 'M6 4l10 6-10 6z',
  pause: 'M6 4v12M14 4v12',
  forward: 'M6 4l8 6-8 6z',
  last: 'M15 4v12M4 4l8 6-8 6z',
  up: 'M10 16V4M5 9l5-5 5 5',
  down: 'M10 4v12M5 11l5 5 5-5',
  edit: 'M4 16l1-4 8-8 3 3-8 8zM12 5l3 3',
  copy: 'M7 7h9v9H7zM4 13V4h9',
  skip: 'M10 3a7 7 0 100 14 7 7 0 000-14zM5 15L15 5',
  trash: 'M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 14 }: { readonly name: IconName; readonly size?: number }) {
  const filled = name === 'play' || name === 'back' || name === 'forward';
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
      <path d={PATHS[name]} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={filled ? 1 : 1.8} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
