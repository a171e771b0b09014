import './settings.css';

interface Props {
  onClick(): void;
}

/**
 * The gear that opens Settings. The icon is drawn (not a ⚙ character), because not every
 * system font has that glyph; the accessible name comes from `aria-label`.
 */
export function SettingsButton({ onClick }: Props) {
  return (
    <button
      type="button"
      className="gear-button"
      aria-label="Settings"
      title="Settings"
      onClick={onClick}
    >
      {/* The path is data, not prose: one line, exempt from the 100-column wrap. */}
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1L15 3.3h-4l-.4 2.6a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1l.4 2.6h4l.4-2.6c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
          transform="translate(-1 0)"
        />
      </svg>
    </button>
  );
}
