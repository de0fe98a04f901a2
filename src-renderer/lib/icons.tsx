/**
 * Small signs drawn as SVG, not emoji: an offline machine without an emoji font (many Linux
 * desktops) shows emoji as empty boxes. They take the text's colour and size.
 */
interface IconProps {
  /** Read out by screen readers and shown on hover; without it the sign is decoration. */
  label?: string;
}

function Icon({ label, path }: IconProps & { path: string }) {
  const named = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  return (
    <svg width="1em" height="1em" viewBox="0 0 16 16" fill="currentColor" className="icon" {...named}>
      {label && <title>{label}</title>}
      <path d={path} />
    </svg>
  );
}

/** A pushpin: a pinned route, kept as it is when re-planning. */
export function PinIcon({ label }: IconProps) {
  return <Icon label={label} path="M10.3 1.3a1 1 0 0 1 1.4 0l3 3a1 1 0 0 1 0 1.4l-.9.9a1 1 0 0 1-1 .25L10.6 9.05l.2 2.05a1 1 0 0 1-.29.8l-.7.7a.5.5 0 0 1-.7 0L6.6 10.1 2.85 13.85a.5.5 0 0 1-.7-.7L5.9 9.4 3.4 6.9a.5.5 0 0 1 0-.7l.7-.7a1 1 0 0 1 .8-.29l2.05.2L9.15 3.2a1 1 0 0 1 .25-1z" />;
}

/** A house: a daytime shift of home visits. */
export function HomeIcon({ label }: IconProps) {
  return <Icon label={label} path="M8 1.5 1 7.5h2v7h4v-4h2v4h4v-7h2z" />;
}
