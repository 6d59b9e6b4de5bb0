// Which charts a preference panel draws for which runs: a comparison may mix preference losses
// (DPO, RPO…) with unlearning losses (NPO, gradient ascent…), whose numbers mean different things
// (the cosine is between y_w and y_l for one, between the forget and retain sets for the other),
// so each family's charts show only that family's runs.
import { preferenceLossFind } from '../../losses/preference/registry';

export type PreferenceFamily = 'preference' | 'unlearning';

export interface PreferenceFamilyGroup {
  family: PreferenceFamily;
  /** Indices of the runs of this family, in run order. */
  runs: number[];
}

export function preferenceFamilyOf(lossId: string): PreferenceFamily {
  return preferenceLossFind(lossId)?.family ?? 'preference';
}

/** The families present among the runs' losses, preference first, each with its runs. */
export function preferenceFamilyGroups(lossIds: readonly string[]): PreferenceFamilyGroup[] {
  const families = lossIds.map(preferenceFamilyOf);
  return (['preference', 'unlearning'] as const)
    .map((family) => ({ family, runs: families.flatMap((f, r) => (f === family ? [r] : [])) }))
    .filter((group) => group.runs.length > 0);
}
