import { useEffect, useRef } from 'react';
import type { DataPoints, MoeFrame } from '../../workers/protocol';
import { territoryDraw } from './moeTerritoryRender';

/** One run's expert territories on the plane (colour = the expert a point there is routed to first). */
export function ExpertTerritories({ moe, points, domains, size, label, testId }: { moe: MoeFrame | null; points: DataPoints | null; domains: number; size: number; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current && moe) territoryDraw(canvas.current, { moe, points, domains }, size);
  }, [moe, points, domains, size]);
  const counts = moe ? expertCellCounts(moe) : [];
  return (
    <canvas
      ref={canvas}
      className="moe-territories"
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-step={moe?.step ?? -1}
      // Which experts own territory, and how many grid cells each: what the colours show, for tests and readers.
      data-cells={counts.join(',')}
    />
  );
}

function expertCellCounts(moe: MoeFrame): number[] {
  const counts = new Array<number>(moe.experts).fill(0);
  for (const e of moe.territories) counts[e]! += 1;
  return counts;
}
