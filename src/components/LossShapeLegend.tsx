// The loss-shape panel's legend, shared by the classification and the regression loss shapes:
// the chosen loss solid, the one it is compared with dashed.

/** The colours of the two curves, as lossShapeRender and regressionShape draw them. */
const CHOSEN_COLOUR = '#0072B2';
const COMPARED_COLOUR = '#D55E00';

export function LossShapeLegend({ chosen, compared }: { chosen: string; compared: string | null }) {
  return (
    <span className="legend">
      <span className="swatch" style={{ background: CHOSEN_COLOUR }} /> {chosen}
      {compared !== null && (
        <>
          <span className="swatch dashed" style={{ borderColor: COMPARED_COLOUR }} /> {compared}
        </>
      )}
    </span>
  );
}
