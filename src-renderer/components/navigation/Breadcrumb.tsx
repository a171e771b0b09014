import './navigation.css';

import type { DrillPath } from '../../chart/heatmap-view';

interface Props {
  /** Name of the whole map, e.g. "S&P 500". */
  rootLabel: string;
  path: DrillPath;
  onNavigate(path: DrillPath): void;
}

/** Where the drill-down is, with a way back to each level above. */
export function Breadcrumb({ rootLabel, path, onNavigate }: Props) {
  const levels: Array<{ label: string; path: DrillPath }> = [{ label: rootLabel, path: {} }];
  if (path.sector) levels.push({ label: path.sector, path: { sector: path.sector } });
  if (path.sector && path.industry) levels.push({ label: path.industry, path: { ...path } });

  return (
    <nav className="breadcrumb" aria-label="Drill-down">
      <ol>
        {levels.map((level, i) => {
          const last = i === levels.length - 1;
          return (
            <li key={level.label + i}>
              {last ? (
                <span aria-current="location">{level.label}</span>
              ) : (
                <button type="button" className="link" onClick={() => onNavigate(level.path)}>
                  {level.label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {levels.length > 1 && (
        <span className="breadcrumb-hint" aria-hidden="true">
          Esc goes up
        </span>
      )}
    </nav>
  );
}
